import Foundation

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
    /// All high bits when non-ASCII bytes stop the scan, else zero.
    private let nonASCIIMask: UInt64
    /// All high bits when there are stop bytes, else zero (the lanes then hold nothing).
    private let stopMask: UInt64
    /// Stop at the controls XML forbids (below 0x20, but for tab, line feed and carriage return).
    private let xmlIllegalControls: Bool
    /// The one byte to stop at, when that is the whole test: the C library's
    /// memchr(3) (vectorised) finds it faster than words can.
    private let only: UInt8?

    /// - Parameters:
    ///   - stops: one to four byte values that need a closer look.
    ///   - below: bytes under this value (at most 128) need one too.
    ///   - nonASCII: so do bytes from 0x80 on.
    ///   - xmlIllegalControls: so do the controls XML 1.0 §2.2 forbids; tab, line
    ///     feed and carriage return, which text is full of, do not.
    package init(stoppingAt stops: [UInt8], below: UInt8 = 0, nonASCII: Bool = false, xmlIllegalControls: Bool = false) {
        self.xmlIllegalControls = xmlIllegalControls
        only = stops.count == 1 && below == 0 && !nonASCII && !xmlIllegalControls ? stops[0] : nil
        let lanes = Array(stops.prefix(4)).map { Self.ones &* UInt64($0) }
        let lane = { (index: Int) in lanes.isEmpty ? 0 : lanes[min(index, lanes.count - 1)] }
        self.stops = (lane(0), lane(1), lane(2), lane(3))
        stopMask = lanes.isEmpty ? 0 : Self.highs
        self.below = Self.ones &* UInt64(below)
        nonASCIIMask = nonASCII ? Self.highs : 0
    }

    /// The first index at or after `start` from which the eight-byte word may
    /// hold a stop byte (or the last partial word; with a single stop byte, the
    /// stop itself or the end). Bytes from there on still need a look one by one.
    package func skipPlainWords(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return start }
        if let only {
            guard let found = memchr(base + start, Int32(only), bytes.count - start) else { return bytes.count }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        let raw = UnsafeRawPointer(base)
        var i = start
        // Two words a step while both are plain, then one at a time up to the stop.
        while i + 16 <= bytes.count,
              flags(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) | flags(raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) == 0 {
            i += 16
        }
        while i + 8 <= bytes.count, flags(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) == 0 { i += 8 }
        return i
    }

    /// Non-zero when the word holds a byte to stop at. Branch-free: a test that
    /// is not asked for is masked to zero (a "below" of 0 is zero by itself).
    @inline(__always)
    private func flags(_ word: UInt64) -> UInt64 {
        let stopped = Self.zeroBytes(word ^ stops.0) | Self.zeroBytes(word ^ stops.1)
            | Self.zeroBytes(word ^ stops.2) | Self.zeroBytes(word ^ stops.3)
        let flagged = (stopped & stopMask) | (word & nonASCIIMask) | ((word &- below) & ~word & Self.highs)
        return xmlIllegalControls ? flagged | Self.illegalControls(word) : flagged
    }

    /// The high bit of each lane holding a control below 0x20 other than tab, LF or CR.
    /// Lane-exact (no borrow crosses lanes), so lanes can be masked one by one.
    @inline(__always)
    private static func illegalControls(_ word: UInt64) -> UInt64 {
        let sevenBits = word & lows
        let control = ~((sevenBits &+ ones &* 0x60) | word) & highs
        return control & ~exactZeroBytes(word ^ ones &* 0x09) & ~exactZeroBytes(word ^ ones &* 0x0A) & ~exactZeroBytes(word ^ ones &* 0x0D)
    }

    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of exactly the lanes whose byte is zero.
    @inline(__always)
    private static func exactZeroBytes(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x | lows) }

    /// The high bit of each lane whose byte is zero (exact as to whether there is one).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
}
