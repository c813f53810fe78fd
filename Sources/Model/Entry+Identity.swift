import Foundation

extension Entry {
    /// The one id for an entry that has none of its own (no guid, no Atom id), so
    /// that every item can be recognised on the next poll: its link, else a stable
    /// hash of its title, date and text; nil only for an entry with none of these.
    /// Parse gives it to entries it reads; the daemon keys items by it.
    public var fallbackID: String? {
        if let link, !link.isEmpty { return link }
        let parts = [title ?? "", date.map(Timestamp.rfc3339) ?? "", String((summary ?? content ?? "").prefix(500))]
        guard parts.contains(where: { !$0.isEmpty }) else { return nil }
        return "urn:feedwatch:" + String(FNV.hash(parts.joined(separator: "\u{1F}")), radix: 16)
    }
}
