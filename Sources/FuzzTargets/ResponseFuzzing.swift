import Foundation
import Outputs
import Bounds
import Daemon
import Fetch
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
