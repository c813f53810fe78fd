import Testing
import Bounds

@Suite("Saturating conversions from Double")
struct SaturatingTests {
    @Test("NaN, infinities and out-of-range values clamp instead of trapping", arguments: [
        (Double.nan, 0), (.infinity, Int64.max), (-.infinity, Int64.min),
        (1e300, Int64.max), (-1e300, Int64.min), (9.223372036854775807e18, Int64.max),
        (42.9, 42), (-42.9, -42), (0, 0),
    ] as [(Double, Int64)])
    func int64(value: Double, expected: Int64) {
        #expect(Int64(saturating: value) == expected)
    }

    @Test("narrow types clamp to their own range")
    func narrow() {
        #expect(Int32(saturating: 5e9) == Int32.max)
        #expect(UInt64(saturating: -3) == 0)
        #expect(UInt8(saturating: 255.9) == 255)
    }

    @Test("milliseconds and nanoseconds of huge durations clamp")
    func units() {
        #expect(Int(millisecondsIn: 1.5) == 1500)
        #expect(Int(millisecondsIn: 1e300) == Int.max)
        #expect(UInt64(nanosecondsIn: 0.25) == 250_000_000)
        #expect(UInt64(nanosecondsIn: -1) == 0)
        #expect(UInt64(nanosecondsIn: .infinity) == UInt64.max)
    }
}
