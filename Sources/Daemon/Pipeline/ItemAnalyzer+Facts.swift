import Foundation
import Extract
import Model

/// What the rules are judged on (`ItemFacts`), gathered from one item: the watches it
/// mentions and in which fields, its sentences when a rule asks for nearness, the rules'
/// keywords found in its text, and its feed.
extension ItemAnalyzer {
    func facts(_ texts: [(Mention.Field, String)], mentions: [String: [Mention]], feedID: String, tags: Set<String>) -> ItemFacts {
        var facts = ItemFacts(present: Set(mentions.keys), feedID: feedID, tags: tags)
        for (watch, found) in mentions { facts.fields[watch] = Set(found.map(\.field)) }
        guard !keywords.isEmpty || needsSentences else { return facts }
        for (field, text) in texts {
            let tokenized = Tokenizer.tokenize(text)
            let words = tokenized.tokens.filter(\.isWord)
            let hashes = words.map(\.hash)
            for (keyword, phrase) in keywords where !facts.keywords.contains(keyword) && Self.contains(hashes, phrase) {
                facts.keywords.insert(keyword)
            }
            if needsSentences { facts.sentences += Self.sentences(of: field, tokenized, mentions) }
        }
        return facts
    }

    /// The folded word hashes of each keyword: "Ceasefire" and "ceasefire", "Türkiye"
    /// and "Turkiye" are one keyword, matched on whole words.
    static func keywordPhrases(_ rules: [Rule]) -> [String: [UInt64]] {
        var phrases: [String: [UInt64]] = [:]
        for keyword in rules.reduce(into: Set<String>(), { $0.formUnion($1.when.keywords) }) {
            let words = Tokenizer.tokenize(keyword).tokens.filter(\.isWord).map(\.hash)
            if !words.isEmpty { phrases[keyword] = words }
        }
        return phrases
    }

    private static func contains(_ words: [UInt64], _ phrase: [UInt64]) -> Bool {
        guard phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { start in words[start..<(start + phrase.count)].elementsEqual(phrase) }
    }

    /// The watches of each sentence of one field, by the mentions' offsets.
    private static func sentences(of field: Mention.Field, _ text: TokenizedText, _ mentions: [String: [Mention]]) -> [Set<String>] {
        let starts = text.tokens.filter(\.startsSentence).map { Int($0.start) }
        var sentences = [Set<String>](repeating: [], count: max(starts.count, 1))
        for (watch, found) in mentions {
            for mention in found where mention.field == field {
                let index = max(0, (starts.lastIndex { $0 <= mention.start } ?? 0))
                sentences[min(index, sentences.count - 1)].insert(watch)
            }
        }
        return sentences
    }
}
