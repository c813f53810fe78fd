import Foundation
import Bounds
import Model

/// Which element feeds which field, for RSS, RDF and Atom alike. Decided at the
/// start tag, from the name and attributes; text fields are applied at the end
/// tag (`XMLFeedReader+Fields`).
extension XMLFeedReader {
    func handleElement(_ tag: XMLStartTag) -> Handling {
        let family = family(of: tag)
        // RSS element names are matched without regard to case ("pubDate", CDF's "ITEM").
        let name = elementName(tag.localName, folded: family == .rss || family == .sy)
        if personDepth >= 0 { return personField(name) }
        if imageDepth >= 0 { return family == .rss && name == .url ? .capture(.imageURL) : .skip }
        switch (family, name) {
        case (.rss, .item), (.atom, .entry), (.atom, .item):
            finishEntry()
            entry = Entry()
            fallbacks = []
            entryLists.reset()
            if family == .rss, let about = tag.attribute("about", namespace: Namespace.rdf) { entry?.id = nonEmpty(about) }
            if family == .rss { readCDFAttributes(tag, feedLevel: false) }
            entryDepth = depth
            return .descend
        case (.rss, .channel):
            if feed.format == .rss10, tag.uri.map({ XMLStartTag.equal($0, Namespace.rss090) }) == true { feed.format = .rss090 }
            readCDFAttributes(tag, feedLevel: true)
            return .descend
        case (.atom, .author):
            person = Author()
            personDepth = depth
            personIsFeedLevel = entryDepth < 0
            return .descend
        case (.rss, .image) where entryDepth < 0:
            imageDepth = depth
            return .descend
        case (.atom, .contributor), (.rss, .source), (.atom, .source), (.rss, .textinput):
            return .skip  // another feed's metadata, or not an author: never this item's
        default:
            return entryDepth >= 0 ? entryField(tag, name, family) : feedField(tag, name, family)
        }
    }

    /// An element's local name, RSS names folded to lower case. libxml2 interns
    /// names in the parser's dictionary, so each distinct name is matched once
    /// per document.
    func elementName(_ bytes: UnsafePointer<UInt8>, folded: Bool) -> ElementName {
        if let known = folded ? foldedNames[bytes] : names[bytes] { return known }
        let buffer = UnsafeBufferPointer(start: bytes, count: strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self)))
        let made = ElementName(folded ? ASCIICase.lowercased(buffer) : String(decoding: buffer, as: UTF8.self))
        if folded { foldedNames.insert(made, for: bytes) } else { names.insert(made, for: bytes) }
        return made
    }

    private func personField(_ name: ElementName) -> Handling {
        switch name {
        case .name: .capture(.personName)
        case .email: .capture(.personEmail)
        case .uri, .url: .capture(.personURI)
        default: .skip
        }
    }

    private func feedField(_ tag: XMLStartTag, _ name: ElementName, _ family: Namespace.Family) -> Handling {
        switch (family, name) {
        case (.rss, .title), (.atom, .title), (.dc, .title): return .capture(.feedTitle(textType(tag, family)))
        case (.rss, .link): return .capture(.feedLink)
        case (.atom, .link): atomLink(tag, feedLevel: true)
        case (.rss, .description), (.atom, .subtitle), (.atom, .tagline), (.dc, .description), (.rss, .abstract):
            return .capture(.feedDescription(textType(tag, family)))
        case (.rss, .language), (.dc, .language): return .capture(.feedLanguage)
        case (.rss, .pubdate), (.atom, .published), (.dcterms, .issued): return .capture(.feedPublished)
        case (.rss, .lastbuilddate), (.atom, .updated), (.atom, .modified), (.dc, .date), (.dcterms, .modified):
            return .capture(.feedUpdated)
        case (.atom, .id): return .capture(.feedID)
        case (.atom, .logo): return .capture(.feedLogo)
        case (.atom, .icon): return .capture(.feedIcon)
        case (.rss, .managingeditor), (.dc, .creator), (.dc, .author), (.rss, .author), (.itunes, .author): return .capture(.feedAuthor)
        case (.itunes, .summary), (.itunes, .subtitle): return .capture(.feedITunesSummary)
        case (.itunes, .image), (.media, .thumbnail):
            // iTunes writes href; early podcast feeds and Media RSS write url.
            let url = tag.attribute("href").flatMap(nonEmpty) ?? tag.attribute("url").flatMap(nonEmpty)
            feed.image = feed.image ?? url.flatMap { URLResolver.resolve($0, against: baseURI) }
        case (.itunes, .keywords): return .capture(.feedTerms(separator: ","))
        case (.rss, .ttl): return .capture(.feedTTL)
        case (.sy, .updateperiod): return .capture(.feedUpdatePeriod)
        case (.sy, .updatefrequency): return .capture(.feedUpdateFrequency)
        case (.itunes, .category):
            if let term = tag.attribute("text").flatMap(nonEmpty) { addFeedCategory(term, unique: true) }
            return .descend  // a subcategory is written inside its category
        case (.atom, .category):
            if let term = atomTerm(tag) { addFeedCategory(term, unique: false) }
        case (.rss, .category), (.dc, .subject): return .capture(.feedCategory)
        default: break
        }
        return .skip
    }

    private func entryField(_ tag: XMLStartTag, _ name: ElementName, _ family: Namespace.Family) -> Handling {
        switch (family, name) {
        case (.rss, .title), (.atom, .title), (.dc, .title): return .capture(.title(textType(tag, family)))
        case (.media, .title): return .capture(.fallbackTitle(textType(tag, family)))
        case (.rss, .link): return .capture(.link)
        case (.atom, .link): atomLink(tag, feedLevel: false)
        case (.rss, .guid): return .capture(.guid(isPermaLink: tag.attribute("isPermaLink")?.lowercased() != "false"))
        case (.atom, .id): return .capture(.atomID)
        case (.dc, .identifier): return .capture(.identifier)
        case (.rss, .description), (.atom, .summary), (.dcterms, .abstract), (.rss, .abstract), (.dc, .description):
            return .capture(.summary(textType(tag, family)))
        // RSS has no summary element; feeds that write one beside a description mean the
        // shorter text and the longer one: the second of the two is the content.
        case (.rss, .summary): return .capture(.summary(textType(tag, family)))
        case (.media, .description), (.itunes, .summary), (.itunes, .subtitle):
            return .capture(.fallbackSummary(textType(tag, family)))
        case (.content, .encoded), (.atom, .content), (.rss, .body), (.rss, .fullitem):
            return .capture(.content(textType(tag, family)))
        // An XHTML body inside an RSS item: its children are the content, written as XML.
        case (.xhtml, .body): return .capture(.content(TextType(isAtom: false, type: "application/xhtml+xml", mode: nil)))
        case (.rss, .pubdate), (.atom, .published), (.atom, .issued), (.dcterms, .issued), (.dcterms, .created):
            return .capture(.published)
        case (.dc, .date): return .capture(.dcDate)
        case (.atom, .updated), (.atom, .modified), (.dcterms, .modified): return .capture(.updated)
        case (.rss, .author), (.dc, .creator), (.dc, .author), (.itunes, .author): return .capture(.author)
        case (.media, .category): return .capture(.terms(separator: "\n"))
        case (.itunes, .keywords): return .capture(.terms(separator: ","))
        case (.media, .content):
            if let url = tag.attribute("url").flatMap(nonEmpty).flatMap({ URLResolver.resolve($0, against: baseURI) }) {
                addEnclosure(Enclosure(url: url, type: tag.attribute("type").flatMap(nonEmpty),
                                       length: tag.attribute("fileSize").flatMap(Self.byteCount)), unique: true)
            }
            return .descend  // media:content may hold media:title and media:description
        case (.media, .group):
            return .descend
        case (.atom, .category):
            if let term = atomTerm(tag) { addEntryCategory(term) }
        case (.rss, .category), (.dc, .subject): return .capture(.category)
        case (.itunes, .category):
            if let term = tag.attribute("text").flatMap(nonEmpty) { addEntryCategory(term) }
            return .descend  // a subcategory is written inside its category
        case (.rss, .enclosure):
            if let url = tag.attribute("url").flatMap(nonEmpty).flatMap({ URLResolver.resolve($0, against: baseURI) }) {
                addEnclosure(Enclosure(url: url, type: tag.attribute("type").flatMap(nonEmpty),
                                       length: tag.attribute("length").flatMap(Self.byteCount)), unique: false)
            }
        default: break
        }
        return .skip
    }

    /// CDF (Microsoft's Channel Definition Format) keeps a channel's or item's link and
    /// date in attributes: HREF and LASTMOD.
    func readCDFAttributes(_ tag: XMLStartTag, feedLevel: Bool) {
        let href = (tag.attribute("HREF") ?? tag.attribute("href")).flatMap(nonEmpty).flatMap { URLResolver.resolve($0, against: baseURI) }
        let modified = (tag.attribute("LASTMOD") ?? tag.attribute("lastmod")).flatMap(FeedDate.parse)
        if feedLevel {
            if feed.link == nil { feed.link = href }
            if let modified { feed.updated = modified }
        } else {
            if entry?.link == nil { entry?.link = href }
            if let modified { entry?.updated = modified }
        }
    }

    /// Atom category: its term, else its label (RFC 4287 §4.2.2).
    private func atomTerm(_ tag: XMLStartTag) -> String? {
        tag.attribute("term").flatMap(nonEmpty) ?? tag.attribute("label").flatMap(nonEmpty)
    }

    /// Atom link (RFC 4287 §4.2.7): rel defaults to "alternate"; "enclosure" links are enclosures.
    private func atomLink(_ tag: XMLStartTag, feedLevel: Bool) {
        guard let href = tag.attribute("href").flatMap(nonEmpty).flatMap({ URLResolver.resolve($0, against: baseURI) })
        else { return }
        let rel = tag.attribute("rel")?.trimmed.lowercased() ?? "alternate"
        let type = tag.attribute("type").flatMap(nonEmpty)
        switch (rel, feedLevel) {
        case ("alternate", true):
            if feed.link == nil || type == "text/html" { feed.link = href }
        case ("alternate", false):
            if entry?.link == nil || type == "text/html" { entry?.link = href }
        case ("hub", true):
            if !feed.hubs.contains(href), feed.hubs.count < 8 { feed.hubs.append(href) }
        case ("self", true):
            if feed.selfLink == nil { feed.selfLink = href }
        case ("enclosure", false):
            let length = tag.attribute("length").flatMap(Self.byteCount)
            addEnclosure(Enclosure(url: href, type: type, length: length), unique: false)
        default: break
        }
    }

    /// An enclosure's length as a feed writes it: plain digits, nil when absent,
    /// negative or past 64 bits (RSS 2.0 "length", Media RSS "fileSize").
    static func byteCount(_ text: String) -> Int? {
        DigitRun.value(text.trimmed.utf8, as: Int.self)
    }
}
