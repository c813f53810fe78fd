import Testing
@testable import Fetch

@Suite("MailEnvelope")
struct MailEnvelopeTests {
    @Test("smtps is TLS from the start; smtp needs STARTTLS unless the server is this machine", arguments: [
        ("smtps://mail.example.org:465", MailEnvelope.Security.implicitTLS),
        ("SMTPS://mail.example.org", .implicitTLS),
        ("smtp://mail.example.org:587", .startTLSRequired),
        ("smtp://10.0.0.5:25", .startTLSRequired),
        ("smtp://localhost:25", .startTLSIfOffered),
        ("smtp://127.0.0.1:2525", .startTLSIfOffered),
        ("smtp://[::1]:25", .startTLSIfOffered),
        ("smtp://127.evil.example.org:25", .startTLSRequired),
    ])
    func security(url: String, expected: MailEnvelope.Security) {
        #expect(MailEnvelope.security(of: url) == expected)
    }
}
