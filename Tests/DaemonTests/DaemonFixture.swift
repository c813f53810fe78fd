import Foundation
import TestSupport

/// A feeds.json in a scratch directory, with one local feed and chosen outputs.
struct DaemonFixture {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    static let watch = """
    [{"id": "erdogan", "name": "Recep Tayyip Erdoğan", "type": "person", "aliases": ["Erdoğan"]},
     {"id": "hamas", "name": "Hamas", "type": "organization"}]
    """

    @discardableResult
    func writeFeed(_ items: [FeedText.Item], name: String = "feed.xml") throws -> String {
        try scratch.write(name, FeedText.rss(items))
    }

    func writeConfig(feeds: [String] = ["feed.xml"], outputs: String = #"{"archive": {"type": "file", "path": "alerts.jsonl"}}"#,
                     settings: String = #"{"retryBase": "1s", "onceDeliveryTimeout": "20s"}"#, rules: String? = nil,
                     interval: String = "1h", backfill: String? = nil) throws {
        let feedList = feeds.enumerated().map { index, name in
            #"{"id": "f\#(index)", "url": "file:\#(name)", "interval": "\#(interval)"\#(backfill.map { #", "backfill": "\#($0)""# } ?? "")}"#
        }.joined(separator: ",")
        let rulesPart = rules.map { #", "rules": \#($0)"# } ?? ""
        try scratch.write("feeds.json", """
        {"settings": \(settings), "feeds": [\(feedList)], "watch": \(Self.watch)\(rulesPart), "outputs": \(outputs)}
        """)
    }

    func runOnce(environment: [String: String] = [:], tag: String = "once") async throws -> (Int32, String, String) {
        try await FeedwatchProcess.run(["run", "--once", "--config", "feeds.json", "--state-dir", "state"], in: scratch,
                                 environment: environment, tag: tag)
    }

    func start(environment: [String: String] = [:], tag: String = "daemon", launcher: [String] = []) throws -> FeedwatchProcess {
        try FeedwatchProcess(["run", "--config", "feeds.json", "--state-dir", "state"], in: scratch, environment: environment, tag: tag,
                             launcher: launcher)
    }

    var alerts: [String] { scratch.lines("alerts.jsonl") }
}
