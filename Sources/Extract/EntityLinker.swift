import Model

/// Decides which alias matches are really the watched entity, using the
/// tagger's view of the text and the rest of the item:
/// - type agreement: a watched place "Jordan" is not in "Michael Jordan"
///   (a person), a watched company "Apple" not in "Apple growers" at the start
///   of a sentence with no organisation there, "Erdoğan" not in "Erdoğan University";
/// - surname coreference: a bare surname is the watched person when no other
///   person in the item bears it, or when the watched person's full name was the
///   last of that surname before it ("Emine Erdoğan" and a bare "Erdoğan" right
///   after her are not Recep Tayyip Erdoğan);
/// - a surname after "the town of" is a place, not a person.
struct EntityLinker {
    let entries: [WatchEntry]
    /// Without a tagger there is no second opinion: every alias match stands.
    let hasTagger: Bool


    /// One field of an item: its tokens, alias hits and tagged entities.
    struct Field {
        var text: TokenizedText
        var hits: [AliasMatcher.Hit]
        var entities: [Entity]
    }

    /// The accepted hits of every field, in the fields' order.
    func link(_ fields: [Field]) -> [[AliasMatcher.Hit]] {
        let people = personMentions(fields)
        let lowercase = Self.lowercaseWords(fields)
        return fields.enumerated().map { f, field in
            field.hits.filter { hit in
                agreesInType(hit, field, lowercase: lowercase) && !isPlaceCue(hit, field)
                    && (!hit.isSurname || surnameRefersToWatch(hit, at: (f, hit.start), field: field, people: people))
            }
        }
    }

    // MARK: - Type agreement

    private func agreesInType(_ hit: AliasMatcher.Hit, _ field: Field, lowercase: Set<UInt64>) -> Bool {
        let kind = entries[hit.watchIndex].kind
        let singleWord = field.text.tokens[hit.tokenRange].filter(\.isWord).count == 1 || hit.isSurname
        var covered = false
        for entity in field.entities where entity.start < hit.end && hit.start < entity.end {
            covered = true
            let larger = entity.start < hit.start || entity.end > hit.end
            if compatible(kind, entity.type, larger: larger) { continue }
            // Inside a longer name of another kind: "Michael Jordan", "Erdoğan University".
            if larger { return false }
        }
        // A one-word company or place at the head of a sentence or headline, or
        // after an article, is capitalised for its position, not its meaning. There
        // it counts only when the tagger sees a name, and not when the item uses the
        // same word as a common noun elsewhere ("Apple growers …" beside "apples",
        // "How to Roast a Turkey" beside "brine the turkey").
        if singleWord, kind != .person, hasTagger {
            let index = hit.tokenRange.lowerBound
            let token = field.text.tokens[index]
            if token.startsSentence || isHeadline(field.text, at: index) || followsArticle(field.text, index) {
                if !covered || lowercase.contains(token.hash) { return false }
            }
        }
        return true
    }

    /// Every word the item writes in lower case, with plurals also under their singular.
    static func lowercaseWords(_ fields: [Field]) -> Set<UInt64> {
        var words = Set<UInt64>()
        for field in fields {
            for token in field.text.tokens where token.shape == .lower {
                words.insert(token.hash)
                let folded = field.text.folded[Int(token.foldedStart)..<Int(token.foldedEnd)]
                if folded.count > 3, folded.last == UInt8(ascii: "s") { words.insert(FNV.hash(folded.dropLast())) }
            }
        }
        return words
    }

    private static let articles: Set<UInt64> = Set(["a", "an", "the", "this", "that", "our", "your", "my"].map { FNV.hash($0) })

    private func followsArticle(_ text: TokenizedText, _ index: Int) -> Bool {
        index > 0 && Self.articles.contains(text.tokens[index - 1].hash)
    }

    private func compatible(_ kind: WatchEntry.Kind, _ type: EntityType, larger: Bool) -> Bool {
        switch (kind, type) {
        case (.person, .person), (.organization, .org), (.location, .loc): true
        case (.organization, .misc): true  // "Apple Watch", "Hamas-led"
        case (.location, .misc), (.person, .misc): !larger
        default: false
        }
    }

    private func isHeadline(_ text: TokenizedText, at index: Int) -> Bool {
        var start = index
        while start > 0, !text.tokens[start].startsSentence { start -= 1 }
        let words = text.tokens[start...].prefix(12).filter { $0.shape == .lower || $0.isCapitalized }
        return words.count >= 4 && words.filter(\.isCapitalized).count * 5 >= words.count * 4
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

    typealias Position = (field: Int, offset: Int)

    /// Every person named in full in the item: (position, surname hash, words).
    private func personMentions(_ fields: [Field]) -> [(Position, UInt64, Set<UInt64>)] {
        var mentions: [(Position, UInt64, Set<UInt64>)] = []
        for (f, field) in fields.enumerated() {
            for entity in field.entities where entity.type == .person {
                let words = field.text.tokens.filter { $0.isWord && $0.start >= entity.start && $0.end <= entity.end }
                guard words.count >= 2, let last = words.last else { continue }
                mentions.append(((f, entity.start), last.hash, Set(words.map(\.hash))))
            }
            for hit in field.hits where !hit.isSurname && entries[hit.watchIndex].kind == .person {
                let words = field.text.tokens[hit.tokenRange].filter(\.isWord)
                guard words.count >= 2, let last = words.last else { continue }
                mentions.append(((f, hit.start), last.hash, Set(words.map(\.hash))))
            }
        }
        return mentions.sorted { ($0.0.field, $0.0.offset) < ($1.0.field, $1.0.offset) }
    }

    private func surnameRefersToWatch(_ hit: AliasMatcher.Hit, at position: Position, field: Field,
                                      people: [(Position, UInt64, Set<UInt64>)]) -> Bool {
        let nameWords = Set(entries[hit.watchIndex].spellings.flatMap(AliasMatcher.wordHashes))
        guard let surname = field.text.tokens[hit.tokenRange].last?.hash else { return false }
        // Inside a longer person name: ours only if its other words are our name's
        // ("Recep Erdoğan" yes, "Emine Erdoğan" no).
        if let enclosing = field.entities.first(where: { $0.type == .person && $0.start <= hit.start && $0.end >= hit.end
                                                          && ($0.start < hit.start || $0.end > hit.end) }) {
            let words = field.text.tokens.filter { $0.isWord && $0.start >= enclosing.start && $0.end <= enclosing.end }
            return Set(words.map(\.hash)).isSubset(of: nameWords)
        }
        let sameSurname = people.filter { $0.1 == surname }
        guard sameSurname.contains(where: { !$0.2.isSubset(of: nameWords) }) else { return true }
        // Another person shares the surname: the last full name before this mention decides.
        let before = sameSurname.last { ($0.0.field, $0.0.offset) < (position.field, position.offset) }
        return before.map { $0.2.isSubset(of: nameWords) } ?? false
    }
}
