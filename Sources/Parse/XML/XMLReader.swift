import Foundation
import Model
internal import CLibXML2

/// Owns a libxml2 streaming reader (xmlTextReader) over one document in memory.
/// Options: RECOVER | NONET | NOERROR | NOWARNING, never NOENT, DTDLOAD or
/// HUGE, so no external entity, DTD or network resource is ever loaded and
/// internal entities are not expanded (no billion laughs).
/// Not Sendable: one reader belongs to one parse on one thread.
final class XMLReader {
    enum NodeKind { case element, endElement, text, other }

    private let reader: xmlTextReaderPtr
    private let errors = XMLErrorLog()
    /// Keeps the bytes alive: libxml2's reader reads from them in place.
    private let buffer: [UInt8]
    /// The recovered tree a walker reads, freed after the reader.
    private let document: xmlDocPtr?
    /// Kept alive while libxml2 pulls from it.
    private var streamingInput: StreamingInput?

    /// IGNORE_ENC: the bytes were brought to UTF-8 beforehand (DocumentEncoding), so the
    /// declaration's encoding no longer describes them.
    private static let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
        | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue
        | XML_PARSE_IGNORE_ENC.rawValue)

    /// A streaming reader: memory bounded by one entry, not by the document.
    /// `encoding`, from HTTP, overrides the document's own declaration; nil when libxml2 does not know it.
    init?(bytes: [UInt8], url: String?, encoding: String? = nil) {
        buffer = bytes
        let created = buffer.withUnsafeBytes { raw in
            xmlReaderForMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), url, encoding, Self.options)
        }
        guard let created else { return nil }
        reader = created
        document = nil
        xmlTextReaderSetStructuredErrorHandler(reader, xmlReaderRecordError, Unmanaged.passUnretained(errors).toOpaque())
    }

    /// A streaming reader pulling a mended UTF-8 document from `input` as it parses.
    init?(streaming input: StreamingInput, url: String?) {
        buffer = []
        document = nil
        guard let created = xmlReaderForIO(streamRead, nil, Unmanaged.passUnretained(input).toOpaque(), url, "UTF-8", Self.options)
        else { return nil }
        reader = created
        streamingInput = input
        xmlTextReaderSetStructuredErrorHandler(reader, xmlReaderRecordError, Unmanaged.passUnretained(errors).toOpaque())
    }

    /// A reader walking the tree libxml2's recovering parser builds: for
    /// documents the streaming reader gives up on (mismatched tags, truncation),
    /// where the tree parser keeps more. Same options, so still no entities or network.
    init?(recovering bytes: [UInt8], url: String?, encoding: String? = nil) {
        buffer = []
        let parsed = bytes.withUnsafeBufferPointer { raw in
            raw.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: raw.count) {
                    xmlReadMemory($0, Int32(raw.count), url, encoding, Self.options)
                }
            }
        }
        guard let parsed else { return nil }
        guard let created = xmlReaderWalker(parsed) else {
            xmlFreeDoc(parsed)
            return nil
        }
        document = parsed
        reader = created
        errors.record("recovered by the tree parser")
    }

    deinit {
        xmlFreeTextReader(reader)
        if let document { xmlFreeDoc(document) }
    }

    /// True when libxml2 reported a well-formedness error (the feed is "bozo").
    var hadErrors: Bool { errors.count > 0 }

    /// Advances to the next node; false at the end or on an unrecoverable error.
    func read() -> Bool {
        let result = xmlTextReaderRead(reader)
        if result < 0 { errors.record("unrecoverable XML error") }
        return result == 1
    }

    /// Skips the current element's subtree; false at the end.
    func skipSubtree() -> Bool {
        let result = xmlTextReaderNext(reader)
        if result < 0 { errors.record("unrecoverable XML error") }
        return result == 1
    }

    var kind: NodeKind {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue): .text
        default: .other
        }
    }

    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    var depth: Int { Int(xmlTextReaderDepth(reader)) }
    var localName: String { Self.borrowed(xmlTextReaderConstLocalName(reader)) ?? "" }
    var namespaceURI: String { Self.borrowed(xmlTextReaderConstNamespaceUri(reader)) ?? "" }
    var prefix: String? { Self.borrowed(xmlTextReaderConstPrefix(reader)) }

    /// Does the current element contain elements (markup written as XML, not escaped)?
    var hasElementChildren: Bool {
        guard let node = currentSubtree() else { return false }
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { return true }
            child = current.pointee.next
        }
        return false
    }
    var value: String { Self.borrowed(xmlTextReaderConstValue(reader)) ?? "" }

    /// The base URI in force here: the document URL with every xml:base applied.
    var baseURI: String? { Self.owned(xmlTextReaderBaseUri(reader)) }
    var language: String? { Self.owned(xmlTextReaderXmlLang(reader)) }

    func attribute(_ name: String) -> String? {
        Self.owned(xmlTextReaderGetAttribute(reader, name))
    }

    func attribute(_ name: String, namespace: String) -> String? {
        Self.owned(xmlTextReaderGetAttributeNs(reader, name, namespace))
    }

    /// The current element with its whole subtree: expanded from the stream,
    /// or already there when walking a recovered tree.
    private func currentSubtree() -> xmlNodePtr? {
        document == nil ? xmlTextReaderExpand(reader) : xmlTextReaderCurrentNode(reader)
    }

    /// The text of the current element's subtree, markup removed, entities decoded.
    func elementText() -> String {
        guard let node = currentSubtree() else { return "" }
        return Self.owned(xmlNodeGetContent(node)) ?? ""
    }

    /// The markup inside the current element, as written (for Atom xhtml content).
    func innerXML() -> String {
        guard let node = currentSubtree(), let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let current = child {
            xmlNodeDump(buffer, node.pointee.doc, current, 0, 0)
            child = current.pointee.next
        }
        return xmlBufferContent(buffer).map { String(cString: $0) } ?? ""
    }

    private static func borrowed(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Copies a string libxml2 allocated for us, then frees it at once.
    private static func owned(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { cxml_free(pointer) }
        return String(cString: pointer)
    }
}

/// Collects libxml2's error reports for one reader.
final class XMLErrorLog {
    private(set) var count = 0
    private(set) var first: String?

    func record(_ message: String) {
        count += 1
        if first == nil { first = message }
    }
}

/// xmlInputReadCallback: copies the next mended bytes; never throws or traps.
private func streamRead(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer, length > 0 else { return -1 }
    let input = Unmanaged<StreamingInput>.fromOpaque(context).takeUnretainedValue()
    return Int32(input.read(into: buffer, capacity: Int(length)))
}

/// xmlStructuredErrorFunc: records the error; never throws or traps.
private func xmlReaderRecordError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context else { return }
    let log = Unmanaged<XMLErrorLog>.fromOpaque(context).takeUnretainedValue()
    let message = error?.pointee.message.map { String(cString: $0) } ?? "XML error"
    let line = error?.pointee.line ?? 0
    log.record("line \(line): \(message.trimmed)")
}
