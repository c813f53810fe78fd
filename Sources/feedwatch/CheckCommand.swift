import ArgumentParser
import Daemon
import Extract

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the configuration and print every problem with its JSON path (exit 78 when invalid).")

    @OptionGroup var config: ConfigOption

    func run() throws {
        do {
            let loaded = try ConfigLoader.load(path: config.path)
            print("\(config.path): valid (\(loaded.feeds.count) feeds, \(loaded.watch.count) watch entries, "
                + "\(loaded.rules.count) rules, \(loaded.outputs.count) outputs)")
            for overlap in WatchOverlap.find(in: loaded.watch) { print("\(config.path): warning: \(overlap)") }
        } catch {
            for line in error.lines { print(line) }
            throw ExitCode(ExitStatus.config)
        }
    }
}
