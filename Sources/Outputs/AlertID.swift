import Model

/// An alert's identity is a pure function of (rule, item), so a restart, a
/// second daemon or a replay all reach the same id: the idempotency key receivers dedupe on.
public enum AlertID {
    public static func make(rule: String, itemIdentity: String) -> String {
        let message = Array("\(rule)\n\(itemIdentity)".utf8)
        // SHA256(3) fails only when libcrypto itself is broken. The id must still be
        // a pure function of its input and never empty; alerts are kept unique by (rule,
        // identity), not by id, so this fallback cannot make an alert fire twice.
        guard let digest = SHA256Digest.bytes(message) else { return SHA256Digest.hex(of: fallback(message)) }
        return SHA256Digest.hex(of: digest.prefix(16))
    }

    /// Two FNV-1a passes with different seeds: 16 bytes, not cryptographic.
    private static func fallback(_ message: [UInt8]) -> [UInt8] {
        [FNV.hash(message), FNV.hash(message, seed: ~FNV.offset)].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } }
    }
}
