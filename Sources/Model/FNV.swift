/// FNV-1a, 64 bit: the hash every folded word, feature and gazetteer entry is keyed by.
public enum FNV {
    public static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x100_0000_01b3

    @inline(__always)
    public static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    public static func hash<C: Collection>(_ bytes: C, seed: UInt64 = offset) -> UInt64 where C.Element == UInt8 {
        var h = seed
        for b in bytes { h = add(h, b) }
        return h
    }

    public static func hash(_ text: String) -> UInt64 { hash(text.utf8) }

    /// Combines two hashes order-dependently (phrases, feature conjunctions).
    @inline(__always)
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = a ^ (b &+ 0x9e37_79b9_7f4a_7c15 &+ (a << 6) &+ (a >> 2))
        h = (h ^ (h >> 33)) &* 0xff51_afd7_ed55_8ccd
        return h ^ (h >> 33)
    }
}
