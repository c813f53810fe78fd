import Foundation
import Model

/// Reads `rules` from feeds.json: conditions, notify lists, severities, spikes and
/// batching, every mistake a problem with its JSON path (`check` prints them all).
public struct RuleReader: JSONPathReading {
    public var problems: [ConfigProblem] = []

    public init() {}

    /// What rules may name: the configured watches, feeds and outputs.
    public struct Names: Sendable {
        public var watches: Set<String>
        public var feeds: Set<String>
        public var outputs: Set<String>

        public init(watches: Set<String>, feeds: Set<String>, outputs: Set<String>) {
            self.watches = watches
            self.feeds = feeds
            self.outputs = outputs
        }
    }

    public mutating func readRules(_ value: JSONValue, names: Names) -> [Rule] {
        guard let items = array(value, at: "rules") else { return [] }
        var rules: [Rule] = []
        var ids = Set<String>()
        for (index, item) in items.enumerated() {
            let path = "rules[\(index)]"
            guard let object = object(item, at: path, allowed: ["id", "when", "notify", "severity", "comment", "group", "cooldown", "digest"]) else { continue }
            let id = string(object["id"], at: "\(path).id") ?? "rule-\(index + 1)"
            if !ids.insert(id).inserted { fail("\(path).id", "duplicate rule id \"\(id)\"") }
            let notify = strings(object["notify"], at: "\(path).notify")
            for (n, name) in notify.enumerated() where !names.outputs.contains(name) {
                fail("\(path).notify[\(n)]", "unknown output \"\(name)\"")
            }
            guard let when = object["when"] else {
                fail("\(path).when", "required key is missing")
                continue
            }
            if case let .object(pairs) = when, pairs.count == 1, pairs[0].0 == "spike" {
                guard let spike = spike(pairs[0].1, at: "\(path).when.spike", watchIDs: names.watches) else { continue }
                rules.append(Rule(id: id, when: .spike(spike), notify: notify, severity: string(object["severity"], at: "\(path).severity"),
                                  batching: batching(object, at: path)))
                continue
            }
            guard let condition = condition(when, at: "\(path).when", names: names) else { continue }
            if condition.positiveWatches.isEmpty, condition.positiveKeywords.isEmpty {
                fail("\(path).when", "names no watch or keyword outside a \"not\", so it could never fire")
            }
            rules.append(Rule(id: id, when: condition, notify: notify, severity: string(object["severity"], at: "\(path).severity"),
                              batching: batching(object, at: path)))
        }
        return rules
    }

    /// A watch id, or {"all": [...]}, {"any": [...]}, {"not": ...}, nested freely, and the
    /// leaves {"keyword": …}, {"feed": ID}, {"tag": …}, {"field": F, "watch": ID} and
    /// {"near": [ID, ID], "within": "sentence"}.
    mutating func condition(_ value: JSONValue, at path: String, names: Names) -> Condition? {
        if case let .string(id) = value { return watch(id, at: path, names: names).map { .watch($0) } }
        guard case let .object(pairs) = value, let (key, inner) = pairs.first else {
            fail(path, "expected a watch id or an object: all, any, not, keyword, feed, tag, field or near")
            return nil
        }
        let keys = Set(pairs.map(\.0))
        if keys.contains("near") { return near(value, at: path, names: names) }
        if keys.contains("field") { return field(value, at: path, names: names) }
        guard pairs.count == 1 else {
            fail(path, "expected one key: all, any, not, keyword, feed or tag")
            return nil
        }
        switch key {
        case "all", "any":
            guard let items = array(inner, at: "\(path).\(key)") else { return nil }
            if items.isEmpty { fail("\(path).\(key)", "must not be empty") }
            let parts = items.enumerated().map { condition($1, at: "\(path).\(key)[\($0)]", names: names) }
            let valid = parts.compactMap { $0 }
            guard valid.count == parts.count, !valid.isEmpty else { return nil }
            return key == "all" ? .all(valid) : .any(valid)
        case "not":
            return condition(inner, at: "\(path).not", names: names).map { .not($0) }
        case "keyword":
            guard let word = string(inner, at: "\(path).keyword", required: true), !word.trimmed.isEmpty else {
                fail("\(path).keyword", "must name a word or phrase")
                return nil
            }
            return .keyword(word.trimmed)
        case "feed":
            guard let id = string(inner, at: "\(path).feed", required: true) else { return nil }
            guard names.feeds.contains(id) else {
                fail("\(path).feed", "unknown feed \"\(id)\"")
                return nil
            }
            return .feed(id)
        case "tag":
            return string(inner, at: "\(path).tag", required: true).map { .tag($0) }
        case "spike":
            fail("\(path).spike", "a spike condition stands alone as a rule's \"when\"")
            return nil
        default:
            fail("\(path).\(key)", "unknown condition (all, any, not, keyword, feed, tag, field or near)")
            return nil
        }
    }

    private mutating func watch(_ id: String, at path: String, names: Names) -> String? {
        guard names.watches.contains(id) else {
            fail(path, "unknown watch \"\(id)\"")
            return nil
        }
        return id
    }

    /// {"field": "title|summary|content", "watch": ID}
    private mutating func field(_ value: JSONValue, at path: String, names: Names) -> Condition? {
        guard let object = object(value, at: path, allowed: ["field", "watch"]),
              let name = string(object["field"], at: "\(path).field", required: true),
              let id = string(object["watch"], at: "\(path).watch", required: true) else { return nil }
        guard let field = Mention.Field(rawValue: name) else {
            fail("\(path).field", "expected title, summary or content")
            return nil
        }
        return watch(id, at: "\(path).watch", names: names).map { .field(field, watch: $0) }
    }

    /// {"near": [ID, ID, …], "within": "sentence"}
    private mutating func near(_ value: JSONValue, at path: String, names: Names) -> Condition? {
        guard let object = object(value, at: path, allowed: ["near", "within"]) else { return nil }
        let ids = strings(object["near"], at: "\(path).near")
        if ids.count < 2 { fail("\(path).near", "names at least two watches") }
        if let within = string(object["within"], at: "\(path).within"), within != "sentence" {
            fail("\(path).within", "only \"sentence\" is known")
        }
        let known = ids.enumerated().compactMap { watch($1, at: "\(path).near[\($0)]", names: names) }
        return known.count == ids.count && ids.count >= 2 ? .nearInSentence(ids) : nil
    }

    /// {"watch": ID, "window": "1h", "baseline": "7d", "factor": 3, "min": 10}; all but `watch` optional.
    mutating func spike(_ value: JSONValue, at path: String, watchIDs: Set<String>) -> SpikeCondition? {
        guard let object = object(value, at: path, allowed: ["watch", "window", "baseline", "factor", "min"]),
              let watch = string(object["watch"], at: "\(path).watch", required: true) else { return nil }
        guard watchIDs.contains(watch) else {
            fail("\(path).watch", "unknown watch \"\(watch)\"")
            return nil
        }
        var spike = SpikeCondition(watch: watch)
        if let window = duration(object["window"], at: "\(path).window", range: RuleBounds.spikeWindow) { spike.window = window }
        if let baseline = duration(object["baseline"], at: "\(path).baseline", range: RuleBounds.spikeBaseline) { spike.baseline = baseline }
        if let factor = object["factor"] {
            switch factor {
            case let .int(i) where (1...1000).contains(i): spike.factor = Double(i)
            case let .double(d) where (1...1000).contains(d): spike.factor = d
            default: fail("\(path).factor", "expected a number from 1 to 1000")
            }
        }
        if let min = integer(object["min"], at: "\(path).min", range: 1...1_000_000) { spike.min = min }
        if spike.baseline < spike.window { fail("\(path).baseline", "must be at least as long as the window") }
        return spike
    }
}
