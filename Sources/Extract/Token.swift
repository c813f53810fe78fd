/// A word or punctuation mark of a text, with where it stands and how it is written.
/// Offsets count Unicode scalars, `end` exclusive (CONTRACT.md, "Entity objects").
public struct Token: Sendable, Equatable {
    public enum Shape: UInt8, Sendable, Equatable {
        /// "turkey"
        case lower
        /// "Turkey", "McDonald", "iPhone"
        case capitalized
        /// "NATO", "U.S."
        case upper
        /// "2026", "G7", "3.5"
        case number
        /// "(", ",", "—"
        case punct
        /// letters of scripts without case (Arabic, Chinese)
        case uncased
        /// part of a URL or e-mail address: never a name
        case link
    }

    public var start: Int32
    public var end: Int32
    /// The same span in UTF-8 bytes, for slicing the text without walking it.
    public var utf8Start: Int32
    public var utf8End: Int32
    /// Where the folded form lies in the text's folded buffer.
    public var foldedStart: Int32
    public var foldedEnd: Int32
    /// FNV-1a of the folded form: lower-cased, diacritics removed, so
    /// "Erdoğan" and "ERDOGAN" have one hash.
    public var hash: UInt64
    public var shape: Shape
    /// The word's shape in detail, runs collapsed: "Xx" for "Erdogan", "X.X." for "U.S.", "dd" for "2026".
    public var shapeHash: UInt32
    /// First token of a sentence, where capitals say little.
    public var startsSentence: Bool
    /// Joined to the previous word by a hyphen or apostrophe ("al-Hayya", "O'Brien", "Erdogan's").
    public var joinedToPrevious: Bool
    /// The first token after a single line break.
    public var afterLineBreak = false

    public var isCapitalized: Bool { shape == .capitalized || shape == .upper }
    public var isWord: Bool { shape != .punct && shape != .link }
    public var length: Int { Int(end - start) }
}
