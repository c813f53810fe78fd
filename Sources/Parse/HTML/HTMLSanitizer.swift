import Foundation
import Model

/// Rewrites summary and content HTML through an allowlist: no script, style
/// element, frames, objects or event handlers; no javascript:, vbscript: or
/// data: URLs; CSS reduced to presentational properties; relative URLs made
/// absolute against the entry's base.
package enum HTMLSanitizer {
    package static func sanitize(_ html: String, base: String?) -> String {
        // Plain text with at most a bare "&" needs no parser, only escaping.
        guard HTMLText.mayHoldMarkup(html) else { return escapeText(html).trimmed }
        return sanitize(markup: Array(html.utf8), base: base)
    }

    /// The same, for UTF-8 bytes known to hold markup (a feed field as collected).
    static func sanitize(markup html: [UInt8], base: String?) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.count)
        var open: [String] = []  // allowed elements left open, closed in order (at most maxDepth)
        var tokens = HTMLTokenizer(html)
        var skipping = ContentSkipper()
        while let token = tokens.next() {
            if skipping.consumes(token) { continue }
            switch token {
            case let .start(name, attributes, selfClosing):
                let rule = HTMLAllowlist.elementRules[name]
                if case let .dropWithContent(rawText) = rule {
                    if rawText { tokens.skipRawText(until: name) } else if !selfClosing { skipping.start(name) }
                    continue
                }
                // Unwrapped, its content kept: an element not on the list, or one nested absurdly deep.
                guard case let .keep(void) = rule, open.count < maxDepth || void else { continue }
                out.append(UInt8(ascii: "<"))
                out.append(contentsOf: name.utf8)
                for (key, value) in attributes {
                    guard let attributeRule = HTMLAllowlist.attributeRules[key],
                          let safe = safeValue(attributeRule, value, base: base) else { continue }
                    out.append(32)
                    out.append(contentsOf: key.utf8)
                    out.append(contentsOf: "=\"".utf8)
                    MarkupEscape.append(safe, to: &out, quotes: true)
                    out.append(34)
                }
                if void {
                    out.append(contentsOf: " />".utf8)
                } else if selfClosing {
                    out.append(contentsOf: "></".utf8)
                    out.append(contentsOf: name.utf8)
                    out.append(62)
                } else {
                    out.append(UInt8(ascii: ">"))
                    open.append(name)
                }
            case let .end(name):
                // The stack is at most maxDepth deep, so a stray end tag costs a bounded search.
                guard let index = open.lastIndex(of: name) else { continue }
                for closing in open[index...].reversed() { appendEndTag(closing, to: &out) }
                open.removeSubrange(index...)
            case let .text(bytes):
                appendText(bytes, to: &out)
            }
        }
        for closing in open.reversed() { appendEndTag(closing, to: &out) }
        return String(decoding: out, as: UTF8.self).trimmed
    }

    /// Deeper than this, allowed elements are unwrapped too (no reader nests 256 levels).
    static let maxDepth = 256

    /// Elements whose content is raw text, never markup.
    static let rawText: Set<String> = ["script", "style", "textarea", "xmp", "iframe", "noembed", "noframes"]

    private static func appendEndTag(_ name: String, to out: inout [UInt8]) {
        out.append(contentsOf: "</".utf8)
        out.append(contentsOf: name.utf8)
        out.append(62)
    }

    /// Text as written, made safe: "<" escaped, a bare "&" escaped, character references kept.
    /// Runs without "<" or "&" are copied whole.
    private static func appendText(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var run = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            i = bytes.withUnsafeBufferPointer { bytes.startIndex + HTMLText.markupScan.skipPlainWords($0, from: i - bytes.startIndex) }
            guard let found = bytes[i...].firstIndex(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { break }
            i = found + 1
            if bytes[found] == UInt8(ascii: "&"), let (scalar, length) = HTMLEntityDecoder.reference(bytes, at: found) {
                // A numeric reference to a C1 code point means Windows-1252: written as the character meant.
                if bytes[found + 1] == UInt8(ascii: "#"), scalar.value > 0x9F,
                   HTMLEntityDecoder.numericValue(bytes[found..<found + length]).map({ (0x80...0x9F).contains($0) }) == true {
                    out.append(contentsOf: bytes[run..<found])
                    out.append(contentsOf: "&#x\(String(scalar.value, radix: 16));".utf8)
                    run = found + length
                    i = run
                }
                continue
            }
            out.append(contentsOf: bytes[run..<found])
            out.append(contentsOf: bytes[found] == UInt8(ascii: "<") ? lessThan : ampersand)
            run = i
        }
        out.append(contentsOf: bytes[run...])
    }

    private static let lessThan: [UInt8] = Array("&lt;".utf8), ampersand: [UInt8] = Array("&amp;".utf8)

    private static func safeValue(_ rule: HTMLAllowlist.AttributeRule, _ value: String, base: String?) -> String? {
        switch rule {
        case .keep: value
        case .style: CSSSanitizer.clean(value)
        case .url: hasDangerousScheme(value) ? nil : URLResolver.resolve(value, against: base) ?? value
        }
    }

    /// javascript:, vbscript: or data:, however spaced out or cased: browsers ignore
    /// white space and control characters inside a scheme. The scheme's first
    /// bytes are packed into two words and compared there: no allocation per URL.
    static func hasDangerousScheme(_ value: String) -> Bool {
        var packed = PackedPrefix()
        for scalar in value.unicodeScalars {
            if scalar.value < 0x21 || (scalar.value > 0x7E && scalar.properties.isWhitespace) { continue }
            guard scalar.isASCII else { break }
            let byte = UInt8(scalar.value)
            packed.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            if byte == UInt8(ascii: ":") || packed.count == PackedPrefix.capacity { break }
        }
        return dangerousSchemes.contains { packed.starts(with: $0) }
    }

    private static let dangerousSchemes = ["javascript:", "vbscript:", "data:"].map { scheme in
        var packed = PackedPrefix()
        scheme.utf8.forEach { packed.append($0) }
        return packed
    }

    /// Up to 16 bytes held in two words.
    struct PackedPrefix {
        static let capacity = 16
        private var low: UInt64 = 0, high: UInt64 = 0
        private(set) var count = 0

        mutating func append(_ byte: UInt8) {
            guard count < Self.capacity else { return }
            if count < 8 { low |= UInt64(byte) << (8 * count) } else { high |= UInt64(byte) << (8 * (count - 8)) }
            count += 1
        }

        func starts(with prefix: PackedPrefix) -> Bool {
            guard prefix.count <= count else { return false }
            let lowMask: UInt64 = prefix.count >= 8 ? .max : (1 << (8 * UInt64(prefix.count))) - 1
            let highMask: UInt64 = prefix.count >= 16 ? .max : prefix.count <= 8 ? 0 : (1 << (8 * UInt64(prefix.count - 8))) - 1
            return low & lowMask == prefix.low && high & highMask == prefix.high
        }
    }

    /// Text content as feedparser writes it: "&" and "<" escaped, ">" left alone.
    static func escapeText(_ text: String) -> String {
        var copy = text
        guard copy.withUTF8({ $0.contains { $0 == 38 || $0 == 60 } }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 38: out += ampersand
            case 60: out += lessThan
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    package static func escape(_ text: String, quotes: Bool) -> String {
        var out: [UInt8] = []
        MarkupEscape.append(text, to: &out, quotes: quotes)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Inline CSS reduced to presentational declarations, following the rules of
/// Python feedparser's sanitizer (BSD 2-Clause): url() removed; the whole
/// attribute dropped unless it is made of harmless characters; properties from
/// an allowlist kept, and background/border/margin/padding ones only with
/// keyword, colour and length values.
enum CSSSanitizer {
    private static let urls = try? NSRegularExpression(pattern: #"url\s*\(\s*[^\s)]+?\s*\)\s*"#)
    private static let gauntlet = try? NSRegularExpression(pattern: #"^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$"#)
    private static let declaration = try? NSRegularExpression(pattern: #"([-\w]+)\s*:\s*([^:;]*)"#)
    private static let value = try? NSRegularExpression(pattern: #"^(#[0-9a-f]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d{0,2}\.?\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$"#)
    private static let keywords: Set<String> = [
        "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom", "brown", "center", "collapse", "dashed",
        "dotted", "fuchsia", "gray", "green", "!important", "italic", "left", "lime", "maroon", "medium", "none",
        "navy", "normal", "nowrap", "olive", "pointer", "purple", "red", "right", "solid", "silver", "teal", "top",
        "transparent", "underline", "white", "yellow",
    ]

    static func clean(_ style: String) -> String? {
        guard let urls, let gauntlet, let declaration, let value else { return nil }
        let stripped = urls.stringByReplacingMatches(in: style, range: NSRange(style.startIndex..., in: style), withTemplate: " ")
        let whole = NSRange(stripped.startIndex..., in: stripped)
        guard gauntlet.firstMatch(in: stripped, range: whole) != nil else { return nil }
        var kept: [String] = []
        for match in declaration.matches(in: stripped, range: whole) {
            guard let p = Range(match.range(at: 1), in: stripped), let v = Range(match.range(at: 2), in: stripped) else { continue }
            let property = String(stripped[p]), text = String(stripped[v])
            guard !text.isEmpty else { continue }
            let lower = property.lowercased()
            if HTMLAllowlist.cssProperties.contains(lower) {
                kept.append("\(property): \(text);")
            } else if ["background", "border", "margin", "padding"].contains(lower.split(separator: "-").first.map(String.init) ?? "") {
                let valid = text.split(separator: " ").allSatisfy { word in
                    keywords.contains(String(word)) || value.firstMatch(in: String(word), range: NSRange(word.startIndex..., in: word)) != nil
                }
                if valid { kept.append("\(property): \(text);") }
            }
        }
        return kept.isEmpty ? nil : kept.joined(separator: " ")
    }
}
