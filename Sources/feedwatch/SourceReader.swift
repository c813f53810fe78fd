import Foundation
import Fetch
import Parse

/// Reads a SOURCE argument: a file path, "-" for stdin, or an http(s)/file URL.
struct SourceReader {
    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    let engine: FetchEngine

    /// The bytes, the URL relative links resolve against, and the HTTP headers (lower-cased).
    func read(_ source: String) async throws -> (bytes: [UInt8], url: String?, headers: [String: String]) {
        if source == "-" {
            return (Array(FileHandle.standardInput.readDataToEndOfFile()), nil, [:])
        }
        if Self.isURL(source) {
            let response: HTTPResponse
            do {
                response = try await engine.perform(HTTPRequest(url: source, maxBodyBytes: 256 << 20))
            } catch {
                throw Unreadable(description: "\(error)")
            }
            guard response.isSuccess else { throw Unreadable(description: "HTTP \(response.status) (\(source))") }
            return (response.body, response.effectiveURL, response.headers)
        }
        guard let bytes = Self.contents(of: source) else {
            throw Unreadable(description: "cannot read \(source): no such file or not readable")
        }
        return (bytes, Self.fileURL(forPath: source), [:])
    }

    /// An http(s) or file URL, scheme in any case; anything else is a path.
    static func isURL(_ source: String) -> Bool {
        var source = source
        return source.withUTF8 { bytes in
            func starts(_ scheme: StaticString) -> Bool {
                scheme.withUTF8Buffer { scheme in
                    bytes.count >= scheme.count && zip(bytes, scheme).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
                }
            }
            return starts("http://") || starts("https://") || starts("file:")
        }
    }

    /// Written like a URL of any scheme ("://" anywhere): never taken for a file.
    static func looksLikeURL(_ source: String) -> Bool {
        var source = source
        return isURL(source) || source.withUTF8 { bytes in
            bytes.count >= 3 && (0...(bytes.count - 3)).contains { bytes[$0] == 0x3A && bytes[$0 + 1] == 0x2F && bytes[$0 + 2] == 0x2F }
        }
    }

    private static let workingDirectory = FileManager.default.currentDirectoryPath

    /// The file: URL of a path (RFC 8089), made absolute against the working
    /// directory; the base its relative links resolve against. Bytes outside
    /// RFC 3986's path characters are percent-encoded.
    static func fileURL(forPath path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        var url = Array("file://".utf8)
        url.reserveCapacity(absolute.utf8.count + 8)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in absolute.utf8 {
            if pathCharacters[Int(byte)] {
                url.append(byte)
            } else {
                url += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: url, as: UTF8.self)
    }

    /// pchar and "/" (RFC 3986 §3.3): unreserved, sub-delims, ":" and "@".
    private static let pathCharacters: [Bool] = (0..<256).map { byte in
        guard byte < 128 else { return false }
        let character = Character(Unicode.Scalar(UInt8(byte)))
        return character.isLetter || character.isNumber || "-._~!$&'()*+,;=:@/".contains(character)
    }

    /// The size of a regular file at `path`, by stat(2); nil for anything else.
    static func fileSize(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// A file's bytes as its size stood when opened, read straight into the
    /// array (read(2), no Data in between); nil when it cannot be read.
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        guard (status.st_mode & S_IFMT) != S_IFDIR else { return nil }
        // A pipe (`<(curl …)`) or a device has no size to go by: read until its end, up to the parser's cap.
        let isRegular = (status.st_mode & S_IFMT) == S_IFREG
        return isRegular ? readAll(descriptor, size: Int(status.st_size)) : readStream(descriptor)
    }

    private static func readStream(_ descriptor: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        while bytes.count <= FeedParser.defaultMaxBytes {
            guard let chunk = readAll(descriptor, size: 1 << 16) else { return nil }
            if chunk.isEmpty { return bytes }
            bytes += chunk
        }
        return bytes
    }

    /// Up to `size` bytes (fewer at the end of the file); nil on a read error.
    private static func readAll(_ descriptor: Int32, size: Int) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let n = Glibc.read(descriptor, base + count, size - count)
                if n < 0, errno == EINTR { continue }
                if n <= 0 {
                    failed = n < 0
                    return
                }
                count += n
            }
        }
        return failed ? nil : bytes
    }
}
