import Model

/// Which rules fire on an item, given the watched entities it mentions.
public enum RuleEvaluator {
    /// True when the condition holds for an item mentioning exactly `present`.
    public static func holds(_ condition: Condition, present: Set<String>) -> Bool {
        switch condition {
        case let .watch(id): present.contains(id)
        case let .all(items): items.allSatisfy { holds($0, present: present) }
        case let .any(items): items.contains { holds($0, present: present) }
        case let .not(inner): !holds(inner, present: present)
        case .spike: false  // judged over time by `SpikeDetector`, never on one item
        }
    }

    /// A rule fires when its condition holds and the item mentions at least one
    /// watch the rule names positively: a rule of only `not`s would otherwise
    /// fire on every item of every feed.
    public static func fires(_ rule: Rule, present: Set<String>) -> Bool {
        !rule.when.positiveWatches.isDisjoint(with: present) && holds(rule.when, present: present)
    }

    /// The rules that fire, in configuration order.
    public static func firing(_ rules: [Rule], present: Set<String>) -> [Rule] {
        rules.filter { fires($0, present: present) }
    }

    /// With no rules configured, every watch entry is its own rule notifying every output.
    public static func defaultRules(for watch: [WatchEntry]) -> [Rule] {
        watch.map { Rule(id: $0.id, when: .watch($0.id)) }
    }
}
