import ArgumentParser
import Foundation
import Model
import Store

/// The outbox and its dead letters: list them, send some again, or give them up.
struct Deliveries: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the outbox (--dead: only what was given up); retry or drop deliveries by alert id.",
        subcommands: [List.self, Retry.self, Drop.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List waiting and dead deliveries.")
        @OptionGroup var state: StateDirOption
        @Flag(help: "Only the deliveries given up (dead letters).") var dead = false
        @Flag(help: "One JSON object per line.") var json = false

        func run() throws {
            let lines = try Deliveries.open(state, write: false).deliveryLines(deadOnly: dead)
            if json {
                for line in lines { print(Deliveries.json(line)) }
                return
            }
            if lines.isEmpty { print(dead ? "no dead deliveries" : "the outbox is empty") }
            for line in lines {
                print([line.alertID, line.output, line.rule, line.state, "attempts \(line.attempts)",
                       line.state == "dead" ? "" : "next \(Timestamp.rfc3339(line.nextAttemptAt))", line.lastError ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: "  "))
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send deliveries again now (a dead output stays dead until the daemon reloads: send SIGHUP first).")
        @OptionGroup var state: StateDirOption
        @Flag(name: .customLong("all-dead"), help: "Every dead delivery.") var allDead = false
        @Argument(help: "Alert ids.") var ids: [String] = []

        func validate() throws {
            if ids.isEmpty, !allDead { throw ValidationError("name alert ids, or --all-dead") }
        }

        func run() throws {
            let count = try Deliveries.open(state, write: true).retryDeliveries(alertIDs: ids, allDead: allDead, now: Date())
            print("\(count) deliveries will be sent again")
        }
    }

    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give up deliveries for good.")
        @OptionGroup var state: StateDirOption
        @Argument(help: "Alert ids.") var ids: [String]

        func run() throws {
            let count = try Deliveries.open(state, write: true).dropDeliveries(alertIDs: ids)
            print("\(count) deliveries dropped")
        }
    }

    /// The state: read-only to list; to change, beside a running daemon (SQLite's WAL lets both write).
    static func open(_ state: StateDirOption, write: Bool) throws -> SQLiteStateStore {
        do {
            return write ? try SQLiteStateStore.existing(directory: state.directory) : try SQLiteStateStore.reading(directory: state.directory)
        } catch {
            StandardError.write("feedwatch: \(error)")
            throw ExitCode(ExitStatus.cannotCreate)
        }
    }

    static func json(_ line: DeliveryLine) -> String {
        var out = JSONWriter()
        out.object { out in
            out.key("alert"); out.string(line.alertID)
            out.key("output"); out.string(line.output)
            out.key("rule"); out.string(line.rule)
            out.key("state"); out.string(line.state)
            out.key("attempts"); out.int(line.attempts)
            out.key("nextAttempt"); out.date(line.nextAttemptAt)
            out.key("lastError"); out.string(line.lastError)
            out.key("firedAt"); out.date(line.firedAt)
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
