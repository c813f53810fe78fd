/// Values kept per string libxml2 interned in its dictionary (element names,
/// namespace URIs): the pointer itself is the key, hashed by one
/// multiplication and probed linearly, where a Dictionary would run SipHash on
/// every start tag. The table doubles when half full, so a document with
/// thousands of distinct names stays linear.
struct InternedTable<Value> {
    private var keys: [UnsafePointer<UInt8>?]
    private var values: [Value?]
    private var count = 0
    private var shift: UInt64

    /// Empty, and allocated only at the first insert (a document is parsed with a new table).
    init() {
        keys = []
        values = []
        shift = 64 - 3
    }

    subscript(key: UnsafePointer<UInt8>) -> Value? {
        guard !keys.isEmpty else { return nil }
        var slot = index(key)
        while let candidate = keys[slot] {
            if candidate == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }

    /// Sets the value for `key`, replacing the one it had.
    mutating func insert(_ value: Value, for key: UnsafePointer<UInt8>) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = index(key)
        while let candidate = keys[slot] {
            if candidate == key {
                values[slot] = value
                return
            }
            slot = (slot + 1) & (keys.count - 1)
        }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: nil, count: max(16, keys.count * 2))
        values = Array(repeating: nil, count: keys.count)
        shift = UInt64(64 - keys.count.trailingZeroBitCount)
        count = 0
        for case let (key?, value?) in zip(oldKeys, oldValues) { insert(value, for: key) }
    }

    private func index(_ key: UnsafePointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
