import Model

/// The linker's verdict on one candidate mention of a watched name.
public struct LinkDecision: Sendable {
    public var hit: AliasMatcher.Hit
    /// Why the candidate is not the watched entity; nil when it is.
    public var rejection: LinkReason?

    public var accepted: Bool { rejection == nil }
}

/// Why a candidate mention was turned down: what `feedwatch explain` prints.
public enum LinkReason: Sendable, Equatable, CustomStringConvertible {
    /// "Michael Jordan", "Erdoğan University", "Emine Erdoğan".
    case insideLongerName(type: EntityType, text: String)
    /// "ATLANTA - Georgia's governor": the places around it are in another country.
    case placeInAnotherCountry(String)
    /// A cue elsewhere in the item ("the Amazon river") says what the word is.
    case itemSaysOtherwise(String)
    /// An unlisted spelling that is a common word, at the head of a sentence ("Labor").
    case commonWordSpelling
    /// After an article, and the tagger does not read it as the watched kind ("the Amazon").
    case notTaggedAfterArticle(EntityType)
    /// Capitalised only for its place at the head of a sentence or headline.
    case capitalisedForPosition
    /// Found only in lines written wholly in capitals ("WHO KNEW?").
    case capitalsOnly
    /// The item writes the same word in lower case ("apples").
    case lowercaseElsewhere(String)
    /// "the town of Kalin".
    case placePhrase
    /// Another person with this surname was named before it.
    case anotherPerson
    /// A short family name with neither a title before it nor the full name in the item.
    case shortFormAlone
    /// The word goes on past the name ("Xi'an").
    case partOfAWord
    /// A courtesy title of the other gender ("Mrs Macron").
    case otherGender
    /// A generational suffix that is not the watched person's ("Donald Trump Jr.").
    case generation
    /// A longer name around it, described as someone's relative ("…, the son of …").
    case relative(String)
    /// An institution named after it ("Ford Foundation").
    case namedAfter(String)
    /// The item names a person with this surname, and the tagger reads this word as a person.
    case surnameOfNamedPerson(String)
    /// A lone surname introduced as someone new ("Dr Modi, a cardiologist").
    case introducedAsSomeoneElse
    /// The item uses this surname as another person's given name ("Ahmed Musa").
    case givenNameOfAnother
    /// The item spells the acronym out as something else ("HTS (high-temperature superconductors)").
    case acronymDefinedOtherwise(String)

    public var description: String {
        switch self {
        case let .insideLongerName(type, text): "inside the longer \(type.rawValue) name \u{201C}\(text)\u{201D}"
        case let .placeInAnotherCountry(places): "the places the item names (\(places)) are in another country with a place of that name"
        case let .itemSaysOtherwise(cue): "the item says elsewhere that the word means something else (\(cue))"
        case .commonWordSpelling: "a spelling not listed that is a common word, at the head of a sentence"
        case let .notTaggedAfterArticle(type): "after an article, and the tagger does not read it as \(type.rawValue)"
        case .capitalisedForPosition: "capitalised only for its place at the head of a sentence or headline"
        case .capitalsOnly: "found only in lines written wholly in capitals, where any word may look like an acronym"
        case let .lowercaseElsewhere(word): "the item writes \u{201C}\(word)\u{201D} in lower case as a common noun"
        case .placePhrase: "a place (\u{201C}the town of …\u{201D}), not a person"
        case .anotherPerson: "another person with this surname is named before it"
        case .shortFormAlone: "a short family name without a title before it or the full name in the item"
        case .partOfAWord: "part of a longer word"
        case .otherGender: "a courtesy title of the other gender"
        case .generation: "a generational suffix that is not the watched person's"
        case let .relative(name): "\u{201C}\(name)\u{201D} is described as someone's relative"
        case let .namedAfter(text): "part of \u{201C}\(text)\u{201D}, named after it"
        case let .surnameOfNamedPerson(person): "the item names \u{201C}\(person)\u{201D}, and the tagger reads this word as that person"
        case .introducedAsSomeoneElse: "the item introduces this surname as someone new (\u{201C}…, a …\u{201D})"
        case .givenNameOfAnother: "the item uses this word as another person's given name"
        case let .acronymDefinedOtherwise(letters): "the item spells \(letters) out as something else"
        }
    }
}
