import Foundation

/// Writes compact JSON text straight into UTF-8 bytes, keys in the order
/// written: for documents big enough that building a `JSONValue` tree first
/// would cost more than the writing (a parsed feed). Same text as
/// `JSONValue.serialized()` for the same content.
public struct JSONWriter {
    public private(set) var bytes: [UInt8]
    /// Per open object or array: has it a member yet?
    private var hasMember: [Bool] = []
    private let stringScan = JSONValue.stringScan

    public init(capacity: Int = 512) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    public mutating func array<Items: Sequence>(_ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            separate()
            body(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// An array whose items differ in shape, each written by `element`.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// One item of the array being written.
    public mutating func element(_ body: (inout JSONWriter) -> Void) {
        separate()
        body(&self)
    }

    /// Starts the member `name` of the object being written; its value follows.
    /// Names are the schema's own: plain ASCII that needs no escaping.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// A value already written as JSON by another writer (the caller vouches for it).
    public mutating func raw(_ json: [UInt8]) {
        bytes += json
    }

    public mutating func string(_ value: String?) {
        guard let value else { return null() }
        JSONValue.writeString(value, to: &bytes, scan: stringScan)
    }

    public mutating func date(_ value: Date?) {
        guard let value else { return null() }
        bytes.append(UInt8(ascii: "\""))
        Timestamp.append(value, to: &bytes)  // digits and separators: nothing to escape
        bytes.append(UInt8(ascii: "\""))
    }
    public mutating func int(_ value: Int?) {
        guard let value else { return null() }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits from the end, without a String per number (an alert has dozens of them).
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value.magnitude
            var at = buffer.count
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: buffer[at...])
        }
    }

    /// A finite number as Swift prints it (the same text as `JSONValue.double`); `null` otherwise.
    public mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        bytes += String(value).utf8
    }
    public mutating func bool(_ value: Bool) { bytes += value ? Self.trueText : Self.falseText }
    public mutating func null() { bytes += Self.nullText }

    private static let nullText = Array("null".utf8), trueText = Array("true".utf8), falseText = Array("false".utf8)

    public mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        hasMember.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        hasMember.removeLast()
    }

    /// A comma before every member or item but the first.
    private mutating func separate() {
        guard let last = hasMember.indices.last else { return }
        if hasMember[last] { bytes.append(UInt8(ascii: ",")) } else { hasMember[last] = true }
    }
}
