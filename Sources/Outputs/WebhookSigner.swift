import Foundation

/// Standard Webhooks signatures: `v1,` + base64(HMAC-SHA256(secret, "{id}.{timestamp}.{body}")).
/// During a key rotation there are several secrets, and one signature per secret,
/// space-separated: a receiver that knows either key accepts the message.
public struct WebhookSigner: Sendable {
    private let keys: [[UInt8]]

    /// A secret written `whsec_<base64>` is base64-decoded first; any other is used as its bytes.
    public init(secret: String) {
        self.init(secrets: [secret])
    }

    public init(secrets: [String]) {
        keys = secrets.map { secret in
            if secret.hasPrefix("whsec_"), let decoded = Data(base64Encoded: String(secret.dropFirst(6))) { return Array(decoded) }
            return Array(secret.utf8)
        }
    }

    /// What is wrong with a `whsec_` secret, if anything: the Standard Webhooks keys are
    /// base64 of 24 to 64 random bytes. Secrets of any other form are used as their bytes.
    public static func problem(with secret: String) -> String? {
        guard secret.hasPrefix("whsec_") else { return nil }
        guard let decoded = Data(base64Encoded: String(secret.dropFirst(6))) else { return "a whsec_ secret must be base64 after the prefix" }
        return (24...64).contains(decoded.count) ? nil : "a whsec_ secret must hold 24 to 64 bytes, this one holds \(decoded.count)"
    }

    /// A fresh `whsec_` secret of 32 random bytes (`feedwatch secret new`).
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()  // getrandom(2)
        return "whsec_" + Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    }

    /// nil when libcrypto fails: an alert is never sent with an empty signature.
    public func signature(id: String, timestamp: Int, body: String) -> String? {
        let message = Array("\(id).\(timestamp).\(body)".utf8)
        var signatures: [String] = []
        for key in keys {
            guard let mac = WebhookSigner.hmacSHA256(key: key, message: message) else { return nil }
            signatures.append("v1," + Data(mac).base64EncodedString())
        }
        return signatures.isEmpty ? nil : signatures.joined(separator: " ")
    }

    /// The MAC, or nil when HMAC(3) fails or the key is too long for its `int` length.
    static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8]? {
        HMACDigest.mac(.sha256, key: key, message: message)
    }
}
