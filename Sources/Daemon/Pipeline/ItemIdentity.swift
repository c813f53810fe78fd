import Model

/// How an item is known across polls, restarts and feeds.
package enum ItemIdentity {
    /// The key under which a feed's item is recorded as seen: its own id (RSS guid,
    /// Atom id), else the one fallback id every stage shares (`Entry.fallbackID`).
    package static func key(of entry: Entry) -> String {
        if let id = entry.id, !id.isEmpty { return id }
        return entry.fallbackID ?? "urn:feedwatch:empty"
    }

    /// The identity alert ids derive from. A guid that is globally unique by
    /// its form (a URL, urn: or tag: URI) stands alone, so the same article in
    /// two feeds has one identity; a bare local guid ("1234") is qualified by the
    /// feed's URL so two unrelated feeds never collide and miss an alert.
    package static func global(of entry: Entry, feedURL: String) -> String {
        let key = key(of: entry)
        return isGloballyUnique(key) ? key : "\(feedURL)#\(key)"
    }

    /// A URL ("…://…"), or a urn: or tag: URI, in any case. Byte tests: this runs for every item.
    private static func isGloballyUnique(_ key: String) -> Bool {
        let bytes = key.utf8
        let lowered = bytes.prefix(4).map { $0 | 0x20 }
        if lowered == Array("urn:".utf8) || lowered == Array("tag:".utf8) { return true }
        let colonSlashSlash: [UInt8] = Array("://".utf8)
        var index = bytes.startIndex
        while let colon = bytes[index...].firstIndex(of: UInt8(ascii: ":")) {
            if bytes[colon...].starts(with: colonSlashSlash) { return true }
            index = bytes.index(after: colon)
        }
        return false
    }

    /// A hash of what an edit changes, the title and the summary: an item seen before is
    /// evaluated again when it differs from the recorded one. Never 0, which the store
    /// reads as "recorded without a hash".
    package static func contentHash(of entry: Entry) -> Int64 {
        let text = Array((entry.title ?? "").utf8) + [0x1F] + Array((entry.summary ?? "").utf8)
        return Int64(bitPattern: FNV.hash(text[...]) | 1)
    }
}
