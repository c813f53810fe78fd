import Testing
import Bounds

@Suite("DigitRun reads digits with every step checked")
struct DigitRunTests {
    @Test("decimal and hexadecimal values", arguments: [
        ("0", 10, UInt32(0)), ("8211", 10, 8211), ("2014", 16, 0x2014), ("fFfF", 16, 0xFFFF),
        ("4294967295", 10, UInt32.max), ("ffffffff", 16, UInt32.max),
    ] as [(String, Int, UInt32)])
    func values(text: String, radix: Int, expected: UInt32) {
        #expect(DigitRun.value(Array(text.utf8), radix: radix, as: UInt32.self) == expected)
    }

    @Test("overflow, non-digits and empty runs are nil", arguments: [
        ("4294967296", 10), ("100000000", 16), ("99999999999999999999999", 10), ("12a", 10), ("", 10), ("-1", 10), ("0x10", 16),
    ])
    func rejected(text: String, radix: Int) {
        #expect(DigitRun.value(Array(text.utf8), radix: radix, as: UInt32.self) == nil)
    }
}
