import Testing
import Model
@testable import Rules

@Suite("SpikeDetector")
struct SpikeDetectorTests {
    static let hamas = SpikeCondition(watch: "hamas", window: 3600, baseline: 7 * 86400, factor: 3, min: 10)

    @Test("the baseline is scaled to the window: 168 items in 7 days is 1 an hour")
    func expected() {
        #expect(SpikeDetector.expected(baselineCount: 168, Self.hamas) == 1)
        #expect(SpikeDetector.expected(baselineCount: 0, Self.hamas) == 0)
    }

    @Test("an episode starts above both the factor and the minimum", arguments: [
        (9, 0, SpikeDetector.Verdict.quiet),     // below min
        (10, 0, .starts),                        // no baseline: min decides
        (10, 840, .quiet),                       // 5 an hour expected: 10 is not above 15
        (16, 840, .starts),
        (3, 0, .quiet),
    ])
    func starts(window: Int, baseline: Int, verdict: SpikeDetector.Verdict) {
        #expect(SpikeDetector.verdict(windowCount: window, baselineCount: baseline, inEpisode: false, Self.hamas) == verdict)
    }

    @Test("an open episode ends only below three quarters of the bar", arguments: [
        (16, 840, SpikeDetector.Verdict.continues),
        (12, 840, .continues),   // 12 > 0.75 × 15
        (11, 840, .ends),        // 11 ≤ 11.25
        (8, 0, .continues),      // 8 ≥ 7.5 (min)
        (7, 0, .ends),
    ])
    func hysteresis(window: Int, baseline: Int, verdict: SpikeDetector.Verdict) {
        #expect(SpikeDetector.verdict(windowCount: window, baselineCount: baseline, inEpisode: true, Self.hamas) == verdict)
    }

    @Test("a spike condition never fires on one item")
    func neverPerItem() {
        let rule = Rule(id: "s", when: .spike(Self.hamas))
        #expect(!RuleEvaluator.fires(rule, present: ["hamas"]))
    }
}
