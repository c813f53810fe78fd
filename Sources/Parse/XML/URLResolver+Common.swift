/// The references feeds write most — a path from the root ("/news/1") or from
/// the base's directory ("item/1") against an http(s) or file base — resolved without a
/// round trip through libxml2 (RFC 3986 §5.2.2–5.2.3). Only inputs whose result
/// is certain to equal `resolvedByLibxml2`'s are taken: plain characters (IRI
/// letters included, RFC 3987 §6.5: resolution works on characters alike), no
/// dot segments, no query or fragment of the reference's own; anything else is
/// nil and goes to libxml2.
extension URLResolver {
    static func commonCase(_ reference: String, _ base: String) -> String? {
        var reference = reference, base = base
        return reference.withUTF8 { ref in
            base.withUTF8 { base -> String? in
                // An absolute http(s) or file reference is the target as written (§5.2.2), as xmlBuildURI returns it.
                if isAbsoluteAsWritten(ref) { return String(decoding: ref, as: UTF8.self) }
                guard !ref.isEmpty, all(ref, in: plain), all(base, in: plain | query),
                      let authorityStart = schemeEnd(base) else { return nil }
                // Dot segments, in the reference or the base path, need RFC 3986 §5.2.4: leave them to libxml2.
                guard !hasDotSegment(ref), !hasDotSegment(base[authorityStart...]) else { return nil }
                var pathStart = authorityStart
                while pathStart < base.count, base[pathStart] != UInt8(ascii: "/"), base[pathStart] != UInt8(ascii: "?") { pathStart += 1 }
                let pathEnd = base[pathStart...].firstIndex(of: UInt8(ascii: "?")) ?? base.count
                var out: [UInt8]
                if ref[0] == UInt8(ascii: "/") {
                    guard ref.count == 1 || ref[1] != UInt8(ascii: "/") else { return nil }  // "//host": network-path
                    out = Array(base[..<pathStart])
                } else {
                    // A first segment with ":" would read as a scheme.
                    let firstSegment = ref.prefix { $0 != UInt8(ascii: "/") }
                    guard !firstSegment.contains(UInt8(ascii: ":")) else { return nil }
                    let directoryEnd = base[pathStart..<pathEnd].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }
                    out = Array(base[..<(directoryEnd ?? pathStart)])
                    if directoryEnd == nil { out.append(UInt8(ascii: "/")) }
                }
                out.append(contentsOf: ref)
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// An absolute http(s) or file URL of plain URI characters: it resolves to itself, against any base.
    static func isAbsoluteAsWritten(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        schemeEnd(bytes) != nil && all(bytes, in: plain | query | delimiter)
    }

    /// Whether every byte is of the classes in `mask`:
    /// `plain`, letters (non-ASCII ones too), digits and the path characters xmlBuildURI writes back unchanged;
    /// `query`, what a query adds; `delimiter`, the rest of RFC 3986's unreserved, sub-delims and gen-delims
    /// characters ("%" left out: it must start a valid escape).
    private static func all(_ bytes: UnsafeBufferPointer<UInt8>, in mask: UInt8) -> Bool {
        characterClass.withUnsafeBufferPointer { classes in bytes.allSatisfy { classes[Int($0)] & mask != 0 } }
    }

    private static let plain: UInt8 = 1, query: UInt8 = 2, delimiter: UInt8 = 4

    /// One lookup per byte for the three classes.
    private static let characterClass: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        if byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || "-_./".utf8.contains(byte) { return plain }
        if ":?=&".utf8.contains(byte) { return query }
        return "~!$'()*+,;@#[]".utf8.contains(byte) ? delimiter : 0
    }

    /// Where the authority of an "http://", "https://" or "file://" base starts.
    private static func schemeEnd(_ base: UnsafeBufferPointer<UInt8>) -> Int? {
        guard base.count > 7, base[0] | 0x20 == UInt8(ascii: "h") || base[0] | 0x20 == UInt8(ascii: "f") else { return nil }
        for scheme in webSchemes where base.count > scheme.count && base.starts(with: scheme) { return scheme.count }
        return nil
    }

    private static let webSchemes = ["http://", "https://", "file://"].map { Array($0.utf8) }

    private static func hasDotSegment<Bytes: Collection>(_ path: Bytes) -> Bool where Bytes.Element == UInt8 {
        var segmentLength = 0, dots = 0
        for byte in path {
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") {
                if segmentLength > 0, segmentLength == dots, dots <= 2 { return true }
                if byte == UInt8(ascii: "?") { return false }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength > 0 && segmentLength == dots && dots <= 2
    }
}
