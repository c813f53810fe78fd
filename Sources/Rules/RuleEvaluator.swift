import Model

/// Which rules fire on an item, given what it mentions and where it comes from.
public enum RuleEvaluator {
    /// True when the condition holds for an item with these facts.
    public static func holds(_ condition: Condition, _ facts: ItemFacts) -> Bool {
        switch condition {
        case let .watch(id): facts.present.contains(id)
        case let .all(items): items.allSatisfy { holds($0, facts) }
        case let .any(items): items.contains { holds($0, facts) }
        case let .not(inner): !holds(inner, facts)
        case let .keyword(word): facts.keywords.contains(word)
        case let .feed(id): facts.feedID == id
        case let .tag(tag): facts.tags.contains(tag)
        case let .field(field, id): facts.fields[id]?.contains(field) == true
        case let .nearInSentence(ids): facts.sentences.contains { Set(ids).isSubset(of: $0) }
        case .spike: false  // judged over time by `SpikeDetector`, never on one item
        }
    }

    /// True when the condition holds for an item mentioning exactly `present`.
    public static func holds(_ condition: Condition, present: Set<String>) -> Bool {
        holds(condition, ItemFacts(present: present))
    }

    /// A rule fires when its condition holds and the item mentions at least one watch
    /// or holds one keyword the rule names positively: a rule of only `not`s, feeds or
    /// tags would otherwise fire on every item of every feed.
    public static func fires(_ rule: Rule, _ facts: ItemFacts) -> Bool {
        let positive = !rule.when.positiveWatches.isDisjoint(with: facts.present)
            || !rule.when.positiveKeywords.isDisjoint(with: facts.keywords)
        return positive && holds(rule.when, facts)
    }

    public static func fires(_ rule: Rule, present: Set<String>) -> Bool {
        fires(rule, ItemFacts(present: present))
    }

    /// The rules that fire, in configuration order.
    public static func firing(_ rules: [Rule], _ facts: ItemFacts) -> [Rule] {
        rules.filter { fires($0, facts) }
    }

    public static func firing(_ rules: [Rule], present: Set<String>) -> [Rule] {
        firing(rules, ItemFacts(present: present))
    }

    /// With no rules configured, every watch entry is its own rule notifying every output.
    public static func defaultRules(for watch: [WatchEntry]) -> [Rule] {
        watch.map { Rule(id: $0.id, when: .watch($0.id)) }
    }
}
