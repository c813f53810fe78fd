import Foundation
import Model
internal import CLibXML2

/// Relative references resolved against a base (RFC 3986 §5.2), by libxml2's xmlBuildURI.
package enum URLResolver {
    package static func resolve(_ reference: String, against base: String?) -> String? {
        let trimmed = reference.trimmed
        guard !trimmed.isEmpty else { return nil }
        guard let base, !base.isEmpty else { return trimmed }
        if let common = commonCase(trimmed, base) { return common }
        if let built = build(trimmed, base) { return built }
        // xmlBuildURI wants ASCII: resolve with non-ASCII percent-encoded, then restore it (an IRI stays an IRI).
        guard trimmed.unicodeScalars.contains(where: { !$0.isASCII }),
              let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(.urlPathAllowed)),
              let built = build(encoded, base) else { return trimmed }
        return built.removingPercentEncoding ?? built
    }

    /// libxml2's resolution (xmlBuildURI), for any input.
    static func build(_ reference: String, _ base: String) -> String? {
        guard let built = xmlBuildURI(reference, base) else { return nil }
        defer { cxml_free(built) }
        return String(cString: built)
    }
}
