import Bounds
/// The alert JSON of the contract: one line of a file, a webhook body.
/// Written straight to bytes: in an alert storm every alert is serialised once, and a
/// tree of values built first would cost more than the writing.
extension Alert {
    public func writeJSON(to out: inout JSONWriter) {
        writeJSON(to: &out, sharing: nil)
    }

    /// The parts of an alert that the other alerts of its item share, written once.
    struct SharedParts {
        var source: Alert
        var feed: [UInt8], item: [UInt8], entities: [UInt8]

        init(_ alert: Alert) {
            source = alert
            feed = Self.written { alert.writeFeed(to: &$0) }
            item = Self.written { alert.writeItem(to: &$0) }
            entities = Self.written { alert.writeEntities(to: &$0) }
        }

        private static func written(_ write: (inout JSONWriter) -> Void) -> [UInt8] {
            var out = JSONWriter()
            write(&out)
            return out.bytes
        }
    }

    func writeJSON(to out: inout JSONWriter, sharing shared: SharedParts?) {
        out.object { out in
            out.key("id"); out.string(id)
            out.key("rule"); out.string(rule)
            out.key("severity"); out.string(severity)
            out.key("firedAt"); out.date(firedAt)
            out.key("feed")
            if let shared, shared.source.feed == feed { out.raw(shared.feed) } else { writeFeed(to: &out) }
            out.key("item")
            if let shared, shared.source.item == item { out.raw(shared.item) } else { writeItem(to: &out) }
            out.key("matches"); out.array(matches) { $1.writeJSON(to: &$0) }
            out.key("entities")
            if let shared, shared.source.entities == entities { out.raw(shared.entities) } else { writeEntities(to: &out) }
            if let spike { out.key("spike"); spike.writeJSON(to: &out) }
            out.key("story"); out.string(story)
            out.key("fetch")
            if let fetch {
                out.object { out in
                    out.key("at"); out.date(fetch.at)
                    out.key("status"); out.int(fetch.status)
                    out.key("url"); out.string(fetch.url)
                    out.key("itemHash"); out.string(fetch.itemHash)
                }
            } else {
                out.null()
            }
        }
    }

    private func writeFeed(to out: inout JSONWriter) {
        out.object { out in
            out.key("id"); out.string(feed.id)
            out.key("url"); out.string(feed.url)
            out.key("title"); out.string(feed.title)
        }
    }

    private func writeItem(to out: inout JSONWriter) {
        out.object { out in
            out.key("id"); out.string(item.id)
            out.key("title"); out.string(item.title)
            out.key("link"); out.string(item.link)
            out.key("published"); out.date(item.published)
            out.key("summary"); out.string(item.summary)
        }
    }

    private func writeEntities(to out: inout JSONWriter) {
        out.array(entities) { out, entity in
            out.object { out in
                out.key("text"); out.string(entity.text)
                out.key("type"); out.string(entity.type.rawValue)
                out.key("count"); out.int(entity.count)
            }
        }
    }

    /// The alert's JSON text: a file line, a webhook body.
    public var jsonText: String {
        var out = JSONWriter(capacity: 1024)
        writeJSON(to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The JSON texts of the alerts of one item, the same as each one's `jsonText`: the
    /// feed, item and entities they share are written once (an item that fires five
    /// rules is mostly the same five times).
    public static func jsonTexts(_ alerts: [Alert]) -> [String] {
        guard alerts.count > 1, let first = alerts.first else { return alerts.map(\.jsonText) }
        let shared = SharedParts(first)
        return alerts.map { alert in
            var out = JSONWriter(capacity: 1024)
            alert.writeJSON(to: &out, sharing: shared)
            return String(decoding: out.bytes, as: UTF8.self)
        }
    }

    public var json: JSONValue { JSONValue.reading(writeJSON) }

    /// One readable line for a terminal.
    public var readableLine: String {
        let names = matches.map(\.name).joined(separator: ", ")
        let level = severity.map { "[\($0)] " } ?? ""
        let title = item.title ?? "(untitled)"
        let link = item.link.map { " <\($0)>" } ?? ""
        return "\(Timestamp.rfc3339(firedAt)) \(level)\(rule): \(names) — \(title) (\(feed.id))\(link)"
    }
}

extension WatchMatch {
    public func writeJSON(to out: inout JSONWriter) {
        out.object { out in
            out.key("watch"); out.string(watch)
            out.key("name"); out.string(name)
            out.key("type"); out.string(type)
            out.key("mentions"); out.array(mentions) { out, mention in
                out.object { out in
                    out.key("text"); out.string(mention.text)
                    out.key("field"); out.string(mention.field.rawValue)
                    out.key("start"); out.int(mention.start)
                    out.key("end"); out.int(mention.end)
                }
            }
        }
    }
}

extension SpikeReport {
    public func writeJSON(to out: inout JSONWriter) {
        out.object { out in
            out.key("watch"); out.string(watch)
            out.key("windowSeconds"); out.int(Int(saturating: window))
            out.key("count"); out.int(count)
            out.key("expected"); out.double((expected * 100).rounded() / 100)
            out.key("factor"); out.double(factor)
            out.key("since"); out.date(since)
            out.key("top"); out.array(top) { out, item in
                out.object { out in
                    out.key("feed"); out.string(item.feed)
                    out.key("title"); out.string(item.title)
                    out.key("link"); out.string(item.link)
                }
            }
        }
    }
}
