import Model

/// What the words before a lone surname say about who is meant: "Mrs Macron"
/// is not Emmanuel Macron, "President Xi" is Xi Jinping and "Xi'an" is a city.
struct PersonCues {
    let gazetteer: Gazetteer?

    enum Gender { case female, male }

    private static let female: Set<UInt64> = Set(["mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "mme", "mme.", "lady",
                                                   "mlle", "mlle.", "frau", "señora", "sra."].map { FNV.hash($0) })
    private static let male: Set<UInt64> = Set(["mr", "mr.", "monsieur", "herr", "sir", "lord", "señor", "sr."].map { FNV.hash($0) })
    /// Titles that introduce a name, when the gazetteer is not there to say.
    private static let titles: Set<UInt64> = Set([
        "president", "premier", "leader", "chairman", "chairwoman", "secretary", "minister", "chancellor", "king",
        "queen", "prince", "princess", "general", "gen.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
        "senator", "sen.", "governor", "gov.", "mayor", "ambassador", "envoy", "judge", "justice", "sheikh", "emir",
        "ayatollah", "imam", "pope", "cardinal", "archbishop", "bishop", "rabbi", "colonel", "col.", "lieutenant", "lt.",
        "admiral", "adm.", "commander", "chief", "speaker", "prosecutor", "vice", "deputy", "prime", "crown",
        "sheriff", "comptroller", "datuk", "tan", "sri", "emperor", "empress", "vizier", "sultan", "pasha", "mullah",
    ].map { FNV.hash($0) })

    /// The gender a courtesy title before the token at `index` gives, if any.
    func honorificGender(_ text: TokenizedText, before index: Int) -> Gender? {
        guard index > 0 else { return nil }
        let hash = text.tokens[index - 1].hash
        return Self.female.contains(hash) ? .female : Self.male.contains(hash) ? .male : nil
    }

    /// The gender the watched person's first name is borne with, if the name lists say.
    func gender(of entry: WatchEntry) -> Gender? {
        guard let gazetteer, let first = Tokenizer.tokenize(entry.name).tokens.first(where: \.isWord) else { return nil }
        let flags = gazetteer.flags(first.hash)
        return flags.contains(.femaleGivenName) ? .female : flags.contains(.maleGivenName) ? .male : nil
    }

    /// Does a title ("President", "Chinese leader", "Mr") stand right before the token at `index`?
    func titleBefore(_ text: TokenizedText, _ index: Int) -> Bool {
        index > 0 && text.tokens[index - 1].isWord && isTitle(text.tokens[index - 1])
    }

    /// Is the word a title or courtesy title ("Chancellor", "Sir", "Ayatollah")?
    func isTitle(_ token: Token) -> Bool {
        let hash = token.hash
        if Self.titles.contains(hash) || Self.male.contains(hash) || Self.female.contains(hash) { return true }
        guard let gazetteer else { return false }
        return !gazetteer.flags(hash).isDisjoint(with: [.titleBefore, .role])
    }
}
