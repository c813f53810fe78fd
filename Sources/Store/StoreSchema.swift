import Foundation

/// The schema, versioned with `PRAGMA user_version`; each step upgrades one version.
enum StoreSchema {
    /// 1: feeds, seen items, alerts, outbox. 2: spike tables. 3: retention (when an
    /// item was last listed by its feed, when a feed last listed its items) and
    /// incremental auto-vacuum, so pruned pages return to the file system. 4: the
    /// outbox keyed by insertion order, a delivered row removed: an alert storm's
    /// rows sit side by side instead of scattered by their random alert ids. 5: an alert is
    /// unique by (rule, item identity), not by its random id, and the outbox points at its
    /// alert's row: a poll's alerts land side by side in every index, where a random key
    /// rewrote a page of its index per alert (3.5 kB of writes per alert in a storm). Ids
    /// of alerts fired before version 5 are kept in `legacy_alert_ids` until retention
    /// removes them, so none of them fires again. 6: a seen item keeps a hash of its title
    /// and summary, so an edited item is evaluated again (0: recorded before version 6).
    /// 7: the stories alerts told (`settings.dedup`). 8: groups of batching rules and the
    /// alerts they hold (`Batching`). 9: why each feed's next poll is when it is. 10: where a
    /// feed moved for good (301/308), since when it fails, and when it was last polled.
    /// 11: WebSub subscriptions, one per feed. 12: how many alerts each feed's items fired
    /// (for `status`). (The text of recent items, for replay, is a cache of its own: `KeptItems`.)
    static let version = 12

    static func migrate(_ db: SQLiteDatabase) throws(StoreError) {
        var current = 0
        try db.prepare("PRAGMA user_version").query { current = $0.int(0) }
        guard current < version else { return }
        if current == 0 {
            // Must precede the first table: auto_vacuum is fixed when the file is laid out.
            try db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        }
        try db.transaction { () throws(StoreError) in
            if current < 1 { try db.execute(first) }
            if current < 2 { try db.execute(spikes) }
            if current < 3 {
                if current > 0 {
                    try db.execute("ALTER TABLE seen_items ADD COLUMN last_seen REAL NOT NULL DEFAULT 0")
                    try db.execute("UPDATE seen_items SET last_seen = first_seen")
                    try db.execute("ALTER TABLE feeds ADD COLUMN listed_at REAL NOT NULL DEFAULT 0")
                }
                try db.execute("CREATE INDEX IF NOT EXISTS seen_items_last_seen ON seen_items(last_seen)")
                try db.execute("CREATE INDEX IF NOT EXISTS alerts_fired_at ON alerts(fired_at)")
            }
            if current < 4 { try db.execute(outboxByRow) }
            if current < 5 { try db.execute(alertsByIdentity) }
            if current < 6 { try db.execute("ALTER TABLE seen_items ADD COLUMN content_hash INTEGER NOT NULL DEFAULT 0") }
            if current < 7 { try db.execute(stories) }
            if current < 8 { try db.execute(groups) }
            if current < 9 { try db.execute("ALTER TABLE feeds ADD COLUMN poll_reason TEXT") }
            if current < 10 {
                try db.execute("ALTER TABLE feeds ADD COLUMN moved_to TEXT")
                try db.execute("ALTER TABLE feeds ADD COLUMN failing_since REAL")
                try db.execute("ALTER TABLE feeds ADD COLUMN polled_at REAL")
            }
            if current < 11 { try db.execute(webSub) }
            if current < 12 { try db.execute("ALTER TABLE feeds ADD COLUMN alerts_fired INTEGER NOT NULL DEFAULT 0") }
            try db.execute("PRAGMA user_version = \(version)")
        }
        if (1..<3).contains(current) {  // (the outbox rebuilt for version 4 needs no vacuum of its own)
            // A file made before version 3 has no auto-vacuum; switching it on needs one VACUUM.
            try db.execute("PRAGMA auto_vacuum = INCREMENTAL")
            try db.execute("VACUUM")
        }
    }

    private static let first = """
        CREATE TABLE IF NOT EXISTS feeds(
          id TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT, last_modified TEXT,
          next_poll_at REAL NOT NULL, failures INTEGER NOT NULL DEFAULT 0, last_error TEXT,
          polled_once INTEGER NOT NULL DEFAULT 0, listed_at REAL NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS feeds_due ON feeds(next_poll_at);
        CREATE TABLE IF NOT EXISTS seen_items(
          feed_id TEXT NOT NULL, item_key TEXT NOT NULL, first_seen REAL NOT NULL,
          last_seen REAL NOT NULL DEFAULT 0,
          PRIMARY KEY(feed_id, item_key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS alerts(
          id TEXT PRIMARY KEY, rule TEXT NOT NULL, item_key TEXT NOT NULL, link TEXT,
          fired_at REAL NOT NULL, payload TEXT NOT NULL, line TEXT NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS alerts_rule_link ON alerts(rule, link) WHERE link IS NOT NULL;
        CREATE TABLE IF NOT EXISTS outbox(
          alert_id TEXT NOT NULL REFERENCES alerts(id), output TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at REAL NOT NULL,
          state TEXT NOT NULL DEFAULT 'pending', last_error TEXT,
          PRIMARY KEY(alert_id, output));
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox(state, next_attempt_at);
        """

    private static let outboxByRow = """
        CREATE TABLE outbox_by_row(
          id INTEGER PRIMARY KEY, alert_id TEXT NOT NULL, output TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at REAL NOT NULL,
          state TEXT NOT NULL DEFAULT 'pending', last_error TEXT);
        INSERT INTO outbox_by_row(alert_id, output, attempts, next_attempt_at, state, last_error)
          SELECT alert_id, output, attempts, next_attempt_at, state, last_error FROM outbox WHERE state != 'done'
          ORDER BY next_attempt_at;
        DROP TABLE outbox;
        ALTER TABLE outbox_by_row RENAME TO outbox;
        CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
        """

    private static let alertsByIdentity = """
        CREATE TABLE legacy_alert_ids(id TEXT PRIMARY KEY, fired_at REAL NOT NULL) WITHOUT ROWID;
        INSERT INTO legacy_alert_ids(id, fired_at) SELECT id, fired_at FROM alerts;
        CREATE TABLE alerts_by_identity(
          id TEXT NOT NULL, rule TEXT NOT NULL, item_key TEXT NOT NULL, identity TEXT, link TEXT,
          fired_at REAL NOT NULL, payload TEXT NOT NULL, line TEXT NOT NULL);
        INSERT INTO alerts_by_identity(rowid, id, rule, item_key, link, fired_at, payload, line)
          SELECT rowid, id, rule, item_key, link, fired_at, payload, line FROM alerts;
        DROP TABLE alerts;
        ALTER TABLE alerts_by_identity RENAME TO alerts;
        CREATE UNIQUE INDEX alerts_rule_identity ON alerts(rule, identity) WHERE identity IS NOT NULL;
        CREATE UNIQUE INDEX alerts_rule_link ON alerts(rule, link) WHERE link IS NOT NULL;
        CREATE INDEX alerts_fired_at ON alerts(fired_at);
        ALTER TABLE outbox ADD COLUMN alert_row INTEGER NOT NULL DEFAULT 0;
        UPDATE outbox SET alert_row = coalesce((SELECT rowid FROM alerts WHERE alerts.id = outbox.alert_id), 0);
        """

    private static let stories = """
        CREATE TABLE story_marks(story TEXT NOT NULL, rule TEXT NOT NULL, url TEXT, simhash INTEGER NOT NULL, at REAL NOT NULL);
        CREATE INDEX story_marks_url ON story_marks(url, at) WHERE url IS NOT NULL;
        CREATE INDEX story_marks_at ON story_marks(at);
        CREATE TABLE story_bands(band INTEGER NOT NULL, mark INTEGER NOT NULL);
        CREATE INDEX story_bands_band ON story_bands(band);
        CREATE INDEX story_bands_mark ON story_bands(mark);
        """

    private static let webSub = """
        CREATE TABLE websub(
          feed_id TEXT PRIMARY KEY, hub TEXT NOT NULL, topic TEXT NOT NULL, token TEXT NOT NULL UNIQUE,
          secret TEXT NOT NULL, state TEXT NOT NULL, requested_at REAL NOT NULL, lease_until REAL, renew_at REAL) WITHOUT ROWID;
        """

    private static let groups = """
        CREATE TABLE batch_groups(
          rule TEXT NOT NULL, key TEXT NOT NULL, due_at REAL, since REAL NOT NULL, quiet_until REAL,
          outputs TEXT NOT NULL DEFAULT '', PRIMARY KEY(rule, key)) WITHOUT ROWID;
        CREATE INDEX batch_groups_due ON batch_groups(due_at) WHERE due_at IS NOT NULL;
        CREATE TABLE held_alerts(rule TEXT NOT NULL, key TEXT NOT NULL, alert_row INTEGER NOT NULL,
          PRIMARY KEY(rule, key, alert_row)) WITHOUT ROWID;
        """

    private static let spikes = """
        CREATE TABLE IF NOT EXISTS mention_counts(
          watch TEXT NOT NULL, hour INTEGER NOT NULL, count INTEGER NOT NULL,
          PRIMARY KEY(watch, hour)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS recent_mentions(
          watch TEXT NOT NULL, at REAL NOT NULL, feed_id TEXT NOT NULL, title TEXT, link TEXT);
        CREATE INDEX IF NOT EXISTS recent_mentions_watch ON recent_mentions(watch, at);
        CREATE TABLE IF NOT EXISTS spike_episodes(rule TEXT PRIMARY KEY, since REAL NOT NULL);
        """
}
