/// Word-at-a-time byte searches ("SIMD within a register"): eight bytes are
/// tested per step for the few byte values a pass cares about, so the long
/// plain runs of a feed (text, CDATA, JSON strings) are crossed quickly.
/// Each test is exact: a word passes only when none of its bytes matches.
package enum ByteScan {
    // Inlinable across modules: a call per word would cost more than the test.
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Does any byte of `word` equal `byte`?
    @inlinable @inline(__always)
    package static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// Is any byte of `word` below `bound` (at most 128)?
    @inlinable @inline(__always)
    package static func containsBelow(_ word: UInt64, _ bound: UInt8) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highs != 0
    }

    /// Is any byte of `word` 0x80 or above (not ASCII)?
    @inlinable @inline(__always)
    package static func containsNonASCII(_ word: UInt64) -> Bool { word & highs != 0 }

    /// The first index at or after `start` from which a word is not plain:
    /// whole eight-byte words for which `isPlain` holds are skipped. The bytes
    /// from the result on still need a byte-by-byte look (a word that is not
    /// plain may begin with plain bytes).
    @inlinable @inline(__always)
    package static func skipPlainWords(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ isPlain: (UInt64) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 8 <= bytes.count, isPlain(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
        return i
    }
}
