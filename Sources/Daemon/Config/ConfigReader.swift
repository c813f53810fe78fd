import Foundation
import Model
import Rules

/// Walks the parsed JSON with a path in hand (`JSONPathReading`); every mistake becomes a
/// problem. Rules are read by the rules' own reader (`RuleReader`).
struct ConfigReader: JSONPathReading {
    let configPath: String
    let environment: [String: String]
    var problems: [ConfigProblem] = []

    init(configPath: String, environment: [String: String]) {
        self.configPath = configPath
        self.environment = environment
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
        for (index, name) in configuration.settings.selfAlerts.enumerated() where !outputNames.contains(name) {
            fail("settings.selfAlerts[\(index)]", "unknown output \"\(name)\"")
        }
        if let rules = top["rules"] {
            var reader = RuleReader()
            configuration.rules = reader.readRules(rules, names: .init(watches: known, feeds: Set(configuration.feeds.map(\.id)),
                                                                       outputs: outputNames))
            problems += reader.problems
        } else {
            configuration.rules = configuration.watch.map { Rule(id: $0.id, when: .watch($0.id)) }
        }
        return configuration
    }

    /// A relative `file:` URL or path, resolved against the config file's folder.
    func resolve(path: String, directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }
}
