import Model
import Foundation

/// Name lists as tagger features: given names, surnames, places, organisation
/// words, titles. Single words and phrases ("Saudi Arabia", "Prime Minister")
/// are keyed by the hash of their folded words, so a lookup costs one probe.
/// Built by `feedwatch-train` from ../shared/data/gazetteers (see NOTICE).
public struct Gazetteer: Sendable {
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let givenName = Flags(rawValue: 1 << 0)
        public static let frequentGivenName = Flags(rawValue: 1 << 1)
        public static let surname = Flags(rawValue: 1 << 2)
        public static let frequentSurname = Flags(rawValue: 1 << 3)
        public static let country = Flags(rawValue: 1 << 4)
        public static let city = Flags(rawValue: 1 << 5)
        public static let admin1 = Flags(rawValue: 1 << 6)
        public static let region = Flags(rawValue: 1 << 7)
        public static let demonym = Flags(rawValue: 1 << 8)
        public static let bigCity = Flags(rawValue: 1 << 9)
        public static let orgWord = Flags(rawValue: 1 << 10)
        public static let legalSuffix = Flags(rawValue: 1 << 11)
        public static let titleBefore = Flags(rawValue: 1 << 12)
        public static let titleAfter = Flags(rawValue: 1 << 13)
        public static let role = Flags(rawValue: 1 << 14)
        /// Seen written in lower case often in running text: a capital on it may just start a sentence.
        public static let commonWord = Flags(rawValue: 1 << 15)
        /// Given names borne by women (at least 90% of bearers) or men (at most 10% women), in the
        /// US baby-name records. Above `featureBits`: the linker reads them, the tagger does not.
        public static let femaleGivenName = Flags(rawValue: 1 << 16)
        public static let maleGivenName = Flags(rawValue: 1 << 17)
        /// Set on a phrase's proper prefixes, so a phrase walk knows to go on.
        public static let prefix = Flags(rawValue: 1 << 31)

        public static let featureBits = 16
    }

    public static let maxPhraseWords = 6
    private let entries: UInt64Map
    /// Per place name (word or phrase key), the countries it points to (`PlaceCountries`).
    private let places: UInt64Map

    public init(entries: [UInt64: UInt32], places: [UInt64: UInt32] = [:]) {
        var map = UInt64Map(capacity: entries.count)
        for (hash, flags) in entries { map.set(hash, flags) }
        self.entries = map
        var placeMap = UInt64Map(capacity: max(places.count, 1))
        for (hash, countries) in places { placeMap.set(hash, countries) }
        self.places = placeMap
    }

    public var count: Int { entries.count }

    /// The countries a place name points to: as a country (or its people's name), and as
    /// the most populous city or region so called.
    public func countries(_ hash: UInt64) -> PlaceCountries { PlaceCountries(rawValue: places[hash] ?? 0) }

    @inline(__always)
    public func flags(_ hash: UInt64) -> Flags { Flags(rawValue: entries[hash] ?? 0) }

    /// The key of a phrase of word hashes.
    @inline(__always)
    public static func phraseKey(_ previous: UInt64, _ word: UInt64) -> UInt64 { FNV.combine(previous, word) }

    /// The key a word (its hash) or a phrase of words (a phrase key) is filed under; 0 for none.
    public static func key(_ words: some Collection<UInt64>) -> UInt64 {
        guard let first = words.first else { return 0 }
        guard words.count > 1 else { return first }
        return words.dropFirst().reduce(phraseKey(FNV.offset, first)) { phraseKey($0, $1) }
    }

    // MARK: - Binary form: "FWGZ", version 2, then two tables of (hash, UInt32) pairs,
    // flags and places, each with its count first; little-endian. Version 1 has no places.

    public func serialized() -> [UInt8] {
        var out = BinaryWriter()
        out.write(Array("FWGZ".utf8))
        out.write(UInt32(2))
        for table in [entries, places] {
            out.write(UInt32(table.count))
            for (hash, value) in table.pairs.sorted(by: { $0.0 < $1.0 }) {
                out.write(hash)
                out.write(value)
            }
        }
        return out.bytes
    }

    public init?(serialized bytes: [UInt8]) {
        var reader = BinaryReader(bytes)
        guard reader.read(4) == Array("FWGZ".utf8), let version = reader.readUInt32(), version == 1 || version == 2,
              let entries = Self.readTable(&reader) else { return nil }
        self.entries = entries
        if version == 2 {
            guard let places = Self.readTable(&reader) else { return nil }
            self.places = places
        } else {
            places = UInt64Map(capacity: 1)
        }
    }

    private static func readTable(_ reader: inout BinaryReader) -> UInt64Map? {
        guard let count = reader.readUInt32() else { return nil }
        var table = UInt64Map(capacity: max(Int(count), 1))
        for _ in 0..<count {
            guard let hash = reader.readUInt64(), let value = reader.readUInt32() else { return nil }
            table.set(hash, value)
        }
        return table
    }
}
