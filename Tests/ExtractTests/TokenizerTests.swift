import Testing
import Model
@testable import Extract

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("splits words on apostrophes and hyphens, marking the joins")
    func joins() {
        let text = Tokenizer.tokenize("al-Hayya's O’Brien")
        #expect(text.foldedWords == ["al", "hayya", "s", "o", "brien"])
        #expect(text.tokens.map(\.joinedToPrevious) == [false, true, true, false, true])
    }

    @Test("a soft hyphen or word joiner inside a word leaves it whole, its offsets covering the invisible mark")
    func invisibleMarks() {
        let text = Tokenizer.tokenize("Zelen\u{00AD}sky and Ha\u{2060}mas")
        #expect(text.foldedWords == ["zelensky", "and", "hamas"])
        #expect(text.tokens[0].start == 0 && text.tokens[0].end == 9)
    }

    @Test("knows shapes, punctuation included")
    func shapes() {
        #expect(Tokenizer.tokenize("turkey Turkey NATO 2026, U.S.").tokens.map(\.shape)
            == [.lower, .capitalized, .upper, .number, .punct, .upper])
    }

    @Test("keeps abbreviations whole; they end no sentence")
    func abbreviations() {
        let text = Tokenizer.tokenize("Dr. Smith met U.S. envoys. They left")
        #expect(text.foldedWords == ["dr.", "smith", "met", "u.s.", "envoys", ".", "they", "left"])
        #expect(text.tokens.filter(\.startsSentence).map(text.foldedString) == ["dr.", "they"])
    }

    @Test("a newline before a lower-case word wraps the line; before a capital it ends the sentence, a blank line always")
    func newlines() {
        #expect(Tokenizer.tokenize("the talks\nresumed").tokens.filter(\.startsSentence).count == 1)
        let heading = Tokenizer.tokenize("Early life\nSmith was born")
        #expect(heading.tokens.filter(\.startsSentence).map(heading.foldedString) == ["early", "smith"])
        #expect(heading.tokens[2].afterLineBreak)
        #expect(Tokenizer.tokenize("Ibrahim\n\nKalin").tokens.filter(\.startsSentence).count == 2)
        #expect(!Tokenizer.tokenize("Ibrahim\n\nKalin").tokens[1].afterLineBreak)
    }

    @Test("a watched name goes on across a single line break, not across a blank line")
    func namesAcrossLines() {
        let matcher = AliasMatcher([WatchEntry(id: "kalin", name: "Ibrahim Kalın", kind: .person)])
        #expect(matcher.hits(in: Tokenizer.tokenize("Ibrahim\nKalin spoke")).map(\.isSurname) == [false])
        #expect(matcher.hits(in: Tokenizer.tokenize("Ibrahim\n\nKalin spoke")).map(\.isSurname) == [true])
    }

    @Test("folds Turkish dotless i and dotted capital I, keeps offsets in scalars")
    func turkish() {
        let text = Tokenizer.tokenize("🙂 Kalın İstanbul")
        #expect(text.foldedWords == ["🙂", "kalin", "istanbul"])
        #expect(text.tokens[1].start == 2)
        #expect(text.text(from: text.tokens[2], to: text.tokens[2]) == "İstanbul")
    }

    @Test("URLs and e-mail addresses are links, never words")
    func links() {
        let text = Tokenizer.tokenize("See https://example.org/Erdogan-visit and erdogan@example.org now")
        #expect(text.tokens.filter(\.isWord).map(text.foldedString) == ["see", "and", "now"])
    }

    @Test("other scripts pass through")
    func scripts() {
        let text = Tokenizer.tokenize("أردوغان يلتقي Ερντογάν")
        #expect(text.tokens.count == 3)
        #expect(text.tokens.map(\.shape) == [.uncased, .uncased, .capitalized])
    }
}
