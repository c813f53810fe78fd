import Foundation
import Bounds

/// RFC 3339, ISO 8601 and W3C-DTF, partial dates included ("2003", "2003-12",
/// "2003-12-31", "2003-12-31T10:14Z", "20031231T101455+0100").
enum ISODate {
    static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(text)
        guard let year = scanner.number(digits: 4) else { return nil }
        var month = 1, day = 1
        if scanner.skip("-") || scanner.peekDigit {
            guard let m = scanner.number(digits: 2) else { return nil }
            month = m
            if scanner.skip("-") || scanner.peekDigit {
                guard let d = scanner.number(digits: 2) else { return nil }
                day = d
            }
        }
        var hour = 0, minute = 0, second = 0, offset = 0
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let h = scanner.number(digits: 2) else { return nil }
            _ = scanner.skip(":")
            guard let mi = scanner.number(digits: 2) else { return nil }
            hour = h
            minute = mi
            if scanner.skip(":") || scanner.peekDigit {
                second = scanner.number(digits: 2) ?? 0
            }
            if scanner.skip(".") || scanner.skip(",") { scanner.skipDigits() }
            _ = scanner.skip(" ")
            guard let zone = scanner.zoneOffset() else { return nil }
            offset = zone
        }
        guard scanner.atEnd else { return nil }
        return CivilTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }
}

/// A cursor over ASCII digits and separators.
struct DigitScanner {
    private let scalars: [UInt8]
    private var index = 0

    init(_ text: String) { scalars = Array(text.utf8) }

    var atEnd: Bool { index == scalars.count }
    var peekDigit: Bool { index < scalars.count && (0x30...0x39).contains(scalars[index]) }

    mutating func skip(_ character: Character) -> Bool {
        guard index < scalars.count, let ascii = character.asciiValue, scalars[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= scalars.count else { return nil }
        var value = 0
        for b in scalars[index..<index + digits] {
            guard (0x30...0x39).contains(b) else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        index += digits
        return value
    }

    mutating func skipDigits() {
        while peekDigit { index += 1 }
    }

    /// "Z", "+01:00", "-0500", "+01" or nothing (taken as UTC); seconds east of UTC.
    mutating func zoneOffset() -> Int? {
        if atEnd { return 0 }
        if skip("Z") || skip("z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2) else { return nil }
        _ = skip(":")
        let minutes = number(digits: 2) ?? 0
        return sign * (hours * 3600 + minutes * 60)
    }
}
