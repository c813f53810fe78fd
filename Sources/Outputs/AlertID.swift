internal import CLibCrypto
import Model

/// An alert's identity is a pure function of (rule, item), so a restart, a
/// second daemon or a replay all reach the same id: the idempotency key receivers dedupe on.
public enum AlertID {
    public static func make(rule: String, itemIdentity: String) -> String {
        let message = Array("\(rule)\n\(itemIdentity)".utf8)
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let hashed = message.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                SHA256(input.baseAddress, input.count, output.baseAddress) != nil
            }
        }
        // SHA256(3) returns NULL only when libcrypto itself is broken. The id must still be
        // a pure function of its input and never empty; alerts are kept unique by (rule,
        // identity), not by id, so this fallback cannot make an alert fire twice.
        guard hashed else { return hex(fallback(message)) }
        return hex(digest.prefix(16))
    }

    /// Two FNV-1a passes with different seeds: 16 bytes, not cryptographic.
    private static func fallback(_ message: [UInt8]) -> [UInt8] {
        [FNV.hash(message), FNV.hash(message, seed: ~FNV.offset)].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ bytes: some Collection<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
