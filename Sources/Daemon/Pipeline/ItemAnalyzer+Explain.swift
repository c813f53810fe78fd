import Foundation
import Extract
import Model
import Rules

/// Every candidate mention in an item, accepted or not and why, and the rules
/// the accepted ones fire: `feedwatch explain`.
public struct ItemExplanation: Sendable {
    public struct Field: Sendable {
        public var name: Mention.Field
        public var text: String
        public var candidates: [Candidate]
    }

    public var fields: [Field]
    /// The rules the accepted mentions fire, as `decide` would.
    public var firing: [String]
}

extension ItemAnalyzer {
    public func explain(_ entry: Entry) -> ItemExplanation {
        let texts = ItemText(entry).all
        let candidates = extractor.explain(fields: texts.map(\.1))
        let fields = zip(texts, candidates).map { ItemExplanation.Field(name: $0.0, text: $0.1, candidates: $1) }
        let present = Set(candidates.joined().filter(\.decision.accepted).compactMap(\.mention.watch))
        let firing = present.isEmpty ? [] : RuleEvaluator.firing(rules, present: present).map(\.id)
        return ItemExplanation(fields: fields, firing: firing)
    }
}
