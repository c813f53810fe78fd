/// The listener's WebSub callback, `/websub/{token}` (W3C WebSub Recommendation): a hub's
/// GET verifies our intent (§5.3), its POST brings content (§7). What the answers are is
/// the daemon's; the listener only carries them.
public struct WebSubRoutes: Sendable {
    /// Verification of intent: the query's `hub.*` parameters in, the status and body out.
    public var verify: @Sendable (_ token: String, _ query: [String: String]) -> (status: Int, body: String)
    /// A push: its headers (names lower-cased) and body in, the status to answer out.
    public var receive: @Sendable (_ token: String, _ headers: [String: String], _ body: [UInt8]) -> Int
    /// A larger push is refused with 413.
    public var maxBodyBytes: Int

    public init(verify: @escaping @Sendable (String, [String: String]) -> (status: Int, body: String),
                receive: @escaping @Sendable (String, [String: String], [UInt8]) -> Int, maxBodyBytes: Int) {
        self.verify = verify
        self.receive = receive
        self.maxBodyBytes = maxBodyBytes
    }
}
