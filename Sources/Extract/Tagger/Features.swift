import Model
/// The tagger's features for every token of a text, as hashes in one flat
/// array (token i owns `hashes[offsets[i]..<offsets[i+1]]`): no allocation per token.
public struct FeatureSet: Sendable {
    public var hashes: [UInt64] = []
    public var offsets: [Int32] = [0]
    public var count: Int { offsets.count - 1 }
}

/// Feature templates: word identity and context, shapes, affixes, gazetteers.
public enum Features {
    private static let beginning = FNV.hash("<s>")
    private static let ending = FNV.hash("</s>")

    /// Features of the tokens in `range` (default: all). Context stops at the range's
    /// edges, as it stopped at the sentence's edges in training: a document's
    /// sentences are tagged as the model learnt to tag sentences.
    public static func extract(_ text: TokenizedText, range: Range<Int>? = nil, gazetteer: Gazetteer) -> FeatureSet {
        let all = text.tokens
        let range = range ?? all.indices
        let tokens = Array(all[range])
        let n = tokens.count
        var set = FeatureSet()
        set.hashes.reserveCapacity(n * 36)
        set.offsets.reserveCapacity(n + 1)
        let wordFlags = tokens.map { gazetteer.flags($0.hash).rawValue }
        let phrases = PhraseMarks(tokens, gazetteer: gazetteer)
        let headline = HeadlineMarks(tokens)
        func word(_ i: Int) -> UInt64 { i < 0 ? beginning : i >= n ? ending : tokens[i].hash }
        func shape(_ i: Int) -> UInt64 { i < 0 ? beginning : i >= n ? ending : UInt64(tokens[i].shapeHash) }
        func add(_ template: UInt64, _ value: UInt64) { set.hashes.append(feature(template, value)) }
        for i in 0..<n {
            let token = tokens[i]
            let cls = UInt64(token.shape.rawValue)
            add(1, 0)
            add(2, word(i))
            add(3, word(i - 1)); add(4, word(i + 1)); add(5, word(i - 2)); add(6, word(i + 2))
            add(7, shape(i)); add(8, shape(i - 1)); add(9, shape(i + 1))
            add(10, FNV.combine(shape(i - 1), shape(i))); add(11, FNV.combine(shape(i), shape(i + 1)))
            add(17, FNV.combine(word(i - 1), word(i))); add(18, FNV.combine(word(i), word(i + 1)))
            add(28, FNV.combine(word(i), cls))
            affixes(text.folded, token, into: &set.hashes)
            flags(19, wordFlags[i], cls: nil, into: &set.hashes)
            flags(30, wordFlags[i], cls: cls, into: &set.hashes)
            if i > 0 { flags(20, wordFlags[i - 1], cls: nil, into: &set.hashes) }
            if i + 1 < n { flags(21, wordFlags[i + 1], cls: nil, into: &set.hashes) }
            phrases.add(at: i, into: &set.hashes)
            add(23, cls &* 2 &+ (token.startsSentence ? 1 : 0))
            add(24, cls &* 2 &+ (headline.contains(i) ? 1 : 0))
            add(25, cls &* 8 &+ UInt64(min(token.length, 7)))
            if token.joinedToPrevious { add(26, word(i - 1)) }
            if i + 1 < n, tokens[i + 1].joinedToPrevious { add(27, word(i + 1)) }
            set.offsets.append(Int32(set.hashes.count))
        }
        return set
    }

    @inline(__always)
    static func feature(_ template: UInt64, _ value: UInt64) -> UInt64 {
        FNV.combine(template &* 0x9E37_79B9, value)
    }

    private static func affixes(_ folded: [UInt8], _ token: Token, into hashes: inout [UInt64]) {
        let start = Int(token.foldedStart), end = Int(token.foldedEnd)
        let length = end - start
        if length > 2 { hashes.append(feature(12, FNV.hash(folded[start..<start + 2]))) }
        if length > 3 { hashes.append(feature(13, FNV.hash(folded[start..<start + 3]))) }
        if length > 2 { hashes.append(feature(14, FNV.hash(folded[end - 2..<end]))) }
        if length > 3 { hashes.append(feature(15, FNV.hash(folded[end - 3..<end]))) }
        if length > 4 { hashes.append(feature(16, FNV.hash(folded[end - 4..<end]))) }
    }

    /// One feature per gazetteer bit, optionally crossed with the word's case class.
    @inline(__always)
    static func flags(_ template: UInt64, _ flags: UInt32, cls: UInt64?, into hashes: inout [UInt64]) {
        var bits = flags & ((1 << UInt32(Gazetteer.Flags.featureBits)) - 1)
        while bits != 0 {
            let bit = UInt64(bits.trailingZeroBitCount)
            hashes.append(feature(template, cls.map { bit &* 8 &+ $0 } ?? bit))
            bits &= bits - 1
        }
    }
}

/// Which tokens stand in a gazetteer phrase ("New York", "Prime Minister"),
/// longest phrase from each start, marked as its first word or a later one.
struct PhraseMarks {
    private var marks: [UInt32]  // flags << 1 | isFirst

    init(_ tokens: [Token], gazetteer: Gazetteer) {
        marks = [UInt32](repeating: 0, count: tokens.count)
        var i = 0
        while i < tokens.count {
            var key = Gazetteer.phraseKey(FNV.offset, tokens[i].hash)
            var best: (end: Int, flags: UInt32)?
            var j = i + 1
            while j < tokens.count, j - i < Gazetteer.maxPhraseWords {
                guard gazetteer.flags(key).contains(.prefix) else { break }
                key = Gazetteer.phraseKey(key, tokens[j].hash)
                let found = gazetteer.flags(key).rawValue & ~Gazetteer.Flags.prefix.rawValue
                if found != 0 { best = (j + 1, found) }
                j += 1
            }
            if let best {
                for k in i..<best.end { marks[k] = best.flags << 1 | (k == i ? 1 : 0) }
                i = best.end
            } else {
                i += 1
            }
        }
    }

    func add(at i: Int, into hashes: inout [UInt64]) {
        let mark = marks[i]
        guard mark != 0 else { return }
        Features.flags(22, mark >> 1, cls: UInt64(mark & 1), into: &hashes)
    }
}

/// Tokens of sentences written in capitals or title case (headlines), where capitals say little.
struct HeadlineMarks {
    private var marked: [Bool]

    init(_ tokens: [Token]) {
        marked = [Bool](repeating: false, count: tokens.count)
        var start = 0
        for i in 0...tokens.count where i == tokens.count || (i > start && tokens[i].startsSentence) {
            let words = tokens[start..<i].filter { $0.shape == .lower || $0.isCapitalized }
            let capitalised = words.filter(\.isCapitalized).count
            if words.count >= 4, capitalised * 5 >= words.count * 4 {
                for k in start..<i { marked[k] = true }
            }
            start = i
        }
    }

    func contains(_ i: Int) -> Bool { marked[i] }
}
