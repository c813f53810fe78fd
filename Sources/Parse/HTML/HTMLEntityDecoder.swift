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
