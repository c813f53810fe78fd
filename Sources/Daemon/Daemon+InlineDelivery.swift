import Foundation
import Model
import Store

/// A local, durable output (a file) takes a poll's new alerts before the poll is
/// recorded, not through the outbox: in an alert storm each alert is then written
/// once, to its file, instead of also to the outbox and back out of it.
/// - Which alerts are new is read first. This daemon is the state's only writer (it
///   holds the directory's lock), so the answer still holds at the commit.
/// - A crash between the write and the commit leaves the items unseen: the next poll
///   writes their lines again, with the same ids (a duplicate only repeats an id).
/// - A write that fails leaves those alerts to the outbox, which retries them.
/// - While the store has failed to write, nothing is written inline: a poll whose
///   record fails is tried again, and would repeat its lines on every try.
extension Daemon {
    func deliverInline(_ records: [ItemRecord]) throws(StoreError) -> [ItemRecord] {
        guard storeTroubleUntil == nil else { return records }
        let inline = outputs.byName.filter { $0.value.deliversInline }
        let candidates = records.flatMap(\.alerts).filter { $0.outputs.contains { inline[$0] != nil } }
        guard !candidates.isEmpty else { return records }
        let fired = try store.firedBefore(candidates)
        // One line per new alert: an item listed twice in a poll, or two items with one
        // link, are recorded once, so they are written once.
        var ids = Set<String>(), links = Set<String>()
        let fresh = candidates.filter { alert in
            guard !fired.contains(alert.id), ids.insert(alert.id).inserted else { return false }
            return alert.link.map { links.insert(alert.rule + "\n" + $0).inserted } ?? true
        }
        var written: [String: Set<String>] = [:]
        for (name, output) in inline {
            let batch = fresh.filter { $0.outputs.contains(name) }.map {
                Delivery(alertID: $0.id, output: name, payload: $0.payload, line: $0.line, attempt: 1)
            }
            guard !batch.isEmpty, output.deliverInline(batch) else { continue }
            written[name] = Set(batch.map(\.alertID))
        }
        guard !written.isEmpty else { return records }
        return records.map { record in
            var record = record
            for a in record.alerts.indices {
                let id = record.alerts[a].id
                record.alerts[a].outputs.removeAll { written[$0]?.contains(id) == true }
                // Written everywhere: the alert is kept for its identity, not its text.
                if record.alerts[a].outputs.isEmpty { (record.alerts[a].payload, record.alerts[a].line) = ("", "") }
            }
            return record
        }
    }
}
