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
        let lower = source.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file:") {
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
        let absolute = source.hasPrefix("/") ? source : FileManager.default.currentDirectoryPath + "/" + source
        return (bytes, URL(fileURLWithPath: absolute).absoluteString, [:])
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
