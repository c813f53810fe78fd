/// Why a document could not be read as a feed at all. A feed that is merely
/// malformed is not an error: it parses with `bozo` set.
package enum ParseError: Error, Equatable, CustomStringConvertible, Sendable {
    case notAFeed(reason: String)
    case tooLarge(limit: Int)

    /// Why, without the "not a feed" prefix.
    var reason: String {
        switch self {
        case let .notAFeed(reason): reason
        case let .tooLarge(limit): "larger than \(limit) bytes"
        }
    }

    package var description: String {
        switch self {
        case let .notAFeed(reason): "not a feed: \(reason)"
        case let .tooLarge(limit): "parse: document larger than \(limit) bytes"
        }
    }
}
