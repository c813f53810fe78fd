/// The contract's feed JSON: every key present, `null` when absent.
extension Feed {
    public var json: JSONValue {
        .object([
            ("format", .string(format.rawValue)),
            ("title", .string(title)), ("link", .string(link)),
            ("description", .string(description)), ("language", .string(language)),
            ("updated", .date(updated)), ("published", .date(published)),
            ("id", .string(id)), ("image", .string(image)),
            ("authors", .array(authors.map(\.json))),
            ("categories", .array(categories.map { .string($0) })),
            ("entries", .array(entries.map(\.json))),
            ("bozo", .bool(bozo)),
        ])
    }
}

extension Entry {
    public var json: JSONValue {
        .object([
            ("id", .string(id)), ("title", .string(title)), ("link", .string(link)),
            ("published", .date(published)), ("updated", .date(updated)),
            ("summary", .string(summary)), ("content", .string(content)),
            ("authors", .array(authors.map(\.json))),
            ("categories", .array(categories.map { .string($0) })),
            ("enclosures", .array(enclosures.map(\.json))),
        ])
    }
}

extension Author {
    public var json: JSONValue {
        .object([("name", .string(name)), ("email", .string(email)), ("uri", .string(uri))])
    }
}

extension Enclosure {
    public var json: JSONValue {
        .object([
            ("url", .string(url)), ("type", .string(type)),
            ("length", length.map { .int($0) } ?? .null),
        ])
    }
}
