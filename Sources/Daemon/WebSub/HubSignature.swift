import Outputs

/// `X-Hub-Signature: method=signature` on a push (WebSub §8): the HMAC of the body
/// with the subscription's secret, in hex, by SHA-1, SHA-256, SHA-384 or SHA-512.
enum HubSignature {
    static func isValid(_ header: String?, secret: String, body: [UInt8]) -> Bool {
        guard let header, let equals = header.firstIndex(of: "=") else { return false }
        let method = header[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        guard let algorithm = HMACDigest.Algorithm(rawValue: method),
              let given = hex(header[header.index(after: equals)...].trimmingCharacters(in: .whitespaces)),
              let expected = HMACDigest.mac(algorithm, key: Array(secret.utf8), message: body) else { return false }
        return HMACDigest.equal(given, expected)
    }

    /// Hex digits to bytes; nil for an odd count or a non-hex digit.
    static func hex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0, digits.count <= 256 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
