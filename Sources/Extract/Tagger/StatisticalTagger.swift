import Model

/// The trained sequence tagger (averaged structured perceptron over BIO tags,
/// see `feedwatch-train`), as an `EntityTagger`.
public struct StatisticalTagger: EntityTagger {
    public let model: NERModel
    public let gazetteer: Gazetteer

    public init(model: NERModel, gazetteer: Gazetteer) {
        self.model = model
        self.gazetteer = gazetteer
    }

    public func entities(in text: TokenizedText) -> [Entity] {
        guard !text.tokens.isEmpty else { return [] }
        let tags = model.tags(Features.extract(text, gazetteer: gazetteer))
        return BIOTags.spans(tags).compactMap { first, end, type in
            let tokens = text.tokens
            // A span never starts or ends on punctuation; trim it.
            var a = first, b = end
            while a < b, !tokens[a].isWord { a += 1 }
            while b > a, !tokens[b - 1].isWord { b -= 1 }
            guard a < b else { return nil }
            let start = Int(tokens[a].start), stop = Int(tokens[b - 1].end)
            return Entity(text: text.text(from: tokens[a], to: tokens[b - 1]), type: BIOTags.types[type], start: start, end: stop)
        }
    }
}
