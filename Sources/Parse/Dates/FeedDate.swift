import Foundation
import Model

/// Reads the dates feeds carry: RFC 822/1123 and their real-world variants,
/// and RFC 3339 / ISO 8601 / W3C-DTF. A date that cannot be read is nil,
/// never "now" (CONTRACT.md, "Feed JSON").
package enum FeedDate {
    package static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty, trimmed.utf8.count < 100 else { return nil }
        // ISO 8601 forms begin with an ASCII digit (the year); RFC 822 ones with a weekday or the day.
        if let first = trimmed.utf8.first, first >= 0x30, first <= 0x39, let date = ISODate.parse(trimmed) {
            return date
        }
        return RFC822Date.parse(trimmed) ?? ISODate.parse(trimmed)
    }

    /// Seconds since 1970 for a civil UTC date-time, or nil when a field is out of range.
    static func epoch(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
              (0...59).contains(minute), (0...60).contains(second), (1...9999).contains(year) else { return nil }
        // Days from civil (Howard Hinnant's algorithm): exact for the proleptic Gregorian calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146097 + dayOfEra - 719468
        let seconds = days * 86400 + hour * 3600 + minute * 60 + min(second, 59)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
