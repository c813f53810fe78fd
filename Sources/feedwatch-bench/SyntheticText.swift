import Model

/// Deterministic made-up names and news-like text for the benchmarks.
struct SyntheticText {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    static let syllables = ["ka", "lin", "er", "do", "gan", "ha", "mas", "ya", "mir", "sa", "to", "ri", "ben", "al", "nu",
                            "vel", "os", "tra", "mon", "chi", "zu", "lek", "pra", "dan", "ol", "fi", "res", "ta", "wen", "gor"]
    /// Syllables of the capitalised words of the text that are not watched (other places, people, brands).
    static let otherSyllables = ["bu", "qe", "xo", "py", "ju", "ve", "wy", "qo", "zy", "fu", "gy", "hu", "jy", "ky", "uv"]
    static let words = ["the", "minister", "said", "on", "Monday", "that", "talks", "with", "officials", "in", "would", "continue",
                        "after", "a", "meeting", "of", "leaders", "government", "ceasefire", "and", "President", "told", "reporters",
                        "security", "council", "week", "new", "deal", "was", "not", "expected", "before", "elections", "in", "the",
                        "capital", "where", "protesters", "gathered", "police", "spokesman", "declined", "to", "comment", "."]

    mutating func word(from syllables: [String] = syllables) -> String {
        let w = (0..<(2 + next(2))).map { _ in syllables[next(syllables.count)] }.joined()
        return w.prefix(1).uppercased() + w.dropFirst()
    }

    mutating func watchEntry(_ i: Int) -> WatchEntry {
        let name = "\(word()) \(word())\(next(3) == 0 ? " " + word() : "")"
        let kind: WatchEntry.Kind = [.person, .organization, .location][next(3)]
        return WatchEntry(id: "w\(i)", name: name, kind: kind, aliases: next(2) == 0 ? [word() + " " + word()] : [])
    }

    /// Items of about `itemBytes`, one word in 40 a watched name when names are given.
    mutating func items(totalBytes: Int, itemBytes: Int, names: [WatchEntry]) -> [String] {
        var items: [String] = []
        var total = 0
        while total < totalBytes {
            var item = ""
            while item.utf8.count < itemBytes {
                if !names.isEmpty, next(40) == 0 {
                    item += names[next(names.count)].name + " "
                } else if next(12) == 0 {
                    item += word(from: Self.otherSyllables) + " "
                } else {
                    item += Self.words[next(Self.words.count)] + " "
                }
            }
            total += item.utf8.count
            items.append(item)
        }
        return items
    }
}
