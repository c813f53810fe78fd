/// Splits text into words for matching and tagging. Hyphens and apostrophes
/// inside a word split it into parts marked as joined, so "al-Hayya",
/// "Al Hayya", "Erdogan's" and "Mitsotakis’" all yield the plain name parts.
/// Text in any script passes through: every letter or digit is a word character.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var builder = WordBuilder()
        var offset = 0
        var sentenceStart = true
        var pendingJoin = false
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            defer { offset += 1 }
            if isWordScalar(scalar) {
                if builder.isEmpty { builder.begin(at: offset, sentenceStart: sentenceStart, joined: pendingJoin) }
                builder.add(scalar)
                sentenceStart = false
                pendingJoin = false
                continue
            }
            let wasInWord = !builder.isEmpty
            if let token = builder.finish(at: offset) { tokens.append(token) }
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            if wasInWord, isJoiner(scalar), isWordScalar(next) {
                pendingJoin = true
                continue
            }
            pendingJoin = false
            if endsSentence(scalar, next: next, previous: tokens.last, text: scalars, at: index) { sentenceStart = true }
        }
        if let token = builder.finish(at: offset) { tokens.append(token) }
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
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

    /// Abbreviations whose period does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "inc", "co", "corp", "ltd", "jr", "sr",
        "prof", "lt", "col", "sgt", "capt", "maj", "adm", "vs", "etc", "no", "mt", "ft", "rev", "hon",
        "pres", "amb", "cmdr", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
    ]

    /// True when only spaces stand between this newline and an earlier one.
    private static func previousNewline(before text: [Unicode.Scalar], at index: Int) -> Bool {
        var i = index - 1
        while i >= 0 {
            if text[i] == "\n" { return true }
            guard text[i] == " " || text[i] == "\t" || text[i] == "\r" else { return false }
            i -= 1
        }
        return false
    }

    private static func endsSentence(_ scalar: Unicode.Scalar, next: Unicode.Scalar, previous: Token?,
                                     text: [Unicode.Scalar], at scalarIndex: Int) -> Bool {
        switch scalar {
        case "\u{2029}", "!", "?", "\u{3002}", "\u{061F}": return true
        case "\n":
            // A blank line ends a paragraph; a single newline is a wrapped line, and a
            // name wrapped across it ("Ibrahim\nKalin") is still one name.
            return previousNewline(before: text, at: scalarIndex)
        case ".":
            guard next == " " || next == "\n" || next == "\"" || next == "\u{201D}" else { return false }
            guard let previous else { return true }
            // "U.S." and "Dr." do not end a sentence; a one-letter word before a period is an initial.
            return previous.end - previous.start > 1 && !abbreviations.contains(previous.folded)
        default: return false
        }
    }
}

/// Accumulates one word's scalars and works out its shape.
struct WordBuilder {
    private var start = 0
    private var folded = ""
    private var uppercase = 0
    private var lowercase = 0
    private var firstIsUpper = false
    private var count = 0
    private var sentenceStart = false
    private var joined = false

    var isEmpty: Bool { count == 0 }

    mutating func begin(at offset: Int, sentenceStart: Bool, joined: Bool) {
        start = offset
        self.sentenceStart = sentenceStart
        self.joined = joined
    }

    mutating func add(_ scalar: Unicode.Scalar) {
        let properties = scalar.properties
        if properties.isUppercase {
            uppercase += 1
            if count == 0 { firstIsUpper = true }
        } else if properties.isLowercase {
            lowercase += 1
        }
        count += 1
        Folding.append(scalar, to: &folded)
    }

    mutating func finish(at offset: Int) -> Token? {
        guard count > 0 else { return nil }
        let shape: Token.Shape
        if uppercase == 0 && lowercase > 0 {
            shape = .lower
        } else if uppercase > 1 && lowercase == 0 {
            shape = .upper
        } else if firstIsUpper {
            shape = .capitalized
        } else {
            shape = uppercase + lowercase == 0 ? .other : (lowercase > 0 && uppercase > 0 ? .capitalized : .other)
        }
        let token = Token(start: start, end: offset, folded: folded, shape: shape, startsSentence: sentenceStart, joinedToPrevious: joined)
        self = WordBuilder()
        return token
    }
}
