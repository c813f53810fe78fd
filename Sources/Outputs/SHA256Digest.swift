internal import CLibCrypto

/// SHA-256 through libcrypto's SHA256(3), checked: nil when libcrypto fails.
public enum SHA256Digest {
    public static func bytes(_ message: [UInt8]) -> [UInt8]? {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let hashed = message.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                SHA256(input.baseAddress, input.count, output.baseAddress) != nil
            }
        }
        return hashed ? digest : nil
    }

    /// The digest in lower-case hex, 64 characters.
    public static func hex(_ message: [UInt8]) -> String? {
        bytes(message).map(hex(of:))
    }

    private static let digits = Array("0123456789abcdef".utf8)

    static func hex(of bytes: some Collection<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
