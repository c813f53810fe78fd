import Foundation

/// Case and diacritic folding for matching names: "Erdoğan" = "Erdogan" = "ERDOGAN".
public enum Folding {
    /// Letters that have no canonical decomposition to a base letter.
    private static let special: [Unicode.Scalar: String] = [
        "ı": "i", "İ": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d",
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ħ": "h",
    ]

    /// Folded forms of U+0080..<U+3000 (Latin, Greek, Cyrillic, Arabic …), computed once.
    private static let table: [String] = (0x80..<0x3000).map { value in
        guard let scalar = Unicode.Scalar(value) else { return "" }
        return slowFold(scalar)
    }

    /// Appends the folded form of one scalar.
    public static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        let value = scalar.value
        if value < 0x80 {
            out.unicodeScalars.append(value >= 65 && value <= 90 ? Unicode.Scalar(UInt8(value + 32)) : scalar)
        } else if value < 0x3000 {
            out += table[Int(value) - 0x80]
        } else {
            out += slowFold(scalar)
        }
    }

    /// The folded form of one scalar.
    @inline(__always)
    public static func folded(_ scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        if value < 0x80 { return String(Character(scalar)).lowercased() }
        if value < 0x3000 { return table[Int(value) - 0x80] }
        return slowFold(scalar)
    }

    public static func fold(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return out
    }

    private static func slowFold(_ scalar: Unicode.Scalar) -> String {
        if let replacement = special[scalar] { return replacement }
        if isCombiningMark(scalar) { return "" }
        var out = String.UnicodeScalarView()
        for part in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where !isCombiningMark(part) {
            out.append(part)
        }
        return String(out)
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: true
        default: false
        }
    }
}
