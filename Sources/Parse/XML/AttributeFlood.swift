import Foundation

/// libxml2 2.9 checks a start tag's attributes for duplicates pair by pair, in
/// its XML and HTML parsers alike, so a tag with a hundred thousand attributes
/// costs minutes of CPU from a few megabytes. No feed needs more than a few:
/// this finds a tag with too many, so that the document (or the text) can be
/// cut before it.
enum AttributeFlood {
    /// More attribute assignments than this in one tag is a flood.
    static let maxAttributesPerTag = 1_024

    /// The index of the next ">" at or after `start`, or the end.
    private static func nextCloser(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress,
              let found = memchr(base + start, Int32(UInt8(ascii: ">")), buffer.count - start) else { return buffer.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// How many `="` and `='` stand in `buffer[start..<end]`.
    private static func assignments(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ quotedOnly: Bool) -> Int {
        var count = 0
        for k in start..<max(start, end - 1) where buffer[k] == UInt8(ascii: "=") {
            let next = buffer[k + 1]
            if !quotedOnly || next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") { count += 1 }
        }
        return count
    }

    /// Where a stretch without ">" that holds more than `maxAttributesPerTag`
    /// attribute assignments (`="`, `='`) begins, if there is one. Only stretches
    /// long enough to hold that many are counted.
    /// HTML allows unquoted values (`a=v`): with `quotedOnly` false every "=" counts.
    static func firstFloodedTag(_ bytes: [UInt8], quotedOnly: Bool = true) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var start = 0
            while start < buffer.count {
                let end = nextCloser(buffer, from: start)
                if end - start > 4 * maxAttributesPerTag, assignments(buffer, start, end, quotedOnly) > maxAttributesPerTag {
                    return start
                }
                start = end + 1
            }
            return nil
        }
    }
}
