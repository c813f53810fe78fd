internal import CLibCrypto

/// An alert's identity is a pure function of (rule, item), so a restart, a
/// second daemon or a replay all reach the same id: the idempotency key receivers dedupe on.
public enum AlertID {
    public static func make(rule: String, itemIdentity: String) -> String {
        let message = Array("\(rule)\n\(itemIdentity)".utf8)
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        message.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                _ = SHA256(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return digest.prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
