import Foundation
import Model

/// How a text construct says its content is written: Atom's `type` (text,
/// html, xhtml or a media type, RFC 4287 §3.1) and Atom 0.3's `mode`
/// (escaped, xml, base64); RSS values are always HTML.
struct TextType {
    let isAtom: Bool
    let type: String
    let mode: String?

    /// Inline XML (Atom xhtml, Atom 0.3 mode="xml"): the value is the markup inside the element.
    var isInlineXML: Bool { type == "xhtml" || type == "application/xhtml+xml" || mode == "xml" }
    /// Atom type="html": the value is the element's text, which is escaped HTML.
    var isEscapedHTML: Bool { isAtom && (type == "html" || type == "text/html") }
}

/// The text of one field element, collected from its start tag to its end
/// tag. Text constructs that may hold markup written as XML also keep that
/// markup, serialised as written, from the first child element on.
struct FieldCapture {
    /// What the collected text becomes.
    enum Field {
        case feedTitle(TextType), feedLink, feedDescription(TextType), feedLanguage, feedPublished, feedUpdated
        case feedID, feedLogo, feedIcon, feedAuthor, feedITunesSummary, feedCategory, feedTerms(separator: Character)
        case feedTTL, feedUpdatePeriod, feedUpdateFrequency
        case personName, personEmail, personURI, imageURL
        case title(TextType), link, guid(isPermaLink: Bool), atomID, identifier, summary(TextType), content(TextType)
        /// Media RSS and iTunes values: used when the item has no title or description of its own.
        case fallbackTitle(TextType), fallbackSummary(TextType)
        case published, dcDate, updated, author, terms(separator: Character), category

        var textType: TextType? {
            switch self {
            case let .feedTitle(type), let .feedDescription(type), let .title(type), let .summary(type), let .content(type),
                 let .fallbackTitle(type), let .fallbackSummary(type): type
            default: nil
            }
        }
    }

    let field: Field
    let depth: Int
    /// The base URI in force at the field's element.
    let base: String?
    /// Character data of the element and its descendants, entities decoded.
    private(set) var text: [UInt8] = []
    /// The markup inside the element, once a child element was seen (`hasMarkup`).
    private var markup: [UInt8] = []
    private(set) var hasMarkup = false
    /// Qualified names of the child elements open in `markup`, as libxml2's
    /// interned strings (they live as long as the parser).
    private var openChildren: [(prefix: UnsafePointer<UInt8>?, localName: UnsafePointer<UInt8>)] = []
    /// Where `markup` ends with a start tag's ">" and nothing after it (so that an empty child closes as "/>").
    private var bareStartTag = -1
    private let keepsMarkup: Bool

    /// - Parameter storage: an empty array whose capacity the text may reuse.
    init(field: Field, depth: Int, base: String?, storage: [UInt8] = []) {
        self.field = field
        self.depth = depth
        self.base = base
        text = storage
        keepsMarkup = field.textType.map { !$0.isEscapedHTML } ?? false
    }

    var string: String { String(decoding: text, as: UTF8.self) }

    /// The text's storage, emptied, for the next capture (capacity kept up to 64 kB).
    mutating func recycleText() -> [UInt8] {
        var storage: [UInt8] = []
        swap(&storage, &text)
        guard storage.capacity <= 64 << 10 else { return [] }
        storage.removeAll(keepingCapacity: true)
        return storage
    }

    /// The markup inside the element as written (`MarkupEscape`, as xmlNodeDump escapes).
    var innerXML: String {
        if hasMarkup { return String(decoding: markup, as: UTF8.self) }
        var escaped: [UInt8] = []
        MarkupEscape.append(text, to: &escaped, quotes: false)
        return String(decoding: escaped, as: UTF8.self)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if hasMarkup {
            MarkupEscape.append(bytes, to: &markup, quotes: false)
            bareStartTag = -1
        } else {
            text.append(contentsOf: bytes)
        }
    }

    mutating func childStarted(_ tag: XMLStartTag) {
        guard keepsMarkup else { return }
        if !hasMarkup {
            hasMarkup = true
            markup.reserveCapacity(text.count + 1024)
            MarkupEscape.append(text, to: &markup, quotes: false)
        }
        markup.append(UInt8(ascii: "<"))
        appendName(tag.prefix, tag.localName)
        tag.forEachAttribute { prefix, local, value in
            markup.append(32)
            if let prefix {
                markup.append(contentsOf: Self.bytes(prefix))
                markup.append(UInt8(ascii: ":"))
            }
            markup.append(contentsOf: Self.bytes(local))
            markup.append(contentsOf: "=\"".utf8)
            MarkupEscape.append(value, to: &markup, quotes: true)
            markup.append(34)
        }
        markup.append(UInt8(ascii: ">"))
        bareStartTag = markup.count - 1
        openChildren.append((tag.prefix, tag.localName))
    }

    mutating func childEnded() {
        guard keepsMarkup, hasMarkup, let name = openChildren.popLast() else { return }
        if bareStartTag == markup.count - 1 {
            markup.removeLast()
            markup.append(contentsOf: "/>".utf8)
        } else {
            markup.append(contentsOf: "</".utf8)
            appendName(name.prefix, name.localName)
            markup.append(62)
        }
        bareStartTag = -1
    }

    private mutating func appendName(_ prefix: UnsafePointer<UInt8>?, _ localName: UnsafePointer<UInt8>) {
        if let prefix {
            markup.append(contentsOf: Self.bytes(prefix))
            markup.append(UInt8(ascii: ":"))
        }
        markup.append(contentsOf: Self.bytes(localName))
    }

    private static func bytes(_ pointer: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }
}
