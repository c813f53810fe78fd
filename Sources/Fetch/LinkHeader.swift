import Foundation

/// The HTTP Link header (RFC 8288): `<https://hub.example/>; rel="hub", </feed>; rel="self"`.
/// WebSub discovery reads the hub and self links from it first (WebSub §4).
package enum LinkHeader {
    /// The targets of the links whose `rel` holds `relation` (relation types are
    /// case-insensitive and a rel may hold several, space-separated: §3.3), in order, as
    /// written: relative ones are resolved by the caller.
    package static func targets(_ relation: String, in value: String) -> [String] {
        var targets: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let target = String(rest[rest.index(after: open)..<close])
            // The parameters run to the next link: a comma outside quotes.
            var quoted = false
            var end = rest.index(after: close)
            while end < rest.endIndex {
                let c = rest[end]
                if c == "\"" { quoted.toggle() } else if c == ",", !quoted { break }
                end = rest.index(after: end)
            }
            let parameters = rest[rest.index(after: close)..<end]
            if relations(in: parameters).contains(relation.lowercased()) { targets.append(target) }
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
        }
        return targets
    }

    /// The relation types of one link's `rel` parameter, lower-cased.
    private static func relations(in parameters: Substring) -> [String] {
        for parameter in parameters.split(separator: ";") {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "rel" else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.lowercased().split(separator: " ").map(String.init)
        }
        return []
    }
}
