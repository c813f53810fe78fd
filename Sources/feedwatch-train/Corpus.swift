import Foundation
import Model
import Extract

/// One annotated sentence of the NER corpora (../shared/data/ner, one JSON object per line).
struct Example {
    var id: String
    var corpus: String
    var text: TokenizedText
    /// Gold entity spans in Unicode scalars.
    var spans: [(start: Int, end: Int, type: Int)]
    /// Gold BIO tags per token.
    var tags: [UInt8]
    /// For corpora without (complete) MISC: per token, the tags the truth may have.
    var allowed: [UInt16]?
    var features: FeatureSet?
}

enum Corpus {
    /// Corpora whose annotation has no MISC, or MISC for products and works only:
    /// their "O" may hide a MISC, so it is masked rather than taught (data/ner/README.md).
    static let incompleteMISC: Set<String> = ["btc", "uner_en", "gum", "wnut17"]

    static func load(_ path: String, corpus: String) throws -> [Example] {
        guard let data = FileManager.default.contents(atPath: path) else { throw TrainError.unreadable(path) }
        var examples: [Example] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let record = try JSONReader.parse(Array(line))
            guard let id = record["id"]?.stringValue, let text = record["text"]?.stringValue else { continue }
            var spans: [(Int, Int, Int)] = []
            if case let .array(entities)? = record["entities"] {
                for entity in entities {
                    guard case let .int(start)? = entity["start"], case let .int(end)? = entity["end"],
                          let type = entity["type"]?.stringValue,
                          let index = BIOTags.types.firstIndex(where: { $0.rawValue == type }) else { continue }
                    spans.append((start, end, index))
                }
            }
            examples.append(example(id: id, corpus: corpus, text: text, spans: spans))
        }
        return examples
    }

    static func example(id: String, corpus: String, text: String, spans: [(Int, Int, Int)]) -> Example {
        let tokenized = Tokenizer.tokenize(text)
        var tags = [UInt8](repeating: BIOTags.outside, count: tokenized.tokens.count)
        var inEntity = [Bool](repeating: false, count: tokenized.tokens.count)
        for (start, end, type) in spans {
            var first = true
            for (i, token) in tokenized.tokens.enumerated() where Int(token.start) < end && Int(token.end) > start {
                tags[i] = first ? BIOTags.begin(type) : BIOTags.inside(type)
                inEntity[i] = true
                first = false
            }
        }
        var allowed: [UInt16]?
        if incompleteMISC.contains(corpus) {
            let misc = BIOTags.types.firstIndex(of: .misc) ?? 3
            let begin = UInt16(1) << UInt16(BIOTags.begin(misc)), inside = UInt16(1) << UInt16(BIOTags.inside(misc))
            allowed = tokenized.tokens.indices.map { i in
                // Their own MISC (WNUT products) stays as labelled; only their "O" is
                // open, and only where a name could start (a capitalised word that is
                // not a weekday or month) or go on (any word).
                if inEntity[i] { return UInt16(1) << UInt16(tags[i]) }
                let token = tokenized.tokens[i]
                guard token.isWord else { return 1 }
                let canBegin = token.isCapitalized && !calendarWords.contains(token.hash)
                return 1 | inside | (canBegin ? begin : 0)
            }
        }
        return Example(id: id, corpus: corpus, text: tokenized, spans: spans.map { ($0.0, $0.1, $0.2) },
                       tags: tags, allowed: allowed)
    }
}

/// Days and months: capitalised, never MISC in CoNLL-style annotation.
let calendarWords: Set<UInt64> = Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december"].map { FNV.hash($0) })

enum TrainError: Error, CustomStringConvertible {
    case unreadable(String)
    var description: String {
        switch self {
        case let .unreadable(path): "cannot read \(path)"
        }
    }
}
