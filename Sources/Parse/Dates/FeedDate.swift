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
}
