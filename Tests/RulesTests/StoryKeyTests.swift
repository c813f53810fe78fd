import Testing
@testable import Rules

@Suite("Story keys")
struct StoryKeyTests {
    @Test("links of one story normalise alike", arguments: [
        "https://news.example/world/talks-1", "HTTPS://News.Example/world/talks-1/", "http://www.news.example/world/talks-1",
        "https://news.example:443/world/talks-1?utm_source=rss&utm_campaign=x#top", "https://amp.news.example/world/talks-1/amp",
        "https://news.example/world/talks-1?fbclid=abc&gclid=def", "https://news.example/world/talks-1?outputType=amp",
    ])
    func sameStory(link: String) {
        #expect(StoryKey.normalizedURL(link) == "//news.example/world/talks-1")
    }

    @Test("parameters that choose the page stay, sorted; other hosts and paths differ")
    func otherStories() {
        #expect(StoryKey.normalizedURL("https://e.example/article?id=7&page=2") == "//e.example/article?id=7&page=2")
        #expect(StoryKey.normalizedURL("https://e.example/article?page=2&id=7") == "//e.example/article?id=7&page=2")
        #expect(StoryKey.normalizedURL("https://e.example/article?id=8") != StoryKey.normalizedURL("https://e.example/article?id=7"))
        #expect(StoryKey.normalizedURL("https://e.example:8080/a") == "//e.example:8080/a")
        #expect(StoryKey.normalizedURL("ftp://e.example/a") == nil)
        #expect(StoryKey.normalizedURL("not a url") == nil)
    }

    @Test("a reworded copy stays within the similarity; another story does not")
    func simhash() {
        let title = "Erdoğan meets Hamas delegation in Ankara\n"
        let text = title + "Turkish President Recep Tayyip Erdoğan met a Hamas delegation in Ankara on Monday to discuss a ceasefire, officials said."
        let reworded = title + "Turkish President Recep Tayyip Erdoğan met a Hamas delegation in Ankara on Monday to discuss a ceasefire, officials told reporters."
        let other = "Hamas rejects Erdoğan proposal\nHamas said on Tuesday it rejected a proposal put forward by Recep Tayyip Erdoğan for a new round of talks in Istanbul."
        let limit = StoryKey.maxDistance(similarity: 0.9)
        #expect(limit == 6)
        #expect((StoryKey.simhash(text) ^ StoryKey.simhash(text.uppercased())).nonzeroBitCount == 0)
        #expect((StoryKey.simhash(text) ^ StoryKey.simhash(reworded)).nonzeroBitCount <= limit)
        #expect((StoryKey.simhash(text) ^ StoryKey.simhash(other)).nonzeroBitCount > limit)
    }

    @Test("two SimHashes within 7 bits share a band")
    func bands() {
        let a: UInt64 = 0x0123_4567_89AB_CDEF
        let b = a ^ 0b1000_0001_0000_0001_0000_0001_0000_0001_0000_0001_0000_0001_0000_0001  // 7 bits, one per band but the first
        #expect(!Set(StoryKey.bands(a)).isDisjoint(with: StoryKey.bands(b)))
        #expect(StoryKey.bands(a).count == 8)
    }
}
