import Foundation
import Bounds
import Model

/// RFC 822 §5 / RFC 1123 dates and what feeds make of them: missing or wrong
/// weekdays, two-digit years, missing seconds, named and military zones,
/// "GMT+2", no zone at all (taken as UTC), month names in a few languages.
enum RFC822Date {
    static func parse(_ text: String) -> Date? {
        if let date = canonical(text) { return date }
        var day: Int?, month: Int?, year: Int?
        var clock: (Int, Int, Int)?
        var offset = 0
        for raw in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            var token = raw.lowercased()
            while token.hasSuffix(".") { token.removeLast() }
            while token.hasPrefix(".") { token.removeFirst() }
            if token.isEmpty || weekdays.contains(token) { continue }
            if clock == nil, token.contains(":" as Character), let time = parseClock(token) {
                clock = time.clock
                if let zone = time.zone { offset = zone }
                continue
            }
            if clock != nil, token.first == "+" || token.first == "-", let zone = zoneOffset(token) {
                offset = zone
                continue
            }
            if let m = monthNumber(token), month == nil {
                month = m
                continue
            }
            if let number = Int(token) {
                if day == nil, number >= 1, number <= 31, token.count <= 2 { day = number } else if year == nil { year = fullYear(number, digits: token.count) }
                continue
            }
            if clock != nil, let zone = zoneOffset(token) { offset = zone }
        }
        guard let day, let month, let year else { return nil }
        let (h, m, s) = clock ?? (0, 0, 0)
        return CivilTime.date(year: year, month: month, day: day, hour: h, minute: m, second: s, offset: offset)
    }

    /// The form nearly every feed writes, "Tue, 10 Jun 2003 04:00:00 GMT" (or "+0100"),
    /// read straight from the bytes; anything else goes the general way.
    private static func canonical(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 29, b[3] == 44, b[4] == 32, b[7] == 32, b[11] == 32, b[16] == 32, b[19] == 58, b[22] == 58, b[25] == 32
        else { return nil }
        func number(_ at: Int, _ count: Int) -> Int? {
            var value = 0
            for k in at..<at + count {
                guard b[k] >= 48, b[k] <= 57 else { return nil }
                value = value * 10 + Int(b[k] - 48)
            }
            return value
        }
        guard let day = number(5, 2), let year = number(12, 4), let h = number(17, 2), let m = number(20, 2),
              let s = number(23, 2) else { return nil }
        let monthName = String(decoding: b[8..<11], as: UTF8.self).lowercased()
        guard let month = canonicalMonths.firstIndex(of: monthName) else { return nil }
        let zone = String(decoding: b[26...], as: UTF8.self)
        let offset: Int
        if zone == "GMT" || zone == "UT" || zone == "UTC" || zone == "Z" {
            offset = 0
        } else if (zone.hasPrefix("+") || zone.hasPrefix("-")), zone.utf8.count == 5, let value = Int(zone.dropFirst()) {
            offset = (zone.hasPrefix("-") ? -1 : 1) * ((value / 100) * 3600 + (value % 100) * 60)
        } else {
            return nil
        }
        return CivilTime.date(year: year, month: month + 1, day: day, hour: h, minute: m, second: s, offset: offset)
    }

    private static let canonicalMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func parseClock(_ token: String) -> (clock: (Int, Int, Int), zone: Int?)? {
        // A zone glued to the time: "10:00:00+0200", "10:00Z".
        var timePart = Substring(token)
        var zone: Int?
        if let signIndex = token.firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "z" }) {
            timePart = token[..<signIndex]
            zone = zoneOffset(String(token[signIndex...]))
        }
        let fields = timePart.split(separator: ":").map { Int($0.prefix(2)) }
        guard fields.count >= 2, fields.count <= 3, let h = fields[0], let m = fields[1] else { return nil }
        let s = fields.count == 3 ? (fields[2] ?? 0) : 0
        return ((h, m, s), zone)
    }

    private static func fullYear(_ number: Int, digits: Int) -> Int {
        // RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx.
        if digits <= 2 { return number < 50 ? 2000 + number : 1900 + number }
        if digits == 3 { return 1900 + number }
        return number
    }

    static func zoneOffset(_ token: String) -> Int? {
        let lower = token.lowercased()
        if let hours = namedZones[lower] { return Int(hours * 3600) }
        for prefix in ["gmt", "utc", "ut", ""] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard let sign = rest.first, sign == "+" || sign == "-" else { continue }
            let digits = rest.dropFirst().filter(\.isNumber)
            guard !digits.isEmpty, digits.count <= 4, let value = Int(digits) else { return nil }
            let (h, m) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
            return (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
        }
        return nil
    }

    private static func monthNumber(_ token: String) -> Int? {
        if let index = months.firstIndex(where: { names in names.contains { token.hasPrefix($0) } }) {
            return index + 1
        }
        return nil
    }

    /// Prefixes of month names in English, German, French, Spanish, Italian, Dutch and Portuguese.
    private static let months: [[String]] = [
        ["jan", "gen", "ene", "janv"], ["feb", "fév", "fev", "févr"], ["mar", "mär", "maa"],
        ["apr", "avr", "abr"], ["may", "mai", "mei", "mag", "mayo"], ["jun", "juin", "giu"],
        ["jul", "juil", "lug"], ["aug", "aoû", "aou", "ago"], ["sep", "set"],
        ["oct", "okt", "ott", "out"], ["nov"], ["dec", "dez", "déc", "dic"],
    ]

    private static let weekdays: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "lun", "mer", "jeu", "ven", "sam", "dim", "mon.", "son", "die", "mit", "don", "fre",
    ]

    /// RFC 822 §5.1 zones, military letters, and common named zones (hours east of UTC).
    private static let namedZones: [String: Double] = {
        var zones: [String: Double] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 1, "ist": 5.5, "cet": 1, "cest": 2,
            "met": 1, "mest": 2, "eet": 2, "eest": 3, "msk": 3, "jst": 9, "kst": 9, "hkt": 8,
            "sgt": 8, "awst": 8, "acst": 9.5, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
            "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
            "akst": -9, "akdt": -8, "hst": -10, "ast": -4, "adt": -3, "nst": -3.5, "ndt": -2.5,
        ]
        // Military zones (RFC 822 §5.1; RFC 1123 §5.2.14 notes their signs were
        // often reversed in practice, so only A–I/K–M east and N–Y west as written).
        for (i, letter) in "abcdefghi".enumerated() { zones[String(letter)] = Double(i + 1) }
        for (i, letter) in "klm".enumerated() { zones[String(letter)] = Double(i + 10) }
        for (i, letter) in "nopqrstuvwxy".enumerated() { zones[String(letter)] = -Double(i + 1) }
        return zones
    }()
}
