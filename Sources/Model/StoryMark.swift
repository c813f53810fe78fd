import Foundation

/// A story an alert told, kept for `settings.dedup.window`: its id, the rule that
/// fired, the normalised link and the SimHash of the text.
public struct StoryMark: Sendable, Equatable {
    public var story: String
    public var rule: String
    public var url: String?
    public var simhash: UInt64
    public var bands: [Int64]

    public init(story: String, rule: String, url: String?, simhash: UInt64, bands: [Int64]) {
        self.story = story
        self.rule = rule
        self.url = url
        self.simhash = simhash
        self.bands = bands
    }
}
