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
        default:
            fail("\(path).\(key)", "unknown operator (all, any or not)")
            return nil
        }
    }
}
