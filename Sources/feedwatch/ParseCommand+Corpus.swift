import Foundation
import Model

/// `parse` over several sources: parsed a few at a time on every core,
/// printed in order, one line each.
extension Parse {
    /// What one source gives: its line, or — for a file big enough to be
    /// parsed as it is read — its line written to an unlinked temporary file,
    /// copied out when its turn comes. Big files are parsed side by side like
    /// the rest, each in the memory of one entry.
    enum Output: Sendable {
        case line([UInt8])
        case spooled(descriptor: Int32)
    }

    /// Parses `batch` with up to `window` sources in flight, printing each line
    /// as soon as every line before it is printed. A slow source holds back at
    /// most `8 × window` finished lines.
    static func parseInOrder(_ batch: [String], window: Int, reader: SourceReader) async {
        let out = OutputWriter()
        await withTaskGroup(of: (Int, Output).self) { group in
            var next = 0, printed = 0, running = 0
            var done: [Int: Output] = [:]
            repeat {
                // Once the reader has gone (a closed pipe, SIGPIPE ignored), nothing new is started.
                while next < batch.count, running < window, next - printed < 8 * window, !out.isClosed {
                    let index = next, source = batch[index]
                    group.addTask { (index, await Self.output(for: source, reader: reader)) }
                    next += 1
                    running += 1
                }
                guard let (index, output) = await group.next(), !out.isClosed else { break }
                running -= 1
                done[index] = output
                while let ready = done.removeValue(forKey: printed) {
                    switch ready {
                    case let .line(line): await out.write(line)
                    case let .spooled(descriptor): out.copy(from: descriptor)
                    }
                    printed += 1
                }
            } while printed < batch.count
        }
        await out.finish()
    }

    static func output(for source: String, reader: SourceReader) async -> Output {
        // Without a temporary file to stream into, a big file is parsed in memory like the rest.
        guard isLargeFile(source), let spooled = spool(source) else { return .line(await line(for: source, reader: reader)) }
        return spooled
    }

    /// A source's line: its feed, or what went wrong.
    static func line(for source: String, reader: SourceReader) async -> [UInt8] {
        do {
            return try await parse(source, reader: reader)
        } catch {
            return errorLine(source, error)
        }
    }

    static func errorLine(_ source: String, _ error: any Error) -> [UInt8] {
        Array(JSONValue.object([("source", .string(source)), ("error", .string("\(error)"))]).serialized().utf8)
    }

    /// A big file's line, streamed into an unlinked temporary file; nil when no
    /// temporary file can be made. When the parse fails, the spool is dropped
    /// and the error line takes its place (no half-written object is printed).
    static func spool(_ path: String) -> Output? {
        var template = Array((NSTemporaryDirectory() + "/feedwatch-parse-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        do {
            try stream(path, to: descriptor)
            return .spooled(descriptor: descriptor)
        } catch {
            close(descriptor)
            return .line(errorLine(path, error))
        }
    }
}
