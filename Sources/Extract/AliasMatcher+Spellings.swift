import Model

/// The spellings a watch entry is matched under, beyond those it lists: a
/// person's surname and short family name, an organisation's singular or
/// plural, and words the text splits that a spelling writes closed.
extension AliasMatcher {
    /// A person's surname: its words' hashes, and how the name writes it.
    struct Surname {
        var text: String
        var words: [UInt64]
    }

    /// The last word of a person's name of two words or more, with a joined
    /// particle ("al-Hayya", "bin-Salman") as part of it. A name that puts the family
    /// name first has none: the "Un" of "Kim Jong Un" is a given name.
    static func surname(of entry: WatchEntry) -> Surname? {
        guard entry.kind == .person, shortForm(of: entry) == nil else { return nil }
        let tokenized = Tokenizer.tokenize(entry.name)
        var words = tokenized.tokens.filter(\.isWord)
        while let last = words.last, postNominals.contains(last.hash) { words.removeLast() }
        guard words.count >= 2, let last = words.last, last.shape != .lower else { return nil }
        var first = words.count - 1
        while first > 0, words[first].joinedToPrevious { first -= 1 }
        guard first > 0 else { return nil }
        let text = tokenized.text(from: words[first], to: last)
        return Surname(text: text, words: wordHashes(text))
    }

    /// The first word of a Chinese or Korean person's name of two or three words: the
    /// family name, which comes first ("Xi Jinping", "Kim Jong Un"). A family name we do
    /// not list counts when the given name is written as one hyphenated word with a
    /// lower-case second syllable, the way Taiwanese and Korean names are romanised
    /// ("Lai Ching-te", "Tsai Ing-wen", "Moon Jae-in").
    static func shortForm(of entry: WatchEntry) -> String? {
        guard entry.kind == .person else { return nil }
        let tokenized = Tokenizer.tokenize(entry.name)
        let words = tokenized.tokens.filter(\.isWord)
        let hyphenatedGivenName = words.count == 3 && words[1].isCapitalized && words[2].joinedToPrevious && words[2].shape == .lower
        guard (2...3).contains(words.count), NameWords.isFamilyNameFirst(words[0]) || hyphenatedGivenName, words[0].isCapitalized,
              !words[1].joinedToPrevious else { return nil }
        return tokenized.text(from: words[0], to: words[0])
    }

    static let postNominals: Set<UInt64> = Set(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"].map { FNV.hash($0) })

    /// The name keys of a spelling's words, particles left out.
    static func wordHashes(_ spelling: String) -> [UInt64] {
        let text = Tokenizer.tokenize(spelling)
        return NameWords.indices(in: text.tokens).map { NameKey.key(text.tokens[$0], in: text) }
    }

    /// A spelling and the forms a group's name takes in running text: "Houthis" is
    /// also "Houthi" ("Houthi rebels"), and "Houthi" also "Houthis". Only a one-word
    /// name in title case ending in "-is" or "-i" after a consonant changes, so
    /// "Hamas" is never "Hama" and "ISIS" stays as written.
    static func writtenForms(_ spelling: String) -> [String] {
        // "Co-operation" is also written "Cooperation" (the reverse is read in the text,
        // see `closedWord`); an article inside a name ("al-Hayya") stays apart.
        let tokenized = Tokenizer.tokenize(spelling)
        let tokens = tokenized.tokens
        if let joint = tokens.indices.first(where: { $0 > 0 && tokens[$0].joinedToPrevious && tokens[$0 - 1].isWord
            && !NameWords.isParticle(tokens, $0 - 1) && tokens[$0 - 1].shape != .upper }) {
            var bytes = Array(spelling.utf8)
            bytes.removeSubrange(Int(tokens[joint - 1].utf8End)..<Int(tokens[joint].utf8Start))
            return pluralForms(spelling) + writtenForms(String(decoding: bytes, as: UTF8.self))
        }
        return pluralForms(spelling)
    }

    private static func pluralForms(_ spelling: String) -> [String] {
        let words = spelling.split(separator: " ")
        guard words.count == 1, let word = words.first, word.count >= 5, word.first?.isUppercase == true,
              word.dropFirst().allSatisfy({ $0.isLowercase }) else { return [spelling] }
        let letters = Array(word)
        let consonant = { (c: Character) in !"aeiouy".contains(c) }
        if word.hasSuffix("is"), consonant(letters[letters.count - 3]) { return [spelling, String(word.dropLast())] }
        if word.hasSuffix("i"), consonant(letters[letters.count - 2]) { return [spelling, spelling + "s"] }
        return [spelling]
    }

    /// A person's name with one word's doubled consonant written once, or one short word's
    /// inner consonant doubled, where that crosses the five-letter line below which
    /// `NameKey` keeps a word as written: "Assad" is also "Asad", "Sisi" also "Sissi".
    /// (Longer words need nothing: their key writes doubled letters once.)
    static func doubledLetterForms(_ spelling: String) -> [String] {
        let words = spelling.split(separator: " ", omittingEmptySubsequences: false)
        var forms: [String] = []
        for (w, word) in words.enumerated() {
            for (p, part) in word.split(separator: "-", omittingEmptySubsequences: false).enumerated() {
                guard let changed = Self.doubledLetterForm(String(part)) else { continue }
                var parts = word.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
                parts[p] = changed
                var all = words.map(String.init)
                all[w] = parts.joined(separator: "-")
                forms.append(all.joined(separator: " "))
            }
        }
        return forms
    }

    private static func doubledLetterForm(_ word: String) -> String? {
        var letters = Array(word)
        guard letters.allSatisfy({ $0.isLetter && $0.isASCII }) else { return nil }
        let vowel = { (c: Character) in "aeiouAEIOU".contains(c) }
        if letters.count == 5, let i = (1..<4).first(where: { letters[$0] == letters[$0 + 1] && !vowel(letters[$0]) }) {
            letters.remove(at: i)
            return String(letters)
        }
        if letters.count == 4, vowel(letters[1]), !vowel(letters[2]), vowel(letters[3]) {
            letters.insert(letters[2], at: 2)
            return String(letters)
        }
        return nil
    }

    /// English clitics after an apostrophe: "Erdoğan's", "don't", "we'll" are not one word.
    private static let clitics: Set<UInt64> = Set(["s", "t", "ll", "re", "ve", "d", "m"].map { FNV.hash($0) })

    /// The word at `position` read together with the parts joined to it, when there are any
    /// and they are not a clitic: its key and token range.
    static func closedWord(from position: Int, in text: TokenizedText) -> (key: UInt64, range: Range<Int>)? {
        let tokens = text.tokens
        var end = position + 1
        while end < tokens.count, end - position < 4, tokens[end].joinedToPrevious, tokens[end].isWord,
              !clitics.contains(tokens[end].hash) { end += 1 }
        guard end > position + 1 else { return nil }
        return (NameKey.key(letters(of: position..<end, in: text)), position..<end)
    }

    /// The folded letters of a word, or of the parts of a closed word.
    static func letters(of word: Range<Int>, in text: TokenizedText) -> ArraySlice<UInt8> {
        let tokens = text.tokens
        guard word.count > 1 else { return text.folded[Int(tokens[word.lowerBound].foldedStart)..<Int(tokens[word.lowerBound].foldedEnd)] }
        return ArraySlice(word.flatMap { text.folded[Int(tokens[$0].foldedStart)..<Int(tokens[$0].foldedEnd)] })
    }
}
