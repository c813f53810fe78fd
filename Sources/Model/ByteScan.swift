/// Word-at-a-time byte searches ("SIMD within a register"): eight bytes are
/// tested per step for the few byte values a pass cares about, so the long
/// plain runs of a feed (text, CDATA, JSON strings) are crossed quickly.
/// Each test is exact: a word passes only when none of its bytes matches.
package struct ByteScan: Sendable {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Up to four byte values to stop at, each repeated in all eight lanes.
    private let stops: (UInt64, UInt64, UInt64, UInt64)
    /// Stop at bytes below this value (0: none).
    private let below: UInt64
    private let stopsAtNonASCII: Bool
    private let hasStops: Bool

    /// - Parameters:
    ///   - stops: one to four byte values that need a closer look.
    ///   - below: bytes under this value (at most 128) need one too.
    ///   - nonASCII: so do bytes from 0x80 on.
    package init(stoppingAt stops: [UInt8], below: UInt8 = 0, nonASCII: Bool = false) {
        let lanes = Array(stops.prefix(4)).map { Self.ones &* UInt64($0) }
        let lane = { (index: Int) in lanes.isEmpty ? 0 : lanes[min(index, lanes.count - 1)] }
        self.stops = (lane(0), lane(1), lane(2), lane(3))
        hasStops = !lanes.isEmpty
        self.below = Self.ones &* UInt64(below)
        stopsAtNonASCII = nonASCII
    }

    /// The first index at or after `start` from which the eight-byte word may
    /// hold a stop byte (or the last partial word). Bytes from there on still
    /// need a look one by one.
    package func skipPlainWords(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 8 <= bytes.count, isPlain(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
        return i
    }

    @inline(__always)
    private func isPlain(_ word: UInt64) -> Bool {
        if stopsAtNonASCII, word & Self.highs != 0 { return false }
        if below != 0, (word &- below) & ~word & Self.highs != 0 { return false }
        return !hasStops || !Self.hasZeroByte(word ^ stops.0) && !Self.hasZeroByte(word ^ stops.1)
            && !Self.hasZeroByte(word ^ stops.2) && !Self.hasZeroByte(word ^ stops.3)
    }

    @inline(__always)
    private static func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
}
