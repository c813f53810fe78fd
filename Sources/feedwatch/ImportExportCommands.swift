import ArgumentParser
import Foundation
import Daemon

/// `feedwatch import FILE.opml`: the list's feeds added to feeds.json.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the feeds of an OPML subscription list to the configuration (those already there are left as they are).")

    @Argument(help: "An OPML file.") var file: String
    @OptionGroup var config: ConfigOption

    func run() throws {
        guard let opml = FileManager.default.contents(atPath: file) else {
            StandardError.write("feedwatch: cannot read \(file)")
            throw ExitCode(ExitStatus.noInput)
        }
        let path = config.path
        let outcome: FeedImport.Outcome
        do {
            outcome = try FeedImport.merge(opml: Array(opml), into: FileManager.default.contents(atPath: path).map(Array.init))
        } catch {
            StandardError.write("feedwatch: \(file) into \(path): \(error)")
            throw ExitCode(ExitStatus.dataError)
        }
        do {
            try outcome.text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            StandardError.write("feedwatch: cannot write \(path)")
            throw ExitCode(ExitStatus.cannotCreate)
        }
        print("\(path): added \(outcome.added) feeds (\(outcome.alreadyThere) already there)")
    }
}

/// `feedwatch export --opml`: the configured feeds as an OPML subscription list.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the configured feeds as an OPML 2.0 subscription list.")

    @Flag(help: "OPML 2.0 (the one format).") var opml = false
    @OptionGroup var config: ConfigOption

    func validate() throws {
        if !opml { throw ValidationError("say which format: --opml") }
    }

    func run() throws {
        print(FeedImport.opml(try config.load()), terminator: "")
    }
}
