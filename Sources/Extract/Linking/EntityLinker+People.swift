import Model

/// The rules for a person named by one word: a surname or a short family name.
extension EntityLinker {
    // MARK: - Lone names of people

    /// "Donald Trump Jr." is not Donald Trump, and a bare "Trump" is not Donald Trump Jr.:
    /// a generational suffix after a name must be the watched person's own.
    func generationDisagreement(_ hit: AliasMatcher.Hit, _ field: Field) -> LinkReason? {
        guard entries[hit.watchIndex].kind == .person else { return nil }
        let tokens = field.text.tokens
        var next = hit.tokenRange.upperBound
        if next < tokens.count, field.text.foldedString(tokens[next]) == "," { next += 1 }
        let suffixAfter = next < tokens.count && AliasMatcher.postNominals.contains(tokens[next].hash)
        if generational[hit.watchIndex] { return hit.isSurname && !suffixAfter ? .generation : nil }
        return suffixAfter ? .generation : nil
    }

    /// "Abiy Smith" is not Abiy Ahmed: a person's one-word alias inside the longer name of
    /// someone else, as a surname alone would be.
    func aliasDisagreement(_ hit: AliasMatcher.Hit, _ field: Field, people: PeopleIndex) -> LinkReason? {
        guard entries[hit.watchIndex].kind == .person, !hit.isSurname, !hit.isShortForm,
              field.text.tokens[hit.tokenRange].lazy.filter(\.isWord).count == 1,
              let enclosing = enclosingPerson(hit, field) else { return nil }
        return otherPerson(enclosing, hit, field, people: people)
    }

    /// "Nicolas Maduro Guerra, a lawmaker and the son of the president": a longer name
    /// around the watched one, described as someone's relative, is that relative. (Without
    /// such a description a longer name may be the person's own: "Sheikh Hasina Wajed".)
    func relativeDisagreement(_ hit: AliasMatcher.Hit, _ field: Field, people: PeopleIndex) -> LinkReason? {
        guard entries[hit.watchIndex].kind == .person, !hit.isSurname, let enclosing = enclosingPerson(hit, field),
              !names(PeopleIndex.Mention(field: 0, offset: enclosing.start, words: people.words(of: enclosing, in: field.text)), hit.watchIndex)
        else { return nil }
        let tokens = field.text.tokens
        guard let last = field.text.tokenRange(of: enclosing).last, last + 2 < tokens.count,
              field.text.foldedString(tokens[last + 1]) == "," else { return nil }
        for i in (last + 2)..<min(last + 10, tokens.count - 1) {
            if tokens[i].startsSentence || field.text.foldedString(tokens[i]) == "," { break }
            if Self.kin.contains(tokens[i].hash), tokens[i + 1].hash == Self.ofWord { return .relative(enclosing.text) }
        }
        return nil
    }

    private static let kin: Set<UInt64> = Set([
        "son", "daughter", "wife", "husband", "widow", "widower", "brother", "sister", "father", "mother", "nephew",
        "niece", "cousin", "uncle", "aunt", "grandson", "granddaughter", "grandfather", "grandmother", "stepson",
        "stepdaughter", "son-in-law", "daughter-in-law", "brother-in-law", "sister-in-law",
    ].map { FNV.hash($0) })
    private static let ofWord = FNV.hash("of")

    /// "Mrs Macron" is not Emmanuel Macron: a courtesy title of the other gender.
    func honorificDisagreement(_ hit: AliasMatcher.Hit, _ field: Field, cues: PersonCues) -> LinkReason? {
        guard let said = cues.honorificGender(field.text, before: hit.tokenRange.lowerBound),
              let watched = cues.gender(of: entries[hit.watchIndex]) else { return nil }
        return said == watched ? nil : .otherGender
    }

    /// "President Xi" and "Xi" after "Xi Jinping" in the same item are Xi Jinping; a lone
    /// "Xi" elsewhere, or "Xi'an", is not.
    func shortFormDisagreement(_ hit: AliasMatcher.Hit, _ field: Field, item: ItemEvidence, people: PeopleIndex) -> LinkReason? {
        let after = hit.tokenRange.upperBound
        if after < field.text.tokens.count, field.text.tokens[after].joinedToPrevious,
           field.text.foldedString(field.text.tokens[after]) != "s" { return .partOfAWord }
        if let enclosing = enclosingPerson(hit, field), let other = otherPerson(enclosing, hit, field, people: people) { return other }
        return people.cues.titleBefore(field.text, hit.tokenRange.lowerBound) || item.namedInFull.contains(hit.watchIndex) ? nil : .shortFormAlone
    }

    /// A lone name word inside a longer person name is ours only if the other words
    /// are our name's, titles aside ("Chancellor Scholz" and "Recep Erdoğan" yes,
    /// "Emine Erdoğan" and "Kim Yo Jong" no).
    private func otherPerson(_ enclosing: Entity, _ hit: AliasMatcher.Hit, _ field: Field, people: PeopleIndex) -> LinkReason? {
        let named = PeopleIndex.Mention(field: 0, offset: enclosing.start, words: people.words(of: enclosing, in: field.text))
        return names(named, hit.watchIndex) ? nil : .insideLongerName(type: .person, text: enclosing.text)
    }

    /// Is this full name the watched person's: its words among the watched spellings' words,
    /// or the watched name with at most two middle names added ("Yoweri Kaguta Museveni").
    func names(_ person: PeopleIndex.Mention, _ watch: Int) -> Bool {
        if person.words.isSubset(of: nameWords[watch]) { return true }
        guard let ends = nameEnds[watch], person.first == ends.first, person.last == ends.last else { return false }
        let extra = person.words.subtracting(nameWords[watch])
        // Middle names may be added ("Yoweri Kaguta Museveni"), but an initial the watched
        // name does not have is another person: "George H.W. Bush" is not "George W. Bush".
        return extra.count <= 2 && extra.isDisjoint(with: Self.initials)
    }

    /// The name keys of the single letters: a middle initial.
    private static let initials: Set<UInt64> = Set("abcdefghijklmnopqrstuvwxyz".utf8.map { NameKey.key([$0][...]) })

    /// The person name the tagger found around the hit and longer than it, if any.
    private func enclosingPerson(_ hit: AliasMatcher.Hit, _ field: Field) -> Entity? {
        Self.overlapping(field.entities, hit.start, hit.end).first {
            $0.type == .person && $0.start <= hit.start && $0.end >= hit.end && ($0.start < hit.start || $0.end > hit.end)
        }
    }

    // MARK: - Surname coreference

    func surnameDisagreement(_ hit: AliasMatcher.Hit, field f: Int, in field: Field, people: PeopleIndex, item: ItemEvidence) -> LinkReason? {
        // "Dr Modi, a cardiologist": introduced as someone the reader does not know.
        if item.introducedAsSomeoneElse.contains(hit.watchIndex), !item.namedInFull.contains(hit.watchIndex) {
            return .introducedAsSomeoneElse
        }
        guard let last = field.text.tokens[hit.tokenRange].last else { return .anotherPerson }
        let surname = NameKey.key(last, in: field.text)
        // Inside a longer person name, that name decides.
        if let enclosing = enclosingPerson(hit, field) { return otherPerson(enclosing, hit, field, people: people) }
        let sameSurname = people.bySurname[surname] ?? []
        // "Another Ahmed" beside "Ahmed Musa": the item uses the word as someone's given name.
        if !item.namedInFull.contains(hit.watchIndex),
           people.byFirstWord[surname]?.contains(where: { !names($0, hit.watchIndex) }) == true {
            return .givenNameOfAnother
        }
        guard sameSurname.contains(where: { !names($0, hit.watchIndex) }) else { return nil }
        // Another person shares the surname: the last full name before this mention decides.
        let before = sameSurname.last { ($0.field, $0.offset) < (f, hit.start) }
        return before.map { names($0, hit.watchIndex) } == true ? nil : .anotherPerson
    }
}
