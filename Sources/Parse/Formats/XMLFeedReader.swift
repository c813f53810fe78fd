import Foundation
import Model

/// Reads an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document from libxml2's
/// SAX events, building the feed one entry at a time. At an element's start
/// it decides what the element is (`handleElement`); a field's text is
/// collected until its end (`FieldCapture`) and then applied.
/// Not Sendable: one instance per parse.
final class XMLFeedReader: XMLEventHandler {
    var feed = Feed()
    /// The entry being read, and the depth of its element.
    var entry: Entry?
    var entryDepth = -1
    /// An Atom person construct (author) being read.
    var person: Author?
    var personDepth = -1
    var personIsFeedLevel = false
    /// Entry fields holding a fallback value that the item's own element replaces.
    var fallbacks: Fallback = []
    struct Fallback: OptionSet {
        let rawValue: UInt8
        static let title = Fallback(rawValue: 1), summary = Fallback(rawValue: 2)
    }
    /// What the entry's and the feed's lists hold (`XMLFeedReader+Lists`).
    var entryLists = ListMemory()
    var feedLists = ListMemory()
    /// RSS <image> of the channel.
    var imageDepth = -1
    /// Freshness the feed declares: RSS `<ttl>` and the syndication module's period and frequency.
    var freshness = Freshness()
    /// The vocabulary of elements without a namespace: Atom in a <feed>, RSS otherwise.
    var defaultFamily = Namespace.Family.rss

    /// Depth of the current element (the root is 1).
    private(set) var depth = 0
    /// The field whose text is being collected.
    var capture: FieldCapture?
    /// Emptied storage from the last field, for the next one (no allocation per field).
    var spareText: [UInt8] = []
    /// Set while a subtree is skipped: its depth.
    private var skipDepth = -1
    /// xml:base in force (XML Base §4.2), innermost last, with the depth that set it.
    private var bases: [(depth: Int, uri: String?)]
    private var rootSeen = false
    private(set) var notAFeed: String?
    /// Element names met so far, by their interned libxml2 pointer (valid while the parser lives).
    var names = InternedTable<ElementName>()
    var foldedNames = InternedTable<ElementName>()
    /// Namespace URIs met so far and their families (a document uses a handful).
    private var families = InternedTable<(bytes: [UInt8], family: Namespace.Family)>()

    /// A document held whole keeps at most this many entries: thousands of empty
    /// `<item/>` would otherwise grow a 20 MB body into a gigabyte of entries.
    /// (A streamed parse hands each entry on and keeps none.)
    static let maxEntries = 50_000
    private var droppedEntries = false

    /// Streaming: entries go here as they are read, instead of into `feed.entries`.
    var onEntry: ((Entry) -> Void)?
    /// Stops the parse as soon as the root is not a feed.
    var wantsStop: Bool { notAFeed != nil }

    init(url: String?) {
        bases = [(0, url)]
    }

    /// The base URI in force at the current element.
    var baseURI: String? { bases[bases.count - 1].uri }

    /// Parses a whole document held in memory.
    static func parse(bytes: [UInt8], url: String?, charset: String? = nil) throws(ParseError) -> Feed {
        let decoded = DocumentEncoding.toUTF8(bytes, httpCharset: charset)
        let prepared = XMLRepair.prepare(decoded.bytes)
        let reader = XMLFeedReader(url: url)
        guard let parser = XMLPushParser(handler: reader, url: url) else {
            throw .notAFeed(reason: "the document could not be read as XML")
        }
        parser.push(prepared.bytes, final: true)
        return try reader.finishDocument(bozo: parser.hadErrors || prepared.repaired || decoded.mended)
    }

    /// After the last event: closes what a truncated document left open.
    func finishDocument(bozo: Bool) throws(ParseError) -> Feed {
        if let notAFeed { throw .notAFeed(reason: notAFeed) }
        guard rootSeen else { throw .notAFeed(reason: "no root element") }
        if capture != nil { finishCapture() }
        finishEntry()  // a truncated document still yields its last entry
        feed.bozo = bozo || depth > 0 || droppedEntries
        return feed
    }

    // MARK: SAX events

    func startElement(_ tag: XMLStartTag) {
        depth += 1
        if capture != nil {
            capture?.childStarted(tag)
            return
        }
        if skipDepth >= 0 { return }
        if let base = tag.attribute("base", namespace: Namespace.xml) {
            bases.append((depth, URLResolver.resolve(base, against: baseURI) ?? baseURI))
        }
        guard rootSeen else {
            startRoot(tag)
            return
        }
        switch handleElement(tag) {
        case .descend: break
        case .skip: skipDepth = depth
        case let .capture(field):
            capture = FieldCapture(field: field, depth: depth, base: baseURI, storage: spareText)
            spareText = []
        }
    }

    func endElement() {
        defer {
            if bases.count > 1, bases[bases.count - 1].depth == depth { bases.removeLast() }
            depth -= 1
        }
        if let captureDepth = capture?.depth {
            if depth == captureDepth { finishCapture() } else { capture?.childEnded() }
            return
        }
        if skipDepth >= 0 {
            if depth == skipDepth { skipDepth = -1 }
            return
        }
        handleEnd(depth: depth)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        capture?.append(text)
    }

    // MARK: Structure

    private func startRoot(_ tag: XMLStartTag) {
        rootSeen = true
        do {
            feed.format = try detectFormat(tag)
        } catch {
            notAFeed = error.reason
            return
        }
        if feed.format == .atom10 || feed.format == .atom03 { defaultFamily = .atom }
        feed.language = tag.attribute("lang", namespace: Namespace.xml).flatMap(Self.languageTag)
        // A CDF document's root is its channel, with the link and date as attributes.
        if String(cString: tag.localName).lowercased() == "channel" { readCDFAttributes(tag, feedLevel: true) }
    }

    private func detectFormat(_ tag: XMLStartTag) throws(ParseError) -> FeedFormat {
        let localName = String(cString: tag.localName)
        let uri = tag.uri.map { String(cString: $0) } ?? ""
        switch (localName.lowercased(), uri) {
        case ("rss", _):
            switch tag.attribute("version")?.trimmed {
            case "0.90": return .rss090
            case "0.91": return .rss091
            case "0.92": return .rss092
            case "0.93": return .rss093
            case "0.94": return .rss094
            default: return .rss20
            }
        case ("rdf", _):  // RSS 1.0, or 0.90 by its default namespace (refined again at the channel)
            return tag.defaultNamespace == Namespace.rss090 ? .rss090 : .rss10
        case ("feed", Namespace.atom03): return .atom03
        // The drafts of Atom 0.3 went by other namespaces; their version attribute says 0.3.
        case ("feed", _) where uri != Namespace.atom10 && tag.attribute("version")?.trimmed == "0.3": return .atom03
        case ("feed", _): return .atom10
        case ("channel", _): return .rss20
        default:
            throw .notAFeed(reason: "the root element is <\(localName)>, not rss, RDF or feed")
        }
    }

    /// The vocabulary of an element: by namespace URI; an undeclared but well-known
    /// prefix still counts; no namespace is the document's own vocabulary.
    func family(of tag: XMLStartTag) -> Namespace.Family {
        guard let uri = tag.uri else {
            return tag.prefix.flatMap { Namespace.familyOfPrefix(String(cString: $0)) } ?? defaultFamily
        }
        // libxml2 interns namespace URIs: the pointer finds the entry, the bytes confirm it.
        if let known = families[uri], XMLStartTag.equal(uri, known.bytes) { return known.family }
        let text = String(cString: uri)
        let family = Namespace.family(text)
        families.insert((Array(text.utf8), family), for: uri)
        return family
    }

    enum Handling {
        case descend, skip
        case capture(FieldCapture.Field)
    }

    /// Hands the entry being read over (moved, not copied).
    func finishEntry() {
        guard var done = entry.take() else { return }
        entryDepth = -1
        done.id = done.id ?? done.fallbackID
        if let onEntry {
            onEntry(done)
        } else if feed.entries.count < Self.maxEntries {
            feed.entries.append(done)
        } else {
            droppedEntries = true
        }
    }

    private func handleEnd(depth: Int) {
        if depth == personDepth, let person {
            self.person = nil
            personDepth = -1
            guard person.name != nil || person.email != nil || person.uri != nil else { return }
            addPerson(person, feedLevel: personIsFeedLevel)
        } else if depth == entryDepth {
            finishEntry()
        } else if depth == imageDepth {
            imageDepth = -1
        }
    }

    func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }
}
