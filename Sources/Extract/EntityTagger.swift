import Model

/// Finds the named entities of a text. The extractor asks a tagger for the
/// entities nobody put on a watch list, and to tell a watched name from its
/// lookalikes (Jordan the country from Michael Jordan).
public protocol EntityTagger: Sendable {
    func entities(in text: TokenizedText) -> [Entity]
}

/// No general entities: what runs when no model could be loaded.
public struct NoTagger: EntityTagger {
    public init() {}
    public func entities(in text: TokenizedText) -> [Entity] { [] }
}
