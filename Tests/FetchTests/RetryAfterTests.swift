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
