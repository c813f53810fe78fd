import Model

/// A line of a results table, "Arsenal 2 Derby 2" or "Result : Leeds 1 Feyenoord 1":
/// capitalised names each followed by a score. Every such name is a team (ORG),
/// or, when the name is a country, a national side, which stays a place (LOC).
enum ResultsTable {
    static func mark(_ tagged: inout TaggedText, gazetteer: Gazetteer) {
        let tokens = tagged.text.tokens
        guard !tokens.isEmpty else { return }
        var teams: [TaggedText.Span] = []
        var start = 0
        for end in 1...tokens.count where end == tokens.count || tokens[end].startsSentence {
            let names = scoredNames(tokens, start..<end)
            if names.count >= 2 {
                for name in names {
                    let type: EntityType = gazetteer.flags(tagged.gazetteerKey(name)).contains(.country) ? .loc : .org
                    teams.append(TaggedText.Span(tokens: name, type: type))
                }
            }
            start = end
        }
        tagged.replace(with: teams)
    }

    /// The runs of capitalised words directly followed by a number, when the line
    /// is made of nothing else (a label and a colon may lead it).
    private static func scoredNames(_ tokens: [Token], _ line: Range<Int>) -> [Range<Int>] {
        var names: [Range<Int>] = []
        var i = line.lowerBound
        if let colon = tokens[line].firstIndex(where: { $0.shape == .punct && $0.length == 1 }), colon - line.lowerBound <= 2,
           tokens[line.lowerBound..<colon].allSatisfy(\.isCapitalized) {
            i = colon + 1
        }
        while i < line.upperBound {
            let nameStart = i
            while i < line.upperBound, tokens[i].isCapitalized { i += 1 }
            guard i > nameStart, i < line.upperBound, tokens[i].shape == .number else { return [] }
            names.append(nameStart..<i)
            i += 1
            while i < line.upperBound, tokens[i].shape == .punct, tokens[i].length == 1, i + 1 == line.upperBound { i += 1 }
        }
        return names
    }
}
