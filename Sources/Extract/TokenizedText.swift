import Model

/// A text cut into tokens, with every token's folded form in one byte buffer
/// (no string per token: the matcher and the tagger read hashes and slices).
public struct TokenizedText: Sendable {
    public let text: String
    public var tokens: [Token]
    /// The folded forms of all tokens, back to back, UTF-8.
    public var folded: [UInt8]

    public func foldedString(_ token: Token) -> String {
        String(decoding: folded[Int(token.foldedStart)..<Int(token.foldedEnd)], as: UTF8.self)
    }

    public var foldedWords: [String] { tokens.map(foldedString) }

    /// The tokens an entity covers (empty when none), by binary search over token offsets.
    func tokenRange(of entity: Entity) -> Range<Int> {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if Int(tokens[mid].start) < entity.start { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < tokens.count, Int(tokens[end].end) <= entity.end { end += 1 }
        return low..<end
    }

    /// The text of tokens `first...last`, as written (UTF-8 offsets make this O(length)).
    public func text(from first: Token, to last: Token) -> String {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(first.utf8Start))
        let to = utf8.index(utf8.startIndex, offsetBy: Int(last.utf8End))
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }
}
