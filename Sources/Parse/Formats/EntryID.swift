import Foundation
import Model

/// An id for an entry that has none of its own (no guid, no Atom id), so that
/// every item can be recognised on the next poll: its link, else a hash of
/// its title, date and text.
enum EntryID {
    static func fallback(_ entry: Entry) -> String? {
        if let link = entry.link, !link.isEmpty { return link }
        let parts = [entry.title ?? "", entry.date.map(Timestamp.rfc3339) ?? "", String((entry.summary ?? entry.content ?? "").prefix(500))]
        guard parts.contains(where: { !$0.isEmpty }) else { return nil }
        return "urn:feedwatch:" + String(FNV.hash(parts.joined(separator: "\u{1F}")), radix: 16)
    }
}
