import Model

/// Escaping for markup we write: "&", "<", ">" in text, and '"' too inside
/// attribute values (as xmlNodeDump writes them). Runs without any of them
/// are copied whole.
enum MarkupEscape {
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], quotes: Bool) {
        let scan = quotes ? attributeScan : textScan
        var run = 0
        var i = 0
        while i < bytes.count {
            i = scan.skipPlainWords(bytes, from: i)
            guard i < bytes.count else { break }
            let replacement: [UInt8]
            switch bytes[i] {
            case 38: replacement = ampersand
            case 60: replacement = lessThan
            case 62: replacement = greaterThan
            case 34 where quotes: replacement = quote
            default:
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            out.append(contentsOf: replacement)
            i += 1
            run = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }

    static func append(_ bytes: [UInt8], to out: inout [UInt8], quotes: Bool) {
        bytes.withUnsafeBufferPointer { append($0, to: &out, quotes: quotes) }
    }

    static func append(_ text: String, to out: inout [UInt8], quotes: Bool) {
        var text = text
        text.withUTF8 { append($0, to: &out, quotes: quotes) }
    }

    private static let textScan = ByteScan(stoppingAt: [38, 60, 62])
    private static let attributeScan = ByteScan(stoppingAt: [38, 60, 62, 34])
    private static let ampersand = Array("&amp;".utf8), lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8), quote = Array("&quot;".utf8)
}
