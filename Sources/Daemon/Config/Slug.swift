import Foundation

/// Ids made from names: "Recep Tayyip Erdoğan" → "recep-tayyip-erdogan".
enum Slug {
    static func make(_ text: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.unicodeScalars {
            let lower = String(scalar).lowercased().decomposedASCII
            for c in lower.unicodeScalars {
                if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                    if dash, !out.isEmpty { out += "-" }
                    dash = false
                    out.unicodeScalars.append(c)
                } else {
                    dash = true
                }
            }
        }
        return out.isEmpty ? "item" : out
    }
}

private extension String {
    /// Base letters of a lower-cased character ("ğ" → "g"), dropping what has no ASCII base.
    var decomposedASCII: String {
        String(String.UnicodeScalarView(decomposedStringWithCanonicalMapping.unicodeScalars.filter(\.isASCII)))
    }
}
