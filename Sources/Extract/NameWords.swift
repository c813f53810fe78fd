import Model

/// Which tokens of a name count as its words: every word but the Arabic
/// article inside a name ("al-Hayya", "el-Sisi", "Khalil al Hayya", "ad-Din"),
/// which writers add, drop and spell as they like. An article that starts a
/// name ("Al Gore") is a word.
enum NameWords {
    /// The article and its assimilated forms before sun letters.
    private static let articles: Set<UInt64> = Set([
        "al", "el", "ul", "ad", "ar", "as", "at", "az", "an", "ash", "ath", "ed", "es", "en", "ez",
    ].map { FNV.hash($0) })
    private static let spacedArticles: Set<UInt64> = Set(["al", "el"].map { FNV.hash($0) })

    /// Is the token at `i` an article inside a name: hyphenated to the next word
    /// ("al-Hayya"), or, not first, "al"/"el" before a capitalised word ("Khalil al Hayya")?
    static func isParticle(_ tokens: [Token], _ i: Int) -> Bool {
        guard i + 1 < tokens.count, articles.contains(tokens[i].hash), tokens[i + 1].isWord else { return false }
        let next = tokens[i + 1]
        if next.joinedToPrevious { return true }
        return i > 0 && spacedArticles.contains(tokens[i].hash) && next.isCapitalized && !next.startsSentence
    }

    /// The indices of a name's words, particles left out.
    static func indices(in tokens: [Token]) -> [Int] {
        tokens.indices.filter { tokens[$0].isWord && !isParticle(tokens, $0) }
    }
}
