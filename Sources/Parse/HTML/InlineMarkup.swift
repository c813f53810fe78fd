/// The text of markup that is nothing but plain inline tags (`<b>`, `<i>`,
/// `<em>`, `<a>` … without attributes) and text without references — most HTML
/// titles. For such input libxml2's HTML parser yields exactly the text between
/// the tags, so it is taken directly (a parser context per title costs more than
/// the title); anything else gives nil and goes to the parser.
enum InlineMarkup {
    /// Inline elements whose text is the reader's text (no block break, nothing hidden).
    static let tags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "time", "tt", "u", "var",
    ]

    static func text(_ html: String) -> String? {
        var out: [UInt8] = []
        var bytes = html
        let simple = bytes.withUTF8 { utf8 -> Bool in
            out.reserveCapacity(utf8.count)
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                if byte == UInt8(ascii: "&") || byte == UInt8(ascii: ">") { return false }
                guard byte == UInt8(ascii: "<") else {
                    out.append(byte)
                    i += 1
                    continue
                }
                // "<", an optional "/", a name, optional white space, ">": nothing else.
                var j = i + 1
                if j < utf8.count, utf8[j] == UInt8(ascii: "/") { j += 1 }
                let nameStart = j
                while j < utf8.count, isASCIILetterOrDigit(utf8[j]) { j += 1 }
                let nameEnd = j
                while j < utf8.count, utf8[j] == 32 { j += 1 }
                guard nameEnd > nameStart, j < utf8.count, utf8[j] == UInt8(ascii: ">") else { return false }
                guard tags.contains(ASCIICase.lowercased(utf8[nameStart..<nameEnd])) else { return false }
                i = j + 1
            }
            return true
        }
        return simple ? String(decoding: out, as: UTF8.self) : nil
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}
