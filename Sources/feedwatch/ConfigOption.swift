import ArgumentParser
import Daemon

/// `--config PATH`, shared by every command that reads feeds.json.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "The configuration file (default: $FEEDWATCH_CONFIG, ./feeds.json, /etc/feedwatch/feeds.json).")
    var config: String?

    var path: String { ConfigLoader.defaultPath(explicit: config) }

    /// The configuration, or exit 78 with every problem on stderr.
    func load() throws -> Configuration { try Self.load(path: path) }

    static func load(path: String) throws -> Configuration {
        do {
            return try ConfigLoader.load(path: path)
        } catch {
            for line in error.lines { StandardError.write(line) }
            throw ExitCode(ExitStatus.config)
        }
    }
}

enum StandardError {
    static func write(_ line: String) {
        FileHandleStream.stderr.write(line + "\n")
    }
}
