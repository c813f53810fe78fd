/// Reads a run of ASCII digits as a number, with every step checked: numbers
/// in headers, character references and dates are written by strangers, and
/// `value * 10 + digit` on a fixed-width integer traps on the first overflow.
public enum DigitRun {
    /// The digits' value in `radix` (10 or 16), or nil when `digits` is empty,
    /// holds a non-digit, or does not fit in `T`.
    public static func value<T: FixedWidthInteger>(
        _ digits: some Collection<UInt8>, radix: Int = 10, as type: T.Type = T.self
    ) -> T? {
        guard !digits.isEmpty else { return nil }
        var value: T = 0
        for byte in digits {
            guard let digit = self.digit(byte, radix: radix) else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: T(radix))
            let (sum, overflowB) = shifted.addingReportingOverflow(T(digit))
            guard !overflowA, !overflowB else { return nil }
            value = sum
        }
        return value
    }

    /// The value of one ASCII digit in `radix` (10 or 16), or nil.
    @inline(__always)
    public static func digit(_ byte: UInt8, radix: Int) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46 where radix == 16: Int(byte - 0x41 + 10)
        case 0x61...0x66 where radix == 16: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}
