import Model

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
