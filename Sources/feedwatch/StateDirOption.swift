import ArgumentParser
import Foundation

/// `--state-dir DIR`, shared by the commands that read or keep state.
struct StateDirOption: ParsableArguments {
    @Option(name: .customLong("state-dir"), help: "Where state is kept (default: $STATE_DIRECTORY, else ./.feedwatch-state).")
    var stateDir: String?

    var directory: String {
        stateDir ?? ProcessInfo.processInfo.environment["STATE_DIRECTORY"].flatMap {
            // systemd may list several directories separated by colons; the first is ours.
            $0.split(separator: ":").first.map(String.init)
        } ?? ".feedwatch-state"
    }
}
