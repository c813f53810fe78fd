public enum EntityType: String, Sendable, Equatable, Hashable, CaseIterable {
    case person = "PERSON"
    case org = "ORG"
    case loc = "LOC"
    case misc = "MISC"
}

/// A named entity found in a text. Offsets count Unicode scalars (as Python
/// `str` indices do), `end` exclusive, so `text` is that slice of the input.
public struct Entity: Sendable, Equatable {
    public var text: String
    public var type: EntityType
    public var start: Int
    public var end: Int
    /// The id of the watch entry this mention belongs to, when it is one.
    public var watch: String?

    public init(text: String, type: EntityType, start: Int, end: Int, watch: String? = nil) {
        self.text = text
        self.type = type
        self.start = start
        self.end = end
        self.watch = watch
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("text", .string(text)), ("type", .string(type.rawValue)),
            ("start", .int(start)), ("end", .int(end)),
        ]
        if let watch { pairs.append(("watch", .string(watch))) }
        return .object(pairs)
    }
}
