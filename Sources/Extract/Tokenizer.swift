import Model
/// Splits text into words and punctuation for matching and tagging.
/// - Hyphens and apostrophes inside a word split it into parts marked as joined,
///   so "al-Hayya" and "Al Hayya", "Erdogan's" and "Erdogan" share their name parts.
/// - Abbreviations keep their periods ("U.S.", "Dr.", "Inc."), which then end no sentence.
/// - A single newline is a wrapped line; a blank line, "!", "?" or a period before a
///   space ends a sentence.
/// - Any script passes through: every letter or digit is a word character.
/// It reads UTF-8 bytes directly, with a table for ASCII, because every item
/// of every feed passes through it.
public enum Tokenizer {
    /// Token offsets are kept in `Int32`; a longer text is read up to here only
    /// (a feed's body is capped far below, but `extract` reads whatever it is given).
    public static let maxBytes = 1 << 30

    public static func tokenize(_ text: String) -> TokenizedText {
        var text = text.utf8.count > maxBytes ? String(decoding: text.utf8.prefix(maxBytes), as: UTF8.self) : text
        let (tokens, folded) = text.withUTF8 { bytes -> ([Token], [UInt8]) in
            var state = TokenizerState(bytes: bytes)
            state.run()
            var tokens = state.tokens
            markLineStarts(&tokens)
            URLMarks.apply(to: &tokens, folded: state.folded)
            return (tokens, state.folded)
        }
        return TokenizedText(text: text, tokens: tokens, folded: folded)
    }

    /// A single line break ends a sentence unless a lower-case word follows (a
    /// wrapped sentence): headings, datelines, signatures, list and table rows
    /// rarely end in a period, and would otherwise run into the next line. A
    /// watched name may still go on across it ("Recep Tayyip" / "Erdoğan"): the
    /// matcher reads `afterLineBreak`.
    static func markLineStarts(_ tokens: inout [Token]) {
        for i in tokens.indices.dropFirst() where tokens[i].afterLineBreak && tokens[i].shape != .lower {
            tokens[i].startsSentence = true
        }
    }

    /// Abbreviations whose period belongs to the word and ends no sentence.
    static let abbreviations: Set<UInt64> = Set([
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "inc", "co", "corp", "ltd", "jr", "sr",
        "prof", "lt", "col", "sgt", "capt", "maj", "adm", "vs", "etc", "mt", "ft", "rev", "hon",
        "pres", "amb", "cmdr", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "bros", "dept", "univ",
        "approx", "fig", "vol", "al", "cf",
    ].map { FNV.hash($0) })

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return ASCIIClass.of(UInt8(v)).isWord }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || Folding.isCombiningMark(scalar)
    }

    /// Apostrophes and hyphens that join the parts of one name.
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "\u{2019}", "\u{02BC}", "\u{2018}", "-", "\u{2010}", "\u{2011}": true
        default: false
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return ASCIIClass.of(UInt8(v)) == .space || v == 10 }
        return scalar.properties.isWhitespace || v == 0xFEFF || v == 0x200B
    }
}

/// What an ASCII byte is to the tokenizer.
enum ASCIIClass: UInt8 {
    case upper, lower, digit, space, newline, joiner, period, other

    var isWord: Bool { self == .upper || self == .lower || self == .digit }

    @inline(__always)
    static func of(_ byte: UInt8) -> ASCIIClass {
        switch byte {
        case 97...122: .lower
        case 65...90: .upper
        case 48...57: .digit
        case 32, 9, 11, 12, 13: .space
        case 10: .newline
        case 39, 45: .joiner
        case 46: .period
        default: .other
        }
    }
}
