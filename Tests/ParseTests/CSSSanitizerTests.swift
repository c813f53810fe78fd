import Foundation
import Model
import Testing
@testable import Parse

/// The hand-written passes against the regular expressions feedparser writes
/// (sanitizer.py, `_HTMLSanitizer.sanitize_style`), run here by ICU.
@Suite("CSSSanitizer")
struct CSSSanitizerTests {
    static let urls = try! NSRegularExpression(pattern: #"url\s*\(\s*[^\s)]+?\s*\)\s*"#)
    static let gauntlet = try! NSRegularExpression(pattern: #"^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$"#)
    static let declaration = try! NSRegularExpression(pattern: #"([-\w]+)\s*:\s*([^:;]*)"#)

    /// The three steps the way the expressions do them.
    static func byExpressions(_ style: String) -> (stripped: String, passes: Bool, declarations: [String]) {
        let stripped = urls.stringByReplacingMatches(in: style, range: NSRange(style.startIndex..., in: style), withTemplate: " ")
        let whole = NSRange(stripped.startIndex..., in: stripped)
        let passes = gauntlet.firstMatch(in: stripped, range: whole) != nil
        let found = declaration.matches(in: stripped, range: whole).compactMap { match -> String? in
            guard let p = Range(match.range(at: 1), in: stripped), let v = Range(match.range(at: 2), in: stripped) else { return nil }
            return "\(stripped[p])=\(stripped[v])"
        }
        return (stripped, passes, found)
    }

    static func byPasses(_ style: String) -> (stripped: String, passes: Bool, declarations: [String]) {
        let stripped = CSSSanitizer.withoutURLs(Array(style.unicodeScalars))
        let found = CSSSanitizer.declarations(stripped).map { property, value in
            var text = String.UnicodeScalarView()
            text.append(contentsOf: property)
            text.append("=")
            text.append(contentsOf: value)
            return String(text)
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: stripped)
        return (String(text), CSSSanitizer.passesGauntlet(stripped), found)
    }

    static let pieces = [
        "color", ":", " ", "red", ";", "-", "font-weight", "400", "url", "(", ")", "'", "\"", "x", "a-b", "1,2",
        "#fff", "!important", "\t", "\n", "é", "ü", "_", "/", "\\", "=", "background", "url(javascript:alert(1))",
        "url( a.png )", "expression", "&", "٣", "\u{00A0}", "\u{2028}", "rgb(1,2,3)", "%", ".", "b-", "-c",
    ]

    @Test("url() removal, the gauntlet and the declarations match the regular expressions on 20,000 generated styles")
    func matchesExpressions() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let style = (0..<Int.random(in: 1...9, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let expected = Self.byExpressions(style), actual = Self.byPasses(style)
            #expect(actual.stripped == expected.stripped, "url() in \(style.debugDescription)")
            #expect(actual.passes == expected.passes, "gauntlet on \(style.debugDescription)")
            #expect(actual.declarations == expected.declarations, "declarations in \(style.debugDescription)")
        }
    }

    @Test("keeps presentational declarations, drops url() and unsafe styles", arguments: [
        ("font-weight: 400;", "font-weight: 400;"),
        ("color: red; background: url(http://x/a.png)", "color: red;"),
        ("border-top-color: red; margin: 0 auto", "border-top-color: red; margin: 0 auto;"),
        ("color: expression(alert(1))", nil),
        ("a-b-c: red", nil),
        ("position: absolute; color: blue", "color: blue;"),
    ] as [(String, String?)])
    func cleans(style: String, expected: String?) {
        #expect(CSSSanitizer.clean(style) == expected)
    }

    @Test("remembered answers are the answers, past the 512 styles remembered at once")
    func remembered() {
        let styles = (0..<1_200).map { "color: red; margin: \($0 % 700)px; position: absolute" }
        for _ in 0..<2 {
            for style in styles { #expect(CSSSanitizer.clean(style) == CSSSanitizer.reduce(style)) }
        }
        #expect(CSSSanitizer.clean("margin: 7px; x: y") == "margin: 7px;")
    }

    @Test("a long style is read in linear time: the gauntlet has no backtracking to blow up")
    func longStyle() {
        let style = String(repeating: "a-b", count: 20_000) + "'"
        #expect(CSSSanitizer.clean(style) == nil)
    }
}
