import Model

/// What an item defines or describes once, for all its mentions:
/// - an acronym spelled out as something else ("HTS cables (high-temperature
///   superconductors)" is not Hayat Tahrir al-Sham, which "Hayat Tahrir al-Sham
///   (HTS)" would confirm);
/// - a company described by what it is ("the carmaker said"), which tells a company's
///   name in an all-capitals headline from the common word ("TESLA RECALLS …").
extension ItemEvidence {
    /// Words left out of an acronym's letters.
    private static let skipped: Set<UInt64> = Set(["of", "and", "the", "for", "in", "on", "&"].map { FNV.hash($0) })

    /// Every parenthesised run of words in the text, and the words before a parenthesised
    /// acronym: (initials, word keys) pairs, at most eight words each.
    static func spelledOut(_ text: TokenizedText) -> [(initials: String, words: [UInt64])] {
        let tokens = text.tokens
        var found: [(String, [UInt64])] = []
        var i = 0
        while i < tokens.count {
            guard text.foldedString(tokens[i]) == "(" else { i += 1; continue }
            var close = i + 1
            while close < tokens.count, close - i <= 12, text.foldedString(tokens[close]) != ")" { close += 1 }
            guard close < tokens.count, close - i <= 12 else { i += 1; continue }
            let inside = Array(tokens[(i + 1)..<close])
            if inside.count == 1, inside[0].shape == .upper {
                // "Hayat Tahrir al-Sham (HTS)": the capitalised words before it, when the
                // acronym's letters are their initials in order, some words left out ("National
                // Institute for Health and Care Excellence (NICE)"); else as many as the letters.
                let acronym = text.foldedString(inside[0])
                if let run = capitalisedRun(before: i, text), isAbbreviation(acronym, of: run, text) {
                    found.append((acronym, run.map { NameKey.key($0, in: text) }))
                } else {
                    let letters = inside[0].length
                    // A hyphenated compound gives one initial: "age-related macular degeneration (AMD)".
                    let before = tokens[..<i].indices.suffix(letters * 3).filter { k in
                        tokens[k].isWord && !skipped.contains(tokens[k].hash)
                            && !(k >= 1 && tokens[k].joinedToPrevious && (tokens[k - 1].isWord || text.foldedString(tokens[k - 1]) == "-"))
                    }.suffix(letters).map { tokens[$0] }
                    found.append(initials(Array(before), text))
                }
            } else if inside.count > 1 {
                found.append(initials(inside.filter { $0.isWord && !skipped.contains($0.hash) }, text))
            }
            i = close + 1
        }
        return found
    }

    /// The capitalised words right before token `end`, small joining words between them
    /// allowed ("of", "and", "for"), at most ten words; nil when there are fewer than two.
    private static func capitalisedRun(before end: Int, _ text: TokenizedText) -> [Token]? {
        var run: [Token] = []
        var i = end - 1
        while i >= 0, run.count < 10 {
            let token = text.tokens[i]
            if token.isWord, skipped.contains(token.hash) {
                if run.isEmpty { break }  // a joining word, left out
            } else if token.isWord, token.isCapitalized {
                run.insert(token, at: 0)
            } else {
                break
            }
            if token.startsSentence { break }
            i -= 1
        }
        return run.count >= 2 ? run : nil
    }

    /// Are the acronym's letters the words' initials in order, starting with the first
    /// word's, with some words left out?
    private static func isAbbreviation(_ acronym: String, of words: [Token], _ text: TokenizedText) -> Bool {
        let initials = words.compactMap { text.foldedString($0).first }
        guard let first = acronym.first, initials.first == first, acronym.count <= initials.count else { return false }
        var remaining = acronym.makeIterator()
        var wanted = remaining.next()
        for letter in initials where letter == wanted { wanted = remaining.next() }
        return wanted == nil
    }

    private static func initials(_ words: [Token], _ text: TokenizedText) -> (String, [UInt64]) {
        let letters = words.compactMap { text.foldedString($0).first }.map(String.init).joined()
        return (letters, words.map { NameKey.key($0, in: text) })
    }

    /// Company and place watches whose all-capitals alias the item spells out as words that are
    /// not the company's name, with those words' initials.
    static func acronymsDefinedOtherwise(_ fields: [EntityLinker.Field], entries: [WatchEntry],
                                         nameWords: [Set<UInt64>]) -> [Int: String] {
        var acronyms: [String: Set<Int>] = [:]
        for field in fields {
            // A company's acronym, or a place's name in capitals ("NICE" for the National Institute …).
            for hit in field.hits where hit.tokenRange.count == 1 && entries[hit.watchIndex].kind != .person {
                let token = field.text.tokens[hit.tokenRange.lowerBound]
                guard token.shape == .upper, token.length >= 2 else { continue }
                acronyms[field.text.foldedString(token), default: []].insert(hit.watchIndex)
            }
        }
        guard !acronyms.isEmpty else { return [:] }
        var otherwise: [Int: String] = [:]
        for field in fields {
            for (letters, words) in spelledOut(field.text) {
                for watch in acronyms[letters] ?? [] where !Set(words).isSubset(of: nameWords[watch]) {
                    otherwise[watch] = letters.uppercased()
                }
            }
        }
        return otherwise
    }

    /// What a company is called when its name is not repeated.
    private static let companyNouns: Set<UInt64> = Set([
        "company", "firm", "group", "carmaker", "automaker", "operator", "retailer", "lender", "bank", "airline",
        "insurer", "manufacturer", "maker", "chipmaker", "drugmaker", "miner", "conglomerate", "corporation",
        "broadcaster", "publisher", "supplier", "brand", "startup", "giant",
        "companies", "firms", "carmakers", "lenders", "banks", "airlines", "insurers", "retailers", "groups",
    ].map { FNV.hash($0) })
    private static let the = FNV.hash("the")

    /// Does the item call something "the company", "the carmaker", "the telecoms group" …?
    static func describesCompany(_ fields: [EntityLinker.Field]) -> Bool {
        fields.contains { field in
            let tokens = field.text.tokens
            return tokens.indices.dropFirst().contains { i in
                guard tokens[i].shape == .lower, companyNouns.contains(tokens[i].hash) else { return false }
                return tokens[i - 1].hash == the || (i >= 2 && tokens[i - 2].hash == the && tokens[i - 1].shape == .lower)
            }
        }
    }
}
