import Foundation
import Bounds

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
    /// Every redirect followed to get here was permanent (301, 308): `effectiveURL` is the feed's URL now.
    package var movedPermanently = false

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

    /// How long the response stays fresh (RFC 9111 §4.2.1): `Cache-Control: max-age` (or
    /// `s-maxage`), else `Expires` less `Date`; `no-cache` and `no-store` are 0. Held to
    /// `0...Bounds.longestWait` like every wait a server asks for.
    package func freshness(now: Date = Date()) -> TimeInterval? {
        if let control = headers["cache-control"]?.lowercased() {
            var maxAge: TimeInterval?
            for directive in control.split(separator: ",") {
                let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let name = parts.first else { continue }
                if name == "no-cache" || name == "no-store" { return 0 }
                if name == "max-age" || name == "s-maxage", parts.count == 2 {
                    let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    if let seconds = RetryAfter.seconds(from: value, now: now), !value.contains(" ") {
                        maxAge = max(maxAge ?? 0, seconds)
                    }
                }
            }
            if let maxAge { return maxAge }
        }
        guard let expires = headers["expires"], let until = RetryAfter.date(expires) else { return nil }
        let served = headers["date"].flatMap(RetryAfter.date) ?? now
        return Bounds.wait(until.timeIntervalSince(served))
    }

    /// Seconds the server asked us to wait (RFC 9110 §10.2.3), if it did.
    package func retryAfter(now: Date = Date()) -> TimeInterval? {
        headers["retry-after"].flatMap { RetryAfter.seconds(from: $0, now: now) }
    }
}
