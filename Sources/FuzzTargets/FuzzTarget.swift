import Foundation

/// The libFuzzer targets: each takes bytes from outside, as a stranger could
/// write them, through what feedwatch does with them. Run by `make fuzz`;
/// the inputs that once trapped are replayed by `FuzzTargetsTests`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Feed bytes → parse → the contract's JSON and item identities.
    case parse
    /// A raw HTTP response head → status, validators, Retry-After → the next poll.
    case httpHead = "http-head"
    /// A webhook receiver's raw answer → delivered, gone or retried, and when.
    case webhookAnswer = "webhook-answer"
    /// Config JSON → every check `feedwatch check` makes.
    case config
    /// Text (first line a title, the rest a body) → entities, watched names, rules, alert.
    case extract
    /// A hub's request at the WebSub callback: a query (first line), an X-Hub-Signature
    /// (second line) and a pushed body (the rest) → the answer and the news for the loop.
    case webSubCallback = "websub-callback"

    /// Runs one input; a trap here is a finding.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .parse: FeedFuzzing.run(bytes)
        case .httpHead: ResponseFuzzing.runHead(bytes)
        case .webhookAnswer: ResponseFuzzing.runWebhookAnswer(bytes)
        case .config: ConfigFuzzing.run(bytes)
        case .extract: TextFuzzing.run(bytes)
        case .webSubCallback: ResponseFuzzing.runWebSubCallback(bytes)
        }
    }

    /// Runs one input held in an array (tests and replay).
    public func run(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { run($0) }
    }
}
