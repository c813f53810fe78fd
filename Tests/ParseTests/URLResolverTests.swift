import Testing
@testable import Parse

@Suite("URLResolver")
struct URLResolverTests {
    static let bases = [
        "https://a.example", "https://a.example/", "http://a.example/dir/feed.xml", "https://a.example/dir/sub/",
        "https://a.example/dir/feed.xml?x=1&y=2", "http://a.example:8080/d/", "https://a.example/a/./b/", "https://a.example/a/../b/c",
        "file:///tmp/pb/0.xml", "file:///", "file://host/share/feed.xml", "https://a.example/café/", "https://a.example/d%20x/",
        "https://a.example/dir/neu?ä=1",
    ]
    static let references = [
        "/news/1", "item/1", "item", "/", "a/b/c.html", "./x", "../x", "x/../y", "/a/./b", "?q=1", "#frag", "x?q=1",
        "//cdn.example/x", "https://b.example/p?q=1&r=2", "http://b.example/a b", "mailto:x@y.example", "a:b/c",
        "https://b.example/%20x", "https://b.example/é", "javascript:alert(1)", "..", ".", "x.", ".x/y", "https://b.example/(x)", "file:///etc/x", "/rel/7",
        "/münchen/straße", "naïve/1", "https://b.example/Erdoğan?q=ü", "https://b.example/é%20x", "é/../x",
    ]

    @Test("the common cases give exactly what resolving through libxml2 gives", arguments: bases)
    func commonCaseMatchesLibxml2(base: String) {
        for reference in Self.references {
            guard let fast = URLResolver.commonCase(reference, base) else { continue }
            #expect(fast == URLResolver.resolvedByLibxml2(reference, base), "\(reference) against \(base)")
        }
    }

    @Test("IRIs resolve as IRIs: non-ASCII letters stay letters, in the reference and in the base")
    func internationalised() {
        #expect(URLResolver.resolve("/münchen/1", against: "https://a.example/x") == "https://a.example/münchen/1")
        #expect(URLResolver.resolve("x/../straße", against: "https://a.example/café/feed") == "https://a.example/café/straße")
        #expect(URLResolver.resolve("item", against: "https://a.example/café/feed") == "https://a.example/café/item")
        #expect(URLResolver.resolve("https://b.example/Erdoğan", against: "https://a.example/") == "https://b.example/Erdoğan")
    }

    @Test("plain relative and absolute references take the common path")
    func commonCaseCovers() {
        #expect(URLResolver.commonCase("/news/1", "https://a.example/dir/feed.xml") == "https://a.example/news/1")
        #expect(URLResolver.commonCase("item/1", "https://a.example/dir/feed.xml?x=1") == "https://a.example/dir/item/1")
        #expect(URLResolver.commonCase("item", "https://a.example") == "https://a.example/item")
        #expect(URLResolver.commonCase("https://b.example/p?q=1", "https://a.example/") == "https://b.example/p?q=1")
        #expect(URLResolver.commonCase("../x", "https://a.example/d/") == nil)
        #expect(URLResolver.commonCase("/é/1", "https://a.example/d/") == "https://a.example/é/1")
    }
}
