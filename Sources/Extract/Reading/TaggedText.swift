import Model

/// A field's tokens and the tagger's entities, each entity with its token range:
/// what the item-level revisions (`ItemReading`) work on.
struct TaggedText {
    let text: TokenizedText
    var spans: [Span]

    struct Span {
        var tokens: Range<Int>
        var type: EntityType
    }

    init(_ text: TokenizedText, _ entities: [Entity]) {
        self.text = text
        spans = entities.compactMap { entity in
            let tokens = text.tokenRange(of: entity)
            return tokens.isEmpty ? nil : Span(tokens: tokens, type: entity.type)
        }
    }

    /// The key of a run of words: their folded hashes, in order.
    func key(_ range: Range<Int>) -> UInt64 {
        text.tokens[range].filter(\.isWord).reduce(FNV.offset) { FNV.combine($0, $1.hash) }
    }

    /// The key the gazetteer files these words under: a word's hash, or a phrase key.
    func gazetteerKey(_ range: Range<Int>) -> UInt64 {
        Gazetteer.key(text.tokens[range].filter(\.isWord).map(\.hash))
    }

    var entities: [Entity] {
        spans.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }.map { span in
            let first = text.tokens[span.tokens.lowerBound], last = text.tokens[span.tokens.upperBound - 1]
            return Entity(text: text.text(from: first, to: last), type: span.type, start: Int(first.start), end: Int(last.end))
        }
    }

    /// Per token, whether a span covers it: one pass, so that revisions stay linear
    /// in the size of the item (a test per token against every span was quadratic).
    func coverage() -> [Bool] {
        var covered = [Bool](repeating: false, count: text.tokens.count)
        for span in spans { for i in span.tokens { covered[i] = true } }
        return covered
    }

    /// Puts `replacements` in the place of every span they overlap, in one pass.
    mutating func replace(with replacements: [Span]) {
        guard !replacements.isEmpty else { return }
        var taken = [Bool](repeating: false, count: text.tokens.count)
        for span in replacements { for i in span.tokens { taken[i] = true } }
        spans.removeAll { span in span.tokens.contains { taken[$0] } }
        spans += replacements
    }
}
