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

    /// The text of tokens `first...last`, as written (UTF-8 offsets make this O(length)).
    public func text(from first: Token, to last: Token) -> String {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(first.utf8Start))
        let to = utf8.index(utf8.startIndex, offsetBy: Int(last.utf8End))
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }
}

/// FNV-1a, 64 bit: the hash every folded word, feature and gazetteer entry is keyed by.
public enum FNV {
    public static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x100_0000_01b3

    @inline(__always)
    public static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    public static func hash<C: Collection>(_ bytes: C, seed: UInt64 = offset) -> UInt64 where C.Element == UInt8 {
        var h = seed
        for b in bytes { h = add(h, b) }
        return h
    }

    public static func hash(_ text: String) -> UInt64 { hash(text.utf8) }

    /// Combines two hashes order-dependently (phrases, feature conjunctions).
    @inline(__always)
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = a ^ (b &+ 0x9e37_79b9_7f4a_7c15 &+ (a << 6) &+ (a >> 2))
        h = (h ^ (h >> 33)) &* 0xff51_afd7_ed55_8ccd
        return h ^ (h >> 33)
    }
}
