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

/// Character references in HTML text and attribute values: named (HTML 4 and
/// XML's five), decimal and hexadecimal; numeric references in the C1 range
/// mean Windows-1252. Anything else stays as written.
enum HTMLEntityDecoder {
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        append(decoding: bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes with their references decoded, appended to `out`; runs between
    /// references are copied whole.
    static func append(decoding bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        guard var i = bytes.firstIndex(of: UInt8(ascii: "&")) else {
            out.append(contentsOf: bytes)
            return
        }
        var run = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "&"), let (scalar, length) = reference(bytes, at: i) {
                out.append(contentsOf: bytes[run..<i])
                UTF8.encode(scalar) { out.append($0) }
                i += length
                run = i
                continue
            }
            i += 1
        }
        out.append(contentsOf: bytes[run...])
    }

    /// The scalar a reference at `i` stands for, and its length with the ";".
    static func reference(_ bytes: ArraySlice<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        while j < bytes.endIndex, j - i <= 32, bytes[j] != UInt8(ascii: ";"), bytes[j] != UInt8(ascii: "&"), bytes[j] > 32 { j += 1 }
        guard j < bytes.endIndex, bytes[j] == UInt8(ascii: ";"), j > i + 1 else { return nil }
        var code: UInt32?
        if bytes[i + 1] == UInt8(ascii: "#") {
            let isHex = j > i + 2 && (bytes[i + 2] == UInt8(ascii: "x") || bytes[i + 2] == UInt8(ascii: "X"))
            code = number(bytes[(isHex ? i + 3 : i + 2)..<j], hex: isHex)
        } else {
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            code = xmlNames[name] ?? HTMLEntities.codePoints[name]
        }
        guard var value = code, value != 0 else { return nil }
        value = HTMLEntities.windows1252[value] ?? value
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, j - i + 1)
    }

    /// The number a numeric reference ("&#146;", "&#x92;") writes, before any remapping.
    static func numericValue(_ reference: ArraySlice<UInt8>) -> UInt32? {
        let start = reference.startIndex
        guard reference.count > 3, reference[start] == UInt8(ascii: "&"), reference[start + 1] == UInt8(ascii: "#"),
              reference.last == UInt8(ascii: ";") else { return nil }
        let isHex = reference[start + 2] == UInt8(ascii: "x") || reference[start + 2] == UInt8(ascii: "X")
        return number(reference[(isHex ? start + 3 : start + 2)..<(reference.endIndex - 1)], hex: isHex)
    }

    /// The digits' number. Plain digits (up to eight, which cannot overflow) are
    /// read from the bytes; any other spelling is read as `UInt32(_:radix:)` reads it.
    private static func number(_ digits: ArraySlice<UInt8>, hex: Bool) -> UInt32? {
        if !digits.isEmpty, digits.count <= 8 {
            var value: UInt32 = 0
            for byte in digits {
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x61...0x66 where hex: digit = UInt32(byte - 0x61 + 10)
                case 0x41...0x46 where hex: digit = UInt32(byte - 0x41 + 10)
                default: return UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10)
                }
                value = value * (hex ? 16 : 10) + digit
            }
            return value
        }
        return UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10)
    }

    private static let xmlNames: [String: UInt32] = ["amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39]
}
