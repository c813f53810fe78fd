internal import CLibCrypto

/// HMAC (RFC 2104) through the system's libcrypto: webhook signatures (SHA-256) and the
/// signatures a WebSub hub puts on what it pushes (SHA-1, SHA-256, SHA-384, SHA-512).
package enum HMACDigest {
    package enum Algorithm: String, Sendable, CaseIterable {
        case sha1, sha256, sha384, sha512

        var length: UInt32 {
            switch self {
            case .sha1: 20
            case .sha256: 32
            case .sha384: 48
            case .sha512: 64
            }
        }
    }

    /// The MAC, or nil when HMAC(3) fails or the key is too long for its `int` length.
    package static func mac(_ algorithm: Algorithm, key: [UInt8], message: [UInt8]) -> [UInt8]? {
        guard let keyLength = Int32(exactly: key.count), let md = digest(algorithm) else { return nil }
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                out.withUnsafeMutableBytes { buffer in
                    HMAC(md, keyBytes.baseAddress, keyLength,
                         messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBytes.count,
                         buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), &length) != nil
                }
            }
        }
        guard ok, length == algorithm.length else { return nil }
        return Array(out.prefix(Int(length)))
    }

    /// Compares two MACs in time that does not depend on where they differ.
    package static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    private static func digest(_ algorithm: Algorithm) -> OpaquePointer? {
        switch algorithm {
        case .sha1: EVP_sha1()
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        case .sha512: EVP_sha512()
        }
    }
}
