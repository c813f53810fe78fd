/// The countries a place name points to, packed in one word: as a country
/// (or the name of its people: "Georgian" → GE), and as the most populous
/// city or first-level region of that name ("Georgia" the US state → US,
/// "Athens" → GR). A country is its ISO 3166-1 alpha-2 code, numbered
/// 1 + 26 × first letter + second letter; 0 is none.
public struct PlaceCountries: Sendable, Equatable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public init(country: UInt32 = 0, place: UInt32 = 0) {
        rawValue = country | place << 10
    }

    /// The country the name is, if it is one (or its people's name).
    public var country: UInt32 { rawValue & 0x3FF }
    /// The country of the most populous city or region so called, if any.
    public var place: UInt32 { (rawValue >> 10) & 0x3FF }

    /// "GE" → its number; nil for anything but two ASCII capitals.
    public static func code(_ text: String) -> UInt32? {
        let bytes = Array(text.utf8)
        guard bytes.count == 2, bytes.allSatisfy({ (0x41...0x5A).contains($0) }) else { return nil }
        return 1 + UInt32(bytes[0] - 0x41) * 26 + UInt32(bytes[1] - 0x41)
    }
}
