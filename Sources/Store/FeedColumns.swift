import Foundation

/// The columns of `feeds` as read into a `FeedState`, kept in one place.
enum FeedColumns {
    /// The URL polled is where the feed moved for good, if it did.
    static let list = "id, coalesce(moved_to, url), etag, last_modified, next_poll_at, failures, last_error, polled_once, poll_reason, "
        + "failing_since, moved_to IS NOT NULL"

    static func read(_ row: SQLiteRow) -> FeedState {
        FeedState(id: row.text(0) ?? "", url: row.text(1) ?? "", validators: (row.text(2), row.text(3)),
                  nextPollAt: Date(timeIntervalSince1970: row.real(4)), failures: row.int(5),
                  lastError: row.text(6), polledOnce: row.int(7) != 0, pollReason: row.text(8),
                  failingSince: row.text(9) == nil ? nil : Date(timeIntervalSince1970: row.real(9)), moved: row.int(10) != 0)
    }
}
