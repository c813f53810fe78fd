import Model

/// A first entity pass: runs of capitalised words, typed by cue words
/// (titles before people, suffixes of organisations, a short list of places).
/// A rule-based baseline until a trained sequence tagger replaces it.
public struct CapitalizedSpanTagger: EntityTagger {
    public init() {}

    public func entities(in text: String, tokens: [Token]) -> [Entity] {
        let scalars = Array(text.unicodeScalars)
        var entities: [Entity] = []
        var index = 0
        while index < tokens.count {
            guard let span = span(from: index, in: tokens) else {
                index += 1
                continue
            }
            let words = tokens[span]
            let type = classify(words, before: span.lowerBound > 0 ? tokens[span.lowerBound - 1] : nil)
            let start = tokens[span.lowerBound].start, end = tokens[span.upperBound - 1].end
            entities.append(Entity(text: String(String.UnicodeScalarView(scalars[start..<end])), type: type, start: start, end: end))
            index = span.upperBound
        }
        return entities
    }

    /// The capitalised run starting at `start`, with particles (al, bin, von, de …)
    /// allowed inside it; nil when the run is only a sentence's ordinary first word.
    private func span(from start: Int, in tokens: [Token]) -> Range<Int>? {
        let first = tokens[start]
        guard first.isCapitalized, !Cues.titles.contains(first.folded) || first.shape == .upper else { return nil }
        var end = start + 1
        while end < tokens.count {
            let token = tokens[end]
            if token.startsSentence { break }
            if token.isCapitalized { end += 1; continue }
            if Cues.particles.contains(token.folded), end + 1 < tokens.count, tokens[end + 1].isCapitalized,
               !tokens[end + 1].startsSentence {
                end += 2
                continue
            }
            if token.joinedToPrevious, token.folded == "s" { break }
            break
        }
        if end - start == 1, first.startsSentence, Cues.commonSentenceStarts.contains(first.folded) { return nil }
        if end - start == 1, Cues.stopwords.contains(first.folded) { return nil }
        return start..<end
    }

    private func classify(_ words: ArraySlice<Token>, before: Token?) -> EntityType {
        let folded = words.map(\.folded)
        if let last = folded.last, Cues.organisationWords.contains(last) { return .org }
        if folded.contains(where: { Cues.organisationWords.contains($0) }), words.count > 1 { return .org }
        if words.count == 1, words.first?.shape == .upper, (folded.first?.count ?? 0) >= 2 {
            return Cues.places.contains(folded.joined(separator: " ")) ? .loc : .org
        }
        if Cues.places.contains(folded.joined(separator: " ")) { return .loc }
        if let before, Cues.titles.contains(before.folded) { return .person }
        if let before, ["in", "from", "to", "near", "across"].contains(before.folded) { return .loc }
        if words.count >= 2, words.count <= 4 { return .person }
        return .misc
    }
}
