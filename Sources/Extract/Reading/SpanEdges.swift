import Model

/// Where a name ends: newswire marks "Anadolu" in "the Anadolu news agency" and
/// "Hamas" in "a Hamas delegation". MISC spans are left as tagged (an event may end
/// in common nouns: "the 2001 general election"), and so are titles before a name,
/// which corpora treat differently and which tell the linker who is meant ("Dr Modi").
enum SpanEdges {
    static func trim(_ tagged: inout TaggedText, gazetteer: Gazetteer) {
        let tokens = tagged.text.tokens
        tagged.spans = tagged.spans.compactMap { span in
            var range = span.tokens
            // A lower-case word or punctuation never ends the name of a person, an
            // organisation or a place. (An event may: "the 2001 general election".)
            while span.type != .misc, range.count > 1, tokens[range.lowerBound].isCapitalized,
                  let last = range.last, !tokens[last].isWord || isCommonNoun(tokens[last], gazetteer) {
                range = range.lowerBound..<(range.upperBound - 1)
            }
            return TaggedText.Span(tokens: range, type: span.type)
        }
    }

    /// A lower-case common word that is not also a name ("news", "delegation"; not "trump").
    private static func isCommonNoun(_ token: Token, _ gazetteer: Gazetteer) -> Bool {
        let flags = gazetteer.flags(token.hash)
        return token.shape == .lower && flags.contains(.commonWord) && flags.isDisjoint(with: [.surname, .givenName])
    }
}
