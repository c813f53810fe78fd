import Foundation
import Model

/// Rewrites summary and content HTML through an allowlist: no script, style
/// element, frames, objects or event handlers; no javascript:, vbscript: or
/// data: URLs; CSS reduced to presentational properties; relative URLs made
/// absolute against the entry's base.
package enum HTMLSanitizer {
    package static func sanitize(_ html: String, base: String?) -> String {
        var out = ""
        HTMLTree(html: html).walk(
            enter: { name, attributes in
                if HTMLAllowlist.droppedWithContent.contains(name) { return false }
                guard HTMLAllowlist.elements.contains(name) else { return true }  // unwrap: keep the children
                out += "<" + name
                for (key, value) in attributes where HTMLAllowlist.attributes.contains(key) {
                    guard let safe = safeValue(key, value, base: base) else { continue }
                    out += " \(key)=\"\(escape(safe, quotes: true))\""
                }
                out += HTMLAllowlist.void.contains(name) ? " />" : ">"
                return !HTMLAllowlist.void.contains(name)
            },
            leave: { name in
                if HTMLAllowlist.elements.contains(name), !HTMLAllowlist.void.contains(name) { out += "</\(name)>" }
            },
            text: { out += escapeText($0) })
        return out.trimmed
    }

    private static func safeValue(_ key: String, _ value: String, base: String?) -> String? {
        if key == "style" { return CSSSanitizer.clean(value) }
        guard HTMLAllowlist.urlAttributes.contains(key) else { return value }
        let scheme = value.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value >= 0x20 }
            .prefix(12).map(String.init).joined().lowercased()
        if scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") || scheme.hasPrefix("data:") {
            return nil
        }
        return URLResolver.resolve(value, against: base) ?? value
    }

    /// Text content as feedparser writes it: "&" and "<" escaped, ">" left alone.
    static func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
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

/// Inline CSS reduced to presentational declarations.
enum CSSSanitizer {
    static func clean(_ style: String) -> String? {
        let lower = style.lowercased()
        // Anything that can load or run something voids the whole attribute.
        for danger in ["url(", "expression", "javascript:", "vbscript:", "@import", "\\", "behavior", "-moz-binding"]
        where lower.contains(danger) { return nil }
        var kept: [String] = []
        for declaration in style.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let property = parts[0].trimmed.lowercased()
            let value = parts[1].trimmed
            guard !value.isEmpty, HTMLAllowlist.cssProperties.contains(property) else { continue }
            kept.append("\(property): \(value);")
        }
        return kept.isEmpty ? nil : kept.joined(separator: " ")
    }
}
