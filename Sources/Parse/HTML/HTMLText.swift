import Model

/// HTML to the plain text the extractor reads: scripts, styles, comments and
/// attributes dropped, entities decoded, runs of white space folded. A line
/// break in the source is white space, as HTML renders it, so a name wrapped
/// across lines stays one name; block elements become a blank line.
package enum HTMLText {
    /// Elements whose content is never text a reader sees. (An object's content
    /// is its fallback, shown where the object is not: text, as feedparser keeps
    /// it; an embed is void, and a parser that does not know so would hide
    /// whatever follows it.)
    static let invisible: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "iframe",
        "svg", "math", "select", "textarea", "button",
    ]

    /// Elements that begin and end a block of text (HTML's block-level elements).
    static let blocks: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "tr", "td", "th", "table", "thead", "tbody", "blockquote", "pre", "section", "article",
        "header", "footer", "aside", "nav", "figure", "figcaption", "hr", "address", "main",
        "caption", "details", "summary", "form", "fieldset", "body", "html",
    ]

    /// Footnote marks and indices: set apart from the word they follow, so "Putin<sup>1</sup>"
    /// reads "Putin 1", not a word "Putin1".
    static let apart: Set<String> = ["sup", "sub"]

    /// Parsed by libxml2's HTML parser (a forgiving tree builder: the text a
    /// browser would show is what the extractor reads).
    package static func plainText(_ html: String) -> String {
        // Text without markup or entities needs no parser.
        guard mayHoldMarkup(html) else { return fold(html) }
        if let text = InlineMarkup.text(html) { return fold(text) }
        return parsedText(html)
    }

    /// The text libxml2's HTML parser finds in `html`.
    static func parsedText(_ html: String) -> String {
        var html = html
        // libxml2's HTML parser checks attributes for duplicates pair by pair: a
        // tag with thousands of them would cost minutes. The text stops before it.
        if html.utf8.count > 4 * AttributeFlood.maxAttributesPerTag {
            let bytes = Array(html.utf8)
            if let hostile = AttributeFlood.firstFloodedTag(bytes, quotedOnly: false) {
                html = String(decoding: bytes[..<hostile], as: UTF8.self)
            }
        }
        var out = ""
        HTMLTree(html: html).walk(
            enter: { name, _ in
                if blocks.contains(name) { out += blockBreak } else if name == "br" { out += lineBreak } else if apart.contains(name) { out += " " }
                return !invisible.contains(name)
            },
            leave: { name in if blocks.contains(name) { out += blockBreak } else if apart.contains(name) { out += " " } },
            text: { out += $0 })
        return fold(out)
    }

    /// Marks a block boundary while text is collected; raw newlines are plain white space.
    private static let blockBreak = "\u{2029}"
    /// Marks a `<br>`: one line break, which ends a line but not a sentence or a name
    /// ("Xi<br>Jinping" is one name, as the browser's wrapped line shows it).
    private static let lineBreak = "\u{2028}"

    static let markupScan = ByteScan(stoppingAt: [UInt8(ascii: "<"), UInt8(ascii: "&")])
    /// Stops at white space, controls and non-ASCII: what `fold` must look at.
    private static let wordScan = ByteScan(stoppingAt: [], below: 0x21, nonASCII: true)

    /// Does the text hold a tag or a character reference ("&amp;", "&#8211;")? A
    /// bare "&" ("Tom & Jerry") is just text.
    package static func mayHoldMarkup(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8(mayHoldMarkup)
    }

    static func mayHoldMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            i = markupScan.skipPlainWords(bytes, from: i)
            guard i < bytes.count else { return false }
            let b = bytes[i]
            if b == UInt8(ascii: "<") { return true }
            if b == UInt8(ascii: "&") {
                var j = i + 1
                while j < bytes.count, j - i <= 32, bytes[j] == UInt8(ascii: "#") || (bytes[j] < 0x80 && (bytes[j] | 0x20 >= 0x61 && bytes[j] | 0x20 <= 0x7A || bytes[j] >= 0x30 && bytes[j] <= 0x39)) {
                    j += 1
                }
                if j > i + 1, j < bytes.count, bytes[j] == UInt8(ascii: ";") { return true }
            }
            i += 1
        }
        return false
    }

    /// Folds white space (newlines included) to one space, turns block
    /// boundaries into one blank line and `<br>` into one newline, trims the ends. Works on UTF-8 bytes;
    /// only non-ASCII scalars are asked whether they are white space.
    /// Already folded: single ASCII spaces between words, none at either end,
    /// no other white space and no lead byte of a non-ASCII space or the block
    /// marker. Most titles are: they are returned as they are.
    private static func isFolded(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 32, last != 32 else { return bytes.isEmpty }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte < 32 || byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3) || (byte == 32 && previous == 32) { return false }
                previous = byte
            }
            return true
        }
    }

    package static func fold(_ text: String) -> String {
        if isFolded(text) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var pendingBreak = false
        var pendingLine = false
        var copy = text
        copy.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                var length = 1
                var isSpace = false, isBreak = false, isLine = false
                if b < 0x80 {
                    isSpace = b == 32 || (b >= 9 && b <= 13)
                } else {
                    length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA9 {
                        isBreak = true  // U+2029, the block marker
                    } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 {
                        isLine = true  // U+2028, the line marker
                    } else if b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 {
                        let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<min(i + length, bytes.count)]), as: UTF8.self).unicodeScalars.first
                        isSpace = scalar?.properties.isWhitespace ?? false
                    }
                }
                if isBreak {
                    pendingBreak = true
                } else if isLine {
                    pendingLine = true
                } else if isSpace {
                    pendingSpace = true
                } else {
                    if !out.isEmpty {
                        if pendingBreak { out.append(10); out.append(10) } else if pendingLine { out.append(10) } else if pendingSpace { out.append(32) }
                    }
                    pendingSpace = false
                    pendingBreak = false
                    pendingLine = false
                    if b < 0x80 {
                        // A run of printable ASCII goes over whole.
                        var end = wordScan.skipPlainWords(bytes, from: i + 1)
                        while end < bytes.count, bytes[end] > 0x20, bytes[end] < 0x80 { end += 1 }
                        length = end - i
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<min(i + length, bytes.count)]))
                }
                i += length
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

}
