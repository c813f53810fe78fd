import Testing
import Model
@testable import Extract

/// The tricky cases of watched-entity linking, with the shipped tagger.
@Suite("Watched-entity linking")
struct EntityLinkerTests {
    static let watch = [
        WatchEntry(id: "apple", name: "Apple", kind: .organization),
        WatchEntry(id: "jordan", name: "Jordan", kind: .location),
        WatchEntry(id: "turkey", name: "Turkey", kind: .location),
        WatchEntry(id: "erdogan", name: "Recep Tayyip Erdoğan", kind: .person),
        WatchEntry(id: "kalin", name: "Ibrahim Kalın", kind: .person),
        WatchEntry(id: "hamas", name: "Hamas", kind: .organization),
    ]
    static let extractor = Extractor(watch: watch)

    static func found(_ fields: String...) -> [String] {
        extractor.watchIDs(fields)
    }

    @Test("the shipped model is loaded")
    func loaded() { #expect(NERResources.isLoaded) }

    @Test("a place does not fire inside a person's name")
    func jordan() {
        #expect(Self.found("Michael Jordan visited Amman.") == [])
        #expect(Self.found("Jordan Henderson scored twice.") == [])
        #expect(Self.found("King Abdullah of Jordan met the envoy.") == ["jordan"])
        #expect(Self.found("Jordan said it would not allow its airspace to be used.") == ["jordan"])
    }

    @Test("a company does not fire on the fruit when the item speaks of apples")
    func apple() {
        #expect(Self.found("Apple growers expect a record harvest.", "Farmers said apples were plentiful.") == [])
        #expect(Self.found("Apple unveiled a new iPhone on Tuesday.") == ["apple"])
        #expect(Self.found("Shares of Apple fell.") == ["apple"])
    }

    @Test("a country does not fire on the bird")
    func turkey() {
        #expect(Self.found("How to Roast a Turkey", "Brine the turkey overnight and roast it slowly.") == [])
        #expect(Self.found("Turkey's parliament approved the bill.") == ["turkey"])
    }

    @Test("relatives with the same surname are not the watched person")
    func relatives() {
        #expect(Self.found("Emine Erdoğan opened a school. Erdoğan said children deserve better.") == [])
        #expect(Self.found("President Recep Tayyip Erdoğan spoke. Later Erdoğan met Bilal Erdoğan.") == ["erdogan", "erdogan"])
    }

    @Test("a surname alone counts when nobody else in the item bears it, across fields")
    func surname() {
        #expect(Self.found("Erdoğan slams sanctions") == ["erdogan"])
        #expect(Self.found("Kalın's remarks drew criticism.") == ["kalin"])
        #expect(Self.found("Erdoğan hosts delegation", "President Recep Tayyip Erdoğan received them.") == ["erdogan", "erdogan"])
    }

    @Test("a surname used as a place is not a person")
    func place() {
        #expect(Self.found("The town of Kalin lies in the mountains.") == [])
    }

    @Test("a short family name counts after a title or the full name, not alone or in a place name")
    func shortForm() {
        let extractor = Extractor(watch: [WatchEntry(id: "xi", name: "Xi Jinping", kind: .person)])
        func found(_ text: String...) -> [String] { extractor.watchedEntities(inFields: text).flatMap { $0.compactMap(\.watch) } }
        #expect(found("President Xi met the delegation.") == ["xi"])
        #expect(found("Xi Jinping spoke. Later Xi left.") == ["xi", "xi"])
        #expect(found("Flights to Xi'an were cancelled.") == [])
        #expect(found("Xi said nothing.") == [])
    }

    @Test("an acronym found only in lines written in capitals is any word; one the body confirms counts")
    func capitalsOnly() {
        let extractor = Extractor(watch: [WatchEntry(id: "who", name: "World Health Organization", kind: .organization, aliases: ["WHO"])])
        func found(_ text: String...) -> [String] { extractor.watchedEntities(inFields: text).flatMap { $0.compactMap(\.watch) } }
        #expect(found("WHO KNEW? MARKETS SHRUG OFF DATA", "Stock markets shrugged off weak data.") == [])
        #expect(found("WHO WARNS OF MEASLES", "The WHO said cases rose.") == ["who", "who"])
    }

    @Test("a first name alone never fires a person watch")
    func firstNameAlone() {
        #expect(Self.found("Recep visited the market.") == [])
        #expect(Self.found("Ibrahim said the talks went well.") == [])
        #expect(Self.found("Tayyip spoke to reporters.") == [])
    }

    @Test("a company one travels on is the river")
    func traversed() {
        let extractor = Extractor(watch: [WatchEntry(id: "amazon", name: "Amazon", kind: .organization)])
        #expect(extractor.watchedEntities(in: "Boats were stranded on the Amazon as water fell.").isEmpty)
    }

    @Test("a generational suffix must be the watched person's own")
    func generations() {
        let extractor = Extractor(watch: [WatchEntry(id: "trump", name: "Donald Trump", kind: .person),
                                          WatchEntry(id: "jr", name: "Donald Trump Jr.", kind: .person)])
        func found(_ text: String) -> [String] { extractor.watchedEntities(in: text).compactMap(\.watch) }
        #expect(found("Donald Trump Jr. spoke.") == ["jr"])
        #expect(found("Trump Jr. spoke.") == ["jr"])
        #expect(found("Donald Trump said he would appeal. Trump added more.") == ["trump", "trump"])
    }

    @Test("a courtesy title of the other gender is someone else")
    func honorifics() {
        let extractor = Extractor(watch: [WatchEntry(id: "macron", name: "Emmanuel Macron", kind: .person)])
        #expect(extractor.watchedEntities(in: "Mrs Macron visited a hospital.").isEmpty)
        #expect(extractor.watchedEntities(in: "Mr Macron visited a hospital.").compactMap(\.watch) == ["macron"])
    }

    @Test("names in links never count")
    func links() {
        #expect(Self.found("Read more at https://news.example/Hamas-Erdogan") == [])
    }
}

@Suite("Watched-entity linking, common nouns")
struct CommonNounLinkingTests {
    static let extractor = Extractor(watch: [
        WatchEntry(id: "apple", name: "Apple", kind: .organization),
        WatchEntry(id: "turkey", name: "Turkey", kind: .location),
    ])

    @Test("a company or country name heading a food or farming noun is the common noun", arguments: [
        ("Apple growers in Washington expect a record harvest.", [String]()),
        ("Apple pie recipes for the holidays", []),
        ("Turkey dinner prices rose again this year.", []),
        ("Turkey's farmers protested in Ankara.", ["turkey"]),
        ("Apple shares fell 3 percent.", ["apple"]),
    ])
    func commonNouns(text: String, expected: [String]) {
        #expect(Self.extractor.watchedEntities(in: text).compactMap(\.watch) == expected)
    }
}
