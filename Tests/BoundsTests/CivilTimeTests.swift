import Foundation
import Testing
import Bounds

@Suite("CivilTime and the date bounds")
struct CivilTimeTests {
    @Test("known instants, with zone offsets east and west")
    func known() {
        #expect(CivilTime.date(year: 1970, month: 1, day: 1)?.timeIntervalSince1970 == 0)
        #expect(CivilTime.date(year: 1994, month: 11, day: 6, hour: 8, minute: 49, second: 37)?.timeIntervalSince1970 == 784_111_777)
        #expect(CivilTime.date(year: 2003, month: 12, day: 31, hour: 11, minute: 14, second: 55, offset: 3600)?
            .timeIntervalSince1970 == 1_072_865_695)
        #expect(CivilTime.date(year: 2000, month: 2, day: 29)?.timeIntervalSince1970 == 951_782_400)
    }

    @Test("fields a stranger may write out of range give nil", arguments: [
        (0, 1, 1, 0), (10000, 1, 1, 0), (Int.max, 1, 1, 0), (2000, 13, 1, 0), (2000, 1, 32, 0),
        (2000, 0, 1, 0), (2000, 1, 1, 500_000), (2000, 1, 1, 86_460), (1, 1, 1, 3600),
    ])
    func outOfRange(year: Int, month: Int, day: Int, offset: Int) {
        #expect(CivilTime.date(year: year, month: month, day: day, offset: offset) == nil)
    }

    @Test("the last second of year 9999 is the upper bound")
    func edges() {
        let last = CivilTime.date(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59)
        #expect(last.map { Int64($0.timeIntervalSince1970) } == Bounds.epochSeconds.upperBound)
        #expect(CivilTime.date(year: 1, month: 1, day: 1).map { Int64($0.timeIntervalSince1970) } == Bounds.epochSeconds.lowerBound)
    }

    @Test("epoch seconds outside the bounds are no date; dates outside are clamped when written")
    func dates() {
        #expect(Bounds.date(epochSeconds: 1e300) == nil)
        #expect(Bounds.date(epochSeconds: .nan) == nil)
        #expect(Bounds.date(epochSeconds: 1_000_000) != nil)
        #expect(Bounds.epochSeconds(of: Date(timeIntervalSince1970: 1e300)) == Bounds.epochSeconds.upperBound)
        #expect(Bounds.epochSeconds(of: Date(timeIntervalSince1970: -.infinity)) == Bounds.epochSeconds.lowerBound)
    }

    @Test("waits are held to 0 through one day")
    func waits() {
        #expect(Bounds.wait(-5) == 0)
        #expect(Bounds.wait(.nan) == 0)
        #expect(Bounds.wait(120) == 120)
        #expect(Bounds.wait(1e18) == Bounds.longestWait)
    }
}
