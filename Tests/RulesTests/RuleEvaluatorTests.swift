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

@Suite("Richer conditions")
struct RicherConditionTests {
    static let facts = ItemFacts(present: ["hamas", "erdogan"], fields: ["hamas": [.title], "erdogan": [.summary]],
                                 sentences: [["hamas"], ["erdogan", "hamas"]], keywords: ["ceasefire"], feedID: "bbc", tags: ["world"])

    @Test("keyword, feed, tag, field and near hold on what the item is", arguments: [
        (Condition.keyword("ceasefire"), true), (.keyword("truce"), false),
        (.feed("bbc"), true), (.feed("cnn"), false), (.tag("world"), true), (.tag("sport"), false),
        (.field(.title, watch: "hamas"), true), (.field(.title, watch: "erdogan"), false),
        (.nearInSentence(["hamas", "erdogan"]), true), (.nearInSentence(["hamas", "kalin"]), false),
    ])
    func leaves(condition: Condition, holds: Bool) {
        #expect(RuleEvaluator.holds(condition, Self.facts) == holds)
    }

    @Test("a keyword is positive on its own; a feed or a tag is not")
    func positives() {
        let keywordOnly = Rule(id: "k", when: .keyword("ceasefire"))
        #expect(RuleEvaluator.fires(keywordOnly, ItemFacts(present: [], keywords: ["ceasefire"])))
        #expect(!RuleEvaluator.fires(keywordOnly, ItemFacts(present: ["hamas"])))
        let feedOnly = Rule(id: "f", when: .all([.feed("bbc"), .not(.watch("hamas"))]))
        #expect(!RuleEvaluator.fires(feedOnly, Self.facts))
        let scoped = Rule(id: "s", when: .all([.watch("hamas"), .tag("world"), .not(.keyword("football"))]))
        #expect(RuleEvaluator.fires(scoped, Self.facts))
    }
}
