import Foundation

/// Ids of alerts fired before state version 5, when alerts were unique by id: an
/// alert with one of these ids has fired. The table empties as retention prunes it;
/// while it is empty no lookup is made.
struct LegacyAlertIDs {
    private let lookup: SQLiteStatement?

    init(_ db: SQLiteDatabase) throws(StoreError) {
        var any = false
        try db.prepare("SELECT 1 FROM legacy_alert_ids LIMIT 1").query { _ in any = true }
        lookup = any ? try db.prepare("SELECT 1 FROM legacy_alert_ids WHERE id = ?") : nil
    }

    func contains(_ id: String) throws(StoreError) -> Bool {
        guard let lookup else { return false }
        var found = false
        try lookup.query(.text(id)) { _ in found = true }
        return found
    }
}
