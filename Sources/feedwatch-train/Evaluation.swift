import Extract
import Model

/// Strict CoNLL-style scores: an entity counts only with exact bounds and type.
struct Scores {
    var truePositives = [Int](repeating: 0, count: BIOTags.types.count)
    var predicted = [Int](repeating: 0, count: BIOTags.types.count)
    var gold = [Int](repeating: 0, count: BIOTags.types.count)

    /// Adds one example. MISC is scored only where the corpus annotates it.
    mutating func add(gold goldSpans: [(start: Int, end: Int, type: Int)], predicted predictedSpans: [(start: Int, end: Int, type: Int)], corpus: String) {
        let misc = BIOTags.types.firstIndex(of: .misc) ?? 3
        let scoreMISC = !Corpus.incompleteMISC.contains(corpus)
        let goldSet = Set(goldSpans.filter { scoreMISC || $0.type != misc }.map { "\($0.start):\($0.end):\($0.type)" })
        for span in goldSpans where scoreMISC || span.type != misc { gold[span.type] += 1 }
        for span in predictedSpans where scoreMISC || span.type != misc {
            predicted[span.type] += 1
            if goldSet.contains("\(span.start):\(span.end):\(span.type)") { truePositives[span.type] += 1 }
        }
    }

    func f1(_ types: [Int]) -> (p: Double, r: Double, f: Double) {
        let tp = Double(types.map { truePositives[$0] }.reduce(0, +))
        let p = Double(types.map { predicted[$0] }.reduce(0, +))
        let g = Double(types.map { gold[$0] }.reduce(0, +))
        let precision = p > 0 ? tp / p : 0, recall = g > 0 ? tp / g : 0
        return (precision * 100, recall * 100, precision + recall > 0 ? 200 * precision * recall / (precision + recall) : 0)
    }

    func table() -> String {
        var lines = ["type      P      R      F1"]
        for (i, type) in BIOTags.types.enumerated() {
            let s = f1([i])
            lines.append(format(type.rawValue, s))
        }
        lines.append(format("PER+ORG", f1([0, 1])))
        lines.append(format("all four", f1([0, 1, 2, 3])))
        return lines.joined(separator: "\n")
    }

    private func format(_ name: String, _ s: (p: Double, r: Double, f: Double)) -> String {
        func pad(_ x: Double) -> String { let t = String(format: "%.1f", x); return String(repeating: " ", count: max(0, 6 - t.count)) + t }
        return name.padding(toLength: 8, withPad: " ", startingAt: 0) + pad(s.p) + " " + pad(s.r) + " " + pad(s.f)
    }
}
