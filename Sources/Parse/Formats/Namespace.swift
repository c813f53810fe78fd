/// Namespaces are matched by URI, never by prefix (Namespaces in XML 1.0 §3).
enum Namespace {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let userland = "http://backend.userland.com/rss2"
    static let media = "http://search.yahoo.com/mrss/"
    static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let syndication = "http://purl.org/rss/1.0/modules/syndication/"
    /// The namespace of xml:base and xml:lang (Namespaces in XML 1.0 §3).
    static let xml = "http://www.w3.org/XML/1998/namespace"

    /// The vocabulary an element belongs to, as far as feed fields go.
    enum Family { case rss, atom, dc, dcterms, content, rdf, media, itunes, xhtml, sy, other }

    /// Prefixes feeds use without declaring them.
    static func familyOfPrefix(_ prefix: String) -> Family? {
        switch prefix.lowercased() {
        case "dc": .dc
        case "dcterms": .dcterms
        case "content": .content
        case "atom": .atom
        case "rdf": .rdf
        case "media": .media
        case "itunes": .itunes
        case "sy": .sy
        default: nil
        }
    }

    static func family(_ uri: String) -> Family {
        switch uri {
        // Userland's RSS 2.0 namespaces, each spelling of them (feedparser reads them all).
        case "", rss10, rss090, userland, "http://backend.userland.com/rss", "http://backend.userland.com/rss2.1",
             "http://blogs.law.harvard.edu/tech/rss": .rss
        // Atom 0.3 and the names it had while it was drafted ("Echo", "Pie", "necho").
        case atom10, atom03, "http://purl.org/atom/ns#draft-ietf-atompub-format-08", "http://www.w3.org/2005/atom",
             "http://example.com/newformat#", "http://example.com/necho", "http://purl.org/echo/", "http://purl.org/pie/": .atom
        case dc: .dc
        case dcterms: .dcterms
        case content: .content
        case rdf: .rdf
        case media, "http://search.yahoo.com/mrss": .media
        case itunes, "http://www.itunes.com/DTDs/Podcast-1.0.dtd": .itunes
        case xhtml: .xhtml
        case syndication: .sy
        default: .other
        }
    }
}
