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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "urn:feedwatch:" + String(hash, radix: 16)
    }
}
