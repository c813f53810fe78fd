import Foundation
import Model

/// A UTF-8 document read from a file in chunks and mended on the way
/// (`DocumentEncoding`'s UTF-8 repair, `XMLRepair`), for libxml2's push parser:
/// memory stays bounded by the chunk size, not the document.
/// Not Sendable: one parse owns it.
final class StreamingInput {
    static let chunkSize = 256 << 10

    private let handle: FileHandle
    private var repair = XMLRepair()
    private var utf8Carry: [UInt8] = []
    private var ready: [UInt8] = []
    private var finished = false
    private(set) var mended = false

    init(handle: FileHandle, firstChunk: [UInt8]) {
        self.handle = handle
        ready = mend(firstChunk, final: false)
    }

    var repaired: Bool { mended || repair.repaired }

    /// The next mended bytes; nil at the end. The first call gives the first chunk.
    func nextChunk() throws(ParseError) -> [UInt8]? {
        if !ready.isEmpty {
            defer { ready = [] }
            return ready
        }
        guard !finished else { return nil }
        let chunk: Data
        do {
            chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
        } catch {
            throw .notAFeed(reason: "reading failed: \(error.localizedDescription)")
        }
        finished = chunk.isEmpty
        return mend(Array(chunk), final: finished)
    }

    private func mend(_ chunk: [UInt8], final: Bool) -> [UInt8] {
        var bytes = utf8Carry + chunk
        utf8Carry = []
        if !final {
            // Keep back a multi-byte sequence the chunk boundary cut in two.
            let keep = Self.incompleteTail(bytes)
            if keep > 0 {
                utf8Carry = Array(bytes.suffix(keep))
                bytes.removeLast(keep)
            }
        }
        let decoded = DocumentEncoding.repairUTF8(bytes)
        mended = mended || decoded.mended
        return repair.process(decoded.bytes, final: final)
    }

    /// How many bytes at the end start a UTF-8 sequence that is not complete yet.
    static func incompleteTail(_ bytes: [UInt8]) -> Int {
        for back in 1...min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0xC0 == 0x80 { continue }  // a continuation byte: look further back
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? back : 0
        }
        return 0
    }
}
