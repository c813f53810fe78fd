import Testing
import Model
@testable import Extract

/// A watched name inside the name of something else, or a surname that the item
/// gives to someone else, with the shipped tagger.
@Suite("Watched names inside other names")
struct LongerNameTests {
    static let extractor = Extractor(watch: [
        WatchEntry(id: "ford", name: "Ford Motor Company", kind: .organization, aliases: ["Ford"]),
        WatchEntry(id: "wagner", name: "Wagner Group", kind: .organization, aliases: ["Wagner"]),
        WatchEntry(id: "sudan", name: "Sudan", kind: .location),
        WatchEntry(id: "guinea", name: "Guinea", kind: .location),
        WatchEntry(id: "scholz", name: "Olaf Scholz", kind: .person),
        WatchEntry(id: "netanyahu", name: "Benjamin Netanyahu", kind: .person),
        WatchEntry(id: "modi", name: "Narendra Modi", kind: .person),
    ])

    static func found(_ fields: String...) -> [String] {
        extractor.watchIDs(fields)
    }

    @Test("an institution named after a company is not the company")
    func namedAfter() {
        #expect(Self.found("The Ford Foundation pledged $1 billion on Thursday.") == [])
        #expect(Self.found("Ford Motor Co said it was recalling 300,000 trucks.") == ["ford"])
    }

    @Test("a longer place name of another country is not the watched country; one in it still is")
    func longerPlace() {
        #expect(Self.found("JUBA - South Sudan's president sacked his deputy on Tuesday.") == [])
        #expect(Self.found("Equatorial Guinea's vice president was questioned.") == [])
        #expect(Self.found("Gunfire broke out in Guinea-Bissau's capital.") == [])
        #expect(Self.found("Ships docked in Port Sudan as Sudan's army advanced.").contains("sudan"))
        #expect(Self.found("Guinea's junta set an election date.") == ["guinea"])
    }

    @Test("a company's name read as the surname of a person the item names is that person")
    func surnameOfNamedPerson() {
        #expect(Self.found("Bayreuth opens with Wagner's Ring", "The festival staged Richard Wagner's Ring cycle.") == [])
        #expect(Self.found("Wagner fighters left Mali, the Wagner Group said.").contains("wagner"))
    }

    @Test("a title the tagger takes into the name, and a transliterated first name, are still the person")
    func titlesAndVariants() {
        #expect(Self.found("Chancellor Scholz defended the budget.") == ["scholz"])
        #expect(Self.found("Prime Minister Binyamin Netanyahu spoke.") == ["netanyahu"])
        #expect(Self.found("Yair Netanyahu posted an attack on judges.") == [])
    }

    @Test("a lone surname introduced as someone new is someone else")
    func introducedAsSomeoneElse() {
        #expect(Self.found("Dr Modi joins faculty", "Dr Modi, a cardiologist trained in London, has joined the faculty.") == [])
        #expect(Self.found("Modi, the prime minister, spoke in Delhi.") == ["modi"])
    }
}

/// What an item defines or describes once, for every mention in it.
@Suite("Acronyms spelled out, companies described, given names")
struct ItemDefinitionTests {
    static let extractor = Extractor(watch: [
        WatchEntry(id: "hts", name: "Hayat Tahrir al-Sham", kind: .organization, aliases: ["HTS"]),
        WatchEntry(id: "tesla", name: "Tesla", kind: .organization),
        WatchEntry(id: "abiy", name: "Abiy Ahmed", kind: .person, aliases: ["Abiy"]),
    ])

    static func found(_ fields: String...) -> [String] {
        extractor.watchIDs(fields)
    }

    @Test("an acronym the item spells out as something else is not the watch; spelled out as its name, it is")
    func acronyms() {
        #expect(Self.found("Engineers laid HTS cables (high-temperature superconductors) in the trial.") == [])
        #expect(Self.found("Fighters of Hayat Tahrir al-Sham (HTS) took Aleppo, and HTS said so.").filter { $0 == "hts" }.count == 3)
        #expect(Self.found("The HTS leader spoke in Idlib.") == ["hts"])
    }

    @Test("a company's name in an all-capitals headline counts when the item calls it the company")
    func describedCompany() {
        #expect(Self.found("TESLA RECALLS 2 MILLION CARS", "AUSTIN - The carmaker said the recall covered its software.") == ["tesla"])
        #expect(Self.found("TESLA COILS ON SHOW", "LONDON - Visitors saw sparks fly at the museum.") == [])
    }

    @Test("a lone surname the item uses as someone else's given name is that person")
    func givenNameOfAnother() {
        #expect(Self.found("Another Ahmed", "LONDON - Footballer Ahmed Musa joined a Turkish club on Monday.") == [])
        #expect(Self.found("Mr Abiy spoke", "ADDIS ABABA - Prime Minister Abiy Ahmed addressed parliament.").contains("abiy"))
    }
}
