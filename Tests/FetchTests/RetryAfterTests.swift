import Foundation
import Testing
@testable import Fetch

@Suite("Retry-After (RFC 9110 §10.2.3)")
struct RetryAfterTests {
    @Test("reads delay-seconds and IMF-fixdate, rejects junk")
    func parses() {
        let now = Date(timeIntervalSince1970: 784_111_717)  // Sun, 06 Nov 1994 08:48:37 GMT
        #expect(RetryAfter.seconds(from: "120", now: now) == 120)
        #expect(RetryAfter.seconds(from: "Sun, 06 Nov 1994 08:49:37 GMT", now: now) == 60)
        #expect(RetryAfter.seconds(from: "soon", now: now) == nil)
        #expect(RetryAfter.seconds(from: "-5", now: now) == nil)
    }

    @Test("values a hostile server sends are capped at one day or rejected, never a trap", arguments: [
        ("99999999999999999999999999", 86_400.0),          // delay-seconds past 64 bits
        ("9223372036854775807", 86_400),
        ("100000", 86_400),
        ("Sun, 06 Nov 9999 08:49:37 GMT", 86_400),         // a date far in the future
        ("Sun, 06 Nov 1993 08:49:37 GMT", 0),              // a date in the past: no wait
    ] as [(String, Double)])
    func capped(value: String, expected: Double) {
        let now = Date(timeIntervalSince1970: 784_111_717)
        #expect(RetryAfter.seconds(from: value, now: now) == expected)
    }

    @Test("HTTP-dates with fields out of range are unreadable", arguments: [
        "Sun, 06 Nov 99999999999999999999 08:49:37 GMT", "Sun, 06 Nov 4294969196 08:49:37 GMT",
        "Sun, 06 Nov 1994 99999999999:49:37 GMT", "Sun, 99 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:-37 GMT",
        "Sun, 06 Nov 1994 08:49:٣٧ GMT", "1.5", "12abc", "",
    ])
    func unreadable(value: String) {
        #expect(RetryAfter.seconds(from: value, now: Date()) == nil)
    }
}

@Suite("FetchError descriptions")
struct FetchErrorTests {
    @Test("never show user info, queries or long paths that may hold tokens")
    func redacts() {
        let error = FetchError.transport(code: 7, message: "couldn't connect", url: "https://user:pw@hooks.example.com/services/T0/B0/SECRET?token=abc")
        #expect(error.description == "fetch: couldn't connect (curl 7, https://hooks.example.com/services/T0/…)")
        #expect(!error.description.contains("SECRET"))
        #expect(!error.description.contains("abc"))
    }
}
