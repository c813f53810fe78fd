import Foundation

/// A civil UTC date-time as the fields a header or a feed writes it, turned
/// into a `Date` without timegm(3) (whose `Int32` fields trap when a stranger
/// writes a big year) and without Foundation's calendars (slow, and not the
/// same on every platform).
public enum CivilTime {
    /// The instant, or nil when a field is out of range or the result falls
    /// outside `Bounds.epochSeconds`. `offset` is seconds east of UTC, at most a day either way (real zones span −12 h to +14 h).
    public static func date(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                            offset: Int = 0) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
              (0...59).contains(minute), (0...60).contains(second), (1...9999).contains(year),
              abs(offset) <= 24 * 3600 else { return nil }
        // Days from civil (Howard Hinnant's algorithm): exact for the proleptic Gregorian calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146097 + dayOfEra - 719468
        // A leap second (":60") is read as the last second of its minute.
        let seconds = days * 86400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Bounds.date(epochSeconds: Double(seconds))
    }
}
