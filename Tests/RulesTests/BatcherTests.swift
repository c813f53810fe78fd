import Foundation
import Testing
import Model
import Rules

/// Each mode step by step on a clock the test sets: what goes out at once, what waits,
/// and until when.
@Suite("Batcher")
struct BatcherTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    @Test("group: the first alert waits `wait`; later ones join it; after a release the next waits out `interval`")
    func grouping() {
        let batching = Batching.group(by: [.rule], wait: 30, interval: 300)
        var (hold, state) = Batcher.admit(batching, rule: "r", key: "", state: nil, now: at(0))
        #expect(hold && state.dueAt == at(30) && state.since == at(0))
        (hold, state) = Batcher.admit(batching, rule: "r", key: "", state: state, now: at(10))
        #expect(hold && state.dueAt == at(30))  // joins; the group's time does not move
        state = Batcher.released(batching, state: state, now: at(30))
        #expect(state.dueAt == nil && state.quietUntil == at(330) && state.since == at(30))
        (hold, state) = Batcher.admit(batching, rule: "r", key: "", state: state, now: at(100))
        #expect(hold && state.dueAt == at(330))  // at most once per interval
        state = Batcher.released(batching, state: state, now: at(330))
        // Quiet for longer than the interval: a new group, which waits `wait` again.
        (hold, state) = Batcher.admit(batching, rule: "r", key: "", state: state, now: at(1000))
        #expect(hold && state.dueAt == at(1030) && state.since == at(1000))
    }

    @Test("cooldown: the first alert goes out at once; the rest of the window waits for its end; then the next goes at once")
    func cooldown() {
        let batching = Batching.cooldown(3600)
        var (hold, state) = Batcher.admit(batching, rule: "r", key: "watch=a", state: nil, now: at(0))
        #expect(!hold && state.dueAt == nil && state.quietUntil == at(3600))
        (hold, state) = Batcher.admit(batching, rule: "r", key: "watch=a", state: state, now: at(60))
        #expect(hold && state.dueAt == at(3600))
        (hold, state) = Batcher.admit(batching, rule: "r", key: "watch=a", state: state, now: at(120))
        #expect(hold && state.dueAt == at(3600))
        state = Batcher.released(batching, state: state, now: at(3600))
        #expect(state.dueAt == nil)
        (hold, state) = Batcher.admit(batching, rule: "r", key: "watch=a", state: state, now: at(3700))
        #expect(!hold && state.quietUntil == at(7300))
    }

    @Test("cooldown: a window with nothing more sends no summary, and the next alert goes at once")
    func quietCooldown() {
        let batching = Batching.cooldown(600)
        let (_, state) = Batcher.admit(batching, rule: "r", key: "k", state: nil, now: at(0))
        #expect(state.dueAt == nil)  // nothing held: nothing to release at the window's end
        let (hold, _) = Batcher.admit(batching, rule: "r", key: "k", state: state, now: at(601))
        #expect(!hold)
    }

    @Test("an overdue group takes new alerts into the notification about to go out")
    func overdue() {
        let batching = Batching.cooldown(600)
        var state = GroupState(rule: "r", key: "k", dueAt: at(600), since: at(0), quietUntil: at(600))
        let hold: Bool
        (hold, state) = Batcher.admit(batching, rule: "r", key: "k", state: state, now: at(900))
        #expect(hold && state.dueAt == at(600))
    }

    @Test("digest: everything waits for the next digest time")
    func digest() {
        let batching = Batching.digest(DigestTimes(every: 86_400, minute: 8 * 60, timeZone: "UTC"))
        let morning = Date(timeIntervalSince1970: TimeInterval(1_800_000_000 - 1_800_000_000 % 86_400 + 7 * 3600))  // 07:00 UTC
        var (hold, state) = Batcher.admit(batching, rule: "r", key: "", state: nil, now: morning)
        #expect(hold && state.dueAt == morning.addingTimeInterval(3600))
        (hold, state) = Batcher.admit(batching, rule: "r", key: "", state: state, now: morning.addingTimeInterval(1800))
        #expect(hold && state.dueAt == morning.addingTimeInterval(3600))
        state = Batcher.released(batching, state: state, now: morning.addingTimeInterval(3600))
        (hold, state) = Batcher.admit(batching, rule: "r", key: "", state: state, now: morning.addingTimeInterval(3601))
        #expect(hold && state.dueAt == morning.addingTimeInterval(3600 + 86_400))
        #expect(state.since == morning.addingTimeInterval(3600))
    }

    @Test("group keys follow `by`; a digest gathers the whole rule; a cooldown runs per watch")
    func keys() {
        #expect(Batcher.groupKey(.each, watches: ["a"], feedID: "f") == nil)
        #expect(Batcher.groupKey(.group(by: [.rule], wait: 1, interval: 1), watches: ["b", "a"], feedID: "f") == "")
        #expect(Batcher.groupKey(.group(by: [.watch], wait: 1, interval: 1), watches: ["b", "a"], feedID: "f") == "watch=a+b")
        #expect(Batcher.groupKey(.group(by: [.watch, .feed], wait: 1, interval: 1), watches: ["a"], feedID: "f") == "watch=a feed=f")
        #expect(Batcher.groupKey(.digest(DigestTimes(every: 86_400)), watches: ["a"], feedID: "f") == "")
        #expect(Batcher.groupKey(.cooldown(60), watches: ["a"], feedID: "f") == "watch=a")
        #expect(Batcher.groupKey(.cooldown(60), watches: ["a"], feedID: "f") != Batcher.groupKey(.cooldown(60), watches: ["b"], feedID: "f"))
    }
}
