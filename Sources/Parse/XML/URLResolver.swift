import Foundation
import Model
internal import CLibXML2

/// Relative references resolved against a base (RFC 3986 §5.2), by libxml2's xmlBuildURI.
package enum URLResolver {
    package static func resolve(_ reference: String, against base: String?) -> String? {
        let trimmed = reference.trimmed
        guard !trimmed.isEmpty else { return nil }
        guard let base, !base.isEmpty else { return trimmed }
        var bytes = trimmed
        if bytes.withUTF8(isAbsoluteAsWritten) { return trimmed }  // the commonest case, without a copy
        return commonCase(trimmed, base) ?? resolvedByLibxml2(trimmed, base)
    }

    /// The general case, by xmlBuildURI. It wants ASCII (given a base it cannot
    /// read, it hands back the reference unresolved): an IRI is resolved with its
    /// non-ASCII percent-encoded, then restored (an IRI stays an IRI).
    static func resolvedByLibxml2(_ reference: String, _ base: String) -> String {
        guard reference.utf8.contains(where: { $0 >= 0x80 }) || base.utf8.contains(where: { $0 >= 0x80 }) else {
            return build(reference, base) ?? reference
        }
        let allowed = CharacterSet.urlFragmentAllowed.union(.urlPathAllowed)
        guard let encoded = reference.addingPercentEncoding(withAllowedCharacters: allowed),
              let encodedBase = base.addingPercentEncoding(withAllowedCharacters: allowed.union(["%", "#"])),
              let built = build(encoded, encodedBase) else { return reference }
        return built.removingPercentEncoding ?? built
    }

    /// libxml2's resolution (xmlBuildURI), for any input.
    static func build(_ reference: String, _ base: String) -> String? {
        guard let built = xmlBuildURI(reference, base) else { return nil }
        defer { cxml_free(built) }
        return String(cString: built)
    }
}
