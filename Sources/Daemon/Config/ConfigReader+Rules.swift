import Foundation
import Model

extension ConfigReader {
    mutating func readRules(_ value: JSONValue, watchIDs: Set<String>, outputs: Set<String>) -> [Rule] {
        guard let items = array(value, at: "rules") else { return [] }
        var rules: [Rule] = []
        var ids = Set<String>()
        for (index, item) in items.enumerated() {
            let path = "rules[\(index)]"
            guard let object = object(item, at: path, allowed: ["id", "when", "notify", "severity", "comment"]) else { continue }
            let id = string(object["id"], at: "\(path).id") ?? "rule-\(index + 1)"
            if !ids.insert(id).inserted { fail("\(path).id", "duplicate rule id \"\(id)\"") }
            let notify = strings(object["notify"], at: "\(path).notify")
            for (n, name) in notify.enumerated() where !outputs.contains(name) {
                fail("\(path).notify[\(n)]", "unknown output \"\(name)\"")
            }
            guard let when = object["when"] else {
                fail("\(path).when", "required key is missing")
                continue
            }
            if case let .object(pairs) = when, pairs.count == 1, pairs[0].0 == "spike" {
                guard let spike = spike(pairs[0].1, at: "\(path).when.spike", watchIDs: watchIDs) else { continue }
                rules.append(Rule(id: id, when: .spike(spike), notify: notify, severity: string(object["severity"], at: "\(path).severity")))
                continue
            }
            guard let condition = condition(when, at: "\(path).when", watchIDs: watchIDs) else { continue }
            if condition.positiveWatches.isEmpty {
                fail("\(path).when", "names no watch outside a \"not\", so it could never fire")
            }
            rules.append(Rule(id: id, when: condition, notify: notify, severity: string(object["severity"], at: "\(path).severity")))
        }
        return rules
    }

    /// A watch id, or {"all": [...]}, {"any": [...]}, {"not": ...}, nested freely.
    mutating func condition(_ value: JSONValue, at path: String, watchIDs: Set<String>) -> Condition? {
        if case let .string(id) = value {
            guard watchIDs.contains(id) else {
                fail(path, "unknown watch \"\(id)\"")
                return nil
            }
            return .watch(id)
        }
        guard case let .object(pairs) = value, pairs.count == 1, let (key, inner) = pairs.first else {
            fail(path, "expected a watch id or an object with one key: all, any or not")
            return nil
        }
        switch key {
        case "all", "any":
            guard let items = array(inner, at: "\(path).\(key)") else { return nil }
            if items.isEmpty { fail("\(path).\(key)", "must not be empty") }
            let parts = items.enumerated().map { condition($1, at: "\(path).\(key)[\($0)]", watchIDs: watchIDs) }
            let valid = parts.compactMap { $0 }
            guard valid.count == parts.count, !valid.isEmpty else { return nil }
            return key == "all" ? .all(valid) : .any(valid)
        case "not":
            return condition(inner, at: "\(path).not", watchIDs: watchIDs).map { .not($0) }
        case "spike":
            fail("\(path).spike", "a spike condition stands alone as a rule's \"when\"")
            return nil
        default:
            fail("\(path).\(key)", "unknown operator (all, any or not)")
            return nil
        }
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
        if let window = duration(object["window"], at: "\(path).window", range: ConfigBounds.spikeWindow) { spike.window = window }
        if let baseline = duration(object["baseline"], at: "\(path).baseline", range: ConfigBounds.spikeBaseline) { spike.baseline = baseline }
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
