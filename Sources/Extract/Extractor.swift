import Model

/// Entity extraction for one text: watched names from the alias automaton,
/// other names from the tagger, never overlapping (a watched name wins).
public struct Extractor: Sendable {
    public let matcher: AliasMatcher
    public let tagger: any EntityTagger

    public init(watch: [WatchEntry], tagger: any EntityTagger = CapitalizedSpanTagger()) {
        matcher = AliasMatcher(watch)
        self.tagger = tagger
    }

    /// Every entity of the text, in order of position.
    public func entities(in text: String) -> [Entity] {
        let tokens = Tokenizer.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        let watched = watchEntities(matcher.hits(in: tokens), scalars: scalars)
        var taken = watched.map { $0.start..<$0.end }
        var result = watched
        for entity in tagger.entities(in: text, tokens: tokens) {
            let range = entity.start..<entity.end
            guard !taken.contains(where: { $0.overlaps(range) }) else { continue }
            taken.append(range)
            result.append(entity)
        }
        return result.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Only the watched names of the text, one entity per (watch, place).
    public func watchedEntities(in text: String) -> [Entity] {
        watchEntities(matcher.hits(in: Tokenizer.tokenize(text)), scalars: Array(text.unicodeScalars))
    }

    private func watchEntities(_ hits: [AliasMatcher.Hit], scalars: [Unicode.Scalar]) -> [Entity] {
        hits.map { hit in
            let entry = matcher.entries[hit.watchIndex]
            return Entity(text: String(String.UnicodeScalarView(scalars[hit.start..<hit.end])),
                          type: entry.kind.entityType, start: hit.start, end: hit.end, watch: entry.id)
        }
    }
}
