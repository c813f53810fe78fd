import Model

/// Decides which alias matches are really the watched entity, using the
/// tagger's view of the text and the rest of the item:
/// - type agreement: a watched place "Jordan" is not in "Michael Jordan"
///   (a person), "Erdoğan" is not in "Erdoğan University", and a one-word
///   company or place at the head of a sentence is a common noun when the item
///   uses that word in lower case ("Apple growers …" beside "apples");
/// - surname coreference: a bare surname is the watched person when no other
///   person in the item bears it, or when the watched person's full name was the
///   last of that surname before it ("Emine Erdoğan" and a bare "Erdoğan" right
///   after her are not Recep Tayyip Erdoğan);
/// - a surname after "the town of" is a place, not a person.
/// Every lookup is indexed, so the cost stays linear in the size of the item.
struct EntityLinker {
    let entries: [WatchEntry]
    /// Per entry: does the watched name end in a generational suffix ("Jr.")?
    let generational: [Bool]
    /// Per entry: the name keys of the words of all its spellings.
    let nameWords: [Set<UInt64>]
    /// Per person entry: its name's first and last words (`AliasMatcher.nameEnds`).
    let nameEnds: [AliasMatcher.NameEnds?]
    /// Without a tagger there is no second opinion: every alias match stands.
    let hasTagger: Bool
    /// The tagger's word lists, when it has them: which words are common in running text.
    var gazetteer: Gazetteer? = nil

    /// One field of an item: its tokens, alias hits and tagged entities (sorted, not overlapping).
    struct Field {
        var text: TokenizedText
        var hits: [AliasMatcher.Hit]
        var entities: [Entity]
    }

    /// Every candidate of every field, in the fields' order, with the linker's verdict.
    func link(_ fields: [Field]) -> [[LinkDecision]] {
        let people = PeopleIndex(fields, entries: entries, cues: PersonCues(gazetteer: gazetteer))
        let marks = fields.map { FieldMarks($0.text) }
        let item = ItemEvidence(fields, marks: marks, entries: entries, nameWords: nameWords, gazetteer: gazetteer)
        return fields.enumerated().map { f, field in
            field.hits.map { hit in
                LinkDecision(hit: hit, rejection: rejection(of: hit, f, field, marks: marks[f], item: item, people: people))
            }
        }
    }

    /// The first rule that turns the candidate down, in order: what the words and the
    /// tagger say, then the names around it, then the people the item names.
    private func rejection(of hit: AliasMatcher.Hit, _ f: Int, _ field: Field, marks: FieldMarks, item: ItemEvidence,
                           people: PeopleIndex) -> LinkReason? {
        if let reason = typeDisagreement(hit, field, marks: marks, item: item) ?? namedAfter(hit, field)
            ?? insideLongerPlace(hit, field) ?? surnameOfNamedPerson(hit, field, item: item) ?? placePhrase(hit, field) {
            return reason
        }
        if hit.isSurname, let reason = surnameDisagreement(hit, field: f, in: field, people: people, item: item) { return reason }
        if hit.isShortForm, let reason = shortFormDisagreement(hit, field, item: item, people: people) { return reason }
        if hit.isSurname || hit.isShortForm, let reason = honorificDisagreement(hit, field, cues: people.cues) { return reason }
        return generationDisagreement(hit, field) ?? relativeDisagreement(hit, field, people: people)
            ?? aliasDisagreement(hit, field, people: people)
    }

    // MARK: - Type agreement

    private func typeDisagreement(_ hit: AliasMatcher.Hit, _ field: Field, marks: FieldMarks, item: ItemEvidence) -> LinkReason? {
        let kind = entries[hit.watchIndex].kind
        let singleWord = hit.isSurname || field.text.tokens[hit.tokenRange].lazy.filter(\.isWord).count == 1
        let covering = Self.overlapping(field.entities, hit.start, hit.end)
        // An article joined before the name is the name's own ("al-Shabaab").
        let lower = hit.tokenRange.lowerBound
        let start = lower > 0 && NameWords.isParticle(field.text.tokens, lower - 1) ? Int(field.text.tokens[lower - 1].start) : hit.start
        for entity in covering {
            let larger = entity.start < start || entity.end > hit.end
            // Inside a longer name of another kind: "Michael Jordan", "Erdoğan University";
            // but "King Abdullah of Jordan" still names the country.
            if larger, !compatible(kind, entity.type, larger: true), !namesPlaceInTitle(hit, kind, field, entity),
               !pairsWithPlaces(hit, field, entity) {
                return .insideLongerName(type: entity.type, text: entity.text)
            }
        }
        // A one-word company or place at the head of a sentence or headline, or
        // after an article, is capitalised for its position, not its meaning. There
        // it counts only when the tagger sees a name, and not when the item uses the
        // same word as a common noun elsewhere ("How to Roast a Turkey" beside "brine the turkey").
        if let places = item.placeElsewhere[hit.watchIndex] { return .placeInAnotherCountry(places) }
        if let letters = item.acronymDefinedOtherwise[hit.watchIndex] { return .acronymDefinedOtherwise(letters) }
        // "The SEC title game": in a sports report, an organisation's letters alone name a league or a team.
        if kind == .organization, item.sportsStory, !item.namedByWords.contains(hit.watchIndex), isAcronym(hit),
           field.text.tokens[hit.tokenRange.lowerBound].shape == .upper {
            return .itemSaysOtherwise("a sports report, where letters name a league or a team")
        }
        // A spelling nobody listed that is an everyday word ("Schools" for "Scholz") is that word.
        if kind == .person, singleWord, hit.isVariant,
           gazetteer?.flags(field.text.tokens[hit.tokenRange.lowerBound].hash).contains(.commonWord) == true {
            return .commonWordSpelling
        }
        // The item said once what the word is ("the Amazon river"): every mention means that.
        if kind != .person, let cue = item.contradicted[hit.watchIndex] { return .itemSaysOtherwise(cue) }
        guard singleWord, kind != .person else { return nil }
        let index = hit.tokenRange.lowerBound
        let token = field.text.tokens[index]
        // In a line wholly in capitals an acronym is any word ("WHO KNEW?"): it counts only
        // if the item also names it where case means something. A company's name that is
        // not an acronym counts there when the item calls something "the company".
        if token.shape == .upper, marks.capitals.contains(index), !item.outsideCapitals.contains(hit.watchIndex) {
            if let name = item.casedOnlyInside[hit.watchIndex] { return .itemSaysOtherwise("part of \u{201C}\(name)\u{201D}") }
            if kind == .organization, item.describesCompany, !isAcronym(hit) { return nil }
            // A name that is no common word ("MOLDOVA'S SANDU WINS"), read by the tagger as
            // the watched kind, is no acronym by chance.
            let common = gazetteer.map { $0.flags(token.hash).contains(.commonWord) } ?? true
            if !common, !isAcronym(hit), covering.contains(where: { $0.type == kind.entityType && $0.start == hit.start && $0.end == hit.end }) {
                return nil
            }
            return .capitalsOnly
        }
        let initial = marks.isInitial(index, token)
        // A spelling nobody listed that is also a common word ("Labor" for "Labour") at the
        // head of a sentence is that word, unless the item also writes it inside a sentence.
        if hit.isVariant, initial, !item.midSentence.contains(hit.watchIndex),
           gazetteer.map({ $0.flags(token.hash).contains(.commonWord) }) ?? true {
            return .commonWordSpelling
        }
        guard hasTagger else { return nil }
        // After an article, a company or a country is rare and a region or a river common
        // ("the Amazon"): only the tagger's own type for it counts there.
        // A group is named after an article ("the Shabaab", "the Houthis"); the tagger reads
        // such a name as MISC as often as ORG.
        let groupAfterArticle = kind == .organization && covering.contains { $0.type == .misc && $0.start == hit.start && $0.end == hit.end }
        // "The Orange board": the article is the company noun's.
        let companyNounAfter = kind == .organization && WordCues.headsCompanyNoun(field.text, hit.tokenRange)
        if followsArticle(field.text, index), token.shape == .capitalized, !groupAfterArticle, !companyNounAfter,
           !covering.contains(where: { kind.entityType == $0.type }) {
            return .notTaggedAfterArticle(kind.entityType)
        }
        if initial || followsArticle(field.text, index) {
            // Only a word that is also common in lower case ("Turkey", "Apple") owes its
            // capital to its position; "Hizbullah" does not.
            let common = gazetteer.map { $0.flags(token.hash).contains(.commonWord) } ?? true
            // "Orange said on Monday …": what speaks is an organisation or a country, not the
            // fruit; "Orange shares", "Orange's chief executive" are a company's.
            // In a headline whose every word is capitalised ("Police Target Drug Gangs In Dawn
            // Raids") a tagged run of capitals vouches only when it is the watched kind.
            let vouched = marks.headlines.contains(index) ? covering.contains { $0.type == kind.entityType } : !covering.isEmpty
            // "…, the companies said": an item that describes a company vouches for its name there.
            if !vouched, common, !WordCues.speaks(field.text, hit.tokenRange), !WordCues.isPossessiveName(field.text, hit.tokenRange),
               !(kind == .organization && (WordCues.headsCompanyNoun(field.text, hit.tokenRange) || item.describesCompany)) {
                return .capitalisedForPosition
            }
            if item.lowercase.contains(token.hash) { return .lowercaseElsewhere(field.text.foldedString(token)) }
        }
        return nil
    }

    /// "the Chad-Sudan border", "the Israel-Hamas war": names joined by hyphens, the others
    /// places the gazetteer knows, each stand for themselves.
    private func pairsWithPlaces(_ hit: AliasMatcher.Hit, _ field: Field, _ entity: Entity) -> Bool {
        guard let gazetteer else { return false }
        let tokens = field.text.tokens
        let range = field.text.tokenRange(of: entity)
        guard range.count > hit.tokenRange.count, range.contains(hit.tokenRange.lowerBound) else { return false }
        let places: Gazetteer.Flags = [.country, .city, .region, .admin1]
        for i in range where !hit.tokenRange.contains(i) {
            let joined = tokens[i].joinedToPrevious || (i + 1 < tokens.count && tokens[i + 1].joinedToPrevious && range.contains(i + 1))
            guard tokens[i].isWord, tokens[i].isCapitalized, joined, !gazetteer.flags(tokens[i].hash).isDisjoint(with: places) else { return false }
        }
        return true
    }

    /// Is the watched spelling this hit matched written in capitals ("WHO", "NATO")?
    private func isAcronym(_ hit: AliasMatcher.Hit) -> Bool {
        entries[hit.watchIndex].spellings.contains { spelling in
            !spelling.utf8.contains(UInt8(ascii: " ")) && spelling.count <= 6 && spelling == spelling.uppercased()
        }
    }

    /// "… of Jordan" inside a person's name: a place in a royal or official title.
    private func namesPlaceInTitle(_ hit: AliasMatcher.Hit, _ kind: WatchEntry.Kind, _ field: Field, _ entity: Entity) -> Bool {
        let index = hit.tokenRange.lowerBound
        return kind == .location && entity.type == .person && index > 0 && entity.start < hit.start
            && field.text.tokens[index - 1].hash == Self.of
    }

    private func compatible(_ kind: WatchEntry.Kind, _ type: EntityType, larger: Bool) -> Bool {
        switch (kind, type) {
        case (.person, .person), (.organization, .org), (.location, .loc): true
        case (.organization, .misc): true  // "Apple Watch", "Hamas-led"
        case (.location, .misc), (.person, .misc): !larger
        default: false
        }
    }

    /// The entities overlapping [start, end), by binary search.
    static func overlapping(_ entities: [Entity], _ start: Int, _ end: Int) -> ArraySlice<Entity> {
        var low = 0, high = entities.count
        while low < high {
            let mid = (low + high) / 2
            if entities[mid].end <= start { low = mid + 1 } else { high = mid }
        }
        var stop = low
        while stop < entities.count, entities[stop].start < end { stop += 1 }
        return entities[low..<stop]
    }

    private static let articles: Set<UInt64> = Set(["a", "an", "the", "this", "that", "our", "your", "my"].map { FNV.hash($0) })

    /// An article right before the name; not when the name opens a hyphened modifier
    /// ("a Chad-based firm", "the Chad-Sudan border"), where the article is the noun's.
    private func followsArticle(_ text: TokenizedText, _ index: Int) -> Bool {
        guard index > 0, Self.articles.contains(text.tokens[index - 1].hash) else { return false }
        return !(index + 1 < text.tokens.count && text.tokens[index + 1].joinedToPrevious && text.tokens[index + 1].isWord)
    }

    private static let placeCues: Set<UInt64> = Set(["town", "city", "village", "province", "district", "region", "port", "county"].map { FNV.hash($0) })
    private static let of = FNV.hash("of")

    /// "the town of Erdogan": a person's surname used as a place.
    private func placePhrase(_ hit: AliasMatcher.Hit, _ field: Field) -> LinkReason? {
        let tokens = field.text.tokens
        var i = hit.tokenRange.lowerBound
        if i > 0, NameWords.isParticle(tokens, i - 1) { i -= 1 }  // "the town of al-Assad"
        guard hit.isSurname, i >= 2 else { return nil }
        return tokens[i - 1].hash == Self.of && Self.placeCues.contains(tokens[i - 2].hash) ? .placePhrase : nil
    }
}
