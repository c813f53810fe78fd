import Foundation
import Bounds
import Model

/// Retry-After (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date.
/// Whatever the server writes, the answer lies in `0...Bounds.longestWait`:
/// no server can park a feed or an alert for ever.
package enum RetryAfter {
    package static func seconds(from value: String, now: Date) -> TimeInterval? {
        let trimmed = value.trimmed
        let bytes = Array(trimmed.utf8)
        if let first = bytes.first, DigitRun.digit(first, radix: 10) != nil {
            // delay-seconds = 1*DIGIT; a number too long for 64 bits is simply "very long".
            guard bytes.allSatisfy({ DigitRun.digit($0, radix: 10) != nil }) else { return nil }
            let seconds = DigitRun.value(bytes, as: UInt64.self) ?? .max
            return Bounds.wait(Double(seconds))
        }
        guard let date = httpDate(trimmed) else { return nil }
        return Bounds.wait(date.timeIntervalSince(now))
    }

    /// An HTTP-date header's value (Expires, Date), if it is one.
    package static func date(_ value: String) -> Date? { httpDate(value.trimmed) }

    /// IMF-fixdate, the only HTTP-date form a sender may generate (RFC 9110 §5.6.7):
    /// "Sun, 06 Nov 1994 08:49:37 GMT".
    private static func httpDate(_ text: String) -> Date? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT",
              let day = DigitRun.value(fields[1].utf8, as: Int.self),
              let year = DigitRun.value(fields[3].utf8, as: Int.self),
              let month = months.firstIndex(of: fields[2].lowercased()) else { return nil }
        let clock = fields[4].split(separator: ":").compactMap { DigitRun.value($0.utf8, as: Int.self) }
        guard clock.count == 3 else { return nil }
        return CivilTime.date(year: year, month: month + 1, day: day, hour: clock[0], minute: clock[1], second: clock[2])
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
