import ArgumentParser
import Foundation
import Model
import Extract
import Daemon

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract named entities from text: a readable table, or JSON lines with --jsonl.")

    @Argument(help: "A text file (default: stdin); with --jsonl, lines of {\"id\": str, \"text\": str}.")
    var file: String?

    @Flag(help: "Read {\"id\", \"text\"} lines and write one {\"id\", \"entities\"} line per input, in order.")
    var jsonl = false

    @Option(name: .long, help: "Also recognise the watched entities of this configuration (they carry \"watch\": ID).")
    var config: String?

    func run() throws {
        var watch: [WatchEntry] = []
        if let config {
            watch = try ConfigOption.load(path: config).watch
        }
        let extractor = Extractor(watch: watch)
        let handle: FileHandle
        if let file {
            guard let opened = FileHandle(forReadingAtPath: file) else {
                StandardError.write("feedwatch extract: cannot read \(file)")
                throw ExitCode(ExitStatus.noInput)
            }
            handle = opened
        } else {
            handle = .standardInput
        }
        if jsonl {
            for line in LineReader(handle: handle) where !line.allSatisfy(\.isWhitespace) {
                FileHandleStream.stdout.write(JSONLExtraction.answer(line, extractor: extractor) + "\n")
            }
        } else {
            let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
            for entity in extractor.entities(in: text) {
                let watchID = entity.watch.map { "  watch=\($0)" } ?? ""
                print("\(entity.type.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(entity.text)  [\(entity.start)–\(entity.end)]\(watchID)")
            }
        }
    }
}

/// One `--jsonl` line in, one out; a line that is not valid input still gets an answer in its place.
enum JSONLExtraction {
    static func answer(_ line: String, extractor: Extractor) -> String {
        guard let value = try? JSONReader.parse(line), case let .string(text)? = value["text"] else {
            return JSONValue.object([("id", .null), ("entities", .array([])), ("error", .string("expected {\"id\": str, \"text\": str}"))]).serialized()
        }
        let id = value["id"] ?? .null
        return JSONValue.object([("id", id), ("entities", .array(extractor.entities(in: text).map(\.json)))]).serialized()
    }
}

/// Lines of a file handle, read in chunks so a long stream is answered as it arrives.
struct LineReader: Sequence, IteratorProtocol {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var finished = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let chunk = handle.availableData
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
