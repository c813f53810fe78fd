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
        var open: [PackedName] = []  // allowed elements left open, closed in order (at most maxDepth)
        var tokens = HTMLTokenizer(html)
        var skipping = ContentSkipper()
        var value: [UInt8] = []  // an attribute's decoded value (storage reused)
        while let token = tokens.next() {
            if skipping.consumes(token) { continue }
            switch token {
            case let .start(name?, selfClosing):
                let rule = HTMLAllowlist.elementRules[name]
                if case let .dropWithContent(rawText) = rule {
                    if rawText { tokens.skipRawText(until: name) } else if !selfClosing { skipping.start(name) }
                    continue
                }
                // Unwrapped, its content kept: an element not on the list, or one nested absurdly deep.
                guard case let .keep(void) = rule, open.count < maxDepth || void else { continue }
                out.append(UInt8(ascii: "<"))
                name.append(to: &out)
                for attribute in tokens.attributes {
                    guard let key = attribute.name, let attributeRule = HTMLAllowlist.attributeRules[key] else { continue }
                    value.removeAll(keepingCapacity: true)
                    HTMLEntityDecoder.append(decoding: tokens.bytes[attribute.value], to: &value)
                    appendAttribute(key, attributeRule, value, base: base, to: &out)
                }
                if void {
                    out.append(contentsOf: " />".utf8)
                } else if selfClosing {
                    out.append(contentsOf: "></".utf8)
                    name.append(to: &out)
                    out.append(62)
                } else {
                    out.append(UInt8(ascii: ">"))
                    open.append(name)
                }
            case .start(nil, _): continue  // a name no allowlist holds: unwrapped
            case let .end(name):
                // The stack is at most maxDepth deep, so a stray end tag costs a bounded search.
                guard let name, let index = open.lastIndex(of: name) else { continue }
                for closing in open[index...].reversed() { appendEndTag(closing, to: &out) }
                open.removeSubrange(index...)
            case let .text(bytes):
                appendText(bytes, to: &out)
            }
        }
        for closing in open.reversed() { appendEndTag(closing, to: &out) }
        return String(decoding: out, as: UTF8.self).trimmed
    }

    /// ` key="value"`, the value made safe by the attribute's rule; nothing when it is not safe.
    private static func appendAttribute(_ key: PackedName, _ rule: HTMLAllowlist.AttributeRule, _ value: [UInt8],
                                        base: String?, to out: inout [UInt8]) {
        var safe: String
        switch rule {
        case .keep:
            return value.withUnsafeBufferPointer { appendPair(key, $0, to: &out) }
        case .style:
            guard let clean = CSSSanitizer.clean(String(decoding: value, as: UTF8.self)) else { return }
            safe = clean
        case .url:
            // Most links in feeds are absolute web URLs: safe, and resolved to themselves.
            if value.withUnsafeBufferPointer(URLResolver.isAbsoluteAsWritten) {
                return value.withUnsafeBufferPointer { appendPair(key, $0, to: &out) }
            }
            let url = String(decoding: value, as: UTF8.self)
            guard !hasDangerousScheme(url) else { return }
            safe = URLResolver.resolve(url, against: base) ?? url
        }
        safe.withUTF8 { appendPair(key, $0, to: &out) }
    }

    private static func appendPair(_ key: PackedName, _ value: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(32)
        key.append(to: &out)
        out.append(contentsOf: "=\"".utf8)
        MarkupEscape.append(value, to: &out, quotes: true)
        out.append(34)
    }

    /// Deeper than this, allowed elements are unwrapped too (no reader nests 256 levels).
    static let maxDepth = 256

    /// Elements whose content is raw text, never markup.
    static let rawText: Set<String> = ["script", "style", "textarea", "xmp", "iframe", "noembed", "noframes"]

    private static func appendEndTag(_ name: PackedName, to out: inout [UInt8]) {
        out.append(contentsOf: "</".utf8)
        name.append(to: &out)
        out.append(62)
    }

    /// Text as written, made safe: "<" escaped, a bare "&" escaped, character references kept.
    /// A text token holds "<" only as its first byte (one that opens no tag):
    /// past it, only "&" needs a look, and runs without one are copied whole.
    private static func appendText(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var run = bytes.startIndex
        if bytes.first == UInt8(ascii: "<") {
            out.append(contentsOf: lessThan)
            run += 1
        }
        var i = run
        while i < bytes.endIndex {
            i = bytes.withUnsafeBufferPointer { bytes.startIndex + ampersandScan.skipPlainWords($0, from: i - bytes.startIndex) }
            guard i < bytes.endIndex else { break }
            let found = i
            i += 1
            if let (scalar, length) = HTMLEntityDecoder.reference(bytes, at: found) {
                // A numeric reference to a C1 code point means Windows-1252: written as the character meant.
                if bytes[found + 1] == UInt8(ascii: "#"), scalar.value > 0x9F,
                   HTMLEntityDecoder.numericValue(bytes[found..<found + length]).map({ (0x80...0x9F).contains($0) }) == true {
                    out.append(contentsOf: bytes[run..<found])
                    out.append(contentsOf: "&#x\(String(scalar.value, radix: 16));".utf8)
                    run = found + length
                    i = run
                } else if bytes[found + 1] == UInt8(ascii: "#"), bytes[found + 2] == UInt8(ascii: "X") {
                    // "&#X61;" is written "&#x61;", as HTML serialisers (and feedparser) write it.
                    out.append(contentsOf: bytes[run..<(found + 2)])
                    out.append(UInt8(ascii: "x"))
                    run = found + 3
                    i = found + length
                }
                continue
            }
            out.append(contentsOf: bytes[run..<found])
            out.append(contentsOf: ampersand)
            run = i
        }
        out.append(contentsOf: bytes[run...])
    }

    private static let ampersandScan = ByteScan(stoppingAt: [UInt8(ascii: "&")])
    private static let lessThan: [UInt8] = Array("&lt;".utf8), ampersand: [UInt8] = Array("&amp;".utf8)

    /// javascript:, vbscript: or data:, however spaced out or cased: browsers ignore
    /// white space and control characters inside a scheme. The scheme's first
    /// bytes are packed into two words and compared there: no allocation per URL.
    static func hasDangerousScheme(_ value: String) -> Bool {
        var packed = PackedName()
        for scalar in value.unicodeScalars {
            if scalar.value < 0x21 || (scalar.value > 0x7E && scalar.properties.isWhitespace) { continue }
            guard scalar.isASCII else { break }
            let byte = UInt8(scalar.value)
            packed.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            if byte == UInt8(ascii: ":") || packed.count == PackedName.capacity { break }
        }
        return dangerousSchemes.contains { packed.starts(with: $0) }
    }

    private static let dangerousSchemes: [PackedName] = [PackedName("javascript:"), PackedName("vbscript:"), PackedName("data:")]

    /// Text content as feedparser writes it: "&" and "<" escaped, ">" left alone.
    static func escapeText(_ text: String) -> String {
        var copy = text
        let plain = copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return true }
            return memchr(base, 38, bytes.count) == nil && memchr(base, 60, bytes.count) == nil
        }
        guard !plain else { return text }
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
