/// Little-endian writing and reading of the model files.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []
    public init() {}

    public mutating func write(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }
    public mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    public mutating func write(_ value: Float) { write(value.bitPattern) }
}

public struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var remaining: Int { bytes.count - offset }

    public mutating func read(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    public mutating func readInteger<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { return nil }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { target in
            for i in 0..<size { target[i] = bytes[offset + i] }
        }
        offset += size
        return T(littleEndian: value)
    }

    public mutating func readUInt32() -> UInt32? { readInteger(UInt32.self) }
    public mutating func readUInt64() -> UInt64? { readInteger(UInt64.self) }
    public mutating func readFloat() -> Float? { readUInt32().map(Float.init(bitPattern:)) }

    /// `count` Int16 values in one copy.
    public mutating func readInt16s(_ count: Int) -> [Int16]? {
        guard count >= 0, offset + count * 2 <= bytes.count else { return nil }
        var values = [Int16](repeating: 0, count: count)
        values.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count * 2]))
            }
        }
        offset += count * 2
        #if _endian(big)
        for i in values.indices { values[i] = Int16(littleEndian: values[i]) }
        #endif
        return values
    }
}
