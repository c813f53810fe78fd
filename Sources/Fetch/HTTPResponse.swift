import Foundation

/// A finished transfer: the last response of a redirect chain.
package struct HTTPResponse: Sendable {
    /// HTTP status; a `file:` read that succeeded reports 200.
    package var status: Int
    /// Header names lower-cased; the last value wins.
    package var headers: [String: String]
    /// The body, when it was small enough to keep in memory.
    package var body: [UInt8]
    /// The body, when it was not: a temporary file to read as a stream.
    package var spooled: SpooledBody?
    /// The URL after redirects, against which relative links resolve.
    package var effectiveURL: String

    package init(status: Int, headers: [String: String], body: [UInt8], effectiveURL: String, spooled: SpooledBody? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.effectiveURL = effectiveURL
        self.spooled = spooled
    }

    package var isSuccess: Bool { (200..<300).contains(status) }
    package var isNotModified: Bool { status == 304 }

    /// The validators to send next time (ETag, Last-Modified).
    package var validators: ConditionalGet {
        ConditionalGet(etag: headers["etag"], lastModified: headers["last-modified"])
    }

    /// Seconds the server asked us to wait (RFC 9110 §10.2.3), if it did.
    package func retryAfter(now: Date = Date()) -> TimeInterval? {
        headers["retry-after"].flatMap { RetryAfter.seconds(from: $0, now: now) }
    }
}
