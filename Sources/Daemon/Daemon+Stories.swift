import Foundation
import Logging
import Model
import Rules
import Store

/// One story once (`settings.dedup`): within the window, an item that is the same
/// story as one that already fired a rule (the same normalised link, or a SimHash of
/// its title and summary within the similarity) does not fire that rule again. Its
/// item is still recorded as seen. An alert of another rule on a copy joins the story:
/// its `story` is the first copy's.
extension Daemon {
    func oneStoryOnce(_ records: [ItemRecord], now: Date) throws(StoreError) -> [ItemRecord] {
        guard let dedup = configuration.settings.dedup else { return records }
        let since = now.addingTimeInterval(-dedup.window)
        let maxBits = StoryKey.maxDistance(similarity: dedup.similarity)
        var told: [StoryMark] = []  // stories of this commit, not yet in the store
        var result: [ItemRecord] = []
        for var record in records {
            var kept: [QueuedAlert] = []
            for var alert in record.alerts {
                guard let mark = alert.story else {
                    kept.append(alert)
                    continue
                }
                let candidates = try store.storyMarks(url: mark.url, bands: mark.bands, since: since) + told
                switch StoryDedup.verdict(for: mark, among: candidates, maxBits: maxBits) {
                case let .suppressed(earlier):
                    suppressedStories += 1
                    logger.info("alert suppressed: the same story already fired this rule",
                                metadata: ["alert.id": "\(alert.id)", "alert.rule": "\(alert.rule)", "story": "\(earlier)",
                                           "item.link": "\(alert.link ?? "")"])
                    continue
                case let .fires(joined) where joined != mark.story:
                    alert.payload = alert.payload.replacingOccurrences(of: "\"story\":\"\(mark.story)\"", with: "\"story\":\"\(joined)\"")
                    alert.story?.story = joined
                case .fires:
                    break
                }
                if let story = alert.story { told.append(story) }
                kept.append(alert)
            }
            record.alerts = kept
            result.append(record)
        }
        return result
    }
}
