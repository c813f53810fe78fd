import Testing
import Model
@testable import Extract

@Suite("WatchOverlap finds entries that would match the same words")
struct WatchOverlapTests {
    @Test("the same spelling after folding, and a spelling that is another person's surname")
    func overlaps() {
        let found = WatchOverlap.find(in: [
            WatchEntry(id: "jordan", name: "Jordan", kind: .location),
            WatchEntry(id: "mj", name: "Michael Jordan", kind: .person),
            WatchEntry(id: "erdogan", name: "Recep Tayyip Erdoğan", kind: .person, aliases: ["Erdogan"]),
            WatchEntry(id: "erdogan2", name: "Tayyip Erdogan", kind: .person, aliases: ["Erdoğan"]),
            WatchEntry(id: "zelensky", name: "Zelenskyy", kind: .person),
            WatchEntry(id: "zelensky2", name: "Zelensky", kind: .person),
            WatchEntry(id: "hamas", name: "Hamas", kind: .organization),
        ])
        #expect(found.map(\.description) == [
            "watch[0] \u{201C}Jordan\u{201D} is also the surname of watch[1]; each mention goes to one by its context",
            "watch[2] and watch[3] both match \u{201C}Erdogan\u{201D}",
            "watch[4] and watch[5] both match \u{201C}Zelenskyy\u{201D}",
        ])
    }

    @Test("distinct names do not overlap")
    func distinct() {
        #expect(WatchOverlap.find(in: [WatchEntry(id: "a", name: "Hamas", kind: .organization),
                                       WatchEntry(id: "b", name: "Hezbollah", kind: .organization)]).isEmpty)
    }
}
