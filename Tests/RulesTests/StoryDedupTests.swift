import Testing
import Model
import Rules

@Suite("StoryDedup")
struct StoryDedupVerdictTests {
    static func mark(_ story: String, rule: String = "r", url: String? = nil, simhash: UInt64 = 0) -> StoryMark {
        StoryMark(story: story, rule: rule, url: url, simhash: simhash, bands: [])
    }

    @Test("a copy that fired the same rule suppresses; by link or by near text")
    func suppressed() {
        let new = Self.mark("new", url: "//a.example/x", simhash: 0b1111)
        #expect(StoryDedup.verdict(for: new, among: [Self.mark("old", url: "//a.example/x", simhash: ~0)], maxBits: 6) == .suppressed(by: "old"))
        #expect(StoryDedup.verdict(for: new, among: [Self.mark("old", simhash: 0b0011)], maxBits: 6) == .suppressed(by: "old"))
    }

    @Test("a copy that fired another rule lends its story; text too far apart is a story of its own")
    func joinsOrNot() {
        let new = Self.mark("new", simhash: 0)
        #expect(StoryDedup.verdict(for: new, among: [Self.mark("old", rule: "other", simhash: 0b111)], maxBits: 6) == .fires(story: "old"))
        #expect(StoryDedup.verdict(for: new, among: [Self.mark("old", simhash: 0b111_1111)], maxBits: 6) == .fires(story: "new"))
        #expect(StoryDedup.verdict(for: new, among: [], maxBits: 6) == .fires(story: "new"))
    }
}
