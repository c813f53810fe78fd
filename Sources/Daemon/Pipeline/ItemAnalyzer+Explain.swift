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
        var mentions: [String: [Mention]] = [:]
        for (field, found) in zip(texts.map(\.0), candidates) {
            for candidate in found where candidate.decision.accepted {
                guard let watch = candidate.mention.watch else { continue }
                mentions[watch, default: []].append(Mention(text: candidate.mention.text, field: field,
                                                            start: candidate.mention.start, end: candidate.mention.end))
            }
        }
        let firing = mentions.isEmpty && keywords.isEmpty ? []
            : RuleEvaluator.firing(rules, facts(texts, mentions: mentions, feedID: "", tags: [])).map(\.id)
        return ItemExplanation(fields: fields, firing: firing)
    }
}
