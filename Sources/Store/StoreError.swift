/// Why the state store failed.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case open(path: String, message: String)
    case query(sql: String, message: String)

    public var description: String {
        switch self {
        case let .open(path, message): "store: cannot open \(path): \(message)"
        case let .query(sql, message): "store: \(message) (in \(sql.prefix(60)))"
        }
    }
}
