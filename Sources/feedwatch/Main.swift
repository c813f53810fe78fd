import Foundation
import ArgumentParser
import Fetch
import Parse

/// Libraries are initialised once, before any thread starts
/// (curl_global_init(3), xmlInitParser(3)); then the command runs.
@main
enum Main {
    static func main() async {
        // Past a file size limit (RLIMIT_FSIZE) a write fails with EFBIG instead of killing the process.
        signal(SIGXFSZ, SIG_IGN)
        FetchEngine.initializeLibrary()
        FeedParser.initializeLibrary()
        if let parse = Parse.withManySources(Array(CommandLine.arguments.dropFirst())) {
            do { try await parse.run() } catch { Feedwatch.exit(withError: error) }
            return
        }
        await Feedwatch.main()
    }
}

struct Feedwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedwatch",
        abstract: "Watches RSS, Atom and JSON feeds for people and organisations, and alerts when they appear.",
        version: FetchEngine.version,
        subcommands: [Run.self, Check.self, Status.self, Deliveries.self, Import.self, Export.self, Parse.self, Extract.self, Test.self, Explain.self, ReplayCommand.self, Secret.self])
}

/// Exit statuses from sysexits(3), as the contract uses them.
enum ExitStatus {
    static let dataError: Int32 = 65  // EX_DATAERR: not a feed
    static let noInput: Int32 = 66  // EX_NOINPUT: cannot read the source
    static let cannotCreate: Int32 = 73  // EX_CANTCREAT: the state directory
    static let inUse: Int32 = 75  // EX_TEMPFAIL: another daemon holds the state directory
    static let config: Int32 = 78  // EX_CONFIG
}
