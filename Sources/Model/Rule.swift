/// When a rule fires: a watch id, or a combination of conditions.
public indirect enum Condition: Sendable, Equatable {
    case watch(String)
    case all([Condition])
    case any([Condition])
    case not(Condition)
    /// A word or phrase in the item's text, word-bounded and folded like names.
    case keyword(String)
    /// The item comes from this feed, or from a feed with this tag.
    case feed(String)
    case tag(String)
    /// The watch is mentioned in this field.
    case field(Mention.Field, watch: String)
    /// Every one of these watches is mentioned within one sentence.
    case nearInSentence([String])
    /// Mentions of a watch across all feeds rising well above their usual rate. It
    /// stands alone in a rule's `when` and is judged over time, never on one item.
    case spike(SpikeCondition)

    /// The watch ids that count in favour of the rule (not under a `not`).
    public var positiveWatches: Set<String> {
        switch self {
        case let .watch(id), let .field(_, id): [id]
        case let .nearInSentence(ids): Set(ids)
        case let .all(items), let .any(items): items.reduce(into: []) { $0.formUnion($1.positiveWatches) }
        case .not, .spike, .keyword, .feed, .tag: []
        }
    }

    /// The keywords that count in favour of the rule (not under a `not`).
    public var positiveKeywords: Set<String> {
        switch self {
        case let .keyword(word): [word]
        case let .all(items), let .any(items): items.reduce(into: []) { $0.formUnion($1.positiveKeywords) }
        default: []
        }
    }

    /// Every keyword, under a `not` or not: what the item's text is searched for.
    public var keywords: Set<String> {
        switch self {
        case let .keyword(word): [word]
        case let .all(items), let .any(items): items.reduce(into: []) { $0.formUnion($1.keywords) }
        case let .not(inner): inner.keywords
        default: []
        }
    }

    /// Does any part of the condition need the item's sentences?
    public var needsSentences: Bool {
        switch self {
        case .nearInSentence: true
        case let .all(items), let .any(items): items.contains(where: \.needsSentences)
        case let .not(inner): inner.needsSentences
        default: false
        }
    }
}

/// What rules are judged on, about one item: which watches it mentions and where,
/// which keywords it holds, and where it comes from.
public struct ItemFacts: Sendable, Equatable {
    public var present: Set<String>
    /// Per watch, the fields it is mentioned in.
    public var fields: [String: Set<Mention.Field>] = [:]
    /// Per sentence of the item, the watches mentioned in it (filled when a rule asks).
    public var sentences: [Set<String>] = []
    /// The rules' keywords the item's text holds.
    public var keywords: Set<String> = []
    public var feedID: String = ""
    public var tags: Set<String> = []

    public init(present: Set<String>, fields: [String: Set<Mention.Field>] = [:], sentences: [Set<String>] = [],
                keywords: Set<String> = [], feedID: String = "", tags: Set<String> = []) {
        self.present = present
        self.fields = fields
        self.sentences = sentences
        self.keywords = keywords
        self.feedID = feedID
        self.tags = tags
    }
}

/// A rule from feeds.json: a condition over watched entities and where to send the alert.
public struct Rule: Sendable, Equatable {
    public var id: String
    public var when: Condition
    /// Output names; empty means every output.
    public var notify: [String]
    public var severity: String?
    /// Each alert at once, or gathered: `group`, `cooldown` or `digest`.
    public var batching: Batching

    public init(id: String, when: Condition, notify: [String] = [], severity: String? = nil, batching: Batching = .each) {
        self.id = id
        self.when = when
        self.notify = notify
        self.severity = severity
        self.batching = batching
    }

    /// The rule's spike condition, when it is a spike rule.
    public var spike: SpikeCondition? {
        if case let .spike(condition) = when { return condition }
        return nil
    }
}
