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

    public init(entries: [UInt64: UInt32]) {
        var map = UInt64Map(capacity: entries.count)
        for (hash, flags) in entries { map.set(hash, flags) }
        self.entries = map
    }

    public var count: Int { entries.count }

    @inline(__always)
    public func flags(_ hash: UInt64) -> Flags { Flags(rawValue: entries[hash] ?? 0) }

    /// The key of a phrase of word hashes.
    @inline(__always)
    public static func phraseKey(_ previous: UInt64, _ word: UInt64) -> UInt64 { FNV.combine(previous, word) }

    // MARK: - Binary form: "FWGZ", version, count, then (hash, flags) pairs, little-endian.

    public func serialized() -> [UInt8] {
        var out = BinaryWriter()
        out.write(Array("FWGZ".utf8))
        out.write(UInt32(1))
        out.write(UInt32(entries.count))
        for (hash, flags) in entries.pairs.sorted(by: { $0.0 < $1.0 }) {
            out.write(hash)
            out.write(flags)
        }
        return out.bytes
    }

    public init?(serialized bytes: [UInt8]) {
        var reader = BinaryReader(bytes)
        guard reader.read(4) == Array("FWGZ".utf8), reader.readUInt32() == 1, let count = reader.readUInt32() else { return nil }
        var entries = UInt64Map(capacity: Int(count))
        for _ in 0..<count {
            guard let hash = reader.readUInt64(), let flags = reader.readUInt32() else { return nil }
            entries.set(hash, flags)
        }
        self.entries = entries
    }
}
