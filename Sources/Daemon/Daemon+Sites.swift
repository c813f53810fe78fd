import Foundation
import Store

/// Politeness per site (`settings.perSite`) for `run --once`, which walks its own list.
extension Daemon {
    /// `--once`: up to `count` feeds not polled yet whose site has room, taken from the end of
    /// `remainingFeeds` (feeds of a busy site stay where they are, so no pass costs more than
    /// the feeds it looks at).
    func remainingWithRoom(_ count: Int) throws(StoreError) -> [FeedState] {
        var chosen: [FeedState] = []
        var sites = busySites
        var index = remainingFeeds.count - 1
        var skipped = 0
        let limit = configuration.settings.perSite
        while index >= 0, chosen.count < count, skipped < 256 {
            let id = remainingFeeds[index]
            let site = siteOf[id]
            if site.map({ sites[$0, default: 0] < limit }) ?? true {
                if let site { sites[site, default: 0] += 1 }
                remainingFeeds.remove(at: index)
                if let state = try store.feedState(id) { chosen.append(state) }
            } else {
                skipped += 1
            }
            index -= 1
        }
        // Nothing had room: wait for an answer rather than look again after every event.
        if chosen.isEmpty, skipped > 0 { sitesFull = true }
        return chosen
    }
}
