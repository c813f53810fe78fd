import Foundation

/// One mistake in a configuration, at its JSON path (`rules[2].when.all[0]`).
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Reads parsed JSON with a path in hand: every mistake becomes a `ConfigProblem` and
/// reading goes on, so `check` names them all, not the first. The configuration's reader
/// and the rules' reader (`RuleReader`) share these typed accessors.
public protocol JSONPathReading {
    var problems: [ConfigProblem] { get set }
}

extension JSONPathReading {
    public mutating func fail(_ path: String, _ message: String) {
        problems.append(ConfigProblem(path: path, message: message))
    }

    /// The pairs of an object, reporting keys outside `allowed` (typos would otherwise be silently ignored).
    public mutating func object(_ value: JSONValue, at path: String, allowed: Set<String>? = nil) -> [String: JSONValue]? {
        guard case let .object(pairs) = value else {
            fail(path, "expected an object")
            return nil
        }
        var result: [String: JSONValue] = [:]
        for (key, item) in pairs {
            if let allowed, !allowed.contains(key) { fail(join(path, key), "unknown key") }
            if result[key] != nil { fail(join(path, key), "duplicate key") }
            result[key] = item
        }
        return result
    }

    public mutating func array(_ value: JSONValue, at path: String) -> [JSONValue]? {
        guard case let .array(items) = value else {
            fail(path, "expected an array")
            return nil
        }
        return items
    }

    public mutating func string(_ value: JSONValue?, at path: String, required: Bool = false) -> String? {
        guard let value else {
            if required { fail(path, "required key is missing") }
            return nil
        }
        guard case let .string(text) = value else {
            fail(path, "expected a string")
            return nil
        }
        if required, text.trimmed.isEmpty {
            fail(path, "must not be empty")
            return nil
        }
        return text
    }

    public mutating func strings(_ value: JSONValue?, at path: String) -> [String] {
        guard let value, let items = array(value, at: path) else { return [] }
        return items.enumerated().compactMap { index, item in string(item, at: "\(path)[\(index)]") }
    }

    /// A duration inside `range` (README.md, "Bounds"); anything else is a problem at `path`.
    public mutating func duration(_ value: JSONValue?, at path: String, range: ClosedRange<TimeInterval>) -> TimeInterval? {
        guard let text = string(value, at: path) else { return nil }
        guard let seconds = DurationText.seconds(text), seconds > 0 else {
            fail(path, "invalid duration \"\(text)\" (write 90s, 15m, 2h or 1d)")
            return nil
        }
        guard range.contains(seconds) else {
            fail(path, "duration \"\(text)\" out of range (from \(DurationText.text(range.lowerBound)) to \(DurationText.text(range.upperBound)))")
            return nil
        }
        return seconds
    }

    public mutating func integer(_ value: JSONValue?, at path: String, range: ClosedRange<Int>) -> Int? {
        guard let value else { return nil }
        guard case let .int(number) = value, range.contains(number) else {
            fail(path, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    public func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
