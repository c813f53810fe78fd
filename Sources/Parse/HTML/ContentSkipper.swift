/// Skips an element with everything inside it (nested elements of the same
/// name included), for elements whose content must never appear.
struct ContentSkipper {
    private var name: PackedName?
    private var depth = 0

    mutating func start(_ element: PackedName) {
        name = element
        depth = 1
    }

    /// True while the token belongs to the skipped element.
    mutating func consumes(_ token: HTMLTokenizer.Token) -> Bool {
        guard let name else { return false }
        switch token {
        case let .start(element, selfClosing) where element == name && !selfClosing: depth += 1
        case let .end(element) where element == name:
            depth -= 1
            if depth == 0 { self.name = nil }
        default: break
        }
        return true
    }
}
