import Foundation
import Model

/// Rewrites summary and content HTML through an allowlist: no script, style,
/// frames, objects, forms or event handlers; no javascript:, vbscript: or data:
/// URLs; relative URLs made absolute against the entry's base.
package enum HTMLSanitizer {
    /// Dropped with everything inside them.
    static let dropped: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
        "input", "button", "select", "textarea", "noscript", "template", "base", "link", "meta",
        "head", "title", "svg", "math", "param",
    ]

    static let allowed: Set<String> = [
        "a", "abbr", "acronym", "address", "b", "big", "blockquote", "br", "caption", "center", "cite",
        "code", "col", "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
        "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "audio", "video", "source",
        "picture", "section", "article", "aside", "header", "footer", "details", "summary",
    ]

    static let void: Set<String> = ["br", "hr", "img", "col", "source"]

    static let allowedAttributes: Set<String> = [
        "href", "src", "alt", "title", "width", "height", "cite", "datetime", "colspan", "rowspan",
        "lang", "dir", "start", "type", "controls", "poster", "srcset", "align", "valign", "abbr",
    ]

    static let urlAttributes: Set<String> = ["href", "src", "cite", "poster"]

    package static func sanitize(_ html: String, base: String?) -> String {
        var out = ""
        HTMLTree(html: html).walk(
            enter: { name, attributes in
                if dropped.contains(name) { return false }
                guard allowed.contains(name) else { return true }  // unwrap: keep the children
                out += "<" + name
                for (key, value) in attributes where allowedAttributes.contains(key) {
                    guard let safe = safeValue(key, value, base: base) else { continue }
                    out += " \(key)=\"\(escape(safe, quotes: true))\""
                }
                out += ">"
                return !void.contains(name)
            },
            leave: { name in
                if allowed.contains(name), !void.contains(name) { out += "</\(name)>" }
            },
            text: { out += escape($0, quotes: false) })
        return out.trimmed
    }

    private static func safeValue(_ key: String, _ value: String, base: String?) -> String? {
        guard urlAttributes.contains(key) else { return value }
        let scheme = value.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value >= 0x20 }
            .prefix(12).map(String.init).joined().lowercased()
        if scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") || scheme.hasPrefix("data:") {
            return nil
        }
        return URLResolver.resolve(value, against: base) ?? value
    }

    package static func escape(_ text: String, quotes: Bool) -> String {
        var copy = text
        let clean = copy.withUTF8 { bytes in !bytes.contains { $0 == 38 || $0 == 60 || $0 == 62 || (quotes && $0 == 34) } }
        if clean { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 38: out += Array("&amp;".utf8)
            case 60: out += Array("&lt;".utf8)
            case 62: out += Array("&gt;".utf8)
            case 34 where quotes: out += Array("&quot;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
