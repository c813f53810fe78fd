import Model

/// The sentences of a text written wholly in capitals (two capitalised words or
/// more, one-letter words aside): there capitals say nothing about names.
struct CapitalLines {
    private var marked = Set<Int>()

    init(_ tokens: [Token]) {
        guard !tokens.isEmpty else { return }
        var start = 0
        for end in 1...tokens.count where end == tokens.count || tokens[end].startsSentence {
            let words = tokens[start..<end].filter { $0.shape == .upper || $0.shape == .capitalized || $0.shape == .lower }
            // A one-letter word ("S" of "TURKEY'S", "A") has no case of its own to give away.
            let capitals = words.filter { $0.shape == .upper }.count
            if capitals >= 2, words.allSatisfy({ $0.shape == .upper || ($0.shape == .capitalized && $0.length == 1) }) {
                marked.formUnion(start..<end)
            }
            start = end
        }
    }

    func contains(_ index: Int) -> Bool { marked.contains(index) }
    var isEmpty: Bool { marked.isEmpty }
}
