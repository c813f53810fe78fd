/// An open-addressing hash table from already-mixed 64-bit keys (FNV hashes)
/// to 32-bit values. Swift's Dictionary re-hashes every key with SipHash; the
/// matcher and tagger probe once per word, so this table skips that cost.
public struct UInt64Map: Sendable {
    private var keys: [UInt64]
    private var values: [UInt32]
    private var mask: Int
    public private(set) var count = 0

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    /// 0 marks an empty slot, so the key 0 is stored as 1.
    @inline(__always)
    private static func slotKey(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    public subscript(key: UInt64) -> UInt32? {
        let k = Self.slotKey(key)
        var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
        while true {
            let found = keys[i]
            if found == k { return values[i] }
            if found == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    public mutating func set(_ key: UInt64, _ value: UInt32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.slotKey(key)
        var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == 0 { count += 1 }
        keys[i] = k
        values[i] = value
    }

    private mutating func grow() {
        var bigger = UInt64Map(capacity: keys.count)
        for (k, v) in zip(keys, values) where k != 0 { bigger.set(k, v) }
        self = bigger
    }

    /// Every (key, value) pair, in no order.
    public var pairs: [(UInt64, UInt32)] { zip(keys, values).filter { $0.0 != 0 }.map { ($0.0, $0.1) } }
}
