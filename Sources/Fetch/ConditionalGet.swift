/// The validators of a conditional GET (RFC 9110 §13.1): a feed that has not
/// changed answers 304 and costs neither bandwidth nor parsing.
public struct ConditionalGet: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?

    /// A validator is sent back to the server that wrote it, so one with a
    /// control character (a CR/LF would forge request headers) or longer than
    /// `maxLength` bytes is dropped: the next poll is then a plain GET.
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag.flatMap(Self.sendable)
        self.lastModified = lastModified.flatMap(Self.sendable)
    }

    static let maxLength = 1024

    private static func sendable(_ value: String) -> String? {
        let bytes = value.utf8
        guard bytes.count <= maxLength, !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        return value
    }

    package var requestHeaders: [String] {
        var lines: [String] = []
        if let etag, !etag.isEmpty { lines.append("If-None-Match: \(etag)") }
        if let lastModified, !lastModified.isEmpty { lines.append("If-Modified-Since: \(lastModified)") }
        return lines
    }
}
