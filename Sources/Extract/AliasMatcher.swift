import Model

/// Every spelling of every watched entity compiled into one automaton over
/// folded words (a trie walked from each word), so a text is matched in one
/// pass whatever the number of names. Matching is whole-word, case- and
/// diacritic-insensitive, except that a capitalised word of a name never
/// matches an all-lowercase word ("Turkey" is not "turkey", "Apple" not "apple").
public struct AliasMatcher: Sendable {
    /// One spelling ending at a trie node.
    struct Terminal: Sendable {
        var watchIndex: Int
        /// Per word of the spelling: must the text's word be capitalised?
        var needsCapital: [Bool]
    }

    struct Node: Sendable {
        var children: [String: Int] = [:]
        var terminals: [Terminal] = []
    }

    public let entries: [WatchEntry]
    private var nodes: [Node] = [Node()]

    public init(_ entries: [WatchEntry]) {
        self.entries = entries
        for (index, entry) in entries.enumerated() {
            for spelling in Set(entry.spellings) { insert(spelling, watchIndex: index) }
        }
    }

    private mutating func insert(_ spelling: String, watchIndex: Int) {
        let words = Tokenizer.tokenize(spelling)
        guard !words.isEmpty else { return }
        var node = 0
        for word in words {
            if let next = nodes[node].children[word.folded] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[word.folded] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        let needsCapital = words.map { $0.shape != .lower && $0.shape != .other }
        nodes[node].terminals.append(Terminal(watchIndex: watchIndex, needsCapital: needsCapital))
    }

    /// A watched name found in a text.
    public struct Hit: Sendable, Equatable {
        public var watchIndex: Int
        public var start: Int
        public var end: Int
        /// Index of the first and one past the last token of the match.
        public var tokenRange: Range<Int>
    }

    /// The longest matches, leftmost first, not overlapping.
    public func hits(in tokens: [Token]) -> [Hit] {
        var hits: [Hit] = []
        var index = 0
        while index < tokens.count {
            if let found = longestMatch(from: index, in: tokens) {
                hits.append(contentsOf: found)
                index = found[0].tokenRange.upperBound
            } else {
                index += 1
            }
        }
        return hits
    }

    /// Every entry matched by the longest spelling starting at `start`.
    private func longestMatch(from start: Int, in tokens: [Token]) -> [Hit]? {
        var node = 0
        var best: [Hit]?
        var position = start
        while position < tokens.count, let next = nodes[node].children[tokens[position].folded] {
            // Words of a name are adjacent: a sentence break between them ends the name.
            if position > start, tokens[position].startsSentence { break }
            node = next
            position += 1
            let accepted = nodes[node].terminals.filter { terminal in
                zip(terminal.needsCapital, tokens[start..<position]).allSatisfy { needs, token in
                    !needs || token.shape != .lower
                }
            }
            if !accepted.isEmpty {
                var seen = Set<Int>()
                best = accepted.compactMap { terminal in
                    guard seen.insert(terminal.watchIndex).inserted else { return nil }
                    return Hit(watchIndex: terminal.watchIndex, start: tokens[start].start,
                               end: tokens[position - 1].end, tokenRange: start..<position)
                }
            }
        }
        return best
    }
}
