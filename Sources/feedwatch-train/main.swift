import ArgumentParser
import Foundation
import Extract
import Model

/// Trains feedwatch's entity tagger from the openly licensed corpora and
/// gazetteers in ../shared/data, reports strict dev scores, and writes the
/// model and gazetteer that Sources/Extract/Resources ships.
///
///     swift run -c release feedwatch-train --data ../shared/data --out Sources/Extract/Resources
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feedwatch-train",
                                                    abstract: "Train the entity tagger (reproducible: fixed seed).")

    @Option(help: "The shared data folder (with ner/ and gazetteers/).") var data = "../shared/data"
    @Option(help: "Where to write ner-model.bin and gazetteer.bin.") var out = "Sources/Extract/Resources"
    @Option(help: "Training passes over the data.") var epochs = 12
    @Option(help: "Feature buckets = 2^bits.") var bits = 19
    @Option(help: "Shuffling seed.") var seed: UInt64 = 20261129
    @Option(help: "Extra passes per epoch for corpora closest to news prose, e.g. wikigold:2,gum:2.") var upweight = "wikigold:3,gum:2,uner_en:2"
    @Flag(help: "Evaluate only; write nothing.") var dryRun = false

    static let corpora = ["wikigold", "btc", "wnut17", "uner_en", "crossner_politics", "gum"]

    func run() throws {
        let started = Date()
        var train: [Example] = [], dev: [Example] = []
        for corpus in Self.corpora {
            for split in ["train", "test"] {
                let path = "\(data)/ner/\(corpus)/\(split).jsonl"
                if FileManager.default.fileExists(atPath: path) { train += try Corpus.load(path, corpus: corpus) }
            }
            dev += try Corpus.load("\(data)/ner/\(corpus)/dev.jsonl", corpus: corpus)
        }
        var lowercase: [UInt64: Int] = [:]
        for example in train {
            for token in example.text.tokens where token.shape == .lower { lowercase[token.hash, default: 0] += 1 }
        }
        let gazetteer = try GazetteerBuilder.build(directory: data + "/gazetteers", commonWords: lowercase)
        print("gazetteer: \(gazetteer.count) entries")
        for i in train.indices { train[i].features = Features.extract(train[i].text, gazetteer: gazetteer) }
        print("train: \(train.count) sentences, dev: \(dev.count) sentences")
        var perceptron = Perceptron(bits: bits)
        var generator = SeededGenerator(seed: seed)
        var weights: [String: Int] = [:]
        for pair in upweight.split(separator: ",") {
            let parts = pair.split(separator: ":")
            if parts.count == 2, let n = Int(parts[1]) { weights[String(parts[0])] = n }
        }
        var order = train.indices.flatMap { i in [Int](repeating: i, count: weights[train[i].corpus] ?? 1) }
        for epoch in 1...epochs {
            order.shuffle(using: &generator)
            var mistakes = 0
            for i in order where perceptron.train(train[i]) { mistakes += 1 }
            print("epoch \(epoch): \(mistakes) sentences wrong")
        }
        let model = perceptron.averagedModel()
        let tagger = StatisticalTagger(model: model, gazetteer: gazetteer)
        print(Self.evaluate(tagger, on: dev))
        print(String(format: "training took %.1f s", Date().timeIntervalSince(started)))
        guard !dryRun else { return }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data(model.serialized()).write(to: URL(fileURLWithPath: out + "/" + NERResources.modelFile))
        try Data(gazetteer.serialized()).write(to: URL(fileURLWithPath: out + "/" + NERResources.gazetteerFile))
        print("wrote \(out)/\(NERResources.modelFile) and \(NERResources.gazetteerFile)")
    }

    static func evaluate(_ tagger: StatisticalTagger, on dev: [Example]) -> String {
        var overall = Scores()
        var perCorpus: [String: Scores] = [:]
        for example in dev {
            let predicted = tagger.entities(in: example.text).map { entity in
                (start: entity.start, end: entity.end, type: BIOTags.types.firstIndex(of: entity.type) ?? 0)
            }
            overall.add(gold: example.spans, predicted: predicted, corpus: example.corpus)
            perCorpus[example.corpus, default: Scores()].add(gold: example.spans, predicted: predicted, corpus: example.corpus)
        }
        var report = "dev, all corpora (strict):\n" + overall.table()
        for corpus in corpora {
            guard let scores = perCorpus[corpus] else { continue }
            report += String(format: "\n%@: PER+ORG %.1f, all %.1f", corpus, scores.f1([0, 1]).f, scores.f1([0, 1, 2, 3]).f)
        }
        return report
    }
}

Train.main()
