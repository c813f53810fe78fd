import Foundation

/// Inline CSS reduced to presentational declarations, following the rules of
/// Python feedparser's sanitizer (BSD 2-Clause):
/// 1. `url(…)` removed;
/// 2. the whole attribute dropped unless it is made of harmless pieces (the
///    "gauntlet": safe characters, `\w-\w`, quoted words, parenthesised numbers);
/// 3. properties from an allowlist kept, and background/border/margin/padding
///    ones only with keyword, colour and length values.
/// feedparser writes these as regular expressions; here each is a single pass
/// over the scalars (the gauntlet as a reachability table), with the same
/// answers (`CSSSanitizerTests` compares them with the expressions), in linear time.
enum CSSSanitizer {
    static func clean(_ style: String) -> String? {
        guard style.utf8.count <= StyleMemory.longest else { return reduce(style) }
        if let known = memory.answer(for: style) { return known }
        let answer = reduce(style)
        memory.remember(answer, for: style)
        return answer
    }

    /// Styles repeat: an editor writes the same `font-weight: 400;` on every
    /// span of every item. Answers for styles of up to 256 bytes are
    /// remembered, up to 512 distinct styles (then forgotten all at once), so
    /// hostile variety costs at most a few hundred kilobytes.
    private static let memory = StyleMemory()

    private final class StyleMemory: @unchecked Sendable {
        static let longest = 256
        // Safe to share: `answers` is read and written only under `lock`.
        private let lock = NSLock()
        private var answers: [String: String?] = [:]

        func answer(for style: String) -> String?? { lock.withLock { answers[style] } }

        func remember(_ answer: String?, for style: String) {
            lock.withLock {
                if answers.count >= 512 { answers.removeAll(keepingCapacity: true) }
                answers[style] = answer
            }
        }
    }

    static func reduce(_ style: String) -> String? {
        let scalars = withoutURLs(Array(style.unicodeScalars))
        guard passesGauntlet(scalars) else { return nil }
        var kept: [String] = []
        for (propertyScalars, valueScalars) in declarations(scalars) {
            let property = string(propertyScalars), text = string(valueScalars)
            guard !text.isEmpty else { continue }
            let lower = property.lowercased()
            if HTMLAllowlist.cssProperties.contains(lower) {
                kept.append("\(property): \(text);")
            } else if ["background", "border", "margin", "padding"].contains(lower.split(separator: "-").first.map(String.init) ?? "") {
                let valid = text.split(separator: " ").allSatisfy { word in keywords.contains(String(word)) || isPresentational(String(word)) }
                if valid { kept.append("\(property): \(text);") }
            }
        }
        return kept.isEmpty ? nil : kept.joined(separator: " ")
    }

    typealias Scalars = ArraySlice<Unicode.Scalar>

    /// `url\s*\(\s*[^\s)]+?\s*\)\s*` replaced by one space.
    static func withoutURLs(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if let end = urlEnd(s, from: i) {
                out.append(" ")
                i = end
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    private static func urlEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 3 < s.count, s[start] == "u", s[start + 1] == "r", s[start + 2] == "l" else { return nil }
        var i = skipSpace(s, from: start + 3)
        guard i < s.count, s[i] == "(" else { return nil }
        i = skipSpace(s, from: i + 1)
        let target = i
        while i < s.count, s[i] != ")", !isSpace(s[i]) { i += 1 }
        guard i > target else { return nil }
        i = skipSpace(s, from: i)
        guard i < s.count, s[i] == ")" else { return nil }
        return skipSpace(s, from: i + 1)
    }

    /// `^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$`:
    /// which prefixes can be cut into those pieces, left to right.
    static func passesGauntlet(_ s: [Unicode.Scalar]) -> Bool {
        var reachable = [Bool](repeating: false, count: s.count + 1)
        reachable[0] = true
        for i in 0..<s.count where reachable[i] {
            let c = s[i]
            if isSafeCharacter(c) { reachable[i + 1] = true }
            if i + 2 < s.count, isWord(c), s[i + 1] == "-", isWord(s[i + 2]) { reachable[i + 3] = true }
            if c == "'" || c == "\"", let end = closing(c, in: s, after: i, allowed: { isSpace($0) || isWord($0) }) {
                reachable[end + 1] = true
            }
            if c == "(", let end = closing(")", in: s, after: i, allowed: { isDigit($0) || $0 == "," || isSpace($0) }) {
                reachable[end + 1] = true
            }
        }
        return reachable[s.count]
    }

    /// The index of `close` after a non-empty run of allowed scalars from `open + 1`.
    private static func closing(_ close: Unicode.Scalar, in s: [Unicode.Scalar], after open: Int,
                                allowed: (Unicode.Scalar) -> Bool) -> Int? {
        var j = open + 1
        while j < s.count, allowed(s[j]) { j += 1 }
        return j > open + 1 && j < s.count && s[j] == close ? j : nil
    }

    /// Every match of `([-\w]+)\s*:\s*([^:;]*)`, left to right, as findall gives them.
    static func declarations(_ s: [Unicode.Scalar]) -> [(Scalars, Scalars)] {
        var found: [(Scalars, Scalars)] = []
        var p = 0
        while p < s.count {
            guard isNameScalar(s[p]) else { p += 1; continue }
            var nameEnd = p
            while nameEnd < s.count, isNameScalar(s[nameEnd]) { nameEnd += 1 }
            var colon = skipSpace(s, from: nameEnd)
            // Any match starting inside this name would end it at the same place, and fail the same way.
            guard colon < s.count, s[colon] == ":" else { p = nameEnd; continue }
            colon = skipSpace(s, from: colon + 1)
            var valueEnd = colon
            while valueEnd < s.count, s[valueEnd] != ":", s[valueEnd] != ";" { valueEnd += 1 }
            found.append((s[p..<nameEnd], s[colon..<valueEnd]))
            p = valueEnd
        }
        return found
    }

    private static func skipSpace(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count, isSpace(s[i]) { i += 1 }
        return i
    }

    private static func string(_ scalars: Scalars) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    // Character classes as regular expressions read them (Unicode \w, \s, \d).
    private static func isSafeCharacter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let byte = UInt8(c.value)
            return (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || ":,;#%.!".unicodeScalars.contains(c)
                || isSpace(c)
        }
        return isSpace(c)
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c == " " || (c.value >= 9 && c.value <= 13)) : c.properties.isWhitespace
    }

    static func isWord(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let byte = UInt8(c.value)
            return (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
        }
        let properties = c.properties
        return properties.isAlphabetic || properties.numericType == .decimal || properties.generalCategory == .connectorPunctuation
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
            || properties.generalCategory == .enclosingMark || c.value == 0x200C || c.value == 0x200D
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c.value >= 0x30 && c.value <= 0x39) : c.properties.numericType == .decimal
    }

    private static func isNameScalar(_ c: Unicode.Scalar) -> Bool { c == "-" || isWord(c) }

    /// A background/border/margin/padding value word: a colour or a length (rare: a regular expression does).
    private static func isPresentational(_ word: String) -> Bool {
        guard let value else { return false }
        return value.firstMatch(in: word, range: NSRange(word.startIndex..., in: word)) != nil
    }

    private static let value = try? NSRegularExpression(pattern: #"^(#[0-9a-f]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d{0,2}\.?\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$"#)
    private static let keywords: Set<String> = [
        "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom", "brown", "center", "collapse", "dashed",
        "dotted", "fuchsia", "gray", "green", "!important", "italic", "left", "lime", "maroon", "medium", "none",
        "navy", "normal", "nowrap", "olive", "pointer", "purple", "red", "right", "solid", "silver", "teal", "top",
        "transparent", "underline", "white", "yellow",
    ]
}
