import ArgumentParser
import Foundation
import Model
import Fetch
import Parse

struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse feeds and print them as JSON: one object, or one line per SOURCE when given several.")

    @Argument(help: "A file path, - for stdin, or an http(s)/file URL.")
    var sources: [String]

    /// `parse` given many plain sources (a corpus: thousands of paths), made
    /// without ArgumentParser's positional pass, whose time grows with the
    /// square of the number of values (8,000 paths took 2 s). Anything that
    /// looks like an option, and every short list, goes the usual way.
    static func withManySources(_ arguments: [String]) -> Parse? {
        guard arguments.count > 64, arguments[0] == "parse",
              arguments.dropFirst().allSatisfy({ $0 == "-" || !$0.hasPrefix("-") }),
              var command = try? Parse.parse([arguments[1]]) else { return nil }
        command.sources = Array(arguments.dropFirst())
        return command
    }

    func run() async throws {
        HeapTuning.keepFreedBuffers()  // only here: the daemon keeps glibc's defaults, which give memory back
        let engine = FetchEngine(maxConnections: 8)
        defer { engine.shutdown() }
        let reader = SourceReader(engine: engine)
        if sources.count == 1 {
            do {
                if Self.isLargeFile(sources[0]) {
                    try Self.stream(sources[0], to: STDOUT_FILENO)
                    return
                }
                var out = StreamedObject(descriptor: STDOUT_FILENO)
                out.write(try await Self.parse(sources[0], reader: reader))
                out.write("\n")
                out.flush()
            } catch {
                StandardError.write("feedwatch parse: \(error)")
                throw ExitCode(error is SourceReader.Unreadable ? ExitStatus.noInput : ExitStatus.dataError)
            }
            return
        }
        // Several sources: parsed a few at a time on every core, printed in order.
        await Self.parseInOrder(sources, window: max(2, ProcessInfo.processInfo.activeProcessorCount * 2), reader: reader)
    }

    /// One source's feed as compact JSON (UTF-8).
    static func parse(_ source: String, reader: SourceReader) async throws -> [UInt8] {
        let (bytes, url, headers) = try await reader.read(source)
        var json = JSONWriter(capacity: bytes.count + bytes.count / 8 + 4096)  // the JSON is about the size of the feed, sometimes a little more
        try FeedParser.parse(bytes, url: url, headers: headers).writeJSON(to: &json)
        return json.bytes
    }

    /// Files this big are parsed as they are read, entries printed as they come.
    static let streamingThreshold = 8 << 20

    static func isLargeFile(_ source: String) -> Bool {
        guard source != "-", !SourceReader.looksLikeURL(source) else { return false }
        return (SourceReader.fileSize(source) ?? 0) > streamingThreshold
    }

    /// One JSON object on one line, written while parsing: the entries first,
    /// then the feed's own keys (known only at the end of the document).
    static func stream(_ path: String, to descriptor: Int32) throws {
        var out = StreamedObject(descriptor: descriptor)
        out.write("{\"entries\":[")
        var first = true
        let feed = try FeedParser.parse(file: path, url: SourceReader.fileURL(forPath: path)) { entry in
            var json = JSONWriter()
            entry.writeJSON(to: &json)
            if !first { out.write(",") }
            out.write(json.bytes)
            first = false
        }
        guard case let .object(pairs) = feed.json else { return }
        let rest = JSONValue.object(pairs.filter { $0.0 != "entries" }).serialized()
        out.write("]," + rest.dropFirst() + "\n")
        out.flush()
    }
}
