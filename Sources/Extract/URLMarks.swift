import Model
/// Marks the tokens of URLs and e-mail addresses, so a name inside a link
/// ("https://example.org/Erdogan-visit", "erdogan@example.org") is never a mention.
enum URLMarks {
    private static let schemes: Set<UInt64> = Set(["http", "https", "ftp", "www", "mailto"].map { FNV.hash($0) })
    private static let colon = FNV.hash(":"), dot = FNV.hash("."), at = FNV.hash("@")

    static func apply(to tokens: inout [Token], folded: [UInt8]) {
        var i = 0
        while i < tokens.count {
            if startsLink(tokens, i) {
                var end = i + 1
                // A link runs until white space separates two tokens.
                while end < tokens.count, tokens[end].start == tokens[end - 1].end || tokens[end].joinedToPrevious { end += 1 }
                if end > i + 1, tokens[end - 1].shape == .punct, tokens[end - 1].hash == dot { end -= 1 }
                for k in i..<end { tokens[k].shape = .link }
                i = end
            } else {
                i += 1
            }
        }
    }

    private static func startsLink(_ tokens: [Token], _ i: Int) -> Bool {
        guard i + 1 < tokens.count, tokens[i + 1].start == tokens[i].end else { return false }
        let next = tokens[i + 1].hash
        guard next == colon || next == dot || next == at else { return false }
        if next != at { return schemes.contains(tokens[i].hash) }
        // name@host.tld: the word before "@" starts an e-mail address.
        if i + 2 < tokens.count, tokens[i + 2].start == tokens[i + 1].end,
           (i == 0 || tokens[i - 1].end != tokens[i].start) {
            var k = i + 2
            while k + 1 < tokens.count, tokens[k + 1].start == tokens[k].end {
                if tokens[k + 1].hash == dot { return true }
                k += 1
            }
        }
        return false
    }
}
