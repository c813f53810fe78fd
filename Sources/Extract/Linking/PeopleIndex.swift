import Model

/// Every person named in full in an item, by surname, in reading order.
struct PeopleIndex {
    struct Mention {
        var field: Int
        var offset: Int
        var words: Set<UInt64>
        var first: UInt64
        var last: UInt64

        init(field: Int, offset: Int, words: [UInt64]) {
            self.field = field
            self.offset = offset
            self.words = Set(words)
            first = words.first ?? 0
            last = words.last ?? 0
        }
    }

    var bySurname: [UInt64: [Mention]] = [:]
    /// The same people by the first word of their name: "Ahmed Musa" under "Ahmed".
    var byFirstWord: [UInt64: [Mention]] = [:]

    /// Titles the tagger takes into a name ("Chancellor Scholz") are not its words.
    let cues: PersonCues

    init(_ fields: [EntityLinker.Field], entries: [WatchEntry], cues: PersonCues) {
        self.cues = cues
        var mentions: [(UInt64, Mention)] = []
        for (f, field) in fields.enumerated() {
            for entity in field.entities where entity.type == .person {
                let words = words(of: entity, in: field.text)
                guard words.count >= 2, let last = words.last else { continue }
                let mention = Mention(field: f, offset: entity.start, words: words)
                mentions.append((last, mention))
                byFirstWord[words[0], default: []].append(mention)
            }
            for hit in field.hits where !hit.isSurname && entries[hit.watchIndex].kind == .person {
                let words = field.text.tokens[hit.tokenRange].filter(\.isWord).map { NameKey.key($0, in: field.text) }
                guard words.count >= 2, let last = words.last else { continue }
                mentions.append((last, Mention(field: f, offset: hit.start, words: words)))
            }
        }
        for (surname, mention) in mentions { bySurname[surname, default: []].append(mention) }
        for key in bySurname.keys { bySurname[key]?.sort { ($0.field, $0.offset) < ($1.field, $1.offset) } }
    }

    /// The name keys of an entity's words, leading titles and particles left out. Only a
    /// title before the name is one: a word that is also a title ends "Sadiq Khan" as a surname.
    func words(of entity: Entity, in text: TokenizedText) -> [UInt64] {
        let wordIndices = text.tokenRange(of: entity).filter { text.tokens[$0].isWord && !NameWords.isParticle(text.tokens, $0) }
        let leadingTitles = wordIndices.dropLast().prefix { cues.isTitle(text.tokens[$0]) }.count
        return wordIndices.dropFirst(leadingTitles).flatMap { index -> [UInt64] in
            // "H.W." is two initials, as "H. W." would be.
            let folded = text.folded[Int(text.tokens[index].foldedStart)..<Int(text.tokens[index].foldedEnd)]
            if folded.count <= 6, folded.dropLast().contains(UInt8(ascii: ".")) {  // (not "Jr.")
                let letters = folded.filter { $0 != UInt8(ascii: ".") }
                if (2...3).contains(letters.count) { return letters.map { NameKey.key([$0][...]) } }
            }
            return [NameKey.key(text.tokens[index], in: text)]
        }
    }

}
