import Foundation
import Model

/// Retry-After (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date.
package enum RetryAfter {
    package static func seconds(from value: String, now: Date) -> TimeInterval? {
        let trimmed = value.trimmed
        if let seconds = Int(trimmed) { return seconds >= 0 ? TimeInterval(seconds) : nil }
        guard let date = httpDate(trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// IMF-fixdate, the only HTTP-date form a sender may generate (RFC 9110 §5.6.7):
    /// "Sun, 06 Nov 1994 08:49:37 GMT".
    private static func httpDate(_ text: String) -> Date? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT",
              let day = Int(fields[1]), let year = Int(fields[3]),
              let month = months.firstIndex(of: fields[2].lowercased()) else { return nil }
        let clock = fields[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(clock[0])
        parts.tm_min = Int32(clock[1])
        parts.tm_sec = Int32(clock[2])
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
