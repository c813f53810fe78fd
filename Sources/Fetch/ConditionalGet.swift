/// The validators of a conditional GET (RFC 9110 §13.1): a feed that has not
/// changed answers 304 and costs neither bandwidth nor parsing.
public struct ConditionalGet: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    var requestHeaders: [String] {
        var lines: [String] = []
        if let etag, !etag.isEmpty { lines.append("If-None-Match: \(etag)") }
        if let lastModified, !lastModified.isEmpty { lines.append("If-Modified-Since: \(lastModified)") }
        return lines
    }
}
