import Foundation
import Model

/// Atom text constructs (RFC 4287 §3.1) and their RSS counterparts.
extension XMLFeedReader {
    /// What a text construct's attributes say about its content. Only Atom says
    /// what a text is; RSS values are HTML.
    func textType(_ tag: XMLStartTag, _ family: Namespace.Family) -> TextType {
        let isAtom = family == .atom || defaultFamily == .atom
        guard isAtom else { return TextType(isAtom: false, type: "html", mode: nil) }
        return TextType(isAtom: true, type: tag.attribute("type")?.trimmed.lowercased() ?? "text",
                        mode: tag.attribute("mode")?.lowercased())
    }

    /// A construct's value: plain text for titles, sanitised HTML otherwise.
    func construct(_ capture: FieldCapture, _ type: TextType, plain: Bool) -> String? {
        // The common case — HTML written escaped, or in CDATA — is sanitised from the
        // collected bytes, without making a String of them first.
        if !plain, !type.isInlineXML, !capture.hasMarkup, type.mode != "base64", !(type.isAtom && Self.isBase64MediaType(type.type)),
           !type.isAtom || type.isEscapedHTML || type.mode == "escaped" {
            let holdsMarkup = capture.text.withUnsafeBufferPointer(HTMLText.mayHoldMarkup)
            return nonEmpty(holdsMarkup ? HTMLSanitizer.sanitize(markup: capture.text, base: capture.base)
                                        : HTMLSanitizer.escapeText(capture.string))
        }
        var value: String
        var isMarkup: Bool
        if type.isInlineXML {
            // Atom 1.0 drops the wrapping xhtml:div (RFC 4287 §3.1.1.3); Atom 0.3 kept it.
            value = type.type == "xhtml" ? Self.xhtmlContent(capture.innerXML) : capture.innerXML.trimmed
            isMarkup = true
        } else if !type.isEscapedHTML, capture.hasMarkup {
            // Markup written as XML inside the element, not escaped: read it as HTML.
            value = capture.innerXML
            isMarkup = true
        } else {
            value = capture.string
            if type.mode == "base64" || (type.isAtom && Self.isBase64MediaType(type.type)),
               let data = Data(base64Encoded: value.trimmed, options: .ignoreUnknownCharacters) {
                value = String(decoding: data, as: UTF8.self)
            }
            // In RSS every value may carry escaped HTML; in Atom only type="html" does.
            isMarkup = !type.isAtom || type.isEscapedHTML || type.mode == "escaped"
                || (type.mode == "base64" && type.type.contains("html"))
        }
        if plain {
            return nonEmpty(isMarkup ? HTMLText.plainText(value) : HTMLText.fold(value))
        }
        // Plain text stays plain text, as feedparser gives it (RFC 4287 §3.1.1.1).
        return nonEmpty(isMarkup ? HTMLSanitizer.sanitize(value, base: capture.base) : value)
    }

    /// Atom content of a media type that is neither text nor XML is base64 (RFC 4287 §4.1.3.3).
    static func isBase64MediaType(_ type: String) -> Bool {
        guard type.contains("/" as Character) else { return false }
        return !type.hasPrefix("text/") && !type.hasSuffix("+xml") && !type.hasSuffix("/xml")
    }

    /// The markup inside an xhtml construct, without its wrapping xhtml:div (RFC 4287 §3.1.1.3).
    private static func xhtmlContent(_ markup: String) -> String {
        let inner = markup.trimmed
        // Searched as bytes: "<" and ">" are ASCII, so their indices are scalar boundaries.
        let bytes = inner.utf8
        guard inner.hasPrefix("<div") || inner.hasPrefix("<xhtml:div"), inner.hasSuffix("div>"),
              let close = bytes.firstIndex(of: UInt8(ascii: ">")), let end = bytes.lastIndex(of: UInt8(ascii: "<")) else { return inner }
        guard close < end else { return "" }
        return String(inner[bytes.index(after: close)..<end])
    }
}
