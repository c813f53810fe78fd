import Model
import Testing
@testable import Extract

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("splits words on apostrophes and hyphens, marking the joins")
    func joins() {
        let tokens = Tokenizer.tokenize("al-Hayya's O’Brien")
        #expect(tokens.map(\.folded) == ["al", "hayya", "s", "o", "brien"])
        #expect(tokens.map(\.joinedToPrevious) == [false, true, true, false, true])
    }

    @Test("knows shapes")
    func shapes() {
        #expect(Tokenizer.tokenize("turkey Turkey NATO 2026").map(\.shape) == [.lower, .capitalized, .upper, .other])
    }

    @Test("starts sentences after stops, not after abbreviations or initials")
    func sentences() {
        let tokens = Tokenizer.tokenize("Dr. Smith met U.S. envoys. They left")
        #expect(tokens.filter(\.startsSentence).map(\.folded) == ["dr", "they"])
    }

    @Test("folds Turkish dotless i and dotted capital I")
    func turkish() {
        #expect(Tokenizer.tokenize("Kalın İstanbul").map(\.folded) == ["kalin", "istanbul"])
    }
}

@Suite("Entity extraction")
struct ExtractorTests {
    @Test("finds people, organisations and places with offsets into the text")
    func entities() {
        let text = "President Erdogan met NATO officials in Brussels on Monday."
        let entities = Extractor(watch: []).entities(in: text)
        let scalars = Array(text.unicodeScalars)
        for entity in entities {
            #expect(String(String.UnicodeScalarView(scalars[entity.start..<entity.end])) == entity.text)
        }
        #expect(entities.contains { $0.text == "Erdogan" && $0.type == .person })
        #expect(entities.contains { $0.text == "NATO" && $0.type == .org })
        #expect(entities.contains { $0.text == "Brussels" && $0.type == .loc })
    }

    @Test("counts variants of one name together")
    func counts() {
        let counts = EntityCounter.count([
            Entity(text: "Recep Tayyip Erdoğan", type: .person, start: 0, end: 20),
            Entity(text: "Erdogan", type: .person, start: 30, end: 37),
            Entity(text: "NATO", type: .org, start: 40, end: 44),
        ])
        #expect(counts.first == EntityCount(text: "Recep Tayyip Erdoğan", type: .person, count: 2))
        #expect(counts.count == 2)
    }

    @Test("survives junk, long tokens and a large input")
    func junk() {
        let junk = String(decoding: (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }, as: UTF8.self)
        _ = Extractor(watch: []).entities(in: junk)
        let long = String(repeating: "A", count: 100_000)
        #expect(Extractor(watch: []).entities(in: long).count <= 1)
    }
}
