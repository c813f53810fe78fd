import Foundation

/// Why a transfer failed, with what a log line needs to explain it.
package enum FetchError: Error, Equatable, CustomStringConvertible, Sendable {
    case timeout(seconds: Int, url: String)
    case tooLarge(limit: Int, url: String)
    case tooManyRedirects(url: String)
    case unsupportedURL(url: String)
    case transport(code: Int, message: String, url: String)
    case cancelled(url: String)
    case engineStopped

    package var description: String {
        switch self {
        case let .timeout(seconds, url): "fetch: timeout after \(seconds) s (\(url))"
        case let .tooLarge(limit, url): "fetch: body larger than \(limit) bytes (\(url))"
        case let .tooManyRedirects(url): "fetch: too many redirects (\(url))"
        case let .unsupportedURL(url): "fetch: unsupported or malformed URL (\(url))"
        case let .transport(code, message, url): "fetch: \(message) (curl \(code), \(url))"
        case let .cancelled(url): "fetch: cancelled (\(url))"
        case .engineStopped: "fetch: engine stopped"
        }
    }

    /// A short word that stays the same while the failure does, for logging once per change.
    package var kind: String {
        switch self {
        case .timeout: "timeout"
        case .tooLarge: "too-large"
        case .tooManyRedirects: "redirects"
        case .unsupportedURL: "bad-url"
        case let .transport(code, _, _): "curl-\(code)"
        case .cancelled: "cancelled"
        case .engineStopped: "stopped"
        }
    }
}
