import Foundation
import Model

/// Atom text constructs (RFC 4287 §3.1) and their RSS counterparts.
extension XMLFeedReader {
    /// The current element's value: plain text for titles, sanitised HTML otherwise.
    /// Atom `type` is text, html or xhtml (Atom 0.3 adds `mode="escaped|xml|base64"`).
    func textConstruct(plain: Bool) -> String? {
        let isAtom = Namespace.family(reader.namespaceURI) == .atom || defaultFamily == .atom
        // Only Atom says what a text is; RSS values are HTML, and asking libxml2 costs an allocation.
        let type = isAtom ? reader.attribute("type")?.trimmed.lowercased() ?? "text" : "html"
        let mode = isAtom ? reader.attribute("mode")?.lowercased() : nil
        var value: String
        var isMarkup: Bool
        if type == "xhtml" || type == "application/xhtml+xml" || mode == "xml" {
            // Atom 1.0 drops the wrapping xhtml:div (RFC 4287 §3.1.1.3); Atom 0.3 kept it.
            value = type == "xhtml" ? xhtmlContent() : reader.innerXML().trimmed
            isMarkup = true
        } else if !(isAtom && (type == "html" || type == "text/html")), reader.hasElementChildren {
            // Markup written as XML inside the element, not escaped: read it as HTML.
            value = reader.innerXML()
            isMarkup = true
        } else {
            value = reader.elementText()
            if mode == "base64" || (isAtom && Self.isBase64MediaType(type)),
               let data = Data(base64Encoded: value.trimmed, options: .ignoreUnknownCharacters) {
                value = String(decoding: data, as: UTF8.self)
            }
            // In RSS every value may carry escaped HTML; in Atom only type="html" does.
            isMarkup = !isAtom || type == "html" || type == "text/html" || mode == "escaped"
                || (mode == "base64" && type.contains("html"))
        }
        guard !value.trimmed.isEmpty else { return nil }
        if plain {
            return nonEmpty(isMarkup ? HTMLText.plainText(value) : HTMLText.fold(value))
        }
        // Plain text stays plain text, as feedparser gives it (RFC 4287 §3.1.1.1).
        return nonEmpty(isMarkup ? HTMLSanitizer.sanitize(value, base: reader.baseURI) : value.trimmed)
    }

    /// Atom content of a media type that is neither text nor XML is base64 (RFC 4287 §4.1.3.3).
    static func isBase64MediaType(_ type: String) -> Bool {
        guard type.contains("/") else { return false }
        return !type.hasPrefix("text/") && !type.hasSuffix("+xml") && !type.hasSuffix("/xml")
    }

    /// The markup inside an xhtml construct, without its wrapping xhtml:div (RFC 4287 §3.1.1.3).
    private func xhtmlContent() -> String {
        let inner = reader.innerXML().trimmed
        guard inner.hasPrefix("<div"), inner.hasSuffix("</div>"),
              let close = inner.firstIndex(of: ">") else { return inner }
        let body = inner[inner.index(after: close)..<inner.index(inner.endIndex, offsetBy: -6)]
        return String(body)
    }
}
