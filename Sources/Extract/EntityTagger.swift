import Model

/// Finds the named entities of a text. The extractor asks a tagger for the
/// entities nobody put on a watch list; a statistical tagger slots in here.
public protocol EntityTagger: Sendable {
    func entities(in text: String, tokens: [Token]) -> [Entity]
}
