/// HTML and RSS element names compare without regard to ASCII case (HTML
/// §13.1.2); only A–Z fold, so a name is folded from its bytes.
enum ASCIICase {
    static func lowercased<Bytes: Collection>(_ name: Bytes) -> String where Bytes.Element == UInt8 {
        guard name.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(decoding: name, as: UTF8.self) }
        return String(decoding: name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
