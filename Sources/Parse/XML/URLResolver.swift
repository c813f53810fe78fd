import Foundation
import Model
internal import CLibXML2

/// Relative references resolved against a base (RFC 3986 §5.2), by libxml2's xmlBuildURI.
package enum URLResolver {
    package static func resolve(_ reference: String, against base: String?) -> String? {
        let trimmed = reference.trimmed
        guard !trimmed.isEmpty else { return nil }
        guard let base, !base.isEmpty else { return trimmed }
        guard let built = xmlBuildURI(trimmed, base) else { return trimmed }
        defer { cxml_free(built) }
        return String(cString: built)
    }
}
