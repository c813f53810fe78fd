import Testing
import Model
@testable import Parse

@Suite("HTML to plain text")
struct HTMLTextTests {
    @Test("drops scripts, styles, comments and attributes; decodes entities")
    func dropsInvisible() {
        let text = HTMLText.plainText("<p title=\"Hamas\">A&amp;B &eacute;t&eacute;</p><script>var x = 'Hamas';</script><style>.x{}</style><!-- Hamas -->")
        #expect(text == "A&B été")
    }

    @Test("block elements become paragraph breaks, <br> a line break, source newlines spaces")
    func blocks() {
        #expect(HTMLText.plainText("<p>One\nline</p><p>Two</p>") == "One line\n\nTwo")
        #expect(HTMLText.plainText("a<br>b") == "a\nb")
        #expect(HTMLText.plainText("<p>a<br/></p><p>b</p>") == "a\n\nb")
    }

    @Test("a name split by inline markup stays one word")
    func inlineMarkup() {
        #expect(HTMLText.plainText("<em>Ha</em>mas and <b>Erdo</b>ğan") == "Hamas and Erdoğan")
    }

    @Test("an object's fallback text is text; an embed hides nothing after it")
    func objectAndEmbed() {
        #expect(HTMLText.plainText("safe<object classid=\"clsid:x\"> description") == "safe description")
        #expect(HTMLText.plainText("safe<embed src=\"http://x/\"> description") == "safe description")
    }

    @Test("folding: folded text comes back as it is, every kind of white space becomes one space", arguments: [
        ("Erdoğan meets Kalın", "Erdoğan meets Kalın"), ("a  b", "a b"), (" a", "a"), ("a ", "a"), ("a\tb", "a b"),
        ("a\u{00A0}b", "a b"), ("a\u{3000}b", "a b"), ("a\u{2009}\u{2009}b", "a b"), ("a\u{1680}b", "a b"),
        ("a\u{2029}b", "a\n\nb"), ("", ""), ("\u{2014} \u{2019}", "\u{2014} \u{2019}"),
    ])
    func folding(text: String, expected: String) {
        #expect(HTMLText.fold(text) == expected)
    }

    @Test("text without markup is only folded")
    func plain() {
        #expect(HTMLText.plainText("  Hello \n  world  ") == "Hello world")
    }
}

@Suite("HTML sanitising by allowlist")
struct HTMLSanitizerTests {
    @Test("removes scripts, handlers and dangerous URLs, keeps safe markup")
    func sanitises() {
        let out = HTMLSanitizer.sanitize(
            "<p onclick='x()'>Hi <a href='JavaScript:alert(1)'>a</a> <a href=' data:text/html,x'>b</a><iframe src='x'></iframe><b>ok</b></p>",
            base: "https://example.org/")
        #expect(out == "<p>Hi <a>a</a> <a>b</a><b>ok</b></p>")
    }

    @Test("resolves relative URLs against the base")
    func resolves() {
        #expect(HTMLSanitizer.sanitize("<a href=\"/x?a=1&amp;b=2\">x</a>", base: "https://example.org/feed")
            == "<a href=\"https://example.org/x?a=1&amp;b=2\">x</a>")
    }

    @Test("escapes text so it cannot become markup")
    func escapes() {
        #expect(HTMLSanitizer.sanitize("a &lt;script&gt; b", base: nil) == "a &lt;script&gt; b")  // references kept as written
        #expect(HTMLSanitizer.sanitize("<b>&#X61;</b> &#x62; &#150;", base: nil) == "<b>&#x61;</b> &#x62; &#x2013;")
    }
}

@Suite("HTML sanitising, hostile cases")
struct HTMLSanitizerHostileTests {
    @Test("drops what could run, whatever the spelling", arguments: [
        ("<a href=\"jav&#x61;script:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\" JAVASCRIPT:alert(1)\">x</a>", "<a>x</a>"),
        ("<img src=x onerror=alert(1)>", "<img src=\"https://h.example/x\" />"),
        ("<scr<script>ipt>alert(1)</script>", "ipt>alert(1)"),
        ("<script>a</script  >b", "b"),
        ("<style>p{}</style><p style=\"background:url(javascript:x)\">t</p>", "<p>t</p>"),
        ("<svg><script>x</script></svg>ok", "<svg></svg>ok"),
        ("<svg onload=\"alert(1)\"><animate attributeName=\"href\" to=\"javascript:alert(1)\"/><set to=\"x\"/></svg>", "<svg></svg>"),
        ("<svg><use href=\"https://evil.example/x.svg#a\"/><foreignObject><p>in</p></foreignObject></svg>", "<svg></svg>"),
        ("<svg><a href=\"javascript:alert(2)\">x</a></svg>", "<svg><a>x</a></svg>"),
        ("<math><annotation-xml encoding=\"text/html\"><b>in</b></annotation-xml></math>", "<math></math>"),
        ("<b>unclosed <i>tags", "<b>unclosed <i>tags</i></b>"),
        ("</b>stray end", "stray end"),
        ("<!-- <script>x</script> -->visible", "visible"),
        ("a < b & c", "a &lt; b &amp; c"),
    ])
    func hostile(input: String, expected: String) {
        #expect(HTMLSanitizer.sanitize(input, base: "https://h.example/") == expected)
    }

    @Test("keeps inline SVG that draws and MathML that typesets, as feedparser does")
    func svgAndMathML() {
        let svg = ##"<svg viewBox="0 0 30 20" xmlns="http://www.w3.org/2000/svg"><circle cx="15" cy="10" r="5" fill="#f00"/><path d="M0 0L1 1" stroke="#000"/></svg>"##
        #expect(HTMLSanitizer.sanitize(svg, base: nil)
            == ##"<svg viewbox="0 0 30 20" xmlns="http://www.w3.org/2000/svg"><circle cx="15" cy="10" r="5" fill="#f00"></circle><path d="M0 0L1 1" stroke="#000"></path></svg>"##)
        #expect(HTMLSanitizer.sanitize("<math><mfrac><mi>a</mi><mn>2</mn></mfrac></math>", base: nil)
            == "<math><mfrac><mi>a</mi><mn>2</mn></mfrac></math>")
    }

    @Test("finds a dangerous scheme however it is spaced or cased, and nothing else", arguments: [
        ("javascript:alert(1)", true), (" JaVaScRiPt:x", true), ("java\tscript:x", true), ("java\u{0}script:x", true),
        ("vbscript:x", true), ("data:text/html,x", true), ("\u{2003}data:x", true),
        ("https://x.example/javascript:", false), ("javascript", false), ("javas", false), ("datax:y", false),
        ("jävascript:x", false), ("", false), ("/relative", false),
    ])
    func dangerousScheme(value: String, dangerous: Bool) {
        #expect(HTMLSanitizer.hasDangerousScheme(value) == dangerous)
    }

    @Test("generated markup fragments never trap it, and what comes out holds nothing that runs")
    func generated() {
        let pieces = ["<", ">", "</", "/>", "&", "&#", "&#x", "&#X", ";", "=", "\"", "'", " ", "a", "b", "p", "script",
                      "style", "href", "src", "onclick", "javascript:", "style=", "url(", ")", "é", "\u{2028}", "<!--", "-->",
                      "<![CDATA[", "]]>", "&amp", "&nbsp;", "&#150;", "&#0;", "x-y-z", "img", "a-very-long-attribute-name-indeed"]
        var random = SeededGenerator(seed: 11)
        for _ in 0..<5_000 {
            let html = (0..<Int.random(in: 1...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let clean = HTMLSanitizer.sanitize(html, base: "https://h.example/")
            #expect(Self.onlyAllowedTags(clean), "\(html.debugDescription) gave \(clean.debugDescription)")
        }
        // The check itself tells safe from unsafe.
        #expect(Self.onlyAllowedTags("<a href=\"https://x.example/\" title=\"a b\">t</a> a &lt; b"))
        #expect(!Self.onlyAllowedTags("<a onclick=\"x()\">t</a>"))
        #expect(!Self.onlyAllowedTags("<script>x</script>"))
        #expect(!Self.onlyAllowedTags("<a href=\"javascript:x\">t</a>"))
        #expect(!Self.onlyAllowedTags("a < b"))
    }

    /// Every "<" of the output opens a tag of the allowlist whose attributes are
    /// on the allowlist, with no dangerous URL (text "<" is always escaped).
    static func onlyAllowedTags(_ html: String) -> Bool {
        guard let tag = try? Regex(#"^<(/?)([a-z0-9]+)((?: [a-z:-]+="[^"<]*")*)( /)?>"#) else { return false }
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            guard let match = try? tag.prefixMatch(in: rest[open...]), let name = match[2].substring else { return false }
            guard HTMLAllowlist.elements.contains(String(name)) else { return false }
            let attributes = match[3].substring ?? ""
            for pair in attributes.matches(of: /([a-z:-]+)="([^"]*)"/) {
                let key = String(pair.1), value = String(pair.2)
                guard HTMLAllowlist.attributes.contains(key), !key.hasPrefix("on") else { return false }
                if HTMLAllowlist.urlAttributes.contains(key), HTMLSanitizer.hasDangerousScheme(value) { return false }
            }
            rest = rest[match.range.upperBound...]
        }
        return true
    }

    @Test("nesting past 256 levels unwraps the deeper elements; stray end tags change nothing")
    func deepNesting() {
        let html = String(repeating: "<b>", count: 1_000) + "x" + String(repeating: "</i>", count: 1_000)
        let clean = HTMLSanitizer.sanitize(html, base: nil)
        #expect(clean == String(repeating: "<b>", count: 256) + "x" + String(repeating: "</b>", count: 256))
    }
}

@Suite("Inline markup taken without the HTML parser")
struct InlineMarkupTests {
    @Test("gives the same text as libxml2's HTML parser, on every simple input", arguments: 0..<8)
    func sameAsParser(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed + 1))
        let pieces = ["Erdoğan", " ", "  ", "\n", "talks", "Kalın's", "—", "x", "<b>", "</b>", "<I>", "</i>", "<em>",
                      "</EM>", "<a>", "</a>", "<span >", "</span>", "<small>", "</small>", "</strong>", "3", "🙂", "\t"]
        var compared = 0
        for _ in 0..<200 {
            let html = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            guard let text = InlineMarkup.text(html) else { continue }
            compared += 1
            #expect(HTMLText.fold(text) == HTMLText.parsedText(html), "\(html.debugDescription)")
        }
        #expect(compared == 200)  // every input of these pieces is simple
    }

    @Test("a footnote mark or index is set apart from the word before it")
    func supAndSub() {
        #expect(HTMLText.plainText("<p>Vladimir Putin<sup>1</sup> spoke of H<sub>2</sub>O.</p>") == "Vladimir Putin 1 spoke of H 2 O.")
    }

    @Test("anything but plain inline tags and text goes to the parser", arguments: [
        "a &amp; b", "<b class=\"x\">y</b>", "<p>para</p>", "<br>", "<script>x</script>", "a < b", "a > b",
        "<!-- c -->x", "<b", "<1>", "<fw-fragment>",
    ])
    func notSimple(html: String) {
        #expect(InlineMarkup.text(html) == nil)
    }
}

@Suite("HTMLEntityDecoder")
struct HTMLEntityDecoderTests {
    @Test("reads references as HTML writes them, C1 numbers as Windows-1252, and rejects what is not one", arguments: [
        ("&#8230;", "\u{2026}"), ("&#x2026;", "\u{2026}"), ("&#X2026;", "\u{2026}"), ("&#150;", "\u{2013}"),
        ("&#x96;", "\u{2013}"), ("&nbsp;", "\u{A0}"), ("&amp;", "&"), ("&eacute;", "é"), ("&#00065;", "A"),
        ("&#+65;", "A"), ("&#99999999999;", nil), ("&#xFFFFFFFFF;", nil), ("&#x;", nil), ("&#;", nil), ("&#0;", nil),
        ("&#xD800;", nil), ("&#12a;", nil), ("&bogus;", nil), ("&amp", nil),
    ] as [(String, String?)])
    func reference(text: String, expected: String?) {
        let bytes = ArraySlice(Array(text.utf8))
        let decoded = HTMLEntityDecoder.reference(bytes, at: bytes.startIndex)
        #expect(decoded.map { String($0.0) } == expected, "\(text)")
        if decoded != nil { #expect(decoded?.1 == bytes.count) }
    }

    @Test("attribute values decode references between runs copied whole")
    func values() {
        #expect(HTMLEntityDecoder.decode(ArraySlice(Array("a?x=1&amp;y=&#50;&z".utf8))) == "a?x=1&y=2&z")
        #expect(HTMLEntityDecoder.numericValue(ArraySlice(Array("&#x92;".utf8))) == 0x92)
        #expect(HTMLEntityDecoder.numericValue(ArraySlice(Array("&#146;".utf8))) == 146)
        #expect(HTMLEntityDecoder.numericValue(ArraySlice(Array("&amp;".utf8))) == nil)
    }
}

@Suite("PackedNameTable")
struct PackedNameTableTests {
    @Test("finds every allowlisted name, case folded, and nothing else")
    func allowlist() {
        for name in HTMLAllowlist.attributes {
            #expect(HTMLAllowlist.attributeRules[PackedName(folding: Array(name.uppercased().utf8))!] != nil, "\(name)")
        }
        for name in HTMLAllowlist.elements {
            guard case .keep? = HTMLAllowlist.elementRules[PackedName(name)!] else { Issue.record("\(name)"); continue }
        }
        for name in ["onclick", "script2", "xx", "hreff", "sty", "", "bordercolorlighx"] {
            #expect(HTMLAllowlist.attributeRules[PackedName(name)!] == nil, "\(name)")
        }
        let name = { (index: Int) -> PackedName in PackedName(folding: Array("n\(index)".utf8))! }
        let table = PackedNameTable(Dictionary(uniqueKeysWithValues: (0..<500).map { (name($0), $0) }))
        #expect((0..<500).allSatisfy { table[name($0)] == $0 })
        #expect(table[name(500)] == nil)
    }
}
