import Model

/// Sports copy names teams by their cities ("Leeds drew 1-1 with Feyenoord",
/// "Arsenal 2 Derby 2"); newswire annotates those as organisations. A story is
/// sports when its headline starts with a sport ("SOCCER - …") or when it uses
/// the words of play; in it, a city that is not where something happens (after
/// "in", "at", "from") and is not the dateline is a team, and so is every name of
/// a results line. Countries stay places ("Pakistan beat New Zealand").
enum SportsStory {
    private static let sports: Set<UInt64> = Set([
        "soccer", "football", "cricket", "tennis", "rugby", "basketball", "baseball", "golf", "cycling",
        "athletics", "hockey", "motor", "racing", "boxing", "nfl", "nba", "nhl", "formula",
    ].map { FNV.hash($0) })
    private static let playWords: Set<UInt64> = Set([
        "beat", "beats", "drew", "draw", "defeated", "striker", "midfielder", "goalkeeper", "goal", "goals", "scored",
        "league", "cup", "match", "matches", "fixture", "fixtures", "innings", "wickets", "halftime", "half-time",
        "playoff", "playoffs", "season", "coach", "manager", "club", "fans", "stadium", "championship", "relegation",
        "game", "games", "squad", "player", "players", "referee", "penalty", "transfer", "midfield", "defender",
    ].map { FNV.hash($0) })
    /// "Galatasaray striker Mauro Icardi": the name before a player's or a coach's role is the club.
    private static let roles: Set<UInt64> = Set([
        "striker", "coach", "manager", "midfielder", "defender", "goalkeeper", "captain", "forward", "winger", "keeper",
    ].map { FNV.hash($0) })
    /// "beat Feyenoord", "against Newcastle": a place or a guess after these is the other side.
    private static let opponents: Set<UInt64> = Set(["beat", "against", "defeated", "drew", "hosts", "host", "edged", "thrashed"].map { FNV.hash($0) })
    private static let placePrepositions: Set<UInt64> = Set(["in", "at", "from", "near", "to"].map { FNV.hash($0) })

    static func detect(_ fields: [TaggedText]) -> Bool { detect(texts: fields.map(\.text)) }

    static func detect(texts: [TokenizedText]) -> Bool {
        var playCount = 0
        for text in texts {
            let tokens = text.tokens
            if let first = tokens.first, sports.contains(first.hash), tokens.count > 1, text.foldedString(tokens[1]) == "-" {
                return true
            }
            playCount += tokens.lazy.filter { playWords.contains($0.hash) }.count
        }
        return playCount >= 2
    }

    static func relabel(_ tagged: inout TaggedText, gazetteer: Gazetteer) {
        let tokens = tagged.text.tokens
        let dateline = Dateline.storyStart(tagged.text) ?? 0
        for i in tagged.spans.indices where tagged.spans[i].type == .loc {
            let range = tagged.spans[i].tokens
            guard range.lowerBound >= dateline, !isDatelineLine(tagged.text, range) else { continue }
            let flags = gazetteer.flags(tagged.gazetteerKey(range))
            guard !flags.isDisjoint(with: [.city, .admin1]), !flags.contains(.country) else { continue }
            if range.lowerBound > 0, placePrepositions.contains(tokens[range.lowerBound - 1].hash) { continue }
            tagged.spans[i].type = .org
        }
        clubs(&tagged, gazetteer: gazetteer)
        ResultsTable.mark(&tagged, gazetteer: gazetteer)
    }

    /// Names next to a role or after a verb of play are clubs, unless they are countries
    /// (national sides stay places) or, after a verb, people ("Nadal beat Djokovic").
    private static func clubs(_ tagged: inout TaggedText, gazetteer: Gazetteer) {
        let tokens = tagged.text.tokens
        var typeAt: [Range<Int>: EntityType] = [:]
        for span in tagged.spans { typeAt[span.tokens] = span.type }
        var clubs: [TaggedText.Span] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].isCapitalized else { i += 1; continue }
            var end = i
            while end < tokens.count, tokens[end].isCapitalized, !(end > i && tokens[end].startsSentence) { end += 1 }
            let run = i..<end
            let beforeRole = end < tokens.count && roles.contains(tokens[end].hash)
            let afterPlay = i > 0 && opponents.contains(tokens[i - 1].hash)
            if beforeRole || (afterPlay && typeAt[run] != .person), !gazetteer.flags(tagged.gazetteerKey(run)).contains(.country) {
                clubs.append(TaggedText.Span(tokens: run, type: .org))
            }
            i = end
        }
        tagged.replace(with: clubs)
    }

    /// "LONDON 1996-12-07": a line of only a place and a date is a dateline.
    private static func isDatelineLine(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        let tokens = text.tokens
        guard tokens[range.lowerBound].startsSentence else { return false }
        var end = range.upperBound
        while end < tokens.count, !tokens[end].startsSentence { end += 1 }
        return tokens[range.upperBound..<end].allSatisfy { $0.shape == .number || $0.shape == .punct }
    }
}
