import Model

/// The tagger's labels: O, then B- and I- for each entity type.
public enum BIOTags {
    public static let types: [EntityType] = [.person, .org, .loc, .misc]
    public static let count = 1 + 2 * types.count
    public static let outside: UInt8 = 0

    @inline(__always) public static func begin(_ typeIndex: Int) -> UInt8 { UInt8(1 + 2 * typeIndex) }
    @inline(__always) public static func inside(_ typeIndex: Int) -> UInt8 { UInt8(2 + 2 * typeIndex) }
    @inline(__always) public static func typeIndex(_ tag: UInt8) -> Int { (Int(tag) - 1) / 2 }
    @inline(__always) public static func isInside(_ tag: UInt8) -> Bool { tag != 0 && tag % 2 == 0 }

    /// May `tag` follow `previous` (nil at the start)? I-X only continues B-X or I-X.
    @inline(__always)
    public static func allowed(_ previous: UInt8?, _ tag: UInt8) -> Bool {
        guard isInside(tag) else { return true }
        guard let previous, previous != 0 else { return false }
        return typeIndex(previous) == typeIndex(tag)
    }

    /// Token spans (first, one past last, type index) of a tag sequence.
    public static func spans(_ tags: [UInt8]) -> [(Int, Int, Int)] {
        var spans: [(Int, Int, Int)] = []
        var open: (Int, Int)?
        for (i, tag) in tags.enumerated() {
            if tag == 0 || !isInside(tag) {
                if let (start, type) = open { spans.append((start, i, type)) }
                open = tag == 0 ? nil : (i, typeIndex(tag))
            }
        }
        if let (start, type) = open { spans.append((start, tags.count, type)) }
        return spans
    }
}

/// Best tag sequence under emission and transition scores, with BIO
/// constraints and, in training, a per-token mask of allowed tags.
public enum Viterbi {
    /// `emissions`: n × T scores; `transitions`: (T + 1) × T, row 0 from the start.
    public static func decode(emissions: [Float], count n: Int, transitions: [Float], allowed: [UInt16]? = nil) -> [UInt8] {
        let t = BIOTags.count
        guard n > 0 else { return [] }
        var score = [Float](repeating: -.infinity, count: n * t)
        var back = [UInt8](repeating: 0, count: n * t)
        for tag in 0..<t where BIOTags.allowed(nil, UInt8(tag)) && permitted(allowed, 0, tag) {
            score[tag] = transitions[tag] + emissions[tag]
        }
        for i in 1..<n {
            for tag in 0..<t where permitted(allowed, i, tag) {
                var best: Float = -.infinity
                var from = 0
                for previous in 0..<t where BIOTags.allowed(UInt8(previous), UInt8(tag)) {
                    let candidate = score[(i - 1) * t + previous] + transitions[(previous + 1) * t + tag]
                    if candidate > best { best = candidate; from = previous }
                }
                score[i * t + tag] = best + emissions[i * t + tag]
                back[i * t + tag] = UInt8(from)
            }
        }
        var last = 0
        for tag in 1..<t where score[(n - 1) * t + tag] > score[(n - 1) * t + last] { last = tag }
        var tags = [UInt8](repeating: 0, count: n)
        tags[n - 1] = UInt8(last)
        var i = n - 1
        while i > 0 {
            tags[i - 1] = back[i * t + Int(tags[i])]
            i -= 1
        }
        return tags
    }

    @inline(__always)
    private static func permitted(_ allowed: [UInt16]?, _ i: Int, _ tag: Int) -> Bool {
        guard let allowed else { return true }
        return allowed[i] & (1 << UInt16(tag)) != 0
    }
}
