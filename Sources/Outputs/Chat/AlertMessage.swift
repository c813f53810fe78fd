import Foundation
import Model

/// What a person reads of an alert, taken from its JSON (the outbox keeps the JSON, so
/// a message is the same on every retry): severity, rule and the title linked; who or
/// what matched, with the matched words in context; the feed; the time.
public struct AlertMessage: Sendable, Equatable {
    public struct Match: Sendable, Equatable {
        public var name: String
        public var type: String
        /// The words around the first mention, the mention itself between markers.
        public var before: String, words: String, after: String
    }

    public var id: String
    public var rule: String
    public var severity: String?
    public var firedAt: String
    public var feed: String
    public var title: String
    public var link: String?
    public var matches: [Match]
    /// A digest's alerts, each read as a message of its own (empty for an alert).
    public var digested: [AlertMessage] = []

    /// Reads an alert's JSON text; nil when it is not one.
    public init?(json: String) {
        guard let alert = try? JSONReader.parse(Array(json.utf8)) else { return nil }
        self.init(alert)
    }

    public init?(_ alert: JSONValue) {
        guard let id = alert["id"]?.stringValue, let rule = alert["rule"]?.stringValue else { return nil }
        if alert["kind"]?.stringValue == "digest" {
            self.init(digest: alert, id: id, rule: rule)
        } else {
            self.init(single: alert, id: id, rule: rule)
        }
    }

    private init(single alert: JSONValue, id: String, rule: String) {
        self.id = id
        self.rule = rule
        severity = alert["severity"]?.stringValue
        firedAt = alert["firedAt"]?.stringValue ?? ""
        feed = alert["feed"]?["title"]?.stringValue ?? alert["feed"]?["id"]?.stringValue ?? ""
        let item = alert["item"]
        title = item?["title"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "(untitled)"
        link = item?["link"]?.stringValue
        var matches: [Match] = []
        if case let .array(found)? = alert["matches"] {
            for match in found {
                guard let name = match["name"]?.stringValue else { continue }
                var context = Match(name: name, type: match["type"]?.stringValue ?? "", before: "", words: name, after: "")
                if case let .array(mentions)? = match["mentions"], let first = mentions.first {
                    let field = first["field"]?.stringValue == "title" ? item?["title"]?.stringValue : item?["summary"]?.stringValue
                    context = Self.context(of: first, in: field, name: name, type: context.type)
                }
                matches.append(context)
            }
        }
        self.matches = matches
    }

    /// A digest (`{"kind": "digest", …}`): its title counts the alerts; its feed line gives
    /// the time span; its severity is its alerts' highest.
    private init(digest: JSONValue, id: String, rule: String) {
        self.id = id
        self.rule = rule
        if case let .array(alerts)? = digest["alerts"] { digested = alerts.compactMap(AlertMessage.init) }
        let count = digest["count"]?.intValue ?? digested.count
        severity = Self.highest(digested.compactMap(\.severity))
        firedAt = digest["to"]?.stringValue ?? ""
        feed = "\(digest["from"]?.stringValue ?? "") – \(firedAt)"
        title = count == 1 ? "1 alert" : "\(count) alerts"
        link = nil
        matches = []
    }

    /// The highest of severities, by the usual words (critical > high > medium > low > info).
    static func highest(_ severities: [String]) -> String? {
        let order = ["info", "low", "medium", "warning", "high", "critical"]
        return severities.max { (order.firstIndex(of: $0.lowercased()) ?? 0) < (order.firstIndex(of: $1.lowercased()) ?? 0) }
    }

    /// At most this many characters of text on each side of a mention.
    static let contextLength = 60

    private static func context(of mention: JSONValue, in field: String?, name: String, type: String) -> Match {
        let text = mention["text"]?.stringValue ?? name
        let scalars = Array((field ?? "").unicodeScalars)
        guard let start = mention["start"]?.intValue, let end = mention["end"]?.intValue,
              0 <= start, start < end, end <= scalars.count else {
            return Match(name: name, type: type, before: "", words: text, after: "")
        }
        let from = max(0, start - contextLength), to = min(scalars.count, end + contextLength)
        let piece = { (range: Range<Int>) in String(String.UnicodeScalarView(scalars[range])) }
        let before = (from > 0 ? "…" : "") + piece(from..<start)
        let after = piece(end..<to) + (to < scalars.count ? "…" : "")
        return Match(name: name, type: type, before: Self.oneLine(before), words: Self.oneLine(piece(start..<end)), after: Self.oneLine(after))
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// "[high] turkey-hamas: Erdoğan meets Hamas delegation"; "turkey-hamas: 12 alerts" for a digest.
    public var headline: String {
        (severity.map { "[\($0)] " } ?? "") + "\(rule): \(title)"
    }
}
