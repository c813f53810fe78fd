import Foundation
import Model

/// What makes two items one story (`settings.dedup`): the same link once the noise
/// that syndication and tracking add is taken out, or nearly the same text.
public enum StoryKey {
    /// The link as a story is known by: scheme and host lower-cased, the default port,
    /// a leading "www." or "amp." and the fragment dropped, tracking parameters (`utm_*`,
    /// `fbclid`, `gclid` …) and AMP markers (`/amp` at the end of the path, `amp=1`,
    /// `outputType=amp`) removed, the remaining parameters sorted, no trailing slash.
    /// Both schemes are one: a story is the same over http and https.
    public static func normalizedURL(_ link: String) -> String? {
        guard var parts = URLComponents(string: link.trimmingCharacters(in: .whitespaces)),
              let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              var host = parts.host?.lowercased(), !host.isEmpty else { return nil }
        for prefix in ["www.", "amp."] where host.hasPrefix(prefix) { host.removeFirst(prefix.count) }
        if let port = parts.port, port != 80, port != 443 { host += ":\(port)" }
        var path = parts.percentEncodedPath
        for suffix in ["/amp/", "/amp", ".amp"] where path.lowercased().hasSuffix(suffix) { path.removeLast(suffix.count) }
        while path.hasSuffix("/") { path.removeLast() }
        let query = (parts.queryItems ?? []).filter { !isTracking($0) }.map { "\($0.name)=\($0.value ?? "")" }.sorted()
        parts.fragment = nil
        return "//" + host + path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    private static let trackingNames: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "ocid",
        "cmpid", "ito", "ns_source", "ns_campaign", "ns_mchannel", "ns_linkname", "ns_fee", "_ga", "smid", "s_cid",
    ]

    private static func isTracking(_ item: URLQueryItem) -> Bool {
        let name = item.name.lowercased()
        if name.hasPrefix("utm_") || trackingNames.contains(name) { return true }
        if name == "amp", item.value == nil || item.value == "1" || item.value == "true" { return true }
        return name == "outputtype" && item.value?.lowercased() == "amp"
    }

    /// A 64-bit SimHash (Charikar) of the text's word shingles: texts that share most
    /// of their three-word runs differ in few bits. Words are lower-cased letters and
    /// digits; a text of fewer than three words is hashed by its words.
    public static func simhash(_ text: String) -> UInt64 {
        var words: [UInt64] = []
        var word = FNV.offset, inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for lower in scalar.properties.lowercaseMapping.utf8 { word = (word ^ UInt64(lower)) &* FNV.prime }
                inWord = true
            } else if inWord {
                words.append(word)
                (word, inWord) = (FNV.offset, false)
            }
        }
        if inWord { words.append(word) }
        guard !words.isEmpty else { return 0 }
        let width = min(3, words.count)
        var counts = [Int](repeating: 0, count: 64)
        for start in 0...(words.count - width) {
            var hash = FNV.offset
            for w in words[start..<(start + width)] { hash = (hash ^ w) &* FNV.prime }
            hash ^= hash >> 29  // the low bits of an FNV product mix poorly
            for bit in 0..<64 { counts[bit] += Int(truncatingIfNeeded: hash >> UInt64(bit) & 1) * 2 - 1 }
        }
        return counts.enumerated().reduce(0) { $1.element > 0 ? $0 | (1 << UInt64($1.offset)) : $0 }
    }

    /// How many bits two SimHashes may differ by at a similarity (0.5–1): 64 × (1 − similarity).
    public static func maxDistance(similarity: Double) -> Int {
        Int((64 * (1 - min(max(similarity, 0.5), 1))).rounded(.down))
    }

    /// The eight 8-bit bands of a SimHash, each tagged with its place: two hashes within
    /// 7 bits (a similarity of 0.89 or more) share at least one band, so the store finds
    /// every such neighbour by index, then checks the distance.
    public static func bands(_ simhash: UInt64) -> [Int64] {
        (0..<8).map { Int64($0) << 8 | Int64(simhash >> (8 * UInt64($0)) & 0xFF) }
    }
}
