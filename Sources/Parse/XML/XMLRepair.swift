import Foundation
import Bounds
import Model

/// A byte-level pass before libxml2 sees a feed, mending what real feeds get
/// wrong and XML cannot recover by itself:
/// - a bare `&` ("Tom & Jerry") becomes `&amp;`;
/// - HTML named references XML lacks (`&nbsp;`, `&eacute;`) become numeric ones;
/// - numeric references into the C1 range mean Windows-1252 (`&#150;` → `&#8211;`);
/// - a named reference nobody defined stays visible as text (`&amp;foo;`);
/// - the DOCTYPE is removed, internal subset included, so no entity declared
///   there is ever expanded recursively (billion laughs) or resolved (XXE); an
///   entity declared with a plain literal value (no references inside) is
///   substituted once, as text.
/// - control characters XML forbids (U+0000–U+001F but tab, LF, CR) are removed.
/// CDATA sections, comments and processing instructions pass through untouched.
/// The input is UTF-8 (see `DocumentEncoding`).
/// Works on a whole document or, for streaming, on a sequence of chunks: a
/// chunk is processed up to its last ">" (no reference or UTF-8 sequence spans
/// one), and a CDATA section or comment left open carries over to the next.
struct XMLRepair {
    struct Result {
        var bytes: [UInt8]
        /// True when anything was mended: the document was not well-formed.
        var repaired: Bool
    }

    private(set) var repaired = false
    private var entities: [String: String] = [:]
    /// The closing marker of a CDATA section, comment or PI a chunk left open.
    private var openVerbatim: [UInt8]?
    private var carry: [UInt8] = []
    /// Bytes that entity substitution may still add to the document.
    private var expansionBudget = XMLRepair.maxExpansion
    /// Set when the rest of the document is dropped (`AttributeFlood`, `maxCarry`).
    private var stopped = false

    static func prepare(_ input: [UInt8]) -> Result {
        var repair = XMLRepair()
        let bytes = repair.process(input, final: true)
        return Result(bytes: bytes, repaired: repair.repaired)
    }

    /// Mends the next chunk; returns what is ready (all of it when `final`).
    mutating func process(_ chunk: [UInt8], final: Bool) -> [UInt8] {
        // Bytes held back for a ">" or the end of a DOCTYPE that never comes:
        // past this much the rest of the document is dropped, so that memory
        // and rescanning stay bounded.
        if carry.count > Self.maxCarry {
            carry = []
            repaired = true
            stopped = true
        }
        let input = carry.isEmpty ? chunk : carry + chunk
        carry = []
        var cut = input.count
        if !final {
            guard let last = input.lastIndex(of: UInt8(ascii: ">")) else {
                carry = input
                return []
            }
            cut = last + 1
            carry = Array(input[cut...])
        }
        guard !stopped else { return [] }
        var ready = cut == input.count ? input : Array(input[..<cut])
        if let hostile = AttributeFlood.firstFloodedTag(ready) {
            ready = Array(ready[..<hostile])
            repaired = true
            stopped = true
            carry = []
        }
        return segment(ready, final: final || stopped)
    }

    static let maxCarry = 16 << 20
    /// What substituting DOCTYPE entities may add to a document, in all.
    static let maxExpansion = 1 << 20

    private mutating func segment(_ input: [UInt8], final: Bool) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        let n = input.count
        if let close = openVerbatim {
            guard let end = Self.find(close, in: input, from: 0) else { return input }
            openVerbatim = nil
            i = end + close.count
        }
        var run = 0  // start of the bytes not yet copied: plain bytes are copied in runs
        while i < n {
            // Most bytes need nothing: skip them fast, a word at a time first.
            i = input.withUnsafeBufferPointer { Self.markupScan.skipPlainWords($0, from: i) }
            guard i < n else { break }
            let byte = input[i]
            guard byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "&") || byte < 0x20 || byte == 0xC2 else {
                i += 1
                continue
            }
            if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                // Only "<!" and "<?" open something to look at; plain tags need nothing.
                guard i > 0, input[i - 1] == UInt8(ascii: "<") else {
                    i += 1
                    continue
                }
                i -= 1
                if let (end, close) = Self.verbatimEnd(input, at: i) {
                    if end == nil, !final {
                        openVerbatim = close  // runs on into the next chunk
                        i = n
                        continue
                    }
                    i = end ?? n
                    continue
                }
                if let end = Self.doctypeEnd(input, at: i) {
                    out.append(contentsOf: input[run..<i])
                    if end == nil, !final {
                        carry = Array(input[i...]) + carry  // wait for the whole DOCTYPE
                        return out
                    }
                    entities = Self.literalEntities(String(decoding: input[i..<(end ?? n)], as: UTF8.self))
                    i = end ?? n
                    run = i
                    continue
                }
                i += 2  // another declaration ("<!ELEMENT" out of place): libxml2 reports it
            } else if byte == 0xC2 {
                guard i + 1 < n, input[i + 1] >= 0x80, input[i + 1] < 0xA0 else {
                    i += 1
                    continue
                }
                // U+0080–U+009F are C1 controls nobody means; they are Windows-1252 written as Latin-1.
                out.append(contentsOf: input[run..<i])
                out.append(contentsOf: Array(String(Windows1252.character(input[i + 1])).utf8))
                i += 2
                run = i
            } else if byte < 0x20 {
                guard byte != 0x09, byte != 0x0A, byte != 0x0D else {
                    i += 1
                    continue
                }
                out.append(contentsOf: input[run..<i])
                repaired = true  // not allowed anywhere in XML 1.0 (§2.2)
                i += 1
                run = i
            } else if let length = Self.xmlReference(input, at: i) {
                i += length
            } else {
                let (replacement, length, mended) = Self.reference(input, at: i, entities: entities, budget: &expansionBudget)
                if mended || !replacement.elementsEqual(input[i..<i + length]) {
                    out.append(contentsOf: input[run..<i])
                    out.append(contentsOf: replacement)
                    repaired = repaired || mended
                    run = i + length
                }
                i += length
            }
        }
        if run == 0 { return input }
        out.append(contentsOf: input[run..<n])
        return out
    }

    /// Bytes that may need mending: the second byte of "<!" and "<?", references,
    /// illegal controls, and the lead byte of C1 characters.
    private static let markupScan = ByteScan(stoppingAt: [UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "&"), 0xC2],
                                             xmlIllegalControls: true)

    /// Scans for the first byte of each closing marker ("]]>", "-->", "?>").
    private static let firstByteScans: [UInt8: ByteScan] = Dictionary(uniqueKeysWithValues:
        [UInt8(ascii: "]"), UInt8(ascii: "-"), UInt8(ascii: "?")].map { ($0, ByteScan(stoppingAt: [$0])) })

    private static let verbatim: [([UInt8], [UInt8])] = [("<![CDATA[", "]]>"), ("<!--", "-->"), ("<?", "?>")]
        .map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// For a CDATA section, comment or processing instruction starting at `i`:
    /// where it ends (nil when not in these bytes) and its closing marker.
    private static func verbatimEnd(_ s: [UInt8], at i: Int) -> (Int?, [UInt8])? {
        for (open, close) in verbatim where starts(s, at: i, with: open) {
            return (find(close, in: s, from: i + open.count).map { $0 + close.count }, close)
        }
        return nil
    }

    /// For `<!DOCTYPE …>` at `i` (internal subset `[…]` included): its end, nil
    /// inside when it does not end in these bytes; nil when no DOCTYPE starts here.
    private static func doctypeEnd(_ s: [UInt8], at i: Int) -> Int?? {
        guard starts(s, at: i, with: Array("<!DOCTYPE".utf8)) || starts(s, at: i, with: Array("<!doctype".utf8)) else { return nil }
        var j = i + 9
        var depth = 0
        var quote: UInt8?
        while j < s.count {
            let c = s[j]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "[") {
                depth += 1
            } else if c == UInt8(ascii: "]") {
                depth -= 1
            } else if c == UInt8(ascii: ">"), depth <= 0 {
                return .some(j + 1)
            }
            j += 1
        }
        return .some(nil)
    }

    /// What to write for the `&` at `i`: (bytes, input length consumed, was it mended).
    /// `<!ENTITY name "value">` declarations whose value is plain text (no
    /// references, no markup, no parameter entities), at most 64 of 1,000 characters.
    static func literalEntities(_ doctype: String) -> [String: String] {
        var entities: [String: String] = [:]
        for part in doctype.components(separatedBy: "<!ENTITY").dropFirst().prefix(64) {
            let fields = part.trimmed
            guard !fields.hasPrefix("%"), let nameEnd = fields.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else { continue }
            let name = String(fields[..<nameEnd])
            let rest = fields[nameEnd...].trimmed
            guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }  // SYSTEM/PUBLIC: never
            let value = rest.dropFirst().prefix { $0 != quote }
            guard value.count <= 1000, !value.contains("&"), !value.contains("<"), !value.contains("%") else { continue }
            entities[name] = String(value)
        }
        return entities
    }

    private static func reference(_ s: [UInt8], at i: Int, entities: [String: String], budget: inout Int) -> ([UInt8], Int, Bool) {
        var j = i + 1
        let limit = min(s.count, i + 40)
        while j < limit, isNameByte(s[j]) || s[j] == UInt8(ascii: "#") { j += 1 }
        guard j < s.count, s[j] == UInt8(ascii: ";"), j > i + 1 else {
            return (Array("&amp;".utf8), 1, true)  // a bare ampersand
        }
        let name = String(decoding: s[(i + 1)..<j], as: UTF8.self)
        let whole = Array(s[i...j])
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value else { return (Array("&amp;".utf8), 1, true) }
            // A reference to a C1 code point is well-formed XML; Windows-1252 is what its writer meant.
            if let mapped = HTMLEntities.windows1252[value] { return (Array("&#\(mapped);".utf8), whole.count, false) }
            return (whole, whole.count, false)
        }
        if ["amp", "lt", "gt", "quot", "apos"].contains(name) { return (whole, whole.count, false) }
        if let code = HTMLEntities.codePoints[name] { return (Array("&#\(code);".utf8), whole.count, false) }
        if let value = entities[name] {
            // Past the budget a declared entity stays visible text: a few kilobytes
            // of references must not grow into gigabytes (the "quadratic blowup").
            guard budget >= value.utf8.count else { return (Array("&amp;".utf8), 1, true) }
            budget -= value.utf8.count
            return (Array(value.utf8), whole.count, false)
        }
        return (Array("&amp;".utf8), 1, true)  // undefined: kept as visible text
    }

    /// The length of the reference XML itself defines at `i` ("&amp;", "&#8211;", "&#x2014;"),
    /// which needs nothing; nil for anything else. No allocation: most references are these.
    private static func xmlReference(_ s: [UInt8], at i: Int) -> Int? {
        let limit = min(s.count, i + 12)
        var j = i + 1
        guard j < limit else { return nil }
        if s[j] == UInt8(ascii: "#") {
            j += 1
            let hex = j < limit && (s[j] == UInt8(ascii: "x") || s[j] == UInt8(ascii: "X"))
            if hex { j += 1 }
            var value: UInt32 = 0
            let digitsStart = j
            while j < limit, let digit = DigitRun.digit(s[j], radix: hex ? 16 : 10) {
                // Past U+10FFFF the reference takes the slow path anyway; the sum stops
                // growing there, so nine hex digits cannot overflow it.
                if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + UInt32(digit) }
                j += 1
            }
            // Windows-1252 code points (C1) and out-of-range values take the slow path.
            guard j > digitsStart, j < limit, s[j] == UInt8(ascii: ";"), value >= 0xA0, value <= 0x10FFFF else { return nil }
            return j + 1 - i
        }
        for name in predefined where i + 1 + name.count <= s.count {
            if s[(i + 1)..<(i + 1 + name.count)].elementsEqual(name) { return name.count + 1 }
        }
        return nil
    }

    private static let predefined: [[UInt8]] = ["amp;", "lt;", "gt;", "quot;", "apos;"].map { Array($0.utf8) }

    private static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D || c == 0x2E
    }

    private static func starts(_ s: [UInt8], at i: Int, with p: [UInt8]) -> Bool {
        guard i + p.count <= s.count else { return false }
        for k in 0..<p.count where s[i + k] != p[k] { return false }
        return true
    }

    private static func find(_ p: [UInt8], in s: [UInt8], from start: Int) -> Int? {
        guard s.count >= p.count, start <= s.count - p.count else { return nil }
        var k = start
        while k <= s.count - p.count {
            k = s.withUnsafeBufferPointer { (firstByteScans[p[0]] ?? ByteScan(stoppingAt: [p[0]])).skipPlainWords($0, from: k) }
            guard k <= s.count - p.count else { return nil }
            if s[k] == p[0], starts(s, at: k, with: p) { return k }
            k += 1
        }
        return nil
    }
}
