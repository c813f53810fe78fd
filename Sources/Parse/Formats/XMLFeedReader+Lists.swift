import Model

/// The lists an entry or the feed collects — categories, authors, enclosures —
/// in document order, without repeats, and at most `maxListLength` long. What a
/// list holds is remembered in a `Membership`, so each addition costs the same
/// however long the list: with array searches, one hostile item with 60,000
/// authors took minutes.
extension XMLFeedReader {
    static let maxListLength = 1_000

    /// What a list already holds (one per entry, one for the feed).
    struct ListMemory {
        var categories = Membership<String>()
        var authors = Membership<Author>()
        var enclosureURLs = Membership<String>()

        /// Empty again, for the next entry, keeping the storage.
        mutating func reset() {
            categories.reset()
            authors.reset()
            enclosureURLs.reset()
        }
    }

    func addEntryCategory(_ term: String) {
        guard (entry?.categories.count ?? Self.maxListLength) < Self.maxListLength,
              entryLists.categories.insert(term) else { return }
        entry?.categories.append(term)
    }

    func addEntryAuthor(_ author: Author) {
        guard (entry?.authors.count ?? Self.maxListLength) < Self.maxListLength,
              entryLists.authors.insert(author) else { return }
        entry?.authors.append(author)
    }

    /// Media RSS repeats the RSS enclosure: a URL already listed is skipped when `unique`.
    func addEnclosure(_ enclosure: Enclosure, unique: Bool) {
        guard (entry?.enclosures.count ?? Self.maxListLength) < Self.maxListLength else { return }
        let isNew = entryLists.enclosureURLs.insert(enclosure.url)
        if isNew || !unique { entry?.enclosures.append(enclosure) }
    }

    /// RSS and Atom feed categories are kept as written; iTunes ones (`unique`) only once.
    func addFeedCategory(_ term: String, unique: Bool) {
        guard feed.categories.count < Self.maxListLength else { return }
        let isNew = feedLists.categories.insert(term)
        if isNew || !unique { feed.categories.append(term) }
    }

    func addFeedAuthor(_ author: Author) {
        guard feed.authors.count < Self.maxListLength, feedLists.authors.insert(author) else { return }
        feed.authors.append(author)
    }

    /// An Atom person construct, as written (not compared with the others).
    func addPerson(_ person: Author, feedLevel: Bool) {
        if feedLevel {
            guard feed.authors.count < Self.maxListLength else { return }
            _ = feedLists.authors.insert(person)
            feed.authors.append(person)
        } else {
            guard (entry?.authors.count ?? Self.maxListLength) < Self.maxListLength else { return }
            _ = entryLists.authors.insert(person)
            entry?.authors.append(person)
        }
    }
}

/// Set membership for lists that are nearly always short: a linear look among
/// the first few (no hashing, storage kept from one entry to the next), a Set
/// from the ninth on.
struct Membership<Element: Hashable> {
    private var few: [Element] = []
    private var many: Set<Element>?

    /// Adds `element`; true when it was not there yet.
    mutating func insert(_ element: Element) -> Bool {
        if many != nil { return many!.insert(element).inserted }
        guard !few.contains(element) else { return false }
        few.append(element)
        if few.count > 8 {
            many = Set(few)
            few.removeAll(keepingCapacity: true)
        }
        return true
    }

    mutating func reset() {
        few.removeAll(keepingCapacity: true)
        many = nil
    }
}
