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
    }

    public let entries: [WatchEntry]
    private var edges = UInt64Map()
    /// A bit per (hash of) first word of any spelling: most words of a text start
    /// no name, and this answers that without probing the automaton.
    private var firstWords = [UInt64](repeating: 0, count: AliasMatcher.filterWords)
    private static let filterWords = 1 << 14  // 2^20 bits, 128 kB
    /// Per node, the spellings that end there (most nodes: none).
    private var terminals: [[Terminal]] = [[]]

    public init(_ entries: [WatchEntry]) {
        self.entries = entries
        edges = UInt64Map(capacity: entries.count * 4)
        for (index, entry) in entries.enumerated() {
            let surname = Self.surname(of: entry)
            for spelling in Set(entry.spellings) { insert(spelling, watchIndex: Int32(index), surname: surname) }
            // A person is also written by surname alone ("Kalın's visit"); such
            // mentions are kept only when they cannot mean someone else.
            if let surname, !entry.spellings.contains(where: { Self.wordHashes($0) == surname.words }) {
                insert(surname.text, watchIndex: Int32(index), surname: surname)
            }
        }
    }

    /// A person's surname: its words' hashes, and how the name writes it.
    struct Surname {
        var text: String
        var words: [UInt64]
    }

    /// The last word of a person's name of two words or more, with a joined
    /// particle ("al-Hayya", "bin-Salman") as part of it.
    static func surname(of entry: WatchEntry) -> Surname? {
        guard entry.kind == .person else { return nil }
        let tokenized = Tokenizer.tokenize(entry.name)
        var words = tokenized.tokens.filter(\.isWord)
        while let last = words.last, postNominals.contains(last.hash) { words.removeLast() }
        guard words.count >= 2, let last = words.last, last.shape != .lower else { return nil }
        var first = words.count - 1
        while first > 0, words[first].joinedToPrevious { first -= 1 }
        guard first > 0 else { return nil }
        return Surname(text: tokenized.text(from: words[first], to: last), words: words[first...].map(\.hash))
    }

    private static let postNominals: Set<UInt64> = Set(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"].map { FNV.hash($0) })

    static func wordHashes(_ spelling: String) -> [UInt64] {
        Tokenizer.tokenize(spelling).tokens.filter(\.isWord).map(\.hash)
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

    private mutating func insert(_ spelling: String, watchIndex: Int32, surname: Surname?) {
        let words = Tokenizer.tokenize(spelling).tokens.filter(\.isWord)
        guard !words.isEmpty, words.count <= 64 else { return }
        var node: Int32 = 0
        var needsCapital: UInt64 = 0
        let bit = Self.filterBit(words[0].hash)
        firstWords[bit >> 6] |= 1 << UInt64(bit & 63)
        for (i, word) in words.enumerated() {
            let key = Self.edgeKey(node, word.hash)
            if let next = edges[key] {
                node = Int32(bitPattern: next)
            } else {
                node = Int32(terminals.count)
                edges.set(key, UInt32(bitPattern: node))
                terminals.append([])
            }
            if word.shape == .capitalized || word.shape == .upper { needsCapital |= 1 << UInt64(i) }
        }
        let isSurname = surname.map { words.map(\.hash) == $0.words } ?? false
        terminals[Int(node)].append(Terminal(watchIndex: watchIndex, needsCapital: needsCapital, isSurname: isSurname))
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
    }

    /// The longest matches, leftmost first, not overlapping. One place may be
    /// several watch entries at once (two entries sharing an alias).
    public func hits(in text: TokenizedText) -> [Hit] {
        let tokens = text.tokens
        var hits: [Hit] = []
        var index = 0
        while index < tokens.count {
            if tokens[index].isWord, mayStartName(tokens[index].hash), let found = longestMatch(from: index, in: tokens) {
                hits.append(contentsOf: found)
                index = found[0].tokenRange.upperBound
            } else {
                index += 1
            }
        }
        return hits
    }

    private func longestMatch(from start: Int, in tokens: [Token]) -> [Hit]? {
        var node: Int32 = 0
        var best: [Hit]?
        var position = start
        var lowercaseMask: UInt64 = 0
        while position < tokens.count, position - start < 64 {
            let token = tokens[position]
            // Words of a name are adjacent: a sentence break between them ends the name.
            if position > start, token.startsSentence { break }
            guard let next = edges[Self.edgeKey(node, token.hash)] else { break }
            node = Int32(bitPattern: next)
            if token.shape == .lower { lowercaseMask |= 1 << UInt64(position - start) }
            position += 1
            let ending = terminals[Int(node)]
            guard !ending.isEmpty else { continue }
            var found: [Hit] = []
            for terminal in ending where terminal.needsCapital & lowercaseMask == 0
                && !found.contains(where: { $0.watchIndex == Int(terminal.watchIndex) }) {
                found.append(Hit(watchIndex: Int(terminal.watchIndex), start: Int(tokens[start].start),
                                 end: Int(tokens[position - 1].end), tokenRange: start..<position,
                                 isSurname: terminal.isSurname))
            }
            if !found.isEmpty { best = found }
        }
        return best
    }
}
