import Foundation
import Model

/// The stories alerts told, for `settings.dedup`: a story is found again by its
/// normalised link, or by one of the eight 8-bit bands of its text's SimHash (two
/// SimHashes within 7 bits share one), then checked by the caller.
extension SQLiteStateStore {
    public func storyMarks(url: String?, bands: [Int64], since: Date) throws(StoreError) -> [StoryMark] {
        let time = SQLiteValue.real(since.timeIntervalSince1970)
        var rows: [Int: StoryMark] = [:]
        let read = { (row: SQLiteRow) in
            rows[row.int(0)] = StoryMark(story: row.text(1) ?? "", rule: row.text(2) ?? "", url: row.text(3),
                                         simhash: UInt64(bitPattern: Int64(row.int(4))), bands: [])
        }
        if let url {
            try db.prepare("SELECT rowid, story, rule, url, simhash FROM story_marks WHERE url = ? AND at >= ?")
                .query(.text(url), time, row: read)
        }
        let byBand = try db.prepare("""
            SELECT m.rowid, m.story, m.rule, m.url, m.simhash FROM story_bands b JOIN story_marks m ON m.rowid = b.mark
            WHERE b.band = ? AND m.at >= ?
            """)
        for band in bands { try byBand.query(.int(Int(band)), time, row: read) }
        return rows.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Records a fired alert's story (inside `record`'s transaction).
    func insertStory(_ mark: StoryMark, at time: SQLiteValue) throws(StoreError) {
        try db.prepare("INSERT INTO story_marks(story, rule, url, simhash, at) VALUES (?, ?, ?, ?, ?)")
            .run(.text(mark.story), .text(mark.rule), .text(mark.url), .int(Int(Int64(bitPattern: mark.simhash))), time)
        let row = SQLiteValue.int(Int(db.lastInsertRowID))
        let band = try db.prepare("INSERT INTO story_bands(band, mark) VALUES (?, ?)")
        for value in mark.bands { try band.run(.int(Int(value)), row) }
    }

    /// Removes stories told before `cutoff`, with their bands.
    public func pruneStories(before cutoff: Date) throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            let time = SQLiteValue.real(cutoff.timeIntervalSince1970)
            try db.prepare("DELETE FROM story_bands WHERE mark IN (SELECT rowid FROM story_marks WHERE at < ?)").run(time)
            try db.prepare("DELETE FROM story_marks WHERE at < ?").run(time)
        }
    }
}
