import Foundation
import Bounds

/// Durations as feeds.json writes them: "90s", "15m", "2h", "1d", "1h30m", "1.5h".
public enum DurationText {
    /// Seconds, or nil when the text is not a duration or is longer than
    /// `Bounds.longestDuration`. Only ASCII digits count: `Double` would read
    /// "1e400" as infinity, and `Character.isNumber` accepts digits of every script.
    public static func seconds(_ text: String) -> TimeInterval? {
        var total: TimeInterval = 0
        var number: [UInt8] = []
        var sawUnit = false
        for byte in text.trimmed.utf8 {
            if (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") {
                guard number.count < 20 else { return nil }
                number.append(byte)
                continue
            }
            guard let value = Double(String(decoding: number, as: UTF8.self)) else { return nil }
            switch byte {
            case UInt8(ascii: "s"): total += value
            case UInt8(ascii: "m"): total += value * 60
            case UInt8(ascii: "h"): total += value * 3600
            case UInt8(ascii: "d"): total += value * 86400
            default: return nil
            }
            number = []
            sawUnit = true
        }
        guard number.isEmpty, sawUnit, total.isFinite, total <= Bounds.longestDuration else { return nil }
        return total
    }

    /// "90s", "15m", "2h", "1d": the shortest exact spelling of a bound, for messages.
    public static func text(_ seconds: TimeInterval) -> String {
        for (unit, size) in [("d", 86400.0), ("h", 3600), ("m", 60)] where seconds >= size && seconds.truncatingRemainder(dividingBy: size) == 0 {
            return "\(Int(saturating: seconds / size))\(unit)"
        }
        return seconds == seconds.rounded() ? "\(Int(saturating: seconds))s" : "\(seconds)s"
    }
}
