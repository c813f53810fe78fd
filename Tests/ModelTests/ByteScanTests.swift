import Testing
@testable import Model

@Suite("ByteScan skips plain words, never a byte it must stop at")
struct ByteScanTests {
    /// Where a byte-by-byte search finds the first stop at or after `start`.
    static func naive(_ bytes: [UInt8], from start: Int, stops: [UInt8], below: UInt8, nonASCII: Bool, controls: Bool) -> Int? {
        bytes[start...].firstIndex {
            stops.contains($0) || $0 < below || (nonASCII && $0 >= 0x80) || (controls && $0 < 0x20 && ![9, 10, 13].contains($0))
        }
    }

    @Test("agrees with a byte-by-byte search", arguments: [
        ([UInt8(ascii: "<"), UInt8(ascii: "&")], UInt8(0), false, false),
        ([34, 92, 0xE2], UInt8(0x20), false, false),
        ([], UInt8(0), true, false),
        ([UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "&"), 0xC2], UInt8(0x20), false, false),
        ([UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "&"), 0xC2], UInt8(0), false, true),
        ([], UInt8(0), false, true),
        ([38, 60, 62, 34], UInt8(0), false, false),
        ([UInt8(ascii: "<")], UInt8(0), false, false),
        ([UInt8(ascii: "]")], UInt8(0), false, false),
    ])
    func agrees(stops: [UInt8], below: UInt8, nonASCII: Bool, controls: Bool) {
        let scan = ByteScan(stoppingAt: stops, below: below, nonASCII: nonASCII, xmlIllegalControls: controls)
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<2_000 {
            // Mostly plain letters with a few bytes of every kind, at every alignment.
            let count = Int.random(in: 0...70, using: &generator)
            let bytes: [UInt8] = (0..<count).map { _ in
                switch Int.random(in: 0..<20, using: &generator) {
                case 0: UInt8.random(in: 0...255, using: &generator)
                case 1: UInt8.random(in: 0...0x20, using: &generator)  // controls, tab, LF and CR among them
                case 2: [9, 10, 13].randomElement(using: &generator)!
                default: UInt8.random(in: 0x61...0x7A, using: &generator)
                }
            }
            let start = bytes.isEmpty ? 0 : trial % (bytes.count + 1)
            let skipped = bytes.withUnsafeBufferPointer { scan.skipPlainWords($0, from: start) }
            let first = Self.naive(bytes, from: start, stops: stops, below: below, nonASCII: nonASCII, controls: controls) ?? bytes.count
            // Never past the first stop byte, and only whole words before it.
            #expect(skipped <= first, "\(bytes) from \(start)")
            if stops.count == 1, below == 0, !nonASCII, !controls {
                #expect(skipped == first, "a single stop byte is found exactly: \(bytes) from \(start)")
            } else {
                #expect(skipped >= start && (skipped - start) % 8 == 0)
                #expect(first - skipped < 8 || skipped + 8 > bytes.count, "stopped early in \(bytes) from \(start)")
            }
        }
    }
}

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("writes the same text as JSONValue for the same content")
    func sameAsValue() {
        var writer = JSONWriter()
        writer.object { out in
            out.key("a"); out.string("x\"\n\u{2028}é")
            out.key("b"); out.array([1, 2]) { $0.int($1) }
            out.key("c"); out.string(nil)
            out.key("d"); out.object { $0.key("e"); $0.bool(true) }
            out.key("f"); out.strings([])
        }
        let value = JSONValue.object([
            ("a", .string("x\"\n\u{2028}é")), ("b", .array([.int(1), .int(2)])), ("c", .null),
            ("d", .object([("e", .bool(true))])), ("f", .array([])),
        ])
        #expect(String(decoding: writer.bytes, as: UTF8.self) == value.serialized())
    }
}
