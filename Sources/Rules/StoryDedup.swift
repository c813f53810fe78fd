import Foundation
import Model

/// One story once (`settings.dedup`): what an alert does given the stories told within
/// the window under its link or near its SimHash. Pure; the store finds the candidates.
public enum StoryDedup {
    public enum Verdict: Sendable, Equatable {
        /// A copy of this story already fired the rule: the alert does not fire.
        case suppressed(by: String)
        /// The alert fires, telling this story: its own, or that of the first copy found.
        case fires(story: String)
    }

    /// `maxBits`: how many SimHash bits two copies may differ in (`StoryKey.maxDistance`).
    public static func verdict(for mark: StoryMark, among candidates: [StoryMark], maxBits: Int) -> Verdict {
        let same = candidates.filter { ($0.url != nil && $0.url == mark.url) || ($0.simhash ^ mark.simhash).nonzeroBitCount <= maxBits }
        if let earlier = same.first(where: { $0.rule == mark.rule }) { return .suppressed(by: earlier.story) }
        return .fires(story: same.first?.story ?? mark.story)
    }
}
