import Model

/// What the words around a one-word company or place say it is, when that is
/// something else: "Apple growers" and "Turkey dinner" are food, "the Amazon
/// river" and "the Niger Delta" are geography, "7 Tesla" is a unit, and
/// "Jordan, 24," is a person. Each cue is a word next to the name, so the
/// test costs a few probes per hit.
enum WordCues {
    /// What a cue beside `range` says the word is, when it is not the watched company or place.
    static func contradiction(_ kind: WatchEntry.Kind, _ text: TokenizedText, _ range: Range<Int>) -> String? {
        if headsFoodOrFarmNoun(text, after: range) { return "food or farming" }
        if namesGeography(text, range) { return "geography" }
        if kind == .organization, isTraversed(text, range) { return "a place one travels (\u{201C}on the …\u{201D})" }
        if kind == .organization, isUnit(text, range) { return "a unit after a number" }
        if kind == .organization, namesVariant(text, range) { return "a variant or strain (\u{201C}the … variant\u{201D})" }
        if isPersonWithAge(text, range) { return "a person with an age" }
        if kind != .location, isDescribedAsPlace(text, range) { return "a place (\u{201C}…, a seaside suburb\u{201D})" }
        if kind == .location, isPersonBySpeech(text, range) { return "a person who speaks (\u{201C}said he\u{201D})" }
        // Only places: "Tesla Motors" and "Amazon Studios" are the companies themselves.
        if kind == .location, isTeam(text, range) { return "a team named after the place" }
        return nil
    }

    /// "The Delta variant", "an Omicron subvariant": a virus variant named with the word.
    private static func namesVariant(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        guard let next = separateWord(text, at: range.upperBound) else { return false }
        return next.shape == .lower && variantNouns.contains(next.hash)
    }

    private static let variantNouns: Set<UInt64> = Set([
        "variant", "variants", "subvariant", "subvariants", "strain", "strains", "lineage", "mutation",
    ].map { FNV.hash($0) })

    private static let speech: Set<UInt64> = Set(["said", "says", "told", "added", "insisted", "argued", "wrote"].map { FNV.hash($0) })
    private static let personalPronouns: Set<UInt64> = Set(["he", "she"].map { FNV.hash($0) })

    /// "Orange said", "Alphabet announced": the name is the subject of a verb of speech.
    static func speaks(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        range.upperBound < text.tokens.count && (speech.contains(text.tokens[range.upperBound].hash)
            || announcements.contains(text.tokens[range.upperBound].hash))
    }

    private static let announcements: Set<UInt64> = Set(["announced", "announces", "reported", "reports", "confirmed",
                                                         "denied", "warned", "urged"].map { FNV.hash($0) })

    /// Nouns of a company's life: "Orange shares", "Apple's chief executive".
    private static let companyNouns: Set<UInt64> = Set([
        "shares", "stock", "stocks", "chief", "ceo", "executive", "executives", "spokesman", "spokeswoman", "spokesperson",
        "chairman", "chairwoman", "board", "shareholders", "investors", "profit", "profits", "revenue", "revenues",
        "earnings", "sales", "subsidiary", "headquarters", "staff", "employees", "workers",
    ].map { FNV.hash($0) })

    /// The name, or its possessive, heads a noun of a company's life.
    static func headsCompanyNoun(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        var next = range.upperBound
        if next < text.tokens.count, text.tokens[next].joinedToPrevious, text.foldedString(text.tokens[next]) == "s" { next += 1 }
        return next < text.tokens.count && text.tokens[next].shape == .lower && companyNouns.contains(text.tokens[next].hash)
    }

    /// "Chad said he was tired": a name that speaks of itself as he or she is a person.
    private static func isPersonBySpeech(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        let tokens = text.tokens
        let verb = range.upperBound
        guard verb + 1 < tokens.count, speech.contains(tokens[verb].hash) else { return false }
        return personalPronouns.contains(tokens[verb + 1].hash)
    }

    /// "the Georgia Bulldogs", "Golden State Warriors": a capitalised plural right after
    /// the name makes it a team's name. Only a plain plural counts ("Bulldogs"), not a
    /// people's name ("Georgians") or an acronym.
    private static func isTeam(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        guard let next = separateWord(text, at: range.upperBound), next.shape == .capitalized, next.length >= 5 else { return false }
        let word = text.foldedString(next)
        return word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("ians") && !word.hasSuffix("ans")
            && !word.hasSuffix("ese") && !teamlessPlurals.contains(next.hash)
    }

    /// Capitalised plurals after a place that are not teams.
    private static let teamlessPlurals: Set<UInt64> = Set([
        "islands", "mountains", "highlands", "lowlands", "plains", "hills", "falls", "springs", "heights", "forces",
        "affairs", "airways", "airlines", "news", "times", "games", "olympics", "paralympics", "awards", "series",
    ].map { FNV.hash($0) })

    /// Nouns that make a one-word name a common noun when they follow it in lower
    /// case: "Apple growers", "Turkey dinner", "Orange juice". Food and farming
    /// are where company and country names collide with common words.
    private static let foodAndFarmNouns: Set<UInt64> = Set([
        "pie", "pies", "juice", "juices", "cider", "orchard", "orchards", "tree", "trees", "grower", "growers",
        "harvest", "harvests", "crop", "crops", "farmer", "farmers", "farm", "farms", "sauce", "crumble", "tart",
        "varieties", "variety", "picking", "pickers", "recipe", "recipes", "dinner", "dinners", "roast", "breast",
        "breasts", "leg", "legs", "sandwich", "sandwiches", "burger", "burgers", "gravy", "stuffing", "hunting",
        "hunters", "feathers", "meat", "bacon", "slices", "cake", "cakes", "blossom", "blossoms", "seeds", "peel",
        "carving", "leftovers", "chili", "soup", "salad", "vinegar", "butter", "jam", "brine",
    ].map { FNV.hash($0) })

    /// "Apple growers", "Turkey dinner": the name heads a lower-case food or farming noun.
    /// "Nice's government": a possessive makes a noun of the word, a name at the head of a
    /// sentence (no adjective takes one), unless food follows ("Turkey's stuffing").
    static func isPossessiveName(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        let next = range.upperBound
        guard next < text.tokens.count, text.tokens[next].joinedToPrevious, text.foldedString(text.tokens[next]) == "s" else { return false }
        return !headsFoodOrFarmNoun(text, after: next..<(next + 1))
    }

    static func headsFoodOrFarmNoun(_ text: TokenizedText, after range: Range<Int>) -> Bool {
        guard let next = separateWord(text, at: range.upperBound) else { return false }
        return next.shape == .lower && foodAndFarmNouns.contains(next.hash)
    }

    /// Features of the land a company or a country shares its name with: "the Amazon
    /// rainforest", "Niger Delta", "the River Niger", "a Tesla coil".
    private static let geography: Set<UInt64> = Set([
        "river", "rivers", "rainforest", "rainforests", "basin", "delta", "jungle", "forest", "valley", "estuary",
        "rapids", "coil", "coils", "gorge", "watershed", "floodplain", "tributary", "tributaries",
    ].map { FNV.hash($0) })

    static func namesGeography(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        if let next = separateWord(text, at: range.upperBound), geography.contains(next.hash) { return true }
        let before = range.lowerBound - 1
        return before >= 0 && text.tokens[before].hash == river
    }

    private static let river = FNV.hash("river")
    private static let the = FNV.hash("the")
    private static let traversal: Set<UInt64> = Set(["on", "along", "across", "up", "down", "upriver", "downriver"].map { FNV.hash($0) })

    /// "stranded on the Amazon", "along the Amazon": one is on a river or a region, not a company.
    private static func isTraversed(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        let i = range.lowerBound
        return i >= 2 && text.tokens[i - 1].hash == the && traversal.contains(text.tokens[i - 2].hash)
    }

    /// "7 Tesla", "1.5 Tesla": a number before the name makes it a unit; not when a
    /// model number follows ("171 Boeing 737 jets" are the company's aircraft).
    /// "at 7 Tesla": the name counted by a number is a unit. Not when it goes on to a noun
    /// it names: "160 Boeing jets" are the company's.
    private static func isUnit(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        guard range.lowerBound > 0, text.tokens[range.lowerBound - 1].shape == .number else { return false }
        guard range.upperBound < text.tokens.count else { return true }
        let next = text.tokens[range.upperBound]
        return next.shape != .number && !(next.shape == .lower && next.isWord && !next.joinedToPrevious)
    }

    /// "Jordan, 24, of east London": the age after a comma is said of a person.
    private static func isPersonWithAge(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        let tokens = text.tokens
        let comma = range.upperBound
        guard comma + 1 < tokens.count, text.foldedString(tokens[comma]) == ",",
              tokens[comma + 1].shape == .number, tokens[comma + 1].length <= 3 else { return false }
        return comma + 2 >= tokens.count || text.foldedString(tokens[comma + 2]) == ","
    }

    private static let articles: Set<UInt64> = Set(["a", "an", "the"].map { FNV.hash($0) })
    /// Kinds of settlement and district an apposition calls a place.
    private static let settlements: Set<UInt64> = Set([
        "suburb", "town", "village", "city", "district", "county", "province", "region", "neighbourhood", "neighborhood",
        "island", "port", "resort", "municipality", "commune", "borough", "hamlet", "settlement", "township", "enclave",
    ].map { FNV.hash($0) })

    /// "Blackrock, a seaside suburb south of Dublin": the apposition says the name is a
    /// place. At most three lower-case words may stand between the article and the noun.
    private static func isDescribedAsPlace(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        let tokens = text.tokens
        let comma = range.upperBound
        guard comma + 2 < tokens.count, text.foldedString(tokens[comma]) == ",", articles.contains(tokens[comma + 1].hash) else { return false }
        for i in (comma + 2)..<min(comma + 6, tokens.count) {
            guard tokens[i].shape == .lower else { return false }
            if settlements.contains(tokens[i].hash) { return true }
        }
        return false
    }

    /// The word at `index` when it stands apart ("Turkey's farmers" is still the country).
    private static func separateWord(_ text: TokenizedText, at index: Int) -> Token? {
        guard index < text.tokens.count, !text.tokens[index].joinedToPrevious, text.tokens[index].isWord else { return nil }
        return text.tokens[index]
    }
}
