/// A word of a text, with where it stands and how it is written.
/// Offsets count Unicode scalars, `end` exclusive (CONTRACT.md, "Entity objects").
public struct Token: Sendable, Equatable {
    public enum Shape: Sendable, Equatable {
        /// "turkey"
        case lower
        /// "Turkey", "McDonald"
        case capitalized
        /// "NATO", "US"
        case upper
        /// "2026", "G7"
        case other
    }

    public var start: Int
    public var end: Int
    /// Lower-cased, diacritics removed: "Erdoğan" and "ERDOGAN" both fold to "erdogan".
    public var folded: String
    public var shape: Shape
    /// First word of a sentence, where capitals say little.
    public var startsSentence: Bool
    /// Joined to the previous word by a hyphen or apostrophe ("al-Hayya", "O'Brien").
    public var joinedToPrevious: Bool

    public init(start: Int, end: Int, folded: String, shape: Shape, startsSentence: Bool, joinedToPrevious: Bool = false) {
        self.start = start
        self.end = end
        self.folded = folded
        self.shape = shape
        self.startsSentence = startsSentence
        self.joinedToPrevious = joinedToPrevious
    }

    public var isCapitalized: Bool { shape == .capitalized || shape == .upper }
}
