import Model

/// Where a name ends: newswire marks "Anadolu" in "the Anadolu news agency" and
/// "Hamas" in "a Hamas delegation"; a name that ends in a legal form ("AG", "Inc") is
/// a company's. MISC spans are left as tagged (an event may end
/// in common nouns: "the 2001 general election"), and so are titles before a name,
/// which corpora treat differently and which tell the linker who is meant ("Dr Modi").
enum SpanEdges {
    static func trim(_ tagged: inout TaggedText, gazetteer: Gazetteer) {
        let tokens = tagged.text.tokens
        tagged.spans = tagged.spans.compactMap { span in
            var range = span.tokens
            // "Anti-Nestlé sentiment", "pro-Sisi newspaper": the prefix is the phrase's, not the name's.
            if span.type != .misc, range.count > 1, prefixes.contains(tokens[range.lowerBound].hash),
               tokens[range.lowerBound + 1].joinedToPrevious, tokens[range.lowerBound + 1].isCapitalized {
                range = (range.lowerBound + 1)..<range.upperBound
            }
            // A lower-case word or punctuation never ends the name of a person, an
            // organisation or a place. (An event may: "the 2001 general election".)
            while span.type != .misc, range.count > 1, tokens[range.lowerBound].isCapitalized,
                  let last = range.last, !tokens[last].isWord || isCommonNoun(tokens[last], gazetteer) {
                range = range.lowerBound..<(range.upperBound - 1)
            }
            // A legal form ends only a company's name: "Hapag-Lloyd AG" is no person.
            let type: EntityType = span.type != .org && range.count > 1 && range.last.map({ tokens[$0].isWord
                && gazetteer.flags(tokens[$0].hash).contains(.legalSuffix) }) == true ? .org : span.type
            return TaggedText.Span(tokens: range, type: type)
        }
        widenPeople(&tagged, gazetteer: gazetteer)
    }

    /// A person's name starts one word earlier when the word before it is capitalised
    /// in the same sentence and the name lists know it as nothing else: "Recep Tayyip
    /// Erdoğan", whose "Recep" no English list holds, is one name. A title, a place,
    /// a people's name, an organisation word, a day or a month is not a given name, and
    /// at the head of a sentence only a listed given name is.
    private static func widenPeople(_ tagged: inout TaggedText, gazetteer: Gazetteer) {
        let tokens = tagged.text.tokens
        let cues = PersonCues(gazetteer: gazetteer)
        var owner = [Int: Int]()
        for (s, span) in tagged.spans.enumerated() { for t in span.tokens { owner[t] = s } }
        var absorbed = Set<Int>()
        for s in tagged.spans.indices where tagged.spans[s].type == .person && tagged.spans[s].tokens.count < 4 {
            let first = tagged.spans[s].tokens.lowerBound
            guard first > 0, !tokens[first].startsSentence, !tokens[first].afterLineBreak, !tokens[first].joinedToPrevious else { continue }
            let before = tokens[first - 1]
            guard before.shape == .capitalized, before.isWord, !calendarWords.contains(before.hash) else { continue }
            let flags = gazetteer.flags(before.hash)
            guard flags.isDisjoint(with: notGivenName), !flags.contains(.commonWord), !cues.isTitle(before) else { continue }
            // At the head of a sentence any word is capitalised: there it must be a known given name.
            if before.startsSentence || before.afterLineBreak, !flags.contains(.givenName) { continue }
            if let other = owner[first - 1] {
                // Only a one-word MISC guess gives way ("Recep" read as a nationality).
                guard tagged.spans[other].type == .misc, tagged.spans[other].tokens.count == 1 else { continue }
                absorbed.insert(other)
            }
            tagged.spans[s].tokens = (first - 1)..<tagged.spans[s].tokens.upperBound
        }
        if !absorbed.isEmpty {
            tagged.spans = tagged.spans.enumerated().filter { !absorbed.contains($0.offset) }.map(\.element)
        }
    }

    private static let notGivenName: Gazetteer.Flags = [.titleBefore, .titleAfter, .role, .country, .city, .admin1, .region,
                                                       .demonym, .bigCity, .orgWord, .legalSuffix]
    private static let calendarWords: Set<UInt64> = Set([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ].map { FNV.hash($0) })

    /// A lower-case common word that is not also a name ("news", "delegation"; not "trump"),
    /// or any lower-case word after a capitalised name that is no name particle ("Amazon rose").
    private static func isCommonNoun(_ token: Token, _ gazetteer: Gazetteer) -> Bool {
        guard token.shape == .lower else { return false }
        if particles.contains(token.hash) { return false }
        let flags = gazetteer.flags(token.hash)
        return flags.contains(.commonWord) || flags.isDisjoint(with: [.surname, .givenName])
    }

    /// Prefixes joined by a hyphen to a name they qualify ("anti-", "pro-", "ex-").
    private static let prefixes: Set<UInt64> = Set(["anti", "pro", "ex", "non", "post", "pre", "neo", "pan"].map { FNV.hash($0) })

    /// Lower-case words that end names: "Ludwig van", "Osama bin" do not, but a particle
    /// inside a name may close a tagged span that goes on.
    private static let particles: Set<UInt64> = Set(["van", "von", "de", "da", "di", "del", "der", "den", "du", "dos", "das",
                                                     "la", "le", "al", "el", "bin", "ibn", "bint", "y"].map { FNV.hash($0) })
}
