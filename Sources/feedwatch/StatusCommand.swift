import ArgumentParser
import Foundation
import Daemon
import Model
import Store

/// Where every feed and output stands, read from the state while the daemon runs (no lock).
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Per feed: state, last and next poll and why, errors; the outbox per output. Works while the daemon runs.")

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateDirOption

    @Flag(help: "One JSON object instead of tables.")
    var json = false

    func run() throws {
        let report: StatusReport
        do {
            report = try SQLiteStateStore.reading(directory: state.directory).statusReport()
        } catch {
            StandardError.write("feedwatch: \(error)")
            throw ExitCode(ExitStatus.cannotCreate)
        }
        // Feeds in feeds.json the daemon has not taken up yet.
        let known = Set(report.feeds.map(\.id))
        let waiting = ((try? ConfigLoader.load(path: config.path))?.feeds ?? []).filter { !known.contains($0.id) }
        if json {
            print(StatusText.json(report, waiting: waiting.map { ($0.id, $0.url) }))
        } else {
            for line in StatusText.table(report, waiting: waiting.map { ($0.id, $0.url) }) { print(line) }
        }
    }
}
