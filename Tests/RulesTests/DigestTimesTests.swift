import Foundation
import Testing
import Model
import Rules

@Suite("Digest times")
struct DigestTimesTests {
    /// A wall-clock time in a zone, as a Date.
    func date(_ text: String, _ zone: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    @Test("daily at 08:00 Istanbul time (UTC+3): before and after the hour")
    func daily() {
        let times = DigestTimes(every: 86_400, minute: 480, timeZone: "Europe/Istanbul")
        #expect(times.next(after: date("2026-12-07 07:59", "Europe/Istanbul")) == date("2026-12-07 08:00", "Europe/Istanbul"))
        #expect(times.next(after: date("2026-12-07 08:00", "Europe/Istanbul")) == date("2026-12-08 08:00", "Europe/Istanbul"))
        #expect(times.next(after: date("2026-12-07 23:30", "Europe/Istanbul")) == date("2026-12-08 08:00", "Europe/Istanbul"))
        // 08:00 in Istanbul is 05:00 UTC.
        #expect(times.next(after: date("2026-12-07 04:00", "UTC")) == date("2026-12-07 05:00", "UTC"))
    }

    @Test("08:00 stays 08:00 on the wall clock across a change to summer time")
    func daylightSaving() {
        let times = DigestTimes(every: 86_400, minute: 480, timeZone: "Europe/Berlin")
        // Summer time began on 2026-03-29 at 02:00.
        let first = times.next(after: date("2026-03-28 09:00", "Europe/Berlin"))
        #expect(first == date("2026-03-29 08:00", "Europe/Berlin"))
        #expect(times.next(after: first) == date("2026-03-30 08:00", "Europe/Berlin"))
        #expect(times.next(after: first).timeIntervalSince(first) == 86_400)
        #expect(first.timeIntervalSince(date("2026-03-28 08:00", "Europe/Berlin")) == 82_800)  // a 23-hour day
    }

    @Test("weekly: Mondays by default, or the day named")
    func weekly() {
        let monday = DigestTimes(every: 7 * 86_400, minute: 540, timeZone: "UTC")
        // 2026-12-07 is a Monday.
        #expect(monday.next(after: date("2026-12-07 10:00", "UTC")) == date("2026-12-14 09:00", "UTC"))
        #expect(monday.next(after: date("2026-12-07 08:00", "UTC")) == date("2026-12-07 09:00", "UTC"))
        let friday = DigestTimes(every: 7 * 86_400, minute: 540, timeZone: "UTC", weekday: 6)
        #expect(friday.next(after: date("2026-12-07 10:00", "UTC")) == date("2026-12-11 09:00", "UTC"))
        #expect(friday.next(after: date("2026-12-11 09:00", "UTC")) == date("2026-12-18 09:00", "UTC"))
    }

    @Test("every 2 days keeps one rhythm, whichever day it is asked on")
    func twoDays() {
        let times = DigestTimes(every: 2 * 86_400, minute: 0, timeZone: "UTC")
        let a = times.next(after: date("2026-12-07 12:00", "UTC"))
        #expect(a == date("2026-12-08 00:00", "UTC"))  // 2024-01-01 plus an even number of days
        #expect(times.next(after: date("2026-12-08 12:00", "UTC")) == a.addingTimeInterval(2 * 86_400))
        #expect(times.next(after: date("2026-12-09 23:59", "UTC")) == a.addingTimeInterval(2 * 86_400))
        #expect(times.next(after: a) == a.addingTimeInterval(2 * 86_400))
    }

    @Test("every 6 hours from 08:00: 02:00, 08:00, 14:00 and 20:00")
    func subDaily() {
        let times = DigestTimes(every: 6 * 3600, minute: 480, timeZone: "UTC")
        #expect(times.next(after: date("2026-12-07 00:30", "UTC")) == date("2026-12-07 02:00", "UTC"))
        #expect(times.next(after: date("2026-12-07 08:00", "UTC")) == date("2026-12-07 14:00", "UTC"))
        #expect(times.next(after: date("2026-12-07 21:00", "UTC")) == date("2026-12-08 02:00", "UTC"))
        let hourly = DigestTimes(every: 3600, minute: 15, timeZone: "UTC")
        #expect(hourly.next(after: date("2026-12-07 10:20", "UTC")) == date("2026-12-07 11:15", "UTC"))
    }
}
