internal import CLibXML2

enum XMLLibrary {
    static func initialize() { xmlInitParser() }
}
