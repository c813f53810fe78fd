import Model

/// The lists an entry or the feed collects — categories, authors, enclosures —
/// in document order, without repeats, and at most `maxListLength` long. Sets
/// remember what is in them, so each addition costs the same however long the
/// list: with array searches, one hostile item with 60,000 authors took minutes.
extension XMLFeedReader {
    static let maxListLength = 1_000

    /// What a list already holds (one per entry, one for the feed).
    struct ListMemory {
        var categories: Set<String> = []
        var authors: Set<Author> = []
        var enclosureURLs: Set<String> = []
    }

    func addEntryCategory(_ term: String) {
        guard (entry?.categories.count ?? Self.maxListLength) < Self.maxListLength,
              entryLists.categories.insert(term).inserted else { return }
        entry?.categories.append(term)
    }

    func addEntryAuthor(_ author: Author) {
        guard (entry?.authors.count ?? Self.maxListLength) < Self.maxListLength,
              entryLists.authors.insert(author).inserted else { return }
        entry?.authors.append(author)
    }

    /// Media RSS repeats the RSS enclosure: a URL already listed is skipped when `unique`.
    func addEnclosure(_ enclosure: Enclosure, unique: Bool) {
        guard (entry?.enclosures.count ?? Self.maxListLength) < Self.maxListLength else { return }
        let isNew = entryLists.enclosureURLs.insert(enclosure.url).inserted
        if isNew || !unique { entry?.enclosures.append(enclosure) }
    }

    /// RSS and Atom feed categories are kept as written; iTunes ones (`unique`) only once.
    func addFeedCategory(_ term: String, unique: Bool) {
        guard feed.categories.count < Self.maxListLength else { return }
        let isNew = feedLists.categories.insert(term).inserted
        if isNew || !unique { feed.categories.append(term) }
    }

    func addFeedAuthor(_ author: Author) {
        guard feed.authors.count < Self.maxListLength, feedLists.authors.insert(author).inserted else { return }
        feed.authors.append(author)
    }

    /// An Atom person construct, as written (not compared with the others).
    func addPerson(_ person: Author, feedLevel: Bool) {
        if feedLevel {
            guard feed.authors.count < Self.maxListLength else { return }
            feedLists.authors.insert(person)
            feed.authors.append(person)
        } else {
            guard (entry?.authors.count ?? Self.maxListLength) < Self.maxListLength else { return }
            entryLists.authors.insert(person)
            entry?.authors.append(person)
        }
    }
}
