import Extract
import Model

/// An averaged structured perceptron over BIO tags (Collins 2002), with
/// latent truth for masked tokens: where a corpus's "O" may hide a MISC, the
/// truth is the best sequence the model finds among the tags allowed there.
struct Perceptron {
    let bits: Int
    let t = BIOTags.count
    var weights: [Float]
    var totals: [Float]  // Σ c·update, for averaging (Daumé's trick)
    var transitions: [Float]
    var transitionTotals: [Float]
    var step: Float = 1

    init(bits: Int) {
        self.bits = bits
        weights = [Float](repeating: 0, count: (1 << bits) * BIOTags.count)
        totals = weights
        transitions = [Float](repeating: 0, count: (BIOTags.count + 1) * BIOTags.count)
        transitionTotals = transitions
    }

    func emissions(_ features: FeatureSet, weights: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: features.count * t)
        for i in 0..<features.count {
            for f in Int(features.offsets[i])..<Int(features.offsets[i + 1]) {
                let row = NERModel.bucket(features.hashes[f], bits: bits) * t
                for k in 0..<t { out[i * t + k] += weights[row + k] }
            }
        }
        return out
    }

    /// One training step on one example; true when the model was wrong.
    mutating func train(_ example: Example) -> Bool {
        guard let features = example.features, features.count > 0 else { return false }
        let scores = emissions(features, weights: weights)
        let predicted = Viterbi.decode(emissions: scores, count: features.count, transitions: transitions)
        let truth = example.allowed.map {
            Viterbi.decode(emissions: scores, count: features.count, transitions: transitions, allowed: $0)
        } ?? example.tags
        defer { step += 1 }
        guard predicted != truth else { return false }
        for i in 0..<features.count {
            let previousTruth = i == 0 ? 0 : Int(truth[i - 1]) + 1
            let previousPredicted = i == 0 ? 0 : Int(predicted[i - 1]) + 1
            if truth[i] != predicted[i] {
                for f in Int(features.offsets[i])..<Int(features.offsets[i + 1]) {
                    let row = NERModel.bucket(features.hashes[f], bits: bits) * t
                    updateWeight(row + Int(truth[i]), 1)
                    updateWeight(row + Int(predicted[i]), -1)
                }
            }
            if truth[i] != predicted[i] || previousTruth != previousPredicted {
                updateTransition(previousTruth * t + Int(truth[i]), 1)
                updateTransition(previousPredicted * t + Int(predicted[i]), -1)
            }
        }
        return true
    }

    @inline(__always)
    private mutating func updateWeight(_ index: Int, _ delta: Float) {
        weights[index] += delta
        totals[index] += step * delta
    }

    @inline(__always)
    private mutating func updateTransition(_ index: Int, _ delta: Float) {
        transitions[index] += delta
        transitionTotals[index] += step * delta
    }

    /// The averaged weights, quantised for shipping.
    func averagedModel() -> NERModel {
        let averaged = zip(weights, totals).map { $0 - $1 / step }
        let averagedTransitions = zip(transitions, transitionTotals).map { $0 - $1 / step }
        let largest = averaged.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        let quantised = averaged.map { Int16(($0 / scale).rounded()) }
        return NERModel(bucketBits: bits, weights: quantised, transitions: averagedTransitions, scale: scale)
    }
}
