import Foundation
internal import CLibXML2

/// What a SAX parse reports, in document order.
protocol XMLEventHandler: AnyObject {
    func startElement(_ tag: XMLStartTag)
    func endElement()
    /// Character data, CDATA included, entities already decoded. Arrives in pieces.
    func characters(_ text: UnsafeBufferPointer<UInt8>)
    /// True once the handler needs no more events: the parse stops.
    var wantsStop: Bool { get }
}

/// Owns a libxml2 SAX2 push parser (xmlCreatePushParserCtxt): bytes go in as
/// they arrive, events come out, and nothing is kept — no tree, no node per
/// element — so memory is bounded by what the handler keeps.
/// Options: RECOVER | NONET | NOERROR | NOWARNING | IGNORE_ENC, never NOENT,
/// DTDLOAD or HUGE: no external entity, DTD or network resource is ever
/// loaded, internal entities are not expanded (no billion laughs), nesting
/// depth and text sizes keep libxml2's limits. With RECOVER the parser goes on
/// after a well-formedness error, as far as the document allows.
/// Not Sendable: one parser belongs to one parse on one thread.
final class XMLPushParser {
    private let context: xmlParserCtxtPtr
    private let sink: XMLEventSink

    /// IGNORE_ENC: the bytes were brought to UTF-8 beforehand (DocumentEncoding), so the
    /// declaration's encoding no longer describes them.
    private static let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
        | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

    init?(handler: any XMLEventHandler, url: String?) {
        var sax = Self.handlerTable()
        let sink = XMLEventSink(handler)
        // libxml2 copies the handler table; the sink travels as user data.
        guard let created = xmlCreatePushParserCtxt(&sax, Unmanaged.passUnretained(sink).toOpaque(), nil, 0, url) else {
            return nil
        }
        context = created
        sink.context = created
        self.sink = sink
        xmlCtxtUseOptions(context, Self.options)
    }

    /// SAX2 callbacks for elements and character data; errors are counted, never printed.
    private static func handlerTable() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = saxStartElement
        sax.endElementNs = saxEndElement
        sax.characters = saxCharacters
        // White space between elements is text too: with both the same, libxml2 never calls any of it ignorable.
        sax.ignorableWhitespace = saxCharacters
        sax.cdataBlock = saxCharacters
        sax.serror = saxError
        return sax
    }

    deinit {
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
    }

    /// Parses the next bytes; `final` ends the document.
    func push(_ bytes: [UInt8], final: Bool) {
        guard !sink.stopped else { return }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            // xmlParseChunk takes an Int32 length: feed big buffers in slices.
            repeat {
                let count = min(raw.count - offset, 1 << 20)
                let last = final && offset + count == raw.count
                _ = xmlParseChunk(context, raw.baseAddress.map { $0.advanced(by: offset).assumingMemoryBound(to: CChar.self) },
                                  Int32(count), last ? 1 : 0)
                offset += count
            } while offset < raw.count && !sink.stopped
        }
    }

    /// True when libxml2 reported an error (the feed is "bozo").
    var hadErrors: Bool { sink.errors > 0 || context.pointee.wellFormed == 0 }
}

/// The user data of one parse: the handler, and what libxml2 reported.
private final class XMLEventSink {
    let handler: any XMLEventHandler
    var errors = 0
    var stopped = false
    /// The parser reporting to this sink (set right after it is made).
    var context: xmlParserCtxtPtr?

    init(_ handler: any XMLEventHandler) { self.handler = handler }

    /// Stops the parse at once: the handler has seen enough (not a feed).
    func stop() {
        stopped = true
        if let context { xmlStopParser(context) }
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> XMLEventSink? {
        context.map { Unmanaged<XMLEventSink>.fromOpaque($0).takeUnretainedValue() }
    }
}

/// One element's start tag as SAX2 reports it. Its pointers live only during
/// the callback: read what is needed, keep nothing.
struct XMLStartTag {
    let localName: UnsafePointer<UInt8>
    let prefix: UnsafePointer<UInt8>?
    /// The element's namespace URI; nil when it has none (or its prefix is undeclared).
    let uri: UnsafePointer<UInt8>?
    /// Namespace declarations on this element: (prefix, URI) pairs.
    let namespaceCount: Int
    let namespaces: UnsafePointer<UnsafePointer<UInt8>?>?
    /// Attributes: (localname, prefix, URI, value start, value end) quintuples.
    let attributeCount: Int
    let attributes: UnsafePointer<UnsafePointer<UInt8>?>?

    /// The value of an attribute without a prefix (`type`, `href`).
    func attribute(_ name: String) -> String? {
        attribute { local, prefix, _ in prefix == nil && Self.equal(local, name) }
    }

    /// The value of an attribute in a namespace (`rdf:about`, `xml:base`).
    func attribute(_ name: String, namespace: String) -> String? {
        attribute { local, _, uri in uri.map { Self.equal($0, namespace) } == true && Self.equal(local, name) }
    }

    /// The URI the element declares as its default namespace, if it declares one.
    var defaultNamespace: String? {
        guard let namespaces else { return nil }
        for index in 0..<namespaceCount where namespaces[2 * index] == nil {
            return namespaces[2 * index + 1].map { String(cString: $0) }
        }
        return nil
    }

    /// Calls `body` with each attribute's qualified name and value bytes, in document order.
    func forEachAttribute(_ body: (_ prefix: UnsafePointer<UInt8>?, _ local: UnsafePointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Void) {
        guard let attributes else { return }
        for index in 0..<attributeCount {
            let base = 5 * index
            guard let local = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            let raw = UnsafeBufferPointer(start: start, count: end - start)
            if raw.contains(UInt8(ascii: "&")) {
                Self.decodeAmpersands(raw).withUnsafeBufferPointer { body(attributes[base + 1], local, $0) }
            } else {
                body(attributes[base + 1], local, raw)
            }
        }
    }

    /// Without entity substitution, libxml2's SAX2 hands an attribute's "&amp;"
    /// and "&#38;" on as "&#38;" (for a tree builder to re-read); this is that re-reading.
    private static func decodeAmpersands(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let reference: [UInt8] = Array("&#38;".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            if raw[index] == 38, index + 5 <= raw.count, raw[index..<index + 5].elementsEqual(reference) {
                out.append(38)
                index += 5
            } else {
                out.append(raw[index])
                index += 1
            }
        }
        return out
    }

    private func attribute(where matches: (UnsafePointer<UInt8>, UnsafePointer<UInt8>?, UnsafePointer<UInt8>?) -> Bool) -> String? {
        guard let attributes else { return nil }
        for index in 0..<attributeCount {
            let base = 5 * index
            guard let local = attributes[base], matches(local, attributes[base + 1], attributes[base + 2]),
                  let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            let raw = UnsafeBufferPointer(start: start, count: end - start)
            if raw.contains(UInt8(ascii: "&")) { return String(decoding: Self.decodeAmpersands(raw), as: UTF8.self) }
            return String(decoding: raw, as: UTF8.self)
        }
        return nil
    }

    /// Does the NUL-terminated `pointer` hold exactly `string`?
    static func equal(_ pointer: UnsafePointer<UInt8>, _ string: String) -> Bool {
        var string = string
        return string.withUTF8 { equal(pointer, $0) }
    }

    static func equal(_ pointer: UnsafePointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { equal(pointer, $0) }
    }

    /// strncmp(3) stops at the C string's end, so it never reads past it.
    private static func equal(_ pointer: UnsafePointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return pointer[0] == 0 }
        let same = UnsafeRawPointer(pointer).withMemoryRebound(to: CChar.self, capacity: bytes.count) { left in
            UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) { strncmp(left, $0, bytes.count) == 0 }
        }
        return same && pointer[bytes.count] == 0
    }
}

// SAX2 callbacks: they capture nothing, recover the sink from the user data,
// and never throw, trap or force-unwrap.

private func saxStartElement(_ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                             _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                             _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                             _ attributeCount: Int32, _ defaulted: Int32,
                             _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    guard let sink = XMLEventSink.from(context), !sink.stopped, let localName else { return }
    sink.handler.startElement(XMLStartTag(
        localName: localName, prefix: prefix, uri: uri,
        namespaceCount: Int(namespaceCount), namespaces: UnsafePointer(namespaces),
        attributeCount: Int(attributeCount), attributes: UnsafePointer(attributes)))
    if sink.handler.wantsStop { sink.stop() }
}

private func saxEndElement(_ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                           _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
    guard let sink = XMLEventSink.from(context), !sink.stopped else { return }
    sink.handler.endElement()
}

private func saxCharacters(_ context: UnsafeMutableRawPointer?, _ text: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let sink = XMLEventSink.from(context), !sink.stopped, let text, length > 0 else { return }
    sink.handler.characters(UnsafeBufferPointer(start: text, count: Int(length)))
}

/// xmlStructuredErrorFunc: counts the error; never throws or traps.
private func saxError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    XMLEventSink.from(context)?.errors += 1
}
