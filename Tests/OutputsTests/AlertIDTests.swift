import Testing
@testable import Outputs

@Suite("AlertID")
struct AlertIDTests {
    @Test("is the first 16 bytes of SHA-256 of \"rule\\nidentity\", in lower-case hex")
    func knownAnswer() {
        // python3 -c "import hashlib; print(hashlib.sha256(b'hamas\nhttps://e.x/1').hexdigest()[:32])"
        #expect(AlertID.make(rule: "hamas", itemIdentity: "https://e.x/1") == "4aa6ec59aaee3b9aa016eb7044cb5634")
    }

    @Test("depends on both the rule and the item, and on nothing else")
    func pure() {
        let id = AlertID.make(rule: "r", itemIdentity: "i")
        #expect(AlertID.make(rule: "r", itemIdentity: "i") == id)
        #expect(AlertID.make(rule: "r2", itemIdentity: "i") != id)
        #expect(AlertID.make(rule: "r", itemIdentity: "i2") != id)
        // The line break between them keeps ("ab", "c") and ("a", "bc") apart.
        #expect(AlertID.make(rule: "ab", itemIdentity: "c") != AlertID.make(rule: "a", itemIdentity: "bc"))
        #expect(id.count == 32 && id.allSatisfy { $0.isHexDigit })
    }
}
