import Foundation
import Model

/// Walks the parsed JSON with a path in hand; every mistake becomes a `Problem`.
struct ConfigReader {
    let configPath: String
    let environment: [String: String]
    var problems: [ConfigError.Problem] = []

    init(configPath: String, environment: [String: String]) {
        self.configPath = configPath
        self.environment = environment
    }

    mutating func fail(_ path: String, _ message: String) {
        problems.append(.init(path: path, message: message))
    }

    mutating func read(_ root: JSONValue) -> Configuration {
        var configuration = Configuration(path: configPath)
        guard let top = object(root, at: "", allowed: ["settings", "feeds", "watch", "rules", "outputs", "$schema", "comment"]) else {
            return configuration
        }
        if let settings = top["settings"] { configuration.settings = readSettings(settings) }
        if let feeds = top["feeds"] {
            configuration.feeds = readFeeds(feeds, directory: configuration.directory)
        } else {
            fail("feeds", "required key is missing")
        }
        if let watch = top["watch"] { configuration.watch = readWatch(watch) }
        let longest = configuration.feeds.map(configuration.interval(of:)).max() ?? configuration.settings.interval
        if configuration.settings.retention < 2 * longest {
            fail("settings.retention", "must be at least twice the longest feed interval (\(DurationText.text(2 * longest))), "
                + "or items still in a feed would be forgotten between two polls")
        }
        configuration.outputs = top["outputs"].map { readOutputs($0, directory: configuration.directory) }
            ?? [.init(name: "console", kind: .stdout(json: false))]
        let known = Set(configuration.watch.map(\.id))
        let outputNames = Set(configuration.outputs.map(\.name))
        if let rules = top["rules"] {
            configuration.rules = readRules(rules, watchIDs: known, feedIDs: Set(configuration.feeds.map(\.id)), outputs: outputNames)
        } else {
            configuration.rules = configuration.watch.map { Rule(id: $0.id, when: .watch($0.id)) }
        }
        return configuration
    }

    // MARK: - Typed access with paths

    /// The pairs of an object, reporting keys outside `allowed` (typos would otherwise be silently ignored).
    mutating func object(_ value: JSONValue, at path: String, allowed: Set<String>? = nil) -> [String: JSONValue]? {
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

    mutating func array(_ value: JSONValue, at path: String) -> [JSONValue]? {
        guard case let .array(items) = value else {
            fail(path, "expected an array")
            return nil
        }
        return items
    }

    mutating func string(_ value: JSONValue?, at path: String, required: Bool = false) -> String? {
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

    mutating func strings(_ value: JSONValue?, at path: String) -> [String] {
        guard let value, let items = array(value, at: path) else { return [] }
        return items.enumerated().compactMap { index, item in string(item, at: "\(path)[\(index)]") }
    }

    /// A duration inside `range` (README.md, "Bounds"); anything else is a problem at `path`.
    mutating func duration(_ value: JSONValue?, at path: String, range: ClosedRange<TimeInterval>) -> TimeInterval? {
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

    mutating func integer(_ value: JSONValue?, at path: String, range: ClosedRange<Int>) -> Int? {
        guard let value else { return nil }
        guard case let .int(number) = value, range.contains(number) else {
            fail(path, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A relative `file:` URL or path, resolved against the config file's folder.
    func resolve(path: String, directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }
}
