import Testing
@testable import Parse

@Suite("URLResolver")
struct URLResolverTests {
    static let bases = [
        "https://a.example", "https://a.example/", "http://a.example/dir/feed.xml", "https://a.example/dir/sub/",
        "https://a.example/dir/feed.xml?x=1&y=2", "http://a.example:8080/d/", "https://a.example/a/./b/", "https://a.example/a/../b/c",
        "file:///tmp/pb/0.xml", "file:///", "file://host/share/feed.xml",
    ]
    static let references = [
        "/news/1", "item/1", "item", "/", "a/b/c.html", "./x", "../x", "x/../y", "/a/./b", "?q=1", "#frag", "x?q=1",
        "//cdn.example/x", "https://b.example/p?q=1&r=2", "http://b.example/a b", "mailto:x@y.example", "a:b/c",
        "https://b.example/%20x", "https://b.example/é", "javascript:alert(1)", "..", ".", "x.", ".x/y", "https://b.example/(x)", "file:///etc/x", "/rel/7",
    ]

    @Test("the common cases give exactly what libxml2's xmlBuildURI gives", arguments: bases)
    func commonCaseMatchesLibxml2(base: String) {
        for reference in Self.references {
            guard let fast = URLResolver.commonCase(reference, base) else { continue }
            #expect(fast == URLResolver.build(reference, base), "\(reference) against \(base)")
        }
    }

    @Test("plain relative and absolute references take the common path")
    func commonCaseCovers() {
        #expect(URLResolver.commonCase("/news/1", "https://a.example/dir/feed.xml") == "https://a.example/news/1")
        #expect(URLResolver.commonCase("item/1", "https://a.example/dir/feed.xml?x=1") == "https://a.example/dir/item/1")
        #expect(URLResolver.commonCase("item", "https://a.example") == "https://a.example/item")
        #expect(URLResolver.commonCase("https://b.example/p?q=1", "https://a.example/") == "https://b.example/p?q=1")
        #expect(URLResolver.commonCase("../x", "https://a.example/d/") == nil)
    }
}
