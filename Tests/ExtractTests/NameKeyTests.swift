import Testing
import Model
@testable import Extract

@Suite("NameKey folds spellings of one name together, and keeps other names apart")
struct NameKeyTests {
    static func key(_ word: String) -> UInt64 {
        let text = Tokenizer.tokenize(word)
        return NameKey.key(text.tokens[0], in: text)
    }

    @Test("transliterations, national spellings and dotted forms share a key", arguments: [
        ("Zelensky", "Zelenskyy"), ("Zelensky", "Zelenskiy"), ("Zelensky", "Zelenskyi"), ("Hezbollah", "Hizballah"),
        ("Hezbollah", "Hizbollah"), ("Hezbollah", "Hizbullah"), ("Hezbollah", "Hezbolla"), ("Gaddafi", "Qadhafi"),
        ("Gaddafi", "Kadhafi"), ("Gaddafi", "Gadhafi"), ("Gaddafi", "Qaddafi"), ("Mohammed", "Muhammad"),
        ("Mohammed", "Mohamed"), ("Sergei", "Sergey"), ("Organisation", "Organization"), ("Defence", "Defense"),
        ("Labour", "Labor"), ("Centre", "Center"), ("Programme", "Program"), ("UN", "U.N."), ("NATO", "N.A.T.O."),
        ("Navalny", "Navalniy"), ("Zelensky", "Zelenskij"), ("Gaddafi", "Gheddafi"), ("Salman", "Salmane"),
        ("Benjamin", "Binyamin"), ("Netanyahu", "Netanjahu"),
    ])
    func together(a: String, b: String) {
        #expect(Self.key(a) == Self.key(b))
    }

    @Test("different names keep different keys", arguments: [
        ("Zelensky", "Zelenska"), ("Navalny", "Navalnaya"), ("Hamas", "Hamad"), ("Jordan", "Gordon"), ("Lee", "Li"),
    ])
    func apart(a: String, b: String) {
        #expect(Self.key(a) != Self.key(b))
    }

    @Test("edit distance decides between names that share a key")
    func distance() {
        #expect(Self.key("Patton") == Self.key("Putin"))  // one key …
        #expect(NameKey.distance(Array("patton".utf8), Array("putin".utf8), limit: 2) > NameKey.maxDistance(5))  // … too far apart
        #expect(NameKey.distance(Array("hizballah".utf8), Array("hezbollah".utf8), limit: 3) == 2)
    }
}
