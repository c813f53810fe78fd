import Foundation
internal import CLibXML2

/// An HTML fragment parsed by libxml2's HTML parser into a tree we walk once.
/// The tree is freed in deinit; nodes are visited as plain Swift values so
/// no libxml2 type leaves this file.
/// Not Sendable: used and freed inside one call.
final class HTMLTree {

    private let document: htmlDocPtr?

    /// Inputs are capped by the caller; the options never touch the network.
    /// NOIMPLIED keeps a fragment a fragment: no <html>, <body> or <p> is invented around it.
    init(html: String) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        // Wrapped in an element of our own so libxml2 does not invent a <p> around
        // leading text; the wrapper is unknown to both walkers, which unwrap it.
        let bytes = Array("<fw-fragment>\(html)</fw-fragment>".utf8)
        document = bytes.withUnsafeBufferPointer { raw in
            raw.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: raw.count) {
                    htmlReadMemory($0, Int32(raw.count), nil, "UTF-8", options)
                }
            }
        }
    }

    deinit { if let document { xmlFreeDoc(document) } }

    /// Visits every node depth-first; `enter` returns false to skip an element's children.
    func walk(enter: (_ name: String, _ attributes: [(String, String)]) -> Bool,
              leave: (_ name: String) -> Void,
              text: (String) -> Void) {
        guard let document, let root = document.pointee.children else { return }
        HTMLTree.visit(root, enter: enter, leave: leave, text: text, depth: 0)
    }

    private static let maxDepth = 256

    private static func visit(_ first: xmlNodePtr, enter: (String, [(String, String)]) -> Bool,
                              leave: (String) -> Void, text: (String) -> Void, depth: Int) {
        var node: xmlNodePtr? = first
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if enter(name, attributes(of: current)), depth < maxDepth, let child = current.pointee.children {
                    visit(child, enter: enter, leave: leave, text: text, depth: depth + 1)
                }
                leave(name)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text(String(cString: content)) }
            default:
                break  // comments, processing instructions, DTD nodes: never text
            }
            node = current.pointee.next
        }
    }

    private static func attributes(of node: xmlNodePtr) -> [(String, String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                let value: String
                if let raw = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                    value = String(cString: raw)
                    cxml_free(raw)
                } else {
                    value = ""
                }
                result.append((String(cString: name).lowercased(), value))
            }
            attribute = current.pointee.next
        }
        return result
    }
}
