/// The trained weights: one row of `BIOTags.count` weights per feature
/// bucket, quantised to Int16 with one scale, and the tag transitions.
public struct NERModel: Sendable {
    public let bucketBits: Int
    public let weights: [Int16]
    public let transitions: [Float]
    public let scale: Float

    public init(bucketBits: Int, weights: [Int16], transitions: [Float], scale: Float) {
        self.bucketBits = bucketBits
        self.weights = weights
        self.transitions = transitions
        self.scale = scale
    }

    @inline(__always)
    public static func bucket(_ hash: UInt64, bits: Int) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - bits)) }

    /// The best tags for every token of the features.
    public func tags(_ features: FeatureSet) -> [UInt8] {
        Viterbi.decode(emissions: emissions(features), count: features.count, transitions: transitions)
    }

    func emissions(_ features: FeatureSet) -> [Float] {
        let t = BIOTags.count
        let n = features.count
        var emissions = [Float](repeating: 0, count: n * t)
        var sums = [Int32](repeating: 0, count: t)
        weights.withUnsafeBufferPointer { w in
            features.hashes.withUnsafeBufferPointer { hashes in
                for i in 0..<n {
                    for k in 0..<t { sums[k] = 0 }
                    for f in Int(features.offsets[i])..<Int(features.offsets[i + 1]) {
                        let row = Self.bucket(hashes[f], bits: bucketBits) * t
                        for k in 0..<t { sums[k] &+= Int32(w[row + k]) }
                    }
                    for k in 0..<t { emissions[i * t + k] = Float(sums[k]) * scale }
                }
            }
        }
        return emissions
    }

    // MARK: - Binary form: "FWNR", version, bucket bits, tag count, scale, transitions, weights.

    public func serialized() -> [UInt8] {
        var out = BinaryWriter()
        out.write(Array("FWNR".utf8))
        out.write(UInt32(1))
        out.write(UInt32(bucketBits))
        out.write(UInt32(BIOTags.count))
        out.write(scale)
        for value in transitions { out.write(value) }
        var raw = [UInt8](repeating: 0, count: weights.count * 2)
        for (i, w) in weights.enumerated() {
            let bits = UInt16(bitPattern: w)
            raw[2 * i] = UInt8(bits & 0xFF)
            raw[2 * i + 1] = UInt8(bits >> 8)
        }
        out.write(raw)
        return out.bytes
    }

    public init?(serialized bytes: [UInt8]) {
        var reader = BinaryReader(bytes)
        guard reader.read(4) == Array("FWNR".utf8), reader.readUInt32() == 1,
              let bits = reader.readUInt32(), (8...26).contains(bits),
              reader.readUInt32() == UInt32(BIOTags.count), let scale = reader.readFloat() else { return nil }
        let t = BIOTags.count
        var transitions: [Float] = []
        for _ in 0..<(t + 1) * t {
            guard let value = reader.readFloat() else { return nil }
            transitions.append(value)
        }
        guard let weights = reader.readInt16s((1 << Int(bits)) * t), reader.remaining == 0 else { return nil }
        self.init(bucketBits: Int(bits), weights: weights, transitions: transitions, scale: scale)
    }
}
