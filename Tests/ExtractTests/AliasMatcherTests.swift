import Testing
import Model
@testable import Extract

@Suite("AliasMatcher finds watched names")
struct AliasMatcherTests {
    static let watch = [
        WatchEntry(id: "erdogan", name: "Recep Tayyip Erdoğan", kind: .person, aliases: ["Erdoğan"]),
        WatchEntry(id: "kalin", name: "Ibrahim Kalın", kind: .person),
        WatchEntry(id: "hamas", name: "Hamas", kind: .organization),
        WatchEntry(id: "al-hayya", name: "Khalil al-Hayya", kind: .person, aliases: ["al-Hayya"]),
        WatchEntry(id: "turkey", name: "Turkey", kind: .location),
        WatchEntry(id: "apple", name: "Apple", kind: .organization),
        WatchEntry(id: "mitsotakis", name: "Kyriakos Mitsotakis", kind: .person, aliases: ["Mitsotakis"]),
    ]
    static let extractor = Extractor(watch: watch, tagger: NoTagger())

    static func found(_ text: String) -> [String] {
        extractor.watchedEntities(in: text).compactMap(\.watch)
    }

    @Test("matches regardless of case and diacritics", arguments: [
        "Erdoğan spoke", "Erdogan spoke", "ERDOGAN SPOKE", "erdoğan's remark was quoted by Reuters, Erdogan said",
    ])
    func diacritics(text: String) {
        #expect(Self.found(text).contains("erdogan"))
    }

    @Test("matches possessives with straight and curly apostrophes")
    func possessives() {
        #expect(Self.found("Erdogan's plan") == ["erdogan"])
        #expect(Self.found("Erdoğan’s plan") == ["erdogan"])
        #expect(Self.found("Mitsotakis’ government") == ["mitsotakis"])
        #expect(Self.found("Kalın's visit") == ["kalin"])  // a surname alone, nobody else bears it
    }

    @Test("matches hyphen and space variants of particle names")
    func hyphens() {
        #expect(Self.found("Khalil al-Hayya said") == ["al-hayya"])
        #expect(Self.found("Khalil Al Hayya said") == ["al-hayya"])
        #expect(Self.found("Al-Hayya said") == ["al-hayya"])
    }

    @Test("punctuation ends a name")
    func punctuation() {
        #expect(Self.found("Recep, Tayyip Erdoğan's aide") == ["erdogan"])
        #expect(Self.extractor.watchedEntities(in: "Recep, Tayyip Erdoğan's aide").first?.text == "Erdoğan")
    }

    @Test("matches a name broken by a line break")
    func lineBreak() {
        #expect(Self.found("Intelligence chief Ibrahim\nKalin attended") == ["kalin"])
    }

    @Test("does not match across a paragraph break")
    func paragraphBreak() {
        // The full name does not run across the break; the surname alone still counts.
        #expect(Self.extractor.watchedEntities(in: "chief Ibrahim\n\nKalin attended").map(\.text) == ["Kalin"])
    }

    @Test("whole words only")
    func wholeWords() {
        #expect(Self.found("Ayumi Hamasaki sang") == [])
        #expect(Self.found("Hamas-led government") == ["hamas"])
    }

    @Test("a capitalised watch name does not match an all-lowercase word")
    func commonWords() {
        #expect(Self.found("roast the turkey and an apple pie") == [])
        #expect(Self.found("Officials from Turkey and Apple announced") == ["turkey", "apple"])
    }

    @Test("prefers the longest spelling and reports offsets in Unicode scalars")
    func longest() throws {
        let text = "🙂 President Recep Tayyip Erdoğan arrived"
        let entity = try #require(Self.extractor.watchedEntities(in: text).first)
        #expect(entity.text == "Recep Tayyip Erdoğan")
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[entity.start..<entity.end])) == entity.text)
        #expect(entity.start == 12)
    }

    @Test("text in other scripts passes through without harm")
    func otherScripts() {
        #expect(Self.found("أردوغان يلتقي وفد حماس Erdogan") == ["erdogan"])
        #expect(Self.found("Ο Ερντογάν συναντήθηκε") == [])
        #expect(Self.found("") == [])
    }
}

@Suite("AliasMatcher derives the forms a name takes in running text")
struct AliasSpellingTests {
    static func found(_ entry: WatchEntry, in text: String) -> Bool {
        Extractor(watch: [entry], tagger: NoTagger()).watchedEntities(in: text).contains { $0.watch == entry.id }
    }

    @Test("a word the text splits at an apostrophe or hyphen matches the closed spelling, and the reverse")
    func closedWords() {
        let khamenei = WatchEntry(id: "k", name: "Ali Khamenei", kind: .person)
        #expect(Self.found(khamenei, in: "Ayatollah Ali Khamene'i spoke."))
        #expect(Self.found(khamenei, in: "Ali Khamenei's speech."))
        let oecd = WatchEntry(id: "o", name: "Organisation for Economic Co-operation and Development", kind: .organization)
        #expect(Self.found(oecd, in: "The Organization for Economic Cooperation and Development said."))
        #expect(Self.found(oecd, in: "The Organisation for Economic Co-operation and Development said."))
        let cooperation = WatchEntry(id: "c", name: "Shanghai Cooperation Organisation", kind: .organization)
        #expect(Self.found(cooperation, in: "The Shanghai Co-operation Organisation met."))
    }

    @Test("a group's plural name also matches its singular, and the reverse; Hamas is never Hama")
    func plurals() {
        #expect(Self.found(WatchEntry(id: "h", name: "Houthis", kind: .organization), in: "Houthi rebels seized a ship."))
        #expect(Self.found(WatchEntry(id: "h", name: "Houthi", kind: .organization), in: "The Houthis said."))
        #expect(!Self.found(WatchEntry(id: "h", name: "Hamas", kind: .organization), in: "Shelling in Hama."))
    }

    @Test("a Chinese or Korean name is written by its first word, never by its last")
    func familyNameFirst() {
        let kim = WatchEntry(id: "kim", name: "Kim Jong Un", kind: .person)
        #expect(AliasMatcher.shortForm(of: kim) == "Kim")
        #expect(AliasMatcher.surname(of: kim) == nil)
        #expect(!Self.found(kim, in: "The UN chief spoke. Un nouveau gouvernement."))
        #expect(AliasMatcher.shortForm(of: WatchEntry(id: "b", name: "Joe Biden", kind: .person)) == nil)
        #expect(AliasMatcher.surname(of: WatchEntry(id: "b", name: "Joe Biden", kind: .person))?.text == "Biden")
    }
}
