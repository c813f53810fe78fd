import Foundation
import Model

/// RSS author strings: "jane@example.org (Jane Doe)", "Jane Doe <jane@example.org>",
/// a bare address or a bare name (RSS 2.0 §item "author" asks for the first form).
enum AuthorString {
    static func parse(_ raw: String) -> Author? {
        let text = raw.trimmed
        guard !text.isEmpty else { return nil }
        // Searched as bytes: Character search walks grapheme clusters.
        if let open = text.utf8.firstIndex(of: UInt8(ascii: "(")), text.hasSuffix(")") {
            let before = text[..<open].trimmed
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmed
            if before.utf8.contains(UInt8(ascii: "@")) { return Author(name: inside.isEmpty ? nil : inside, email: before) }
            if inside.utf8.contains(UInt8(ascii: "@")) { return Author(name: before.isEmpty ? nil : before, email: inside) }
        }
        if let open = text.utf8.firstIndex(of: UInt8(ascii: "<")), text.hasSuffix(">") {
            let name = text[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
            let email = text[text.index(after: open)..<text.index(before: text.endIndex)]
            return Author(name: name.isEmpty ? nil : name, email: String(email))
        }
        if !text.utf8.contains(UInt8(ascii: " ")), text.utf8.contains(UInt8(ascii: "@")) { return Author(email: text) }
        return Author(name: text)
    }
}
