import Testing
import Model
@testable import Extract

/// The item-level revisions of the tagger's entities, with the shipped model.
@Suite("Reading a whole item: span edges, sports, headlines, one name one type")
struct ItemReadingTests {
    static let extractor = Extractor(watch: [])

    static func entities(_ text: String) -> [String] {
        extractor.entities(in: text).map { "\($0.type.rawValue) \($0.text)" }
    }

    @Test("empty and punctuation-only texts have no entities and do not trap", arguments: ["", "\n", ".", " - ", "\n\n\n"])
    func empty(text: String) {
        #expect(Self.extractor.entities(in: text).isEmpty)
    }

    @Test("a name stops before a lower-case common noun")
    func spanEdges() {
        let found = Self.entities("Erdogan spoke to the Anadolu news agency on Monday.")
        #expect(!found.contains("ORG Anadolu news"))
        // A lower-case word that is also a given name ("rose") does not end a name either.
        #expect(!Self.entities("Fires in the Amazon rose by a third in August.").contains { $0.hasSuffix(" rose") })
    }

    @Test("a person's name takes in an unlisted given name before it, but not a title, a day or a common word")
    func givenNameBefore() {
        #expect(Self.entities("On Monday Recep Tayyip Erdoğan met a Hamas delegation.").contains("PERSON Recep Tayyip Erdoğan"))
        let titled = Self.entities("Later Comptroller Bill Thompson spoke, and on Monday Ismail Haniyeh left.")
        #expect(titled.contains("PERSON Bill Thompson"))
        #expect(titled.contains("PERSON Ismail Haniyeh"))
    }

    @Test("every name of a results line is a team")
    func resultsTable() {
        let found = Self.entities("SOCCER - ENGLISH LEAGUE RESULTS .\nArsenal 2 Derby 2\nChelsea 2 Everton 2\n")
        for team in ["Arsenal", "Derby", "Chelsea", "Everton"] { #expect(found.contains("ORG \(team)")) }
    }

    @Test("in a sports story a city that plays is a team; a country stays a place")
    func sportsStory() {
        let found = Self.entities("Leeds beat Coventry 2-1 in the league on Saturday. The striker scored twice as Pakistan watched.")
        #expect(found.contains("ORG Coventry"))
        #expect(!found.contains("LOC Coventry"))
        #expect(!found.contains("ORG Pakistan"))
    }

    @Test("a long sports item and a long all-capitals item are read in one pass (each revision was once quadratic)")
    func longItems() {
        let sports = "The league match. " + (0..<5000).map { "Leeds beat Chelsea \($0) and Ankara Rovers striker Ali scored." }.joined(separator: " ")
        #expect(Self.extractor.entities(in: sports).filter { $0.type == .org && $0.text == "Chelsea" }.count == 5000)
        let hamas = Extractor(watch: [WatchEntry(id: "hamas", name: "Hamas", kind: .organization)])
        let capitals = (0..<5000).map { "HAMAS HAMAS SAID \($0)." }.joined(separator: " ")
        #expect(hamas.watchedEntities(in: capitals).isEmpty)  // capitals only, nothing outside them
        #expect(hamas.watchedEntities(inFields: [capitals, "Hamas said so."]).map(\.count) == [10_000, 1])
    }

    @Test("an all-capitals headline takes the body's types and drops guesses the body does not support")
    func headline() {
        let found = Self.entities("TURKEY 'S ERDOGAN HOSTS HAMAS DELEGATION .\nANKARA 2026-11-29\nPresident Tayyip Erdogan met a Hamas delegation on Saturday .")
        #expect(found.contains("PERSON ERDOGAN"))
        #expect(found.contains("ORG HAMAS"))
        #expect(!found.contains { $0.contains("HOSTS") })
    }
}
