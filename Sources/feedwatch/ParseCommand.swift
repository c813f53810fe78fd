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

    func run() async throws {
        let engine = FetchEngine(maxConnections: 8)
        defer { engine.shutdown() }
        let reader = SourceReader(engine: engine)
        if sources.count == 1 {
            do {
                FileHandleStream.stdout.write(try await Self.parse(sources[0], reader: reader) + "\n")
            } catch {
                StandardError.write("feedwatch parse: \(error)")
                throw ExitCode(error is SourceReader.Unreadable ? ExitStatus.noInput : ExitStatus.dataError)
            }
            return
        }
        // Several sources: parsed a few at a time on every core, printed in order.
        let window = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        var start = 0
        while start < sources.count {
            let batch = Array(sources[start..<min(start + window, sources.count)])
            let lines = await withTaskGroup(of: (Int, String).self) { group in
                for (index, source) in batch.enumerated() {
                    group.addTask {
                        do {
                            return (index, try await Self.parse(source, reader: reader))
                        } catch {
                            return (index, JSONValue.object([("source", .string(source)), ("error", .string("\(error)"))]).serialized())
                        }
                    }
                }
                var lines = [String](repeating: "", count: batch.count)
                for await (index, line) in group { lines[index] = line }
                return lines
            }
            FileHandleStream.stdout.write(lines.joined(separator: "\n") + "\n")
            start += window
        }
    }

    static func parse(_ source: String, reader: SourceReader) async throws -> String {
        let (bytes, url, headers) = try await reader.read(source)
        return try FeedParser.parse(bytes, url: url, headers: headers).json.serialized()
    }
}
