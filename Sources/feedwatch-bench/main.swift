import ArgumentParser
import Foundation
import Extract
import Model

/// Benchmarks that print figures: the watch matcher's MB/s with many watched
/// names, the tagger's tokens/s, model load time and memory.
///
///     swift build -c release && .build/release/feedwatch-bench matcher --names 100000
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feedwatch-bench",
                                                    subcommands: [MatcherBench.self, TaggerBench.self, AlertCasesBench.self])
}

struct MatcherBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "matcher", abstract: "Watch matcher throughput with N watched names.")
    @Option var names = 100_000
    @Option(help: "Megabytes of text to match.") var megabytes = 50
    @Option(help: "Bytes per item (feed items are matched one at a time).") var itemBytes = 4_000

    func run() {
        let baseline = Memory.peakMB()
        var generator = SyntheticText(seed: 7)
        let entries = (0..<names).map { i in generator.watchEntry(i) }
        var started = Date()
        let matcher = AliasMatcher(entries)
        let build = Date().timeIntervalSince(started)
        let items = generator.items(totalBytes: megabytes << 20, itemBytes: itemBytes, names: entries)
        let bytes = items.reduce(0) { $0 + $1.utf8.count }
        started = Date()
        var tokens = 0
        for item in items { tokens += Tokenizer.tokenize(item).tokens.count }
        let tokenizing = Date().timeIntervalSince(started)
        started = Date()
        var hits = 0
        for item in items { hits += matcher.hits(in: Tokenizer.tokenize(item)).count }
        let elapsed = Date().timeIntervalSince(started)
        print(String(format: "tokenizing alone     %.1f MB/s (%d tokens)", Double(bytes) / 1_048_576 / tokenizing, tokens))
        print("watched names        \(names) (\(entries.reduce(0) { $0 + $1.spellings.count }) spellings)")
        print(String(format: "automaton build      %.2f s", build))
        print(String(format: "text                 %.1f MB in %d items", Double(bytes) / 1_048_576, items.count))
        print(String(format: "matching             %.2f s, %.1f MB/s, %d hits", elapsed, Double(bytes) / 1_048_576 / elapsed, hits))
        print(String(format: "peak memory          %.0f MB (process), %.0f MB above start", Memory.peakMB(), Memory.peakMB() - baseline))
        started = Date()
        let tagger = NERResources.load()
        print(String(format: "model + gazetteer    loaded in %.0f ms%@", Date().timeIntervalSince(started) * 1000, tagger == nil ? " (NOT FOUND)" : ""))
        print(String(format: "peak memory, all     %.0f MB (model and %d names)", Memory.peakMB(), names))
    }
}

struct TaggerBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tagger", abstract: "Tagger throughput, single-threaded.")
    @Option(help: "A text file to tag, line by line (default: generated text).") var file: String?
    @Option var megabytes = 5

    func run() throws {
        var started = Date()
        guard let tagger = NERResources.load() else { throw ValidationError("model not found") }
        let load = Date().timeIntervalSince(started)
        var lines: [String]
        if let file {
            lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        } else {
            var generator = SyntheticText(seed: 11)
            lines = generator.items(totalBytes: megabytes << 20, itemBytes: 300, names: [])
        }
        started = Date()
        var tokens = 0, entities = 0
        for line in lines {
            let text = Tokenizer.tokenize(line)
            tokens += text.tokens.count
            entities += tagger.entities(in: text).count
        }
        let elapsed = Date().timeIntervalSince(started)
        print(String(format: "model load           %.0f ms", load * 1000))
        print(String(format: "tagged               %d tokens in %.2f s: %.0f tokens/s, %d entities", tokens, elapsed, Double(tokens) / elapsed, entities))
        print(String(format: "peak memory          %.0f MB", Memory.peakMB()))
    }
}

enum Memory {
    /// Peak resident set size of this process (getrusage(2), kilobytes on Linux).
    static func peakMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

Bench.main()
