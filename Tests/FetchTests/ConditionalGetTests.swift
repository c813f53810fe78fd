import Testing
@testable import Fetch

@Suite("ConditionalGet sends back only validators that are safe to send")
struct ConditionalGetTests {
    @Test("a validator with a control character or past 1 KB is dropped", arguments: [
        "\"v1\"\r\nX-Injected: 1", "\"v1\"\nHost: evil", "\"v\u{0}1\"", String(repeating: "e", count: 1025),
    ])
    func dropped(value: String) {
        let validators = ConditionalGet(etag: value, lastModified: value)
        #expect(validators.etag == nil)
        #expect(validators.lastModified == nil)
        #expect(validators.requestHeaders.isEmpty)
    }

    @Test("ordinary validators are sent as they came")
    func kept() {
        let validators = ConditionalGet(etag: "W/\"abc\"", lastModified: "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(validators.requestHeaders == ["If-None-Match: W/\"abc\"", "If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT"])
    }
}
