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
