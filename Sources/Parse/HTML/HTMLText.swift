/// HTML to the plain text the extractor reads: scripts, styles, comments and
/// attributes dropped, entities decoded, runs of white space folded. A line
/// break in the source is white space, as HTML renders it, so a name wrapped
/// across lines stays one name; block elements become a blank line.
package enum HTMLText {
    /// Elements whose content is never text a reader sees.
    static let invisible: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed",
        "svg", "math", "select", "textarea", "button",
    ]

    /// Elements that begin and end a line (HTML's block-level and line-breaking elements).
    static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "tr", "td", "th", "table", "thead", "tbody", "blockquote", "pre", "section", "article",
        "header", "footer", "aside", "nav", "figure", "figcaption", "hr", "address", "main",
        "caption", "details", "summary", "form", "fieldset", "body", "html",
    ]

    package static func plainText(_ html: String) -> String {
        // Text without markup or entities needs no parser.
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else {
            return fold(html)
        }
        var out = ""
        HTMLTree(html: html).walk(
            enter: { name, _ in
                if blocks.contains(name) { out += blockBreak }
                return !invisible.contains(name)
            },
            leave: { name in if blocks.contains(name) { out += blockBreak } },
            text: { out += $0 })
        return fold(out)
    }

    /// Marks a block boundary while text is collected; raw newlines are plain white space.
    private static let blockBreak = "\u{2029}"

    /// Folds white space (newlines included) to one space, turns block
    /// boundaries into one blank line, trims the ends.
    package static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingBreak = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{2029}" {
                pendingBreak = true
            } else if scalar.properties.isWhitespace {
                pendingSpace = true
            } else {
                if !result.isEmpty {
                    if pendingBreak { result.append(contentsOf: "\n\n".unicodeScalars) } else if pendingSpace { result.append(" ") }
                }
                pendingSpace = false
                pendingBreak = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
