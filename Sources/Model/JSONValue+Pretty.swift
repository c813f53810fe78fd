/// JSON for people to read and edit (feeds.json rewritten by `feedwatch import`): two
/// spaces per level, one member or element per line, arrays of scalars on one line.
extension JSONValue {
    public func prettyPrinted() -> String {
        var out = ""
        write(pretty: &out, indent: "")
        return out + "\n"
    }

    private func write(pretty out: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case let .array(items) where items.allSatisfy(\.isScalar):
            out += "[" + items.map { $0.serialized() }.joined(separator: ", ") + "]"
        case let .array(items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += inner
                item.write(pretty: &out, indent: inner)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case let .object(pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in pairs.enumerated() {
                out += inner + JSONValue.string(key).serialized() + ": "
                value.write(pretty: &out, indent: inner)
                out += index == pairs.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        default:
            out += serialized()
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
