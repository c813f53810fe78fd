import Model

/// What a whole item says about its one-word company and place names, read
/// once before any mention is judged: a word the item uses as a common noun, a
/// name a cue gives away once ("the Amazon river"), a name written inside a
/// sentence somewhere. One mention's evidence speaks for all of them, in the
/// title as well as in the body.
struct ItemEvidence {
    /// Every word the item writes in lower case, with plurals also under their singular.
    var lowercase = Set<UInt64>()
    /// Watches a word cue contradicts somewhere in the item.
    var contradicted = Set<Int>()
    /// Watches with a mention that does not start a sentence or headline.
    var midSentence = Set<Int>()
    /// People the item names by a full spelling, not by a surname or short form alone.
    var namedInFull = Set<Int>()

    init(_ fields: [EntityLinker.Field], entries: [WatchEntry]) {
        for field in fields {
            for token in field.text.tokens where token.shape == .lower {
                lowercase.insert(token.hash)
                let folded = field.text.folded[Int(token.foldedStart)..<Int(token.foldedEnd)]
                if folded.count > 3, folded.last == UInt8(ascii: "s") { lowercase.insert(FNV.hash(folded.dropLast())) }
            }
            let headlines = HeadlineMarks(field.text.tokens)
            let storyStart = Dateline.storyStart(field.text)
            for hit in field.hits where !hit.isSurname && !hit.isShortForm { namedInFull.insert(hit.watchIndex) }
            for hit in field.hits where entries[hit.watchIndex].kind != .person && hit.tokenRange.count == 1 {
                let kind = entries[hit.watchIndex].kind
                if WordCues.contradict(kind, field.text, hit.tokenRange)
                    || (kind == .organization && Self.regionOfPeople(hit, field)) {
                    contradicted.insert(hit.watchIndex)
                }
                let token = field.text.tokens[hit.tokenRange.lowerBound]
                let index = hit.tokenRange.lowerBound
                if !token.startsSentence, !headlines.contains(index), index != storyStart { midSentence.insert(hit.watchIndex) }
            }
        }
    }

    /// "the Brazilian Amazon": a people's adjective before a company's name, which the
    /// tagger does not read as a company, makes it their region.
    private static func regionOfPeople(_ hit: AliasMatcher.Hit, _ field: EntityLinker.Field) -> Bool {
        let index = hit.tokenRange.lowerBound
        guard index > 0 else { return false }
        let before = field.text.tokens[index - 1]
        let word = field.text.foldedString(before)
        guard before.shape == .capitalized, ["ian", "ean", "ese", "ish"].contains(where: word.hasSuffix) else { return false }
        return !EntityLinker.overlapping(field.entities, hit.start, hit.end).contains { $0.type == .org }
    }
}
