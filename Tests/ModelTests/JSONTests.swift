import Testing
@testable import Model

@Suite("JSON reading and writing")
struct JSONTests {
    @Test("keeps key order and round-trips values")
    func roundTrip() throws {
        let text = #"{"b":1,"a":[true,null,"x\n\u00e9\ud83d\ude00"],"c":-2.5}"#
        let value = try JSONReader.parse(text)
        #expect(value.serialized() == #"{"b":1,"a":[true,null,"x\né😀"],"c":-2.5}"#)
    }

    @Test("reports errors by line and column")
    func errors() {
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse("{\n  \"a\": ,\n}") }
        do {
            _ = try JSONReader.parse("{\n  \"a\": ,\n}")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 8)
        }
    }

    @Test("escapes control characters on output")
    func escapes() {
        #expect(JSONValue.string("a\u{1}\"\\").serialized() == #""a\u0001\"\\""#)
    }

    @Test("rejects trailing garbage and deep nesting")
    func rejects() {
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse("{} x") }
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(String(repeating: "[", count: 10_000)) }
    }
}
