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

    /// Sentences, cut further every 400 tokens (a text without stops stays bounded),
    /// and after a dateline: "DOHA - Kalin said" is a place, then a sentence.
    static func segments(_ tokens: [Token], storyStart: Int? = nil) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var start = 0
        for i in tokens.indices.dropFirst() where tokens[i].startsSentence || i - start >= 400 || i == storyStart {
            segments.append(start..<i)
            start = i
        }
        if start < tokens.count { segments.append(start..<tokens.count) }
        return segments
    }

    public func entities(in text: TokenizedText) -> [Entity] {
        guard !text.tokens.isEmpty else { return [] }
        // Sentence by sentence: a 10 MB item needs memory for one sentence's features and lattice.
        var tags: [UInt8] = []
        tags.reserveCapacity(text.tokens.count)
        for segment in Self.segments(text.tokens, storyStart: Dateline.storyStart(text)) {
            tags += model.tags(Features.extract(text, range: segment, gazetteer: gazetteer))
        }
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
