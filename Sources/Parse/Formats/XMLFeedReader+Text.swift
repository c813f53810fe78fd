import Foundation
import Model

/// Atom text constructs (RFC 4287 §3.1) and their RSS counterparts.
extension XMLFeedReader {
    /// The current element's value: plain text for titles, sanitised HTML otherwise.
    /// Atom `type` is text, html or xhtml (Atom 0.3 adds `mode="escaped|xml|base64"`).
    func textConstruct(plain: Bool) -> String? {
        let type = reader.attribute("type")?.lowercased() ?? "text"
        let mode = reader.attribute("mode")?.lowercased()
        let base = reader.baseURI
        let isXHTML = type == "xhtml" || type == "application/xhtml+xml" || mode == "xml"
        var html: String
        var isMarkup: Bool
        if isXHTML {
            html = xhtmlContent()
            isMarkup = true
        } else {
            html = reader.elementText()
            if mode == "base64", let data = Data(base64Encoded: html, options: .ignoreUnknownCharacters) {
                html = String(decoding: data, as: UTF8.self)
            }
            // In RSS every value may carry escaped HTML; in Atom only type="html" does.
            let isAtom = Namespace.family(reader.namespaceURI) == .atom
            isMarkup = !isAtom || type == "html" || type == "text/html" || mode == "escaped"
        }
        guard nonEmpty(html) != nil else { return nil }
        if plain {
            return nonEmpty(isMarkup ? HTMLText.plainText(html) : HTMLText.fold(html))
        }
        if !isMarkup {
            return nonEmpty(HTMLSanitizer.escape(html, quotes: false))
        }
        return nonEmpty(HTMLSanitizer.sanitize(html, base: base))
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
