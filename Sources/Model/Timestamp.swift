import Foundation
import Bounds

/// RFC 3339 timestamps in UTC, written without DateFormatter (which is slow
/// and not safe to share across threads on every platform).
public enum Timestamp {
    public static func rfc3339(_ date: Date) -> String {
        var out = [UInt8]()
        out.reserveCapacity(20)
        append(date, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same text, appended as bytes (JSON writes dates without a String in between).
    public static func append(_ date: Date, to out: inout [UInt8]) {
        // Clamped into years 1–9999: a date from outside never traps here, and always has four digits.
        var t = time_t(Bounds.epochSeconds(of: date))
        var parts = tm()
        gmtime_r(&t, &parts)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var v = max(value, 0)
            for _ in 0..<count {
                out.append(UInt8(48 + (v / divisor) % 10))
                v %= divisor
                divisor /= 10
            }
        }
        digits(Int(parts.tm_year) + 1900, 4); out.append(45)
        digits(Int(parts.tm_mon) + 1, 2); out.append(45)
        digits(Int(parts.tm_mday), 2); out.append(84)
        digits(Int(parts.tm_hour), 2); out.append(58)
        digits(Int(parts.tm_min), 2); out.append(58)
        digits(Int(parts.tm_sec), 2); out.append(90)
    }
}
