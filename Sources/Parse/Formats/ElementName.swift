/// The element names the reader acts on, in every vocabulary it reads (RSS,
/// RDF, Atom, Dublin Core, Media RSS, iTunes): a name is matched once per
/// document (`XMLFeedReader.elementName`), and each element is then decided by
/// a switch on small values instead of string comparisons.
enum ElementName: String {
    case abstract, author, body, category, channel, content, contributor, created, creator, date, description
    case email, enclosure, encoded, entry, fullitem, group, guid, icon, id, identifier, image, issued, item
    case keywords, language, lastbuilddate, link, logo, managingeditor, modified, name, pubdate, published
    case source, subject, subtitle, summary, tagline, textinput, thumbnail, title, ttl, updated, updatefrequency
    case updateperiod, uri, url
    /// Any other name: nothing the reader takes from it.
    case other

    init(_ name: String) { self = ElementName(rawValue: name) ?? .other }
}
