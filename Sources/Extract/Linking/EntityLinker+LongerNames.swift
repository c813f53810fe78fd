import Model

/// A watched one-word name that is part of the name of something else:
/// - "Ford Foundation", "Nobel Prize", "Apple Daily": an institution or a newspaper
///   named after the company;
/// - "South Sudan", "Equatorial Guinea", "Niger Delta": a longer place name the
///   gazetteer files under another country;
/// - a lone "Wagner" the tagger reads as a person, in an item that names "Richard
///   Wagner": that person, not the Wagner Group.
extension EntityLinker {
    /// Head words of names given after someone or something.
    private static let namedAfterHeads: Set<UInt64> = Set([
        "foundation", "university", "museum", "library", "institute", "prize", "award", "awards", "center", "centre",
        "stadium", "arena", "hospital", "school", "college", "academy", "airport", "street", "avenue", "square",
        "bridge", "hall", "theatre", "theater", "park", "memorial", "fellowship", "scholarship", "lecture", "trophy",
        // Newspapers named after something: "Apple Daily" is not Apple.
        "daily", "times", "herald", "tribune", "gazette", "chronicle", "telegraph", "courier",
    ].map { FNV.hash($0) })

    /// "Ford Foundation": a company's name followed by the head of an institution's name
    /// that the company's own name does not have.
    func namedAfter(_ hit: AliasMatcher.Hit, _ field: Field) -> LinkReason? {
        if entries[hit.watchIndex].kind == .person, let firm = joinedByAmpersand(hit, field) { return .namedAfter(firm) }
        if entries[hit.watchIndex].kind == .person, let place = namedAfterPerson(hit, field) { return .namedAfter(place) }
        guard entries[hit.watchIndex].kind == .organization else { return nil }
        let tokens = field.text.tokens
        let next = hit.tokenRange.upperBound
        if let ofPlace = namedOfPlace(hit, field) { return .namedAfter(ofPlace) }
        guard next < tokens.count, tokens[next].isCapitalized, !tokens[next].startsSentence,
              Self.namedAfterHeads.contains(tokens[next].hash),
              !nameWords[hit.watchIndex].contains(NameKey.key(tokens[next], in: field.text)) else { return nil }
        return .namedAfter(field.text.text(from: tokens[hit.tokenRange.lowerBound], to: tokens[next]))
    }

    /// "The George W. Bush Presidential Center", "the Martin Luther King Jr. Memorial": a
    /// person's name before an institution's head, one capitalised word between allowed.
    private func namedAfterPerson(_ hit: AliasMatcher.Hit, _ field: Field) -> String? {
        let tokens = field.text.tokens
        var next = hit.tokenRange.upperBound
        if next < tokens.count, field.text.foldedString(tokens[next]) == "." { next += 1 }  // "… Jr." ended the name
        for head in next..<min(next + 2, tokens.count) {
            guard tokens[head].isCapitalized, !tokens[head].startsSentence else { return nil }
            if Self.namedAfterHeads.contains(tokens[head].hash) {
                return field.text.text(from: tokens[hit.tokenRange.lowerBound], to: tokens[head])
            }
        }
        return nil
    }

    /// "Johnson & Johnson", "Marks & Spencer": a surname joined to another name by an
    /// ampersand is a firm's name, not a person's.
    private func joinedByAmpersand(_ hit: AliasMatcher.Hit, _ field: Field) -> String? {
        let tokens = field.text.tokens
        let before = hit.tokenRange.lowerBound - 1, after = hit.tokenRange.upperBound
        if after + 1 < tokens.count, field.text.foldedString(tokens[after]) == "&", tokens[after + 1].isCapitalized {
            return field.text.text(from: tokens[hit.tokenRange.lowerBound], to: tokens[after + 1])
        }
        if before >= 1, field.text.foldedString(tokens[before]) == "&", tokens[before - 1].isCapitalized {
            return field.text.text(from: tokens[before - 1], to: tokens[after - 1])
        }
        return nil
    }

    /// "Vale of Glamorgan": the company's one-word name heading an
    /// "of" phrase is another name, unless the phrase names a country ("Total of France").
    private func namedOfPlace(_ hit: AliasMatcher.Hit, _ field: Field) -> String? {
        let tokens = field.text.tokens
        let of = hit.tokenRange.upperBound
        guard hit.tokenRange.count == 1, let gazetteer, of + 1 < tokens.count, tokens[of].hash == Self.of,
              tokens[of + 1].isCapitalized, !gazetteer.flags(tokens[of + 1].hash).contains(.country) else { return nil }
        return field.text.text(from: tokens[hit.tokenRange.lowerBound], to: tokens[of + 1])
    }

    private static let of = FNV.hash("of")

    /// "South Sudan": the watched place with up to two capitalised words before it, one
    /// after it or parts joined to it, which the gazetteer knows as a place of another country.
    func insideLongerPlace(_ hit: AliasMatcher.Hit, _ field: Field) -> LinkReason? {
        guard entries[hit.watchIndex].kind == .location, let gazetteer else { return nil }
        let tokens = field.text.tokens
        let watched = gazetteer.countries(Gazetteer.key(tokens[hit.tokenRange].filter(\.isWord).map(\.hash)))
        let own = Set([watched.country, watched.place].filter { $0 != 0 })
        guard !own.isEmpty else { return nil }
        let start = hit.tokenRange.lowerBound
        var end = hit.tokenRange.upperBound
        while end < tokens.count, tokens[end].joinedToPrevious, tokens[end].isWord, tokens[end].hash != Self.possessive { end += 1 }
        var first = start
        while first > 0, start - first < 2, Self.continuesName(tokens[first - 1]), !tokens[first].startsSentence { first -= 1 }
        let last = end < tokens.count && Self.continuesName(tokens[end]) && !tokens[end].startsSentence ? end + 1 : end
        for from in first...start {
            for to in Set([last, end, hit.tokenRange.upperBound]).sorted(by: >) where from < start || to > hit.tokenRange.upperBound {
                let place = gazetteer.countries(Gazetteer.key(tokens[from..<to].filter(\.isWord).map(\.hash)))
                guard place.rawValue != 0 else { continue }
                // "Port Sudan" is in Sudan: a longer name in the same country is still about it.
                if own.contains(place.country) || own.contains(place.place) { return nil }
                return .insideLongerName(type: .loc, text: field.text.text(from: tokens[from], to: tokens[to - 1]))
            }
        }
        return nil
    }

    private static let possessive = FNV.hash("s")

    private static func continuesName(_ token: Token) -> Bool {
        token.isWord && token.shape == .capitalized
    }

    /// A company's or place's one-word name that the tagger reads as a person, in an
    /// item that names a person with that surname ("Richard Wagner" … "Wagner's Ring").
    func surnameOfNamedPerson(_ hit: AliasMatcher.Hit, _ field: Field, item: ItemEvidence) -> LinkReason? {
        let kind = entries[hit.watchIndex].kind
        guard kind != .person, hit.tokenRange.count == 1,
              let person = item.personSurnames[field.text.tokens[hit.tokenRange.lowerBound].hash] else { return nil }
        // Only a mention standing alone: inside a longer name, type agreement has decided.
        let covering = Self.overlapping(field.entities, hit.start, hit.end)
        guard !covering.contains(where: { $0.type == kind.entityType || $0.start < hit.start || $0.end > hit.end }) else { return nil }
        return .surnameOfNamedPerson(person)
    }
}
