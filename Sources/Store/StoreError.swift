/// Why the state store failed.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case open(path: String, message: String)
    case query(sql: String, message: String)

    /// The message alone, without the context.
    public var message: String {
        switch self {
        case let .open(_, message), let .query(_, message): message
        }
    }

    public var description: String {
        switch self {
        case let .open(path, message): "store: cannot open \(path): \(message)"
        case let .query(sql, message): "store: \(message) (in \(sql.prefix(60)))"
        }
    }
}
