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
        let lower = key.lowercased()
        if lower.contains("://") || lower.hasPrefix("urn:") || lower.hasPrefix("tag:") { return key }
        return "\(feedURL)#\(key)"
    }
}
