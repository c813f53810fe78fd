import Foundation
import Fetch

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
        guard let data = FileManager.default.contents(atPath: source) else {
            throw Unreadable(description: "cannot read \(source): no such file or not readable")
        }
        let absolute = source.hasPrefix("/") ? source : FileManager.default.currentDirectoryPath + "/" + source
        return (Array(data), URL(fileURLWithPath: absolute).absoluteString, [:])
    }
}
