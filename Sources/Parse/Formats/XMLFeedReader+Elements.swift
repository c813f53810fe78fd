import Foundation
import Model

/// Which element feeds which field, for RSS, RDF and Atom alike.
extension XMLFeedReader {
    func handleElement() -> Handling {
        // RSS element names are matched without regard to case ("pubdate", CDF's "ITEM").
        let uri = reader.namespaceURI
        var local = reader.localName
        var prefix = reader.prefix
        // An undeclared prefix leaves the qualified name whole ("dc:creator").
        if uri.isEmpty, let colon = local.firstIndex(of: ":") {
            prefix = String(local[..<colon])
            local = String(local[local.index(after: colon)...])
        }
        // Un-namespaced elements belong to the document's own vocabulary (an Atom feed
        // without its xmlns is still Atom); a known prefix left undeclared still counts.
        let family = uri.isEmpty ? (prefix.flatMap(Namespace.familyOfPrefix) ?? defaultFamily) : Namespace.family(uri)
        let name = family == .rss ? local.lowercased() : local
        let depth = reader.depth
        if person != nil { return handlePersonField(name) }
        if imageDepth >= 0 { return handleImageField(name, family) }
        switch (family, name) {
        case (.rss, "item"), (.atom, "entry"), (.atom, "item"):
            if let entry { finish(entry) }
            entry = Entry()
            if family == .rss, let about = reader.attribute("about", namespace: Namespace.rdf) { entry?.id = nonEmpty(about) }
            entryDepth = depth
            if reader.isEmptyElement, let entry { finish(entry) }
            return .descend
        case (.rss, "channel"):
            if feed.format == .rss10, reader.namespaceURI == Namespace.rss090 { feed.format = .rss090 }
            return .descend
        case (.atom, "author"), (.atom, "contributor"):
            guard name == "author" else { return .consumed }
            person = Author()
            personDepth = depth
            personIsFeedLevel = entry == nil
            if reader.isEmptyElement { person = nil; personDepth = -1 }
            return .descend
        case (.rss, "image") where entry == nil:
            imageDepth = reader.isEmptyElement ? -1 : depth
            return .descend
        case (.rss, "source"), (.atom, "source"), (.rss, "textinput"):
            return .consumed  // another feed's metadata, never this item's
        default:
            if entry != nil { return handleEntryField(name, family) }
            handleFeedField(name, family)
            return .consumed
        }
    }

    private func handlePersonField(_ name: String) -> Handling {
        let value = nonEmpty(reader.elementText())
        switch name {
        case "name": person?.name = value
        case "email": person?.email = value
        case "uri", "url": person?.uri = value.flatMap { URLResolver.resolve($0, against: reader.baseURI) }
        default: break
        }
        return .consumed
    }

    private func handleImageField(_ name: String, _ family: Namespace.Family) -> Handling {
        if family == .rss, name == "url", let url = nonEmpty(reader.elementText()) {
            feed.image = URLResolver.resolve(url, against: reader.baseURI)
        }
        return .consumed
    }

    private func handleFeedField(_ name: String, _ family: Namespace.Family) {
        switch (family, name) {
        case (.rss, "title"), (.atom, "title"): feed.title = feed.title ?? textConstruct(plain: true)
        case (.rss, "link"): feed.link = feed.link ?? linkText()
        case (.atom, "link"): atomLink(feedLevel: true)
        case (.rss, "description"), (.atom, "subtitle"), (.atom, "tagline"):
            feed.description = feed.description ?? textConstruct(plain: false)
        case (.rss, "language"), (.dc, "language"): feed.language = nonEmpty(reader.elementText()) ?? feed.language
        case (.rss, "pubdate"), (.atom, "published"), (.dcterms, "issued"):
            feed.published = FeedDate.parse(reader.elementText()) ?? feed.published  // a later date overrides, as in feedparser
        case (.rss, "lastbuilddate"), (.atom, "updated"), (.atom, "modified"), (.dc, "date"), (.dcterms, "modified"):
            feed.updated = FeedDate.parse(reader.elementText()) ?? feed.updated
        case (.atom, "id"): feed.id = atomID()
        case (.atom, "logo"): feed.image = nonEmpty(reader.elementText()).flatMap { URLResolver.resolve($0, against: reader.baseURI) }
        case (.atom, "icon"): feed.image = feed.image ?? nonEmpty(reader.elementText()).flatMap { URLResolver.resolve($0, against: reader.baseURI) }
        case (.rss, "managingeditor"), (.dc, "creator"), (.rss, "author"), (.itunes, "author"):
            if let author = AuthorString.parse(reader.elementText()), !feed.authors.contains(author) { feed.authors.append(author) }
        case (.itunes, "summary"), (.itunes, "subtitle"):
            feed.description = feed.description ?? nonEmpty(reader.elementText())
        case (.itunes, "image"), (.media, "thumbnail"):
            feed.image = feed.image ?? reader.attribute("href").flatMap(nonEmpty).flatMap { URLResolver.resolve($0, against: reader.baseURI) }
        case (.itunes, "category"):
            if let term = reader.attribute("text").flatMap(nonEmpty), !feed.categories.contains(term) { feed.categories.append(term) }
        case (.rss, "category"), (.dc, "subject"), (.atom, "category"):
            if let term = categoryTerm(family) { feed.categories.append(term) }
        default: break
        }
    }

    private func handleEntryField(_ name: String, _ family: Namespace.Family) -> Handling {
        guard var item = entry else { return .consumed }
        defer { entry = item }
        switch (family, name) {
        case (.rss, "title"), (.atom, "title"), (.dc, "title"): item.title = item.title ?? textConstruct(plain: true)
        case (.rss, "link"): item.link = item.link ?? linkText()
        case (.atom, "link"): entry = item; atomLink(feedLevel: false); item = entry ?? item
        case (.rss, "guid"):
            let guid = nonEmpty(reader.elementText())
            item.id = guid ?? item.id
            // RSS 2.0: isPermaLink defaults to true; a permalink guid is the item's link when it has none.
            if let guid, reader.attribute("isPermaLink")?.lowercased() != "false", item.link == nil,
               guid.hasPrefix("http://") || guid.hasPrefix("https://") {
                item.link = URLResolver.resolve(guid, against: reader.baseURI)
            }
        case (.atom, "id"): item.id = item.id ?? atomID()
        case (.dc, "identifier"): item.id = item.id ?? nonEmpty(reader.elementText())
        case (.rss, "description"), (.atom, "summary"), (.dcterms, "abstract"), (.rss, "abstract"):
            item.summary = item.summary ?? textConstruct(plain: false)
        case (.content, "encoded"), (.atom, "content"), (.rss, "body"), (.rss, "fullitem"):
            item.content = item.content ?? textConstruct(plain: false)
        case (.rss, "pubdate"), (.atom, "published"), (.atom, "issued"), (.dcterms, "issued"), (.dcterms, "created"):
            item.published = FeedDate.parse(reader.elementText()) ?? item.published
        case (.dc, "date"):
            let date = FeedDate.parse(reader.elementText())
            if item.published == nil { item.published = date } else { item.updated = item.updated ?? date }
        case (.atom, "updated"), (.atom, "modified"), (.dcterms, "modified"):
            item.updated = FeedDate.parse(reader.elementText()) ?? item.updated
        case (.rss, "author"), (.dc, "creator"), (.itunes, "author"):
            if let author = AuthorString.parse(reader.elementText()), !item.authors.contains(author) { item.authors.append(author) }
        case (.media, "title"): item.title = item.title ?? textConstruct(plain: true)
        case (.media, "description"), (.itunes, "summary"), (.itunes, "subtitle"):
            item.summary = item.summary ?? textConstruct(plain: false)
        case (.media, "category"), (.itunes, "keywords"):
            for term in reader.elementText().split(separator: name == "keywords" ? "," : "\n").map(\.trimmed) where !term.isEmpty && !item.categories.contains(term) {
                item.categories.append(term)
            }
        case (.media, "content"):
            if let url = reader.attribute("url").flatMap(nonEmpty).flatMap({ URLResolver.resolve($0, against: reader.baseURI) }),
               !item.enclosures.contains(where: { $0.url == url }) {
                item.enclosures.append(Enclosure(url: url, type: reader.attribute("type").flatMap(nonEmpty),
                                                 length: reader.attribute("fileSize").flatMap { Int($0.trimmed) }))
            }
            return .descend  // media:content may hold media:title and media:description
        case (.media, "group"):
            return .descend
        case (.rss, "category"), (.dc, "subject"), (.atom, "category"):
            if let term = categoryTerm(family), !item.categories.contains(term) { item.categories.append(term) }
        case (.rss, "enclosure"):
            if let url = reader.attribute("url").flatMap(nonEmpty).flatMap({ URLResolver.resolve($0, against: reader.baseURI) }) {
                item.enclosures.append(Enclosure(url: url, type: reader.attribute("type").flatMap(nonEmpty),
                                                 length: reader.attribute("length").flatMap { Int($0.trimmed) }))
            }
        default: break
        }
        return .consumed
    }

    /// An Atom id is an IRI (RFC 4287 §4.2.6); a relative one resolves against xml:base.
    private func atomID() -> String? {
        guard let id = nonEmpty(reader.elementText()) else { return nil }
        guard !id.contains(":"), id.hasPrefix("/") || id.hasPrefix(".") else { return id }
        return URLResolver.resolve(id, against: reader.baseURI) ?? id
    }

    private func linkText() -> String? {
        nonEmpty(reader.elementText()).flatMap { URLResolver.resolve($0, against: reader.baseURI) }
    }

    private func categoryTerm(_ family: Namespace.Family) -> String? {
        if family == .atom {
            return reader.attribute("term").flatMap(nonEmpty) ?? reader.attribute("label").flatMap(nonEmpty)
        }
        return nonEmpty(reader.elementText())
    }

    /// Atom link (RFC 4287 §4.2.7): rel defaults to "alternate"; "enclosure" links are enclosures.
    private func atomLink(feedLevel: Bool) {
        guard let href = reader.attribute("href").flatMap(nonEmpty).flatMap({ URLResolver.resolve($0, against: reader.baseURI) })
        else { return }
        let rel = reader.attribute("rel")?.trimmed.lowercased() ?? "alternate"
        let type = reader.attribute("type").flatMap(nonEmpty)
        switch (rel, feedLevel) {
        case ("alternate", true):
            if feed.link == nil || type == "text/html" { feed.link = href }
        case ("alternate", false):
            if entry?.link == nil || type == "text/html" { entry?.link = href }
        case ("enclosure", false):
            let length = reader.attribute("length").flatMap { Int($0.trimmed) }
            entry?.enclosures.append(Enclosure(url: href, type: type, length: length))
        default: break
        }
    }
}
