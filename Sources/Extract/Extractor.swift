import Model

/// Entity extraction: watched names from the alias automaton, confirmed by the
/// linker, and the other names the tagger finds; never overlapping (a watched name wins).
public struct Extractor: Sendable {
    public let matcher: AliasMatcher
    public let tagger: any EntityTagger

    public init(watch: [WatchEntry], tagger: any EntityTagger = NERResources.defaultTagger) {
        matcher = AliasMatcher(watch)
        self.tagger = tagger
    }

    /// Every entity of one text, in order of position.
    public func entities(in text: String) -> [Entity] {
        entities(inFields: [text])[0]
    }

    /// Every entity of each field of one item (title, summary, content), with
    /// watched names resolved across the whole item.
    public func entities(inFields texts: [String]) -> [[Entity]] {
        analyse(texts, tagAlways: true).map { field, accepted in merged(watchEntities(accepted, field.text), field.entities) }
    }

    /// Only the watched names of each field. The tagger runs only where the
    /// automaton found a candidate, so items that mention no watched name cost one pass.
    public func watchedEntities(inFields texts: [String]) -> [[Entity]] {
        analyse(texts, tagAlways: false).map { field, accepted in watchEntities(accepted, field.text) }
    }

    /// One analysis of an item giving both the watched names and, when there are
    /// any, every entity (the tagger ran for the linker already, so this is free).
    public func itemEntities(inFields texts: [String]) -> (watched: [[Entity]], all: [[Entity]]) {
        let fields = analyse(texts, tagAlways: false)
        let watched = fields.map { field, accepted in watchEntities(accepted, field.text) }
        guard watched.contains(where: { !$0.isEmpty }) else { return (watched, fields.map { _ in [] }) }
        return (watched, zip(fields, watched).map { merged($1, $0.0.entities) })
    }

    /// Both lists are sorted by position: one sweep drops the tagger's entities a watched name covers.
    private func merged(_ watched: [Entity], _ tagged: [Entity]) -> [Entity] {
        var others: [Entity] = []
        var w = 0
        for entity in tagged {
            while w < watched.count, watched[w].end <= entity.start { w += 1 }
            if w < watched.count, watched[w].start < entity.end { continue }
            others.append(entity)
        }
        return (watched + others).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    public func watchedEntities(in text: String) -> [Entity] { watchedEntities(inFields: [text])[0] }

    private func analyse(_ texts: [String], tagAlways: Bool) -> [(EntityLinker.Field, [AliasMatcher.Hit])] {
        let tokenized = texts.map(Tokenizer.tokenize)
        let hits = tokenized.map(matcher.hits)
        let anyHit = hits.contains { !$0.isEmpty }
        let tagged = tagAlways || anyHit ? read(tokenized) : tokenized.map { _ in [] }
        let fields = zip(zip(tokenized, hits), tagged).map { pair, entities in
            EntityLinker.Field(text: pair.0, hits: pair.1, entities: entities)
        }
        guard anyHit else { return fields.map { ($0, []) } }
        let accepted = linker.link(fields).map { $0.filter(\.accepted).map(\.hit) }
        return Array(zip(fields, accepted))
    }

    /// Every candidate mention of every watched name in each field, accepted or not,
    /// and why: what `feedwatch explain` prints.
    public func explain(fields texts: [String]) -> [[Candidate]] {
        let tokenized = texts.map(Tokenizer.tokenize)
        let fields = zip(tokenized, read(tokenized)).map { text, entities in
            EntityLinker.Field(text: text, hits: matcher.hits(in: text), entities: entities)
        }
        return zip(fields, linker.link(fields)).map { field, decisions in
            decisions.map { decision in
                Candidate(mention: watchEntities([decision.hit], field.text)[0], decision: decision, tagged: field.entities)
            }
        }
    }

    private var linker: EntityLinker {
        EntityLinker(entries: matcher.entries, generational: matcher.hasGenerationalSuffix, nameWords: matcher.nameWords, nameEnds: matcher.nameEnds,
                     hasTagger: !(tagger is NoTagger),
                     gazetteer: (tagger as? StatisticalTagger)?.gazetteer)
    }

    /// The tagger's entities of each field, revised with what the whole item says (`ItemReading`).
    private func read(_ fields: [TokenizedText]) -> [[Entity]] {
        let tagged = fields.map(tagger.entities(in:))
        guard let gazetteer = (tagger as? StatisticalTagger)?.gazetteer else { return tagged }
        return ItemReading.revise(fields, tagged, gazetteer: gazetteer)
    }

    private func watchEntities(_ hits: [AliasMatcher.Hit], _ text: TokenizedText) -> [Entity] {
        hits.map { hit in
            let entry = matcher.entries[hit.watchIndex]
            let tokens = text.tokens
            return Entity(text: text.text(from: tokens[hit.tokenRange.lowerBound], to: tokens[hit.tokenRange.upperBound - 1]),
                          type: entry.kind.entityType, start: hit.start, end: hit.end, watch: entry.id)
        }
    }
}
