import Bounds
/// The alert JSON of the contract: one line of a file, a webhook body.
extension Alert {
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(id)), ("rule", .string(rule)), ("severity", .string(severity)),
            ("firedAt", .date(firedAt)),
            ("feed", .object([("id", .string(feed.id)), ("url", .string(feed.url)), ("title", .string(feed.title))])),
            ("item", .object([
                ("id", .string(item.id)), ("title", .string(item.title)), ("link", .string(item.link)),
                ("published", .date(item.published)), ("summary", .string(item.summary)),
            ])),
            ("matches", .array(matches.map(\.json))),
            ("entities", .array(entities.map {
                .object([("text", .string($0.text)), ("type", .string($0.type.rawValue)), ("count", .int($0.count))])
            })),
        ]
        if let spike { pairs.append(("spike", spike.json)) }
        return .object(pairs)
    }

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
    public var json: JSONValue {
        .object([
            ("watch", .string(watch)), ("name", .string(name)), ("type", .string(type)),
            ("mentions", .array(mentions.map {
                .object([
                    ("text", .string($0.text)), ("field", .string($0.field.rawValue)),
                    ("start", .int($0.start)), ("end", .int($0.end)),
                ])
            })),
        ])
    }
}

extension SpikeReport {
    public var json: JSONValue {
        .object([
            ("watch", .string(watch)), ("windowSeconds", .int(Int(saturating: window))), ("count", .int(count)),
            ("expected", .double((expected * 100).rounded() / 100)), ("factor", .double(factor)), ("since", .date(since)),
            ("top", .array(top.map { .object([("feed", .string($0.feed)), ("title", .string($0.title)), ("link", .string($0.link))]) })),
        ])
    }
}
