import Foundation
import Testing
import Model
@testable import Parse

/// One instant, 2003-06-10T04:00:00Z, written the ways feeds write it: in every
/// zone feeds name (RFC 822 §5.1 and common abbreviations), with and without
/// weekday and seconds, with numeric offsets, and in ISO 8601 forms.
@Suite("FeedDate across zones and forms")
struct FeedDateZoneTests {
    static let instant = Date(timeIntervalSince1970: 1_055_217_600)  // 2003-06-10T04:00:00Z

    /// Zone → minutes east of UTC, written down from RFC 822 §5.1 and zone tables.
    static let zones: [(String, Int)] = [
        ("GMT", 0), ("UT", 0), ("UTC", 0), ("Z", 0), ("EST", -300), ("EDT", -240), ("CST", -360), ("CDT", -300),
        ("MST", -420), ("MDT", -360), ("PST", -480), ("PDT", -420), ("AKST", -540), ("AKDT", -480), ("HST", -600),
        ("AST", -240), ("ADT", -180), ("NST", -210), ("BST", 60), ("CET", 60), ("CEST", 120), ("EET", 120),
        ("EEST", 180), ("MSK", 180), ("IST", 330), ("JST", 540), ("KST", 540), ("HKT", 480), ("SGT", 480),
        ("AEST", 600), ("AEDT", 660), ("NZST", 720), ("NZDT", 780), ("WET", 0), ("MET", 60),
        ("A", 60), ("B", 120), ("C", 180), ("D", 240), ("E", 300), ("F", 360), ("G", 420), ("H", 480), ("I", 540),
        ("K", 600), ("L", 660), ("M", 720), ("N", -60), ("O", -120), ("P", -180), ("Q", -240), ("R", -300),
        ("S", -360), ("T", -420), ("U", -480), ("V", -540), ("W", -600), ("X", -660), ("Y", -720),
    ]

    static let offsets = [-720, -600, -480, -300, -210, -60, 0, 60, 120, 330, 345, 540, 600, 780, 840]

    static func local(_ minutes: Int) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday],
                                       from: instant.addingTimeInterval(TimeInterval(minutes * 60)))
    }

    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func rfc822(_ minutes: Int, zone: String, weekday: Bool, seconds: Bool, twoDigitYear: Bool = false) -> String {
        let c = local(minutes)
        let day = weekday ? "\(dayNames[c.weekday! - 1]), " : ""
        let year = twoDigitYear ? String(format: "%02d", c.year! % 100) : String(c.year!)
        let time = seconds ? String(format: "%02d:%02d:%02d", c.hour!, c.minute!, c.second!) : String(format: "%02d:%02d", c.hour!, c.minute!)
        return "\(day)\(String(format: "%02d", c.day!)) \(monthNames[c.month! - 1]) \(year) \(time) \(zone)"
    }

    static var namedZoneCases: [String] {
        zones.flatMap { zone, minutes in
            [rfc822(minutes, zone: zone, weekday: true, seconds: true), rfc822(minutes, zone: zone, weekday: false, seconds: true),
             rfc822(minutes, zone: zone, weekday: true, seconds: false), rfc822(minutes, zone: zone, weekday: true, seconds: true, twoDigitYear: true)]
        }
    }

    static func numeric(_ minutes: Int, colon: Bool) -> String {
        let sign = minutes < 0 ? "-" : "+"
        let value = abs(minutes)
        return String(format: colon ? "%@%02d:%02d" : "%@%02d%02d", sign, value / 60, value % 60)
    }

    static var numericCases: [String] {
        offsets.flatMap { minutes -> [String] in
            let c = local(minutes)
            let iso = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            return [rfc822(minutes, zone: numeric(minutes, colon: false), weekday: true, seconds: true),
                    rfc822(minutes, zone: numeric(minutes, colon: false), weekday: false, seconds: false),
                    iso + numeric(minutes, colon: true), iso + numeric(minutes, colon: false), iso + ".123" + numeric(minutes, colon: true),
                    rfc822(minutes, zone: "GMT" + numeric(minutes, colon: true), weekday: true, seconds: true)]
        }
    }

    @Test("named zones, with and without weekday, seconds and century", arguments: namedZoneCases)
    func named(text: String) {
        #expect(FeedDate.parse(text) == Self.instant, "\(text)")
    }

    @Test("numeric offsets in RFC 822 and ISO 8601 forms", arguments: numericCases)
    func numeric(text: String) {
        #expect(FeedDate.parse(text) == Self.instant, "\(text)")
    }
}
