import Foundation

/// A JSON value whose objects keep their key order, so that what feedwatch
/// prints reads the same way every time and matches the contract's layout.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public static func string(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    public static func date(_ value: Date?) -> JSONValue {
        value.map { .string(Timestamp.rfc3339($0)) } ?? .null
    }

    public subscript(key: String) -> JSONValue? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    public var intValue: Int? {
        if case let .int(i) = self { return i }
        return nil
    }

    /// An integer or a number with a fraction ("retry_after": 1.5).
    public var doubleValue: Double? {
        switch self {
        case let .int(i): Double(i)
        case let .double(d): d
        default: nil
        }
    }
}

extension JSONValue {
    /// Compact JSON text: no spaces, "/" not escaped, non-ASCII kept as UTF-8.
    public func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same text as `serialized()`, appended to `out` as UTF-8 bytes.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += Self.nullBytes
        case let .bool(b): out += b ? Self.trueBytes : Self.falseBytes
        case let .int(i): out += Array(String(i).utf8)
        case let .double(d): out += d.isFinite ? Array(String(d).utf8) : Self.nullBytes
        case let .string(s): JSONValue.writeString(s, to: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
    private static let hex = Array("0123456789abcdef".utf8)
    /// What a JSON string must escape: controls, quote, backslash, and the lead byte of U+2028/U+2029.
    static let stringScan = ByteScan(stoppingAt: [34, 92, 0xE2], below: 0x20)

    /// Escapes what RFC 8259 §7 requires, plus U+2028/U+2029 (line terminators in
    /// JavaScript). Runs without anything to escape are copied whole.
    /// - Parameter scan: `stringScan`, passed in by a writer that keeps a copy
    ///   (reading the static costs a lazy-initialisation check per string).
    static func writeString(_ s: String, to out: inout [UInt8], scan: ByteScan = stringScan) {
        out.append(UInt8(ascii: "\""))
        var copy = s
        copy.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                i = scan.skipPlainWords(bytes, from: i)
                guard i < bytes.count else { break }
                let b = bytes[i]
                let isSeparator = b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
                guard b < 0x20 || b == 34 || b == 92 || isSeparator else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                // Appended a byte at a time: an array literal here would be allocated per escape.
                out.append(92)
                switch b {
                case 34, 92: out.append(b)
                case 10: out.append(UInt8(ascii: "n"))
                case 13: out.append(UInt8(ascii: "r"))
                case 9: out.append(UInt8(ascii: "t"))
                case 0xE2:
                    for byte in "u202".utf8 { out.append(byte) }
                    out.append(bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    i += 2
                default:
                    for byte in "u00".utf8 { out.append(byte) }
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 15)])
                }
                i += 1
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
