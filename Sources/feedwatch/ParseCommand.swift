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
        for source in sources {
            do {
                let (bytes, url, headers) = try await reader.read(source)
                let feed = try FeedParser.parse(bytes, url: url, headers: headers)
                FileHandleStream.stdout.write(feed.json.serialized() + "\n")
            } catch {
                let status: Int32 = error is SourceReader.Unreadable ? ExitStatus.noInput : ExitStatus.dataError
                if sources.count == 1 {
                    StandardError.write("feedwatch parse: \(error)")
                    throw ExitCode(status)
                }
                FileHandleStream.stdout.write(JSONValue.object([("source", .string(source)), ("error", .string("\(error)"))]).serialized() + "\n")
            }
        }
    }
}
