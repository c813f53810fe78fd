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

    /// The accepted hits of every field, in the fields' order.
    func link(_ fields: [Field]) -> [[AliasMatcher.Hit]] {
        let people = PeopleIndex(fields, entries: entries)
        let item = ItemEvidence(fields, entries: entries, gazetteer: gazetteer)
        let cues = PersonCues(gazetteer: gazetteer)
        return fields.enumerated().map { f, field in
            let headlines = HeadlineMarks(field.text.tokens)
            return field.hits.filter { hit in
                agreesInType(hit, field, headlines: headlines, item: item) && !isPlaceCue(hit, field)
                    && (!hit.isSurname || surnameRefersToWatch(hit, field: f, in: field, people: people))
                    && (!hit.isShortForm || shortFormRefersToWatch(hit, field, item: item, cues: cues))
                    && (!(hit.isSurname || hit.isShortForm) || honorificAgrees(hit, field, cues: cues))
                    && generationAgrees(hit, field)
            }
        }
    }

    // MARK: - Lone names of people

    /// "Donald Trump Jr." is not Donald Trump, and a bare "Trump" is not Donald Trump Jr.:
    /// a generational suffix after a name must be the watched person's own.
    private func generationAgrees(_ hit: AliasMatcher.Hit, _ field: Field) -> Bool {
        guard entries[hit.watchIndex].kind == .person else { return true }
        let tokens = field.text.tokens
        var next = hit.tokenRange.upperBound
        if next < tokens.count, field.text.foldedString(tokens[next]) == "," { next += 1 }
        let suffixAfter = next < tokens.count && AliasMatcher.postNominals.contains(tokens[next].hash)
        if generational[hit.watchIndex] { return !hit.isSurname || suffixAfter }
        return !suffixAfter
    }

    /// "Mrs Macron" is not Emmanuel Macron: a courtesy title of the other gender.
    private func honorificAgrees(_ hit: AliasMatcher.Hit, _ field: Field, cues: PersonCues) -> Bool {
        guard let said = cues.honorificGender(field.text, before: hit.tokenRange.lowerBound),
              let watched = cues.gender(of: entries[hit.watchIndex]) else { return true }
        return said == watched
    }

    /// "President Xi" and "Xi" after "Xi Jinping" in the same item are Xi Jinping; a lone
    /// "Xi" elsewhere, or "Xi'an", is not.
    private func shortFormRefersToWatch(_ hit: AliasMatcher.Hit, _ field: Field, item: ItemEvidence, cues: PersonCues) -> Bool {
        let after = hit.tokenRange.upperBound
        if after < field.text.tokens.count, field.text.tokens[after].joinedToPrevious,
           field.text.foldedString(field.text.tokens[after]) != "s" { return false }
        return cues.titleBefore(field.text, hit.tokenRange.lowerBound) || item.namedInFull.contains(hit.watchIndex)
    }

    // MARK: - Type agreement

    private func agreesInType(_ hit: AliasMatcher.Hit, _ field: Field, headlines: HeadlineMarks, item: ItemEvidence) -> Bool {
        let kind = entries[hit.watchIndex].kind
        let singleWord = hit.isSurname || field.text.tokens[hit.tokenRange].lazy.filter(\.isWord).count == 1
        let covering = Self.overlapping(field.entities, hit.start, hit.end)
        for entity in covering {
            let larger = entity.start < hit.start || entity.end > hit.end
            // Inside a longer name of another kind: "Michael Jordan", "Erdoğan University";
            // but "King Abdullah of Jordan" still names the country.
            if larger, !compatible(kind, entity.type, larger: true), !namesPlaceInTitle(hit, kind, field, entity) { return false }
        }
        // A one-word company or place at the head of a sentence or headline, or
        // after an article, is capitalised for its position, not its meaning. There
        // it counts only when the tagger sees a name, and not when the item uses the
        // same word as a common noun elsewhere ("How to Roast a Turkey" beside "brine the turkey").
        if item.placeElsewhere.contains(hit.watchIndex) { return false }
        guard singleWord, kind != .person else { return true }
        // The item said once what the word is ("the Amazon river"): every mention means that.
        if item.contradicted.contains(hit.watchIndex) { return false }
        let index = hit.tokenRange.lowerBound
        let token = field.text.tokens[index]
        // An acronym's capitals are its own; a capitalised word's may be its position's.
        let initial = headlines.contains(index)
            || (token.shape == .capitalized && (token.startsSentence || index == Dateline.storyStart(field.text)))
        // A spelling nobody listed that is also a common word ("Labor" for "Labour") at the
        // head of a sentence is that word, unless the item also writes it inside a sentence.
        if hit.isVariant, initial, !item.midSentence.contains(hit.watchIndex),
           gazetteer.map({ $0.flags(token.hash).contains(.commonWord) }) ?? true {
            return false
        }
        guard hasTagger else { return true }
        // After an article, a company or a country is rare and a region or a river common
        // ("the Amazon"): only the tagger's own type for it counts there.
        if followsArticle(field.text, index), token.shape == .capitalized, !covering.contains(where: { kind.entityType == $0.type }) {
            return false
        }
        if initial || followsArticle(field.text, index) {
            if covering.isEmpty || item.lowercase.contains(token.hash) { return false }
        }
        return true
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

    private func followsArticle(_ text: TokenizedText, _ index: Int) -> Bool {
        index > 0 && Self.articles.contains(text.tokens[index - 1].hash)
    }

    private static let placeCues: Set<UInt64> = Set(["town", "city", "village", "province", "district", "region", "port", "county"].map { FNV.hash($0) })
    private static let of = FNV.hash("of")

    /// "the town of Erdogan": a person's surname used as a place.
    private func isPlaceCue(_ hit: AliasMatcher.Hit, _ field: Field) -> Bool {
        guard hit.isSurname, hit.tokenRange.lowerBound >= 2 else { return false }
        let tokens = field.text.tokens
        let i = hit.tokenRange.lowerBound
        return tokens[i - 1].hash == Self.of && Self.placeCues.contains(tokens[i - 2].hash)
    }

    // MARK: - Surname coreference

    private func surnameRefersToWatch(_ hit: AliasMatcher.Hit, field f: Int, in field: Field, people: PeopleIndex) -> Bool {
        let nameWords = people.nameWords[hit.watchIndex]
        guard let last = field.text.tokens[hit.tokenRange].last else { return false }
        let surname = NameKey.key(last, in: field.text)
        // Inside a longer person name: ours only if its other words are our name's
        // ("Recep Erdoğan" yes, "Emine Erdoğan" no).
        if let enclosing = Self.overlapping(field.entities, hit.start, hit.end).first(where: {
            $0.type == .person && $0.start <= hit.start && $0.end >= hit.end && ($0.start < hit.start || $0.end > hit.end)
        }) {
            return Set(PeopleIndex.words(of: enclosing, in: field.text)).isSubset(of: nameWords)
        }
        let sameSurname = people.bySurname[surname] ?? []
        guard sameSurname.contains(where: { !$0.words.isSubset(of: nameWords) }) else { return true }
        // Another person shares the surname: the last full name before this mention decides.
        let before = sameSurname.last { ($0.field, $0.offset) < (f, hit.start) }
        return before.map { $0.words.isSubset(of: nameWords) } ?? false
    }
}

/// Every person named in full in an item, by surname, in reading order.
struct PeopleIndex {
    struct Mention {
        var field: Int
        var offset: Int
        var words: Set<UInt64>
    }

    var bySurname: [UInt64: [Mention]] = [:]
    /// Per watch entry, the words of all its spellings.
    var nameWords: [Set<UInt64>]

    init(_ fields: [EntityLinker.Field], entries: [WatchEntry]) {
        nameWords = entries.map { Set($0.spellings.flatMap(AliasMatcher.wordHashes)) }
        var mentions: [(UInt64, Mention)] = []
        for (f, field) in fields.enumerated() {
            for entity in field.entities where entity.type == .person {
                let words = Self.words(of: entity, in: field.text)
                guard words.count >= 2, let last = words.last else { continue }
                mentions.append((last, Mention(field: f, offset: entity.start, words: Set(words))))
            }
            for hit in field.hits where !hit.isSurname && entries[hit.watchIndex].kind == .person {
                let words = field.text.tokens[hit.tokenRange].filter(\.isWord).map { NameKey.key($0, in: field.text) }
                guard words.count >= 2, let last = words.last else { continue }
                mentions.append((last, Mention(field: f, offset: hit.start, words: Set(words))))
            }
        }
        for (surname, mention) in mentions { bySurname[surname, default: []].append(mention) }
        for key in bySurname.keys { bySurname[key]?.sort { ($0.field, $0.offset) < ($1.field, $1.offset) } }
    }

    /// The name keys of an entity's words, found by binary search over the tokens.
    static func words(of entity: Entity, in text: TokenizedText) -> [UInt64] {
        let tokens = text.tokens
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if Int(tokens[mid].start) < entity.start { low = mid + 1 } else { high = mid }
        }
        var words: [UInt64] = []
        while low < tokens.count, Int(tokens[low].end) <= entity.end {
            if tokens[low].isWord, !NameWords.isParticle(tokens, low) { words.append(NameKey.key(tokens[low], in: text)) }
            low += 1
        }
        return words
    }
}
