/// Splits text into words and punctuation for matching and tagging.
/// - Hyphens and apostrophes inside a word split it into parts marked as joined,
///   so "al-Hayya" and "Al Hayya", "Erdogan's" and "Erdogan" share their name parts.
/// - Abbreviations keep their periods ("U.S.", "Dr.", "Inc."), which then end no sentence.
/// - A single newline is a wrapped line; a blank line, "!", "?" or a period before a
///   space ends a sentence.
/// - Any script passes through: every letter or digit is a word character.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> TokenizedText {
        var state = TokenizerState(capacity: text.utf8.count)
        var scalars = text.unicodeScalars.makeIterator()
        var current = scalars.next()
        while let scalar = current {
            let next = scalars.next()
            state.consume(scalar, next: next)
            current = next
        }
        state.finishWord()
        var tokens = state.tokens
        URLMarks.apply(to: &tokens, folded: state.folded)
        return TokenizedText(text: text, tokens: tokens, folded: state.folded)
    }

    /// Abbreviations whose period belongs to the word and ends no sentence.
    static let abbreviations: Set<UInt64> = Set([
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "inc", "co", "corp", "ltd", "jr", "sr",
        "prof", "lt", "col", "sgt", "capt", "maj", "adm", "vs", "etc", "mt", "ft", "rev", "hon",
        "pres", "amb", "cmdr", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "bros", "dept", "univ",
        "approx", "fig", "vol", "al", "cf",
    ].map { FNV.hash($0) })

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || Folding.isCombiningMark(scalar)
    }

    /// Apostrophes and hyphens that join the parts of one name.
    @inline(__always)
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "\u{2019}", "\u{02BC}", "\u{2018}", "-", "\u{2010}", "\u{2011}": true
        default: false
        }
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 32 || (v >= 9 && v <= 13) }
        return scalar.properties.isWhitespace || v == 0xFEFF || v == 0x200B
    }
}
