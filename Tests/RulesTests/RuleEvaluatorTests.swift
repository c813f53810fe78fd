import Testing
import Model
@testable import Rules

@Suite("RuleEvaluator")
struct RuleEvaluatorTests {
    static let rule = Rule(id: "turkey-hamas", when: .all([.watch("hamas"), .any([.watch("erdogan"), .watch("kalin")])]))

    @Test("all/any hold only when their parts do", arguments: [
        (Set(["hamas", "erdogan"]), true), (Set(["hamas", "kalin"]), true), (Set(["hamas"]), false),
        (Set(["erdogan", "kalin"]), false), (Set<String>(), false),
    ])
    func allAny(present: Set<String>, fires: Bool) {
        #expect(RuleEvaluator.fires(Self.rule, present: present) == fires)
    }

    @Test("not excludes")
    func not() {
        let rule = Rule(id: "nato-only", when: .all([.watch("nato"), .not(.watch("hamas"))]))
        #expect(RuleEvaluator.fires(rule, present: ["nato"]))
        #expect(!RuleEvaluator.fires(rule, present: ["nato", "hamas"]))
    }

    @Test("a rule needs a positive mention: a lone not never fires on unrelated items")
    func loneNot() {
        let rule = Rule(id: "odd", when: .not(.watch("hamas")))
        #expect(!RuleEvaluator.fires(rule, present: []))
        #expect(!RuleEvaluator.fires(rule, present: ["nato"]))
    }

    @Test("with no rules, each watch entry is its own rule")
    func defaults() {
        let rules = RuleEvaluator.defaultRules(for: [WatchEntry(id: "a", name: "A", kind: .person)])
        #expect(rules == [Rule(id: "a", when: .watch("a"))])
    }
}
