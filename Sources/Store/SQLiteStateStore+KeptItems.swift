import Foundation
import Model

/// An item kept for `feedwatch replay`, as the state holds it.
public struct KeptItem: Sendable {
    public var feedID: String
    public var itemKey: String
    public var keptAt: Date
    public var feedTitle: String?
    /// `Entry.keptJSON`.
    public var entry: String
}

extension SQLiteStateStore {
    /// Every item kept since `since`, in the order kept, one at a time (a week of 10,000
    /// feeds does not fit in memory at once); an item kept again after an edit comes twice.
    public func forEachKeptItem(since: Date, _ body: (KeptItem) -> Void) throws(StoreError) {
        keptWriter?.flush()
        guard FileManager.default.fileExists(atPath: KeptItems.path(in: directory)) else { return }
        // Opened to write, though only read: a reader of a WAL file needs its shared-memory
        // index, which a read-only connection cannot make when the daemon is not running.
        try KeptItems(directory: directory, readOnly: false).forEach(since: since, body)
    }

    public func pruneKeptItems(before: Date) throws(StoreError) {
        keptWriter?.prune(before: before)
    }

    /// Whether the rule fired on this item already: by its identity, or by its link (the
    /// same uniqueness `record` keeps). Replay marks such alerts, and `--deliver` skips them.
    public func hasFired(rule: String, identity: String, link: String?) throws(StoreError) -> Bool {
        var found = false
        try db.prepare("SELECT 1 FROM alerts WHERE rule = ? AND identity = ? LIMIT 1").query(.text(rule), .text(identity)) { _ in found = true }
        if !found, let link {
            try db.prepare("SELECT 1 FROM alerts WHERE rule = ? AND link = ? LIMIT 1").query(.text(rule), .text(link)) { _ in found = true }
        }
        return found
    }
}
