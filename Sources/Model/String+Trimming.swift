extension String {
    /// The string without leading and trailing white space (newlines included).
    /// Walks only the ends, in scalars; Foundation's trimmingCharacters(in:)
    /// goes through UTF-16 and was the parser's hottest call.
    public var trimmed: String {
        // Most values start and end with a printable ASCII byte: nothing to trim.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex, end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }

    @inline(__always)
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 32 || (v >= 9 && v <= 13) }
        return scalar.properties.isWhitespace
    }
}

extension Substring {
    public var trimmed: String { String(self).trimmed }
}
