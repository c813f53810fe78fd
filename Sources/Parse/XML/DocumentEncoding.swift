import Foundation
import Model

/// Brings every document to UTF-8 before libxml2 sees it, choosing the
/// encoding as RFC 7303 §3 orders it: byte-order mark, then the HTTP charset,
/// then the XML declaration, else UTF-8. Bytes that are not valid UTF-8 in a
/// "UTF-8" document are read as Windows-1252 (the usual mistake: "don’t"
/// written by a Windows editor), and the document counts as ill-formed.
enum DocumentEncoding {
    struct Result {
        var bytes: [UInt8]
        /// The declared encoding was wrong or unknown, or bytes had to be replaced.
        var mended: Bool
    }

    static func toUTF8(_ bytes: [UInt8], httpCharset: String?) -> Result {
        if let (encoding, bomLength) = byteOrderMark(bytes) {
            guard var converted = convert(Array(bytes[bomLength...]), from: encoding) else { return Result(bytes: bytes, mended: true) }
            converted.bytes = declaringUTF8(converted.bytes)
            return converted
        }
        let declared = httpCharset.map(normalise) ?? declaration(bytes).map(normalise)
        guard let declared, !isUTF8(declared) else { return repairUTF8(bytes) }
        if var converted = convert(bytes, from: declared) {
            converted.bytes = declaringUTF8(converted.bytes)
            return converted
        }
        return Result(bytes: repairUTF8(bytes).bytes, mended: true)  // an encoding nobody knows
    }

    /// Encoding names as feeds write them (Python's codec aliases among them) to names iconv knows.
    private static func normalise(_ name: String) -> String {
        let lower = name.trimmed.lowercased().replacingOccurrences(of: "_", with: "-")
        if let known = aliases[lower] { return known }
        if lower.count == 3, lower.allSatisfy(\.isNumber) { return "cp" + lower }  // "437"
        return lower
    }

    private static let aliases: [String: String] = [
        "cp-is": "cp861", "csibm861": "cp861", "maciceland": "mac-is", "maclatin2": "mac-centraleurope",
        "maccentraleurope": "mac-centraleurope", "macroman": "macintosh", "mac": "macintosh",
        "maccyrillic": "mac-cyrillic", "macukraine": "mac-uk", "ms-ansi": "cp1252", "dbcs": "cp1252",
        "ms-arab": "cp1256", "ms-cyrl": "cp1251", "ms-ee": "cp1250", "ms-greek": "cp1253", "ms-hebr": "cp1255",
        "ms-turk": "cp1254", "winbaltrim": "cp1257", "tcvn": "tcvn5712-1", "tcvn-5712": "tcvn5712-1",
        "cspc8codepage437": "cp437", "cspc775baltic": "cp775", "cspc850multilingual": "cp850",
        "cspc862latinhebrew": "cp862", "cspcp852": "cp852", "x-sjis": "shift_jis", "x-euc-jp": "euc-jp",
        "gb2312": "gbk", "ks-c-5601-1987": "euc-kr", "iso-8859-8-i": "iso-8859-8",
    ]

    private static func isUTF8(_ name: String) -> Bool { ["utf-8", "utf8", "us-ascii", "ascii", "unicode-1-1-utf-8"].contains(name) }

    private static func byteOrderMark(_ b: [UInt8]) -> (String, Int)? {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
        if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("utf-32be", 4) }
        if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("utf-32le", 4) }
        if b.starts(with: [0xFE, 0xFF]) { return ("utf-16be", 2) }
        if b.starts(with: [0xFF, 0xFE]) { return ("utf-16le", 2) }
        // No mark, but "<?" in UTF-16 or UTF-32 (XML 1.0 Appendix F).
        if b.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return ("utf-16be", 0) }
        if b.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return ("utf-16le", 0) }
        return nil
    }

    /// The converted document with its declaration saying what it now is, so libxml2
    /// has no unknown encoding name to complain of.
    static func declaringUTF8(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.starts(with: Array("<?xml".utf8)), let end = bytes.prefix(300).firstIndex(of: UInt8(ascii: ">")) else { return bytes }
        return Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8) + bytes[(end + 1)...]
    }

    /// The encoding named in `<?xml … encoding="…"?>`.
    static func declaration(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = bytes.prefix(200)
        guard let end = Self.find("?>", in: head), let attribute = Self.find("encoding", in: head[..<end]) else { return nil }
        let rest = head[(attribute + 8)..<end].drop { $0 == 0x20 || $0 == UInt8(ascii: "=") || $0 == 0x09 }
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    /// Where `needle` first stands in the bytes (a few hundred at most: a plain loop).
    private static func find(_ needle: StaticString, in bytes: ArraySlice<UInt8>) -> Int? {
        needle.withUTF8Buffer { needle in
            guard bytes.count >= needle.count else { return nil }
            return (bytes.startIndex...(bytes.endIndex - needle.count)).first { start in
                (0..<needle.count).allSatisfy { bytes[start + $0] == needle[$0] }
            }
        }
    }

    /// Valid UTF-8 stays as it is; each invalid byte becomes its Windows-1252 character.
    private static let asciiScan = ByteScan(stoppingAt: [], nonASCII: true)

    static func repairUTF8(_ bytes: [UInt8]) -> Result {
        var firstInvalid: Int?
        var k = 0
        while k < bytes.count {
            k = bytes.withUnsafeBufferPointer { asciiScan.skipPlainWords($0, from: k) }
            guard k < bytes.count else { break }
            if bytes[k] < 0x80 { k += 1; continue }
            let length = validSequenceLength(bytes, at: k)
            if length == 0 { firstInvalid = k; break }
            k += length
        }
        guard let firstInvalid else { return Result(bytes: bytes, mended: false) }
        var out = Array(bytes[..<firstInvalid])
        out.reserveCapacity(bytes.count + 64)
        var i = firstInvalid
        while i < bytes.count {
            let length = validSequenceLength(bytes, at: i)
            if length > 0 {
                out.append(contentsOf: bytes[i..<i + length])
                i += length
            } else {
                out.append(contentsOf: Array(String(Windows1252.character(bytes[i])).utf8))
                i += 1
            }
        }
        return Result(bytes: out, mended: true)
    }

    /// The length of the well-formed UTF-8 sequence at `i` (Unicode 15 table 3-7), or 0.
    @inline(__always)
    private static func validSequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let lead = b[i]
        if lead < 0x80 { return 1 }
        func cont(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool { i + k < b.count && b[i + k] >= low && b[i + k] <= high }
        switch lead {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE, 0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// iconv(3) from `encoding` to UTF-8; nil when the encoding is unknown.
    private static func convert(_ bytes: [UInt8], from encoding: String) -> Result? {
        if isUTF8(encoding) { return repairUTF8(bytes) }
        let names = [encoding, encoding.uppercased(), encoding.replacingOccurrences(of: "-", with: "")]
        guard let descriptor = names.lazy.map({ iconv_open("UTF-8", $0) }).first(where: { $0 != iconv_t(bitPattern: -1) }) else {
            return nil
        }
        defer { iconv_close(descriptor) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var mended = false
        var produced = 0
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                while inLeft > 0 {
                    if iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                        guard errno == EILSEQ || errno == EINVAL, inLeft > 0 else { break }
                        mended = true  // skip the byte it cannot read
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    }
                }
                produced = outBuffer.count - outLeft
            }
        }
        return Result(bytes: Array(output[..<produced]), mended: mended)
    }
}

/// Windows-1252, the encoding mislabelled feeds most often really use.
enum Windows1252 {
    static func character(_ byte: UInt8) -> Character {
        if byte >= 0x80 && byte < 0xA0, let mapped = HTMLEntities.windows1252[UInt32(byte)], let scalar = Unicode.Scalar(mapped) {
            return Character(scalar)
        }
        return Character(Unicode.Scalar(byte))
    }
}
