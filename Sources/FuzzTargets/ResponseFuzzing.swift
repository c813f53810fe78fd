import Foundation
import Outputs
import Bounds
import Daemon
import Fetch
import Logging
import Model

/// Raw HTTP answers → what the fetcher, the scheduler and webhook delivery
/// make of them. The clock is fixed, so a finding replays the same way.
enum ResponseFuzzing {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func response(_ bytes: UnsafeRawBufferPointer) -> HTTPResponse {
        let head = ResponseHead(raw: bytes)
        return HTTPResponse(status: head.status, headers: head.headers, body: [], effectiveURL: "https://fuzz.example/")
    }

    static func runHead(_ bytes: UnsafeRawBufferPointer) {
        let response = response(bytes)
        _ = response.validators.requestHeaders
        for failures in [1, 7, Int.max] {
            let next = PollSchedule.afterFailure(failures: failures, retryAfter: response.retryAfter(now: now),
                                                 cap: 3600, now: now, random: 1)
            precondition(next.timeIntervalSince(now) <= Bounds.longestWait, "a server parked a feed past the longest wait")
            _ = Timestamp.rfc3339(next)
        }
        // WebSub discovery from the Link header, against a feed that names hubs of its own.
        var feed = Feed(format: .atom10)
        feed.hubs = ["https://hub.fuzz.example/"]
        if let found = HubDiscovery.find(linkHeader: response.headers["link"], feed: feed, url: "https://fuzz.example/feed") {
            precondition(found.hub.lowercased().hasPrefix("http"), "a hub that is not a web URL")
        }
    }

    static let inbox: WebSubInbox = {
        let inbox = WebSubInbox(logger: Logger(label: "fuzz", factory: { _ in SwiftLogNoOpLogHandler() }))
        inbox.put(WebSubSubscription(feedID: "f", hub: "https://hub.fuzz.example/", topic: "https://fuzz.example/feed", token: "t",
                                     secret: "s", state: .active, requestedAt: now))
        return inbox
    }()

    static func runWebSubCallback(_ bytes: UnsafeRawBufferPointer) {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: false)
        var query: [String: String] = [:]
        for pair in (lines.first.map { String(decoding: $0, as: UTF8.self) } ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { query[String(parts[0])] = String(parts[1]) }
        }
        let answer = inbox.verify(token: "t", query: query)
        precondition([200, 404].contains(answer.status), "an unexpected answer to a verification")
        let signature = lines.count > 1 ? String(decoding: lines[1], as: UTF8.self) : nil
        let body = lines.count > 2 ? Array(lines[2]) : []
        precondition(inbox.receive(token: "t", headers: ["x-hub-signature": signature ?? ""], body: body) == 202)
        for news in inbox.take() {
            if case let .verified(_, _, lease?) = news { precondition((5...(366 * 86_400)).contains(lease), "an unbounded lease") }
        }
    }

    static func runWebhookAnswer(_ bytes: UnsafeRawBufferPointer) {
        let answer = WebhookResponse(response(bytes), now: now)
        guard case let .retry(after, _) = WebhookOutput.result(for: answer) else { return }
        for attempt in [1, 30, Int.max] {
            let delay = Backoff(base: 1, cap: 3600).delay(afterFailures: attempt, retryAfter: after, random: 1)
            precondition(delay <= Bounds.longestWait, "a receiver parked an alert past the longest wait")
            _ = Timestamp.rfc3339(now.addingTimeInterval(delay))
        }
    }
}
