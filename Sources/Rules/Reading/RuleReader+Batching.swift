import Foundation
import Model

/// A rule's `group`, `cooldown` or `digest` (at most one of them).
extension RuleReader {
    mutating func batching(_ object: [String: JSONValue], at path: String) -> Batching {
        let given = ["group", "cooldown", "digest"].filter { object[$0] != nil && object[$0] != .null }
        if given.count > 1 {
            fail(path, "choose one of group, cooldown and digest, not \(given.joined(separator: " and "))")
            return .each
        }
        if let value = object["group"], value != .null { return group(value, at: "\(path).group") ?? .each }
        if let value = object["cooldown"], value != .null {
            return duration(value, at: "\(path).cooldown", range: RuleBounds.batchWait).map { .cooldown($0) } ?? .each
        }
        if let value = object["digest"], value != .null { return digest(value, at: "\(path).digest").map { .digest($0) } ?? .each }
        return .each
    }

    /// {"by": ["rule"|"watch"|"feed"], "wait": "30s", "interval": "5m"}; all optional.
    private mutating func group(_ value: JSONValue, at path: String) -> Batching? {
        guard let object = object(value, at: path, allowed: ["by", "wait", "interval"]) else { return nil }
        var by: [GroupField] = [.rule]
        if object["by"] != nil {
            let names = strings(object["by"], at: "\(path).by")
            by = []
            for (index, name) in names.enumerated() {
                guard let field = GroupField(rawValue: name) else {
                    fail("\(path).by[\(index)]", "expected rule, watch or feed")
                    continue
                }
                by.append(field)
            }
        }
        let wait = duration(object["wait"], at: "\(path).wait", range: RuleBounds.batchWait) ?? 30
        let interval = duration(object["interval"], at: "\(path).interval", range: RuleBounds.batchWait) ?? 300
        return .group(by: by, wait: wait, interval: interval)
    }

    /// {"every": "1d", "at": "08:00", "timezone": "Europe/Istanbul", "day": "monday"}; all optional.
    private mutating func digest(_ value: JSONValue, at path: String) -> DigestTimes? {
        guard let object = object(value, at: path, allowed: ["every", "at", "timezone", "day"]) else { return nil }
        var times = DigestTimes(every: 86_400, minute: 8 * 60)
        if let every = duration(object["every"], at: "\(path).every", range: RuleBounds.digestEvery) {
            if every >= 86_400, every.truncatingRemainder(dividingBy: 86_400) != 0 {
                fail("\(path).every", "a digest of a day or more comes every whole number of days")
            }
            times.every = every
        }
        if let at = string(object["at"], at: "\(path).at") {
            if let minute = Self.minuteOfDay(at) { times.minute = minute } else { fail("\(path).at", "expected a time of day as HH:MM, like \"08:00\"") }
        }
        if let zone = string(object["timezone"], at: "\(path).timezone") {
            if TimeZone(identifier: zone) == nil {
                fail("\(path).timezone", "unknown time zone \"\(zone)\" (an IANA name, like \"Europe/Istanbul\")")
            } else {
                times.timeZone = zone
            }
        }
        if let day = string(object["day"], at: "\(path).day") {
            if let weekday = Self.weekdays.firstIndex(of: day.lowercased()) {
                times.weekday = weekday + 1
                if object["every"] == nil { times.every = 7 * 86_400 }
                if times.every != 7 * 86_400 { fail("\(path).day", "a weekday is for a weekly digest (\"every\": \"7d\")") }
            } else {
                fail("\(path).day", "expected a weekday, like \"monday\"")
            }
        }
        return times
    }

    private static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// "08:00" → 480; nil unless HH:MM with HH < 24 and MM < 60.
    static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return hour * 60 + minute
    }
}
