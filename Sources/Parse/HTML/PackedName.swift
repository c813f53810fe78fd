/// A short ASCII-case-folded name held in two words: the element and attribute
/// names the allowlists know (none is longer than 16 bytes), compared and
/// hashed without making a String. Also the first bytes of a URL's scheme.
struct PackedName: Hashable, Sendable {
    static let capacity = 16
    fileprivate var low: UInt64 = 0, high: UInt64 = 0
    private(set) var count = 0

    init() {}

    /// The name of these bytes, A–Z folded to a–z; nil when it is longer than 16 bytes.
    init?<Bytes: Collection>(folding bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count <= Self.capacity else { return nil }
        for byte in bytes { append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
    }

    init(_ name: StaticString) {
        name.withUTF8Buffer { for byte in $0 { append(byte) } }
    }

    init?(_ name: String) { self.init(folding: Array(name.utf8)) }

    /// Adds a byte at the end; past 16 bytes nothing more is kept.
    mutating func append(_ byte: UInt8) {
        guard count < Self.capacity else { return }
        if count < 8 { low |= UInt64(byte) << (8 * count) } else { high |= UInt64(byte) << (8 * (count - 8)) }
        count += 1
    }

    func starts(with prefix: PackedName) -> Bool {
        guard prefix.count <= count else { return false }
        let lowMask: UInt64 = prefix.count >= 8 ? .max : (1 << (8 * UInt64(prefix.count))) - 1
        let highMask: UInt64 = prefix.count >= 16 ? .max : prefix.count <= 8 ? 0 : (1 << (8 * UInt64(prefix.count - 8))) - 1
        return low & lowMask == prefix.low && high & highMask == prefix.high
    }

    /// The name's bytes, written out.
    func append(to out: inout [UInt8]) {
        for index in 0..<count {
            let word = index < 8 ? low : high
            out.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(index % 8))))
        }
    }

    var string: String {
        var bytes: [UInt8] = []
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A fixed set of names and what each stands for, looked up by a
/// multiplicative hash and linear probing: a few instructions per tag, where a
/// Dictionary hashes with SipHash (built once, from the allowlists).
struct PackedNameTable<Value: Sendable>: Sendable {
    private var keys: [PackedName?]
    private var values: [Value?]
    private let shift: UInt64

    init(_ entries: [PackedName: Value]) {
        // A load of at most one in four keeps probes short.
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        shift = 64 - bits
        keys = Array(repeating: nil, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        for (key, value) in entries {
            var slot = index(key)
            while keys[slot] != nil { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            values[slot] = value
        }
    }

    subscript(_ key: PackedName) -> Value? {
        var slot = index(key)
        while let candidate = keys[slot] {
            if candidate == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }

    private func index(_ key: PackedName) -> Int {
        Int(truncatingIfNeeded: (key.mixed &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}

extension PackedName {
    /// The name's two words and length folded into one, for `PackedNameTable`.
    fileprivate var mixed: UInt64 { low ^ (high &* 0xFF51_AFD7_ED55_8CCD) ^ UInt64(count) }
}
