import Model

/// What a whole item says about its one-word company and place names, read
/// once before any mention is judged: a word the item uses as a common noun, a
/// name a cue gives away once ("the Amazon river"), a name written inside a
/// sentence somewhere. One mention's evidence speaks for all of them, in the
/// title as well as in the body.
struct ItemEvidence {
    /// Every word the item writes in lower case, with plurals also under their singular.
    var lowercase = Set<UInt64>()
    /// Watches a word cue contradicts somewhere in the item, with the cue.
    var contradicted: [Int: String] = [:]
    /// Watches with a mention that does not start a sentence or headline.
    var midSentence = Set<Int>()
    /// Watches the item mentions outside lines written wholly in capitals.
    var outsideCapitals = Set<Int>()
    /// Company and place watches whose one word the item writes, outside capitals, only
    /// inside a longer name of another kind ("the Mekong Delta"), with that name: what an
    /// all-capitals headline's "DELTA" means too.
    var casedOnlyInside: [Int: String] = [:]
    /// People the item names by a full spelling, not by a surname or short form alone.
    var namedInFull = Set<Int>()
    /// Countries whose name the item's other places say means a place in another
    /// country ("ATLANTA - Georgia's governor" is the US state).
    /// The value names the places that outvoted the watched country.
    var placeElsewhere: [Int: String] = [:]
    /// The last words of the people the item names in two words or more, with the name.
    var personSurnames: [UInt64: String] = [:]
    /// Person watches whose lone surname the item introduces with an indefinite
    /// apposition ("Dr Modi, a cardiologist trained in London").
    var introducedAsSomeoneElse = Set<Int>()
    /// Company watches whose all-capitals alias the item spells out as something else.
    var acronymDefinedOtherwise: [Int: String] = [:]
    /// The item calls something "the company", "the carmaker" ….
    var describesCompany = false
    /// A sports report (`SportsStory`): letters there name leagues and teams ("the SEC title game").
    var sportsStory = false
    /// Company watches the item names by words, not only by capitals ("Securities and Exchange Commission").
    var namedByWords = Set<Int>()

    /// The longer name of another kind a one-word company or place hit sits inside, if any.
    private static func longerNameOfAnotherKind(_ hit: AliasMatcher.Hit, _ field: EntityLinker.Field, _ entries: [WatchEntry]) -> String? {
        let kind = entries[hit.watchIndex].kind
        guard kind != .person, hit.tokenRange.count == 1 else { return nil }
        return EntityLinker.overlapping(field.entities, hit.start, hit.end).first {
            ($0.start < hit.start || $0.end > hit.end) && $0.type != kind.entityType && $0.type != .misc
        }?.text
    }

    init(_ fields: [EntityLinker.Field], marks: [FieldMarks], entries: [WatchEntry], nameWords: [Set<UInt64>], gazetteer: Gazetteer? = nil) {
        defer { if let gazetteer { placeElsewhere = Self.placesElsewhere(fields, entries: entries, gazetteer: gazetteer) } }
        acronymDefinedOtherwise = Self.acronymsDefinedOtherwise(fields, entries: entries, nameWords: nameWords)
        describesCompany = Self.describesCompany(fields)
        sportsStory = SportsStory.detect(texts: fields.map(\.text))
        for (field, marks) in zip(fields, marks) {
            for token in field.text.tokens where token.shape == .lower {
                lowercase.insert(token.hash)
                let folded = field.text.folded[Int(token.foldedStart)..<Int(token.foldedEnd)]
                if folded.count > 3, folded.last == UInt8(ascii: "s") { lowercase.insert(FNV.hash(folded.dropLast())) }
            }
            for hit in field.hits where !hit.isSurname && !hit.isShortForm { namedInFull.insert(hit.watchIndex) }
            for hit in field.hits where hit.tokenRange.count > 1 || field.text.tokens[hit.tokenRange.lowerBound].shape != .upper {
                namedByWords.insert(hit.watchIndex)
            }
            for hit in field.hits where (hit.isSurname || hit.isShortForm) && Self.indefiniteApposition(after: hit, field.text) {
                introducedAsSomeoneElse.insert(hit.watchIndex)
            }
            for entity in field.entities where entity.type == .person {
                let words = field.text.tokens[field.text.tokenRange(of: entity)].filter(\.isWord)
                // "King Abdullah of Jordan" ends in a place, not a surname.
                if words.count >= 2, let last = words.last, !words.contains(where: { $0.hash == Self.of }) {
                    personSurnames[last.hash] = entity.text
                }
            }
            for hit in field.hits where !marks.capitals.contains(hit.tokenRange.lowerBound) {
                if let name = Self.longerNameOfAnotherKind(hit, field, entries) {
                    casedOnlyInside[hit.watchIndex] = name
                } else {
                    outsideCapitals.insert(hit.watchIndex)
                }
            }
            // "the river Rio Tinto": a company of several words named after a river is that river here.
            for hit in field.hits where entries[hit.watchIndex].kind == .organization && hit.tokenRange.count > 1
                && WordCues.namesGeography(field.text, hit.tokenRange) {
                contradicted[hit.watchIndex] = "geography"
            }
            for hit in field.hits where entries[hit.watchIndex].kind != .person && hit.tokenRange.count == 1 {
                let kind = entries[hit.watchIndex].kind
                if let cue = WordCues.contradiction(kind, field.text, hit.tokenRange) {
                    contradicted[hit.watchIndex] = cue
                } else if kind == .organization, Self.regionOfPeople(hit, field) {
                    contradicted[hit.watchIndex] = "a people's region"
                }
                let token = field.text.tokens[hit.tokenRange.lowerBound]
                let index = hit.tokenRange.lowerBound
                if !token.startsSentence, !marks.headlines.contains(index), index != marks.storyStart { midSentence.insert(hit.watchIndex) }
            }
        }
    }

    private static let of = FNV.hash("of")
    private static let indefinite: Set<UInt64> = [FNV.hash("a"), FNV.hash("an")]

    /// "Modi, a cardiologist": a comma, then "a" or "an", right after the name.
    private static func indefiniteApposition(after hit: AliasMatcher.Hit, _ text: TokenizedText) -> Bool {
        let next = hit.tokenRange.upperBound
        return next + 1 < text.tokens.count && text.foldedString(text.tokens[next]) == ","
            && indefinite.contains(text.tokens[next + 1].hash)
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

    /// For each watched country whose name is also a city or region of another country,
    /// the places the item names vote: a place in that other country against one in the
    /// watched country (its cities, its people's name). More votes for the other wins.
    private static func placesElsewhere(_ fields: [EntityLinker.Field], entries: [WatchEntry], gazetteer: Gazetteer) -> [Int: String] {
        var ambiguous: [Int: PlaceCountries] = [:]
        var inUnitedStates: [Int: String] = [:]
        for field in fields {
            for hit in field.hits where entries[hit.watchIndex].kind == .location {
                if let place = namedInUSState(hit, field.text) { inUnitedStates[hit.watchIndex] = place }
                let countries = gazetteer.countries(Gazetteer.key(field.text.tokens[hit.tokenRange].filter(\.isWord).map(\.hash)))
                if countries.country != 0, countries.place != 0, countries.place != countries.country {
                    ambiguous[hit.watchIndex] = countries
                }
            }
        }
        guard !ambiguous.isEmpty else { return inUnitedStates }
        let named = namedPlaces(fields, gazetteer: gazetteer)
        var elsewhere: [Int: String] = [:]
        for (watch, countries) in ambiguous {
            let other = named.filter { $0.1.country == countries.place || $0.1.place == countries.place }
            let own = named.filter { $0.1.country == countries.country || $0.1.place == countries.country }.count
            if other.count > own { elsewhere[watch] = other.map(\.0).joined(separator: ", ") }
        }
        return elsewhere.merging(inUnitedStates) { first, _ in first }
    }

    /// Every place the item names, longest phrase first (up to three words), the
    /// watched names themselves left out.
    private static func namedPlaces(_ fields: [EntityLinker.Field], gazetteer: Gazetteer) -> [(String, PlaceCountries)] {
        var found: [(String, PlaceCountries)] = []
        for field in fields {
            let tokens = field.text.tokens
            let watched = Set(field.hits.flatMap { Array($0.tokenRange) })
            var i = 0
            while i < tokens.count {
                guard tokens[i].isCapitalized, !watched.contains(i) else { i += 1; continue }
                if let state = usStateAbbreviation(field.text, i) {
                    found.append((state, PlaceCountries(place: unitedStates)))
                    i += 1
                    continue
                }
                var matched = 0
                for length in stride(from: min(3, tokens.count - i), through: 1, by: -1)
                where tokens[i..<(i + length)].allSatisfy({ $0.isCapitalized }) {
                    let countries = gazetteer.countries(Gazetteer.key(tokens[i..<(i + length)].map(\.hash)))
                    if countries.rawValue != 0 {
                        found.append((field.text.text(from: tokens[i], to: tokens[i + length - 1]), countries))
                        matched = length
                        break
                    }
                }
                i += max(matched, 1)
            }
        }
        return found
    }

    /// "PANAMA CITY, Fla.", "Moscow, Idaho": the watched place's name, alone or with one
    /// more capitalised word, placed in a US state. (A watched US place is left alone.)
    private static func namedInUSState(_ hit: AliasMatcher.Hit, _ text: TokenizedText) -> String? {
        var end = hit.tokenRange.upperBound
        if end < text.tokens.count, text.tokens[end].isCapitalized || text.tokens[end].shape == .upper, text.tokens[end].isWord { end += 1 }
        guard end + 1 < text.tokens.count, text.foldedString(text.tokens[end]) == "," else { return nil }
        if usStateAbbreviation(text, end + 1) == nil, !usStateNames.contains(text.foldedString(text.tokens[end + 1])) { return nil }
        return text.text(from: text.tokens[hit.tokenRange.lowerBound], to: text.tokens[end + 1])
    }

    private static let usStateNames: Set<String> = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland",
        "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio",
        "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
        "wisconsin", "wyoming",
    ]

    /// "LEBANON, Pa.", "Paris, Tenn.": a US state as the AP abbreviates it, after a comma.
    private static func usStateAbbreviation(_ text: TokenizedText, _ i: Int) -> String? {
        let tokens = text.tokens
        guard i > 0, text.foldedString(tokens[i - 1]) == "," else { return nil }
        var word = text.foldedString(tokens[i])
        if !word.hasSuffix(".") {
            guard i + 1 < tokens.count, text.foldedString(tokens[i + 1]) == "." else { return nil }
            word += "."
        }
        return usStates.contains(word) ? text.text(from: tokens[i], to: tokens[i]) : nil
    }

    private static let usStates: Set<String> = [
        "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.", "kan.", "ky.", "la.",
        "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.", "neb.", "nev.", "n.h.", "n.j.", "n.m.", "n.y.", "n.c.",
        "n.d.", "okla.", "ore.", "pa.", "r.i.", "s.c.", "s.d.", "tenn.", "vt.", "va.", "wash.", "w.va.", "wis.", "wyo.",
    ]
    private static let unitedStates = PlaceCountries.code("US") ?? 0
}
