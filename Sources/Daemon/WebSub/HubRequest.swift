import Foundation
import Fetch
import Model

/// A subscription or unsubscription request to a hub (WebSub §5.1): a form POST. The hub
/// answers 202 Accepted, then verifies our intent at the callback, perhaps before it answers.
enum HubRequest {
    enum Mode: String, Sendable { case subscribe, unsubscribe }

    static func body(_ mode: Mode, callback: String, topic: String, secret: String?, lease: TimeInterval?) -> [UInt8] {
        var fields = [("hub.callback", callback), ("hub.mode", mode.rawValue), ("hub.topic", topic)]
        if let secret { fields.append(("hub.secret", secret)) }
        if let lease { fields.append(("hub.lease_seconds", String(Int(lease)))) }
        return Array(fields.map { "\(formEncoded($0))=\(formEncoded($1))" }.joined(separator: "&").utf8)
    }

    /// Sends it; nil when the hub accepted (any 2xx), else why not.
    static func send(_ mode: Mode, _ subscription: WebSubSubscription, callback: String, lease: TimeInterval,
                     engine: FetchEngine, userAgent: String) async -> String? {
        let request = HTTPRequest(
            url: subscription.hub, method: .post, headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded")],
            body: body(mode, callback: callback, topic: subscription.topic, secret: mode == .subscribe ? subscription.secret : nil,
                       lease: mode == .subscribe ? lease : nil),
            totalTimeout: 30, maxBodyBytes: 64 << 10, maxRedirects: 0, userAgent: userAgent)
        do {
            let response = try await engine.perform(request)
            return (200..<300).contains(response.status) ? nil : "hub: HTTP \(response.status) (\(subscription.hub))"
        } catch {
            return "\(error)"
        }
    }

    /// application/x-www-form-urlencoded (WHATWG URL §5.2): unreserved bytes as they are, the rest %XX.
    static func formEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "*"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
