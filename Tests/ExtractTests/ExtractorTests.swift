import Testing
import Model
@testable import Extract

@Suite("Entity extraction")
struct ExtractorTests {
    static let extractor = Extractor(watch: [])

    @Test("finds people, organisations and places with offsets into the text")
    func entities() {
        let text = "🙂 Turkish President Recep Tayyip Erdoğan met NATO officials in Brussels on Monday."
        let entities = Self.extractor.entities(in: text)
        let scalars = Array(text.unicodeScalars)
        for entity in entities {
            #expect(String(String.UnicodeScalarView(scalars[entity.start..<entity.end])) == entity.text)
        }
        #expect(entities.contains { $0.text == "Recep Tayyip Erdoğan" && $0.type == .person })
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

    @Test("survives junk, empty text, long tokens and other scripts", arguments: [
        "", String(repeating: "A", count: 100_000), "أردوغان يلتقي وفد حماس في إسطنبول", "Ο Ερντογάν συναντήθηκε με τον Μητσοτάκη",
        "Erdoğan İstanbul'da Hamas heyetini kabul etti", String(repeating: "\u{0}\u{1}\u{FFFD}x ", count: 5_000),
    ])
    func junk(text: String) {
        let entities = Self.extractor.entities(in: text)
        let count = text.unicodeScalars.count
        #expect(entities.allSatisfy { $0.start >= 0 && $0.start < $0.end && $0.end <= count })
    }
}
