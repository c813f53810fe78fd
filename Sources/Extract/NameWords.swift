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

    /// Chinese and Korean family names, which come first in the name as English copy
    /// writes it ("Xi Jinping", "Kim Jong Un", "Li Qiang") and stand alone for the
    /// person ("President Xi"). Japanese and Vietnamese names are written given name
    /// first or called by the given name, so they are not here.
    private static let familyNamesFirst: Set<UInt64> = Set([
        // Chinese (pinyin), the most frequent and those of leaders.
        "xi", "li", "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "hu", "zhu",
        "gao", "lin", "guo", "ma", "luo", "liang", "song", "zheng", "xie", "han", "tang", "feng", "dong", "xiao",
        "cao", "deng", "peng", "cai", "jiang", "wen", "mao", "qin", "wei", "ding", "shi", "yao", "tian", "fu",
        // Korean, as the press romanises them.
        "kim", "lee", "yi", "ri", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang", "cho", "yoon",
        "yun", "jang", "lim", "shin", "kwon", "hwang", "ahn", "moon", "mun", "oh", "seo", "ryu", "roh", "rhee",
    ].map { FNV.hash($0) })

    /// Does a person's name put the family name first?
    static func isFamilyNameFirst(_ token: Token) -> Bool { familyNamesFirst.contains(token.hash) }
}
