import Model

/// A forgiving HTML tokenizer over UTF-8 bytes, for sanitising: start tags
/// with their attributes, end tags, text. Comments, doctypes and processing
/// instructions are skipped; a "<" that starts no tag is text. It never builds a
/// tree and makes no String: names are packed (`PackedName`), attribute values
/// are ranges of the bytes, undecoded.
struct HTMLTokenizer {
    enum Token {
        /// The tag's attributes are in `attributes` until the next token. A name
        /// longer than 16 bytes (no element the allowlist knows) is nil.
        case start(name: PackedName?, selfClosing: Bool)
        case end(name: PackedName?)
        /// Raw text as written (entities not decoded).
        case text(ArraySlice<UInt8>)
    }

    struct Attribute {
        /// The name, lower-cased; nil past 16 bytes (no attribute the allowlist knows).
        var name: PackedName?
        /// Where the name and the value (quotes excluded, entities not decoded) are; no "=" is an empty value.
        var nameRange: Range<Int>
        var value: Range<Int>
    }

    let bytes: [UInt8]
    private var i = 0
    /// The attributes of the last start tag: the first of a repeated name wins.
    private(set) var attributes: [Attribute] = []
    /// No element in real HTML carries more attributes than this.
    static let maxAttributes = 64
    private static let tagScan = ByteScan(stoppingAt: [UInt8(ascii: "<")])

    init(_ html: [UInt8]) { bytes = html }

    /// The next token, or nil at the end.
    mutating func next() -> Token? {
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count {
            let c = bytes[i + 1]
            if c == UInt8(ascii: "!") || c == UInt8(ascii: "?") {
                skipDeclaration()
                return next()
            }
            if c == UInt8(ascii: "/"), i + 2 < bytes.count, isLetter(bytes[i + 2]) {
                return endTag()
            }
            if isLetter(c) { return startTag() }
        }
        // Text up to the next "<" that could open something.
        let start = i
        i += 1
        while i < bytes.count, bytes[i] != UInt8(ascii: "<") {
            i = bytes.withUnsafeBufferPointer { Self.tagScan.skipPlainWords($0, from: i + 1) }
        }
        i = min(i, bytes.count)
        return .text(bytes[start..<i])
    }

    /// Skips raw text up to `</name` (script, style): their content is never markup.
    mutating func skipRawText(until name: PackedName) {
        var close = [UInt8(ascii: "<"), UInt8(ascii: "/")]
        name.append(to: &close)
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), i + close.count <= bytes.count,
               zip(bytes[i..<i + close.count], close).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                return
            }
            i += 1
        }
    }

    private mutating func skipDeclaration() {
        if bytes[i...].starts(with: [0x3C, 0x21, 0x2D, 0x2D]) {  // "<!--"
            i += 4
            while i + 2 < bytes.count, !(bytes[i] == 45 && bytes[i + 1] == 45 && bytes[i + 2] == 62) { i += 1 }
            i = min(i + 3, bytes.count)
            return
        }
        while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
        i = min(i + 1, bytes.count)
    }

    private mutating func endTag() -> Token {
        i += 2
        let name = readName()
        while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
        i = min(i + 1, bytes.count)
        return .end(name: name)
    }

    private mutating func startTag() -> Token {
        i += 1
        let name = readName()
        attributes.removeAll(keepingCapacity: true)
        var selfClosing = false
        while i < bytes.count {
            skipSpace()
            guard i < bytes.count else { break }
            let c = bytes[i]
            if c == UInt8(ascii: ">") { i += 1; break }
            if c == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
            let key = readAttributeName()
            guard !key.isEmpty else { i += 1; continue }
            skipSpace()
            var value = i..<i
            if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                i += 1
                skipSpace()
                value = readAttributeValue()
            }
            // The first of a repeated attribute wins; past `maxAttributes` the rest are
            // read and dropped, so a tag with thousands of them stays linear.
            if attributes.count < Self.maxAttributes, !attributes.contains(where: { sameName($0.nameRange, key) }) {
                attributes.append(Attribute(name: PackedName(folding: bytes[key]), nameRange: key, value: value))
            }
            selfClosing = false
        }
        return .start(name: name, selfClosing: selfClosing)
    }

    private mutating func readName() -> PackedName? {
        let start = i
        while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
        return PackedName(folding: bytes[start..<i])
    }

    private mutating func readAttributeName() -> Range<Int> {
        let start = i
        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
              bytes[i] != UInt8(ascii: "/") || i == start {
            i += 1
        }
        return start..<i
    }

    private mutating func readAttributeValue() -> Range<Int> {
        guard i < bytes.count else { return i..<i }
        let quote = bytes[i]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            i += 1
            let start = i
            while i < bytes.count, bytes[i] != quote { i += 1 }
            defer { i = min(i + 1, bytes.count) }
            return start..<i
        }
        let start = i
        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
        return start..<i
    }

    /// Whether two attribute names are the same without regard to ASCII case.
    private func sameName(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && zip(bytes[a], bytes[b]).allSatisfy { fold($0) == fold($1) }
    }

    private func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    private mutating func skipSpace() { while i < bytes.count, isSpace(bytes[i]) { i += 1 } }

    private func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
    private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 45 || b == 58 || b == 95 }
}
