import Model

/// Every spelling of every watched entity compiled into one automaton over
/// folded words: a trie whose edges live in one hash table keyed by
/// (node, word hash), walked from each word of the text. Matching is
/// whole-word and case- and diacritic-insensitive, except that a capitalised
/// word of a name never matches an all-lowercase word ("Turkey" is not
/// "turkey", "Apple" not "apple"). Punctuation ends a name ("Recep, Tayyip" is
/// not "Recep Tayyip"); hyphens and apostrophes inside names do not.
public struct AliasMatcher: Sendable {
    /// One spelling ending at a trie node.
    struct Terminal: Sendable {
        var watchIndex: Int32
        /// Bit i set: word i of the spelling is capitalised, so the text's word must not be lower-case.
        var needsCapital: UInt64
        /// A person's surname alone: a mention only when coreference allows (see `EntityLinker`).
        var isSurname: Bool
        /// A person's short first word ("Xi" of "Xi Jinping"): a mention only after a title.
        var isShortForm = false
        /// The spelling's words as written (folded, no periods): a text word with the same
        /// `NameKey` must also lie within `NameKey.maxDistance` edits of these.
        var words: [[UInt8]] = []
    }

    public let entries: [WatchEntry]
    /// Per entry: does its name end in a generational suffix ("Donald Trump Jr.")?
    let hasGenerationalSuffix: [Bool]
    /// Per entry: the name keys of the words of all its spellings.
    let nameWords: [Set<UInt64>]
    /// Per person entry: the keys of its name's first and last words, which a fuller
    /// form of the name keeps around its middle names ("Yoweri Kaguta Museveni").
    let nameEnds: [NameEnds?]
    private var edges = UInt64Map()
    /// A bit per (hash of) first word of any spelling: most words of a text start
    /// no name, and this answers that without probing the automaton.
    private var firstWords = [UInt64](repeating: 0, count: AliasMatcher.filterWords)
    private static let filterWords = 1 << 14  // 2^20 bits, 128 kB
    /// Per node, the spellings that end there (most nodes: none).
    private var terminals: [[Terminal]] = [[]]

    public init(_ entries: [WatchEntry]) {
        self.entries = entries
        hasGenerationalSuffix = entries.map { entry in
            entry.kind == .person && Tokenizer.tokenize(entry.name).tokens.contains { Self.postNominals.contains($0.hash) }
        }
        nameWords = entries.map { Set($0.spellings.flatMap(Self.wordHashes)) }
        nameEnds = entries.map { entry in
            let words = Self.wordHashes(entry.name)
            guard entry.kind == .person, words.count >= 2, let first = words.first, let last = words.last else { return nil }
            return NameEnds(first: first, last: last)
        }
        edges = UInt64Map(capacity: entries.count * 4)
        for (index, entry) in entries.enumerated() {
            let surname = Self.surname(of: entry)
            let doubled = entry.kind == .person ? entry.spellings.flatMap(Self.doubledLetterForms) : []
            for spelling in Set(entry.spellings.flatMap(Self.writtenForms) + doubled) { insert(spelling, watchIndex: Int32(index), surname: surname) }
            // A person is also written by surname alone ("Kalın's visit"); such
            // mentions are kept only when they cannot mean someone else.
            if let surname, !entry.spellings.contains(where: { Self.wordHashes($0) == surname.words }) {
                insert(surname.text, watchIndex: Int32(index), surname: surname)
                for form in Self.doubledLetterForms(surname.text) {
                    insert(form, watchIndex: Int32(index), surname: Surname(text: form, words: Self.wordHashes(form)))
                }
            }
            // "President Xi": a person whose name starts with a short family name is
            // also written by that word alone, after a title (see `EntityLinker`).
            if let short = Self.shortForm(of: entry), !entry.spellings.contains(where: { Self.wordHashes($0).count == 1 }) {
                insert(short, watchIndex: Int32(index), surname: nil, shortForm: true)
            }
        }
    }

    @inline(__always)
    private static func filterBit(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash ^ (hash >> 31)) & UInt64(filterWords * 64 - 1)) }

    @inline(__always)
    private func mayStartName(_ hash: UInt64) -> Bool {
        let bit = Self.filterBit(hash)
        return firstWords[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    @inline(__always)
    private static func edgeKey(_ node: Int32, _ word: UInt64) -> UInt64 {
        FNV.combine(UInt64(UInt32(bitPattern: node)), word)
    }

    private mutating func insert(_ spelling: String, watchIndex: Int32, surname: Surname?, shortForm: Bool = false) {
        let text = Tokenizer.tokenize(spelling)
        let words = NameWords.indices(in: text.tokens).map { text.tokens[$0] }
        guard !words.isEmpty, words.count <= 64 else { return }
        let keys = words.map { NameKey.key($0, in: text) }
        var node: Int32 = 0
        var needsCapital: UInt64 = 0
        let bit = Self.filterBit(keys[0])
        firstWords[bit >> 6] |= 1 << UInt64(bit & 63)
        for (i, word) in words.enumerated() {
            let key = Self.edgeKey(node, keys[i])
            if let next = edges[key] {
                node = Int32(bitPattern: next)
            } else {
                node = Int32(terminals.count)
                edges.set(key, UInt32(bitPattern: node))
                terminals.append([])
            }
            if word.shape == .capitalized || word.shape == .upper { needsCapital |= 1 << UInt64(i) }
        }
        let isSurname = surname.map { keys == $0.words } ?? false
        let written = words.map { NameKey.written(text.folded[Int($0.foldedStart)..<Int($0.foldedEnd)]) }
        terminals[Int(node)].append(Terminal(watchIndex: watchIndex, needsCapital: needsCapital, isSurname: isSurname,
                                             isShortForm: shortForm, words: written))
    }

    struct NameEnds: Sendable, Equatable {
        var first: UInt64
        var last: UInt64
    }

    /// A watched name found in a text.
    public struct Hit: Sendable, Equatable {
        public var watchIndex: Int
        public var start: Int
        public var end: Int
        /// Index of the first and one past the last token of the match.
        public var tokenRange: Range<Int>
        /// Only a person's surname matched.
        public var isSurname: Bool
        /// Only a person's short family name matched ("Xi").
        public var isShortForm = false
        /// The text spells a word differently from every watched spelling ("Zelenskyy").
        public var isVariant = false
    }

    /// The longest matches, leftmost first, not overlapping. One place may be
    /// several watch entries at once (two entries sharing an alias).
    public func hits(in text: TokenizedText) -> [Hit] {
        let tokens = text.tokens
        var hits: [Hit] = []
        var index = 0
        while index < tokens.count {
            if tokens[index].isWord, let found = longestMatch(from: index, in: text) {
                hits.append(contentsOf: found)
                index = found[0].tokenRange.upperBound
            } else {
                index += 1
            }
        }
        return hits
    }

    private func longestMatch(from start: Int, in text: TokenizedText) -> [Hit]? {
        let tokens = text.tokens
        var node: Int32 = 0
        var best: [Hit]?
        var position = start
        var words: [Range<Int>] = []
        var lowercaseMask: UInt64 = 0
        while position < tokens.count, words.count < 64 {
            let token = tokens[position]
            // Words of a name are adjacent: a sentence break between them ends the name;
            // a line break alone does not ("Recep Tayyip<br>Erdoğan").
            if position > start, token.startsSentence, !token.afterLineBreak { break }
            // "al-", "el-", "Al": a particle inside a name neither helps nor hurts; nor does
            // the apostrophe of a plural possessive ("Kurdistan Workers' Party").
            if position > start, NameWords.isParticle(tokens, position) || Self.isPluralApostrophe(tokens, position, in: text) {
                position += 1
                continue
            }
            guard let (next, word) = edge(from: node, at: position, first: position == start, in: text) else { break }
            node = next
            // The lower-case part of a hyphenated given name is the name's own ("Kim Jong-un").
            if token.shape == .lower, !token.joinedToPrevious { lowercaseMask |= 1 << UInt64(words.count) }
            words.append(word)
            position = word.upperBound
            let ending = terminals[Int(node)]
            guard !ending.isEmpty else { continue }
            var found: [Hit] = []
            for terminal in ending where terminal.needsCapital & lowercaseMask == 0
                && !found.contains(where: { $0.watchIndex == Int(terminal.watchIndex) }) {
                guard let variant = Self.spelledAlike(words, in: text, terminal.words) else { continue }
                found.append(Hit(watchIndex: Int(terminal.watchIndex), start: Int(tokens[start].start),
                                 end: Int(tokens[position - 1].end), tokenRange: start..<position,
                                 isSurname: terminal.isSurname, isShortForm: terminal.isShortForm, isVariant: variant))
            }
            if !found.isEmpty { best = found }
        }
        return best
    }

    /// The trie edge out of `node` for the word at `position`: the token itself, or,
    /// when no spelling goes on with it, the token read together with the parts joined
    /// to it ("Khamene'i" for "Khamenei", "Co-operation" for "Cooperation").
    private func edge(from node: Int32, at position: Int, first: Bool, in text: TokenizedText) -> (Int32, Range<Int>)? {
        let key = NameKey.key(text.tokens[position], in: text)
        if !first || mayStartName(key), let next = edges[Self.edgeKey(node, key)] {
            return (Int32(bitPattern: next), position..<position + 1)
        }
        guard let closed = Self.closedWord(from: position, in: text), !first || mayStartName(closed.key),
              let next = edges[Self.edgeKey(node, closed.key)] else { return nil }
        return (Int32(bitPattern: next), closed.range)
    }

    /// An apostrophe joined to the word before it and followed by a word of the name.
    private static func isPluralApostrophe(_ tokens: [Token], _ i: Int, in text: TokenizedText) -> Bool {
        guard i > 0, tokens[i].shape == .punct, tokens[i].start == tokens[i - 1].end, tokens[i - 1].isWord,
              i + 1 < tokens.count, tokens[i + 1].isWord, !tokens[i + 1].joinedToPrevious else { return false }
        let mark = text.foldedString(tokens[i])
        return mark == "'" || mark == "\u{2019}"
    }

    /// nil when a word of the text is too far from the spelling's word (same key, other
    /// name); else whether any word is spelled differently.
    private static func spelledAlike(_ words: [Range<Int>], in text: TokenizedText, _ spelling: [[UInt8]]) -> Bool? {
        var variant = false
        for (word, expected) in zip(words, spelling) {
            let written = NameKey.written(letters(of: word, in: text))
            guard written != expected else { continue }
            let limit = NameKey.maxDistance(min(written.count, expected.count))
            guard NameKey.distance(written, expected, limit: limit) <= limit else { return nil }
            variant = true
        }
        return variant
    }
}
