/// When a rule fires: a watch id, or a combination of conditions.
public indirect enum Condition: Sendable, Equatable {
    case watch(String)
    case all([Condition])
    case any([Condition])
    case not(Condition)
    /// Mentions of a watch across all feeds rising well above their usual rate. It
    /// stands alone in a rule's `when` and is judged over time, never on one item.
    case spike(SpikeCondition)

    /// The watch ids that count in favour of the rule (not under a `not`).
    public var positiveWatches: Set<String> {
        switch self {
        case let .watch(id): [id]
        case let .all(items), let .any(items): items.reduce(into: []) { $0.formUnion($1.positiveWatches) }
        case .not, .spike: []
        }
    }
}

/// A rule from feeds.json: a condition over watched entities and where to send the alert.
public struct Rule: Sendable, Equatable {
    public var id: String
    public var when: Condition
    /// Output names; empty means every output.
    public var notify: [String]
    public var severity: String?

    public init(id: String, when: Condition, notify: [String] = [], severity: String? = nil) {
        self.id = id
        self.when = when
        self.notify = notify
        self.severity = severity
    }

    /// The rule's spike condition, when it is a spike rule.
    public var spike: SpikeCondition? {
        if case let .spike(condition) = when { return condition }
        return nil
    }
}
