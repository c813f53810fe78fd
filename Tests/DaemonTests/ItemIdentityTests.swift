import Foundation
import Testing
import Model
@testable import Daemon

@Suite("ItemIdentity and PollSchedule, in-process")
struct ItemIdentityTests {
    static func entry(id: String? = nil, link: String? = nil, title: String? = nil) -> Entry {
        var entry = Entry()
        entry.id = id
        entry.link = link
        entry.title = title
        return entry
    }

    @Test("an item is keyed by its own id, else its link, else the shared fallback hash")
    func keys() {
        #expect(ItemIdentity.key(of: Self.entry(id: "g1", link: "https://e/1")) == "g1")
        #expect(ItemIdentity.key(of: Self.entry(link: "https://e/1")) == "https://e/1")
        let hashed = ItemIdentity.key(of: Self.entry(title: "Hamas statement"))
        #expect(hashed.hasPrefix("urn:feedwatch:"))
        #expect(hashed == Self.entry(title: "Hamas statement").fallbackID)
        #expect(hashed != ItemIdentity.key(of: Self.entry(title: "Another statement")))
    }

    @Test("a global id stands alone; a local guid is qualified by its feed, so two feeds never collide")
    func global() {
        #expect(ItemIdentity.global(of: Self.entry(id: "https://e/1"), feedURL: "https://a/feed") == "https://e/1")
        #expect(ItemIdentity.global(of: Self.entry(id: "tag:e.org,2026:1"), feedURL: "https://a/feed") == "tag:e.org,2026:1")
        #expect(ItemIdentity.global(of: Self.entry(id: "1234"), feedURL: "https://a/feed")
            != ItemIdentity.global(of: Self.entry(id: "1234"), feedURL: "https://b/feed"))
    }

    @Test("after a failure the next poll backs off from a minute up to the cap; a Retry-After wins up to a day")
    func schedule() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        func wait(_ failures: Int, _ retryAfter: TimeInterval? = nil) -> TimeInterval {
            PollSchedule.afterFailure(failures: failures, retryAfter: retryAfter, cap: 3600, now: now, random: 1).timeIntervalSince(now)
        }
        #expect(wait(1) == 60)
        #expect(wait(2) == 120)
        #expect(wait(40) == 3600)
        #expect(wait(1, 7200) == 7200)
        #expect(wait(1, 1e12) == 86_400)
        let next = PollSchedule.next(interval: 600, maxInterval: 3600, hints: PollHints(), adaptive: true, jitter: 0.1, now: now, random: -1)
        #expect(next.at.timeIntervalSince(now) == 540)
    }
}
