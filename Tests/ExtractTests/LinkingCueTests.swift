import Testing
import Model
@testable import Extract

/// The cues the linker reads around a watched name, each on its own.
@Suite("Word cues, datelines and person cues")
struct LinkingCueTests {
    static func cue(_ text: String, _ word: String, _ kind: WatchEntry.Kind = .organization) -> Bool {
        let tokenized = Tokenizer.tokenize(text)
        let index = tokenized.tokens.firstIndex { tokenized.foldedString($0) == word.lowercased() }!
        return WordCues.contradiction(kind, tokenized, index..<(index + 1)) != nil
    }

    @Test("a cue beside a one-word name says what it is", arguments: [
        ("The Amazon river fell to a record low.", "Amazon", true), ("Fires in the Amazon rainforest.", "Amazon", true),
        ("A scanner of 7 Tesla.", "Tesla", true), ("Jordan, 24, was charged.", "Jordan", true),
        ("Oil spills in the Niger Delta.", "Niger", true), ("Floods along the River Niger.", "Niger", true),
        ("Amazon shares rose.", "Amazon", false), ("Tesla recalled 2 million cars.", "Tesla", false),
        ("Tesla Motors said", "Tesla", false),
        ("Jordan, Egypt and Qatar met.", "Jordan", false), ("Turkey's farmers protested.", "Turkey", false),
    ])
    func cues(text: String, word: String, contradicted: Bool) {
        #expect(Self.cue(text, word) == contradicted)
    }

    @Test("a place's name that speaks as he or she, or names a team, is not the place", arguments: [
        ("Chad said he was tired.", true), ("Chad said it would close the border.", false),
        ("The Georgia Bulldogs won.", true), ("The Georgia Islands are cold.", false), ("Georgia Georgians voted.", false),
    ])
    func placeCues(text: String, contradicted: Bool) {
        let word = text.contains("Chad") ? "Chad" : "Georgia"
        #expect(Self.cue(text, word, .location) == contradicted)
    }

    @Test("a dateline ends where the story starts", arguments: [
        ("ANKARA (Reuters) - Turkish officials said", "turkish"), ("PORT HARCOURT, Nigeria - An oil spill", "an"),
        ("WASHINGTON (AP) \u{2014} The Senate voted", "the"),
    ])
    func datelines(text: String, first: String) {
        let tokenized = Tokenizer.tokenize(text)
        let start = Dateline.storyStart(tokenized)
        #expect(start.map { tokenized.foldedString(tokenized.tokens[$0]) } == first)
    }

    @Test("no dateline in ordinary sentences", arguments: ["The talks - which began Monday - stalled.", "Erdogan said - again - no."])
    func noDateline(text: String) {
        #expect(Dateline.storyStart(Tokenizer.tokenize(text)) == nil)
    }

    @Test("a courtesy title gives a gender; a title introduces a name")
    func personCues() throws {
        let gazetteer = try #require((NERResources.defaultTagger as? StatisticalTagger)?.gazetteer)
        let cues = PersonCues(gazetteer: gazetteer)
        let text = Tokenizer.tokenize("Mrs Macron and Mr Lavrov met President Xi")
        #expect(cues.honorificGender(text, before: 1) == .female)
        #expect(cues.honorificGender(text, before: 4) == .male)
        #expect(cues.titleBefore(text, 7))
        #expect(!cues.titleBefore(text, 4 - 1))
        #expect(cues.gender(of: WatchEntry(id: "m", name: "Emmanuel Macron", kind: .person)) == .male)
        #expect(cues.gender(of: WatchEntry(id: "t", name: "Theresa May", kind: .person)) == .female)
    }
}
