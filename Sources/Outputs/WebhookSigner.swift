import Foundation
internal import CLibCrypto

/// Standard Webhooks signatures: `v1,` + base64(HMAC-SHA256(secret, "{id}.{timestamp}.{body}")).
public struct WebhookSigner: Sendable {
    private let key: [UInt8]

    /// A secret written `whsec_<base64>` is base64-decoded first; any other is used as its bytes.
    public init(secret: String) {
        if secret.hasPrefix("whsec_"), let decoded = Data(base64Encoded: String(secret.dropFirst(6))) {
            key = Array(decoded)
        } else {
            key = Array(secret.utf8)
        }
    }

    /// nil when libcrypto fails: an alert is never sent with an empty signature.
    public func signature(id: String, timestamp: Int, body: String) -> String? {
        let message = Array("\(id).\(timestamp).\(body)".utf8)
        guard let mac = WebhookSigner.hmacSHA256(key: key, message: message) else { return nil }
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The MAC, or nil when HMAC(3) fails or the key is too long for its `int` length.
    static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8]? {
        guard let keyLength = Int32(exactly: key.count) else { return nil }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                digest.withUnsafeMutableBytes { out in
                    HMAC(EVP_sha256(), keyBytes.baseAddress, keyLength,
                         messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBytes.count,
                         out.baseAddress?.assumingMemoryBound(to: UInt8.self), &length) != nil
                }
            }
        }
        guard ok, length == 32 else { return nil }
        return Array(digest.prefix(Int(length)))
    }
}
