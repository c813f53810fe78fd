import Foundation
import Testing
import TestSupport
import Model
@testable import Daemon

/// `schema/feeds.schema.json` against `feedwatch check`: every configuration the repository
/// ships passes both, and an unknown key that `check` rejects, anywhere, the schema rejects
/// too. The schema is checked by Python's jsonschema (Debian's python3-jsonschema), an
/// implementation of JSON Schema 2020-12 independent of feedwatch.
@Suite("The JSON Schema of feeds.json")
struct ConfigSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Whether each document is valid under the schema.
    static func schemaAccepts(_ documents: [String]) throws -> [Bool] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            for document in json.load(sys.stdin):
                print("ok" if validator.is_valid(json.loads(document)) else "bad")
            """, root.appendingPathComponent("schema/feeds.schema.json").path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: documents))
        try input.fileHandleForWriting.close()
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return answer.split(separator: "\n").map { $0 == "ok" }
    }

    static func checkAccepts(_ document: String, directory: URL = root) -> Bool {
        (try? ConfigLoader.load(bytes: Array(document.utf8), path: directory.appendingPathComponent("feeds.json").path,
                                environment: ["OPS_SECRET": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])) != nil
    }

    @Test("every configuration the repository ships passes check and the schema")
    func shipped() throws {
        let paths = ["feeds.json", "dist/feeds.json"]
        let documents = try paths.map { try String(contentsOf: Self.root.appendingPathComponent($0), encoding: .utf8) }
        for (path, document) in zip(paths, documents) {
            #expect(Self.checkAccepts(document, directory: Self.root.appendingPathComponent(path).deletingLastPathComponent()), "\(path)")
        }
        #expect(try Self.schemaAccepts(documents) == documents.map { _ in true })
    }

    /// A configuration with every section and every kind of output and condition.
    static let full = """
        {"$schema": "./schema/feeds.schema.json", "comment": "all of it",
         "settings": {"interval": "15m", "backfill": "0", "concurrency": 8, "dedup": {"window": "48h", "similarity": 0.9},
                      "listen": "127.0.0.1:8480", "websub": {"callback": "https://pub.example.org/websub", "lease": "5d"},
                      "keepItems": "7d", "selfAlerts": ["ops"], "perSite": 2, "adaptive": true, "jitter": 0.1},
         "feeds": [{"id": "a", "url": "https://example.org/a.xml", "interval": "10m", "tags": ["t"]}],
         "watch": [{"id": "hamas", "name": "Hamas", "type": "organization", "aliases": ["Harakat"]},
                   {"id": "erdogan", "name": "Recep Tayyip Erdoğan", "type": "person"}],
         "rules": [{"id": "r1", "when": {"all": ["hamas", {"any": ["erdogan", {"keyword": "talks"}]}, {"not": {"feed": "a"}},
                                                  {"tag": "t"}, {"field": "title", "watch": "hamas"},
                                                  {"near": ["hamas", "erdogan"], "within": "sentence"}]},
                    "notify": ["ops"], "severity": "high", "group": {"by": ["watch"], "wait": "30s", "interval": "5m"}},
                   {"id": "r2", "when": {"spike": {"watch": "hamas", "window": "1h", "baseline": "7d", "factor": 3, "min": 10}},
                    "digest": {"every": "1d", "at": "08:00", "timezone": "Europe/Istanbul"}},
                   {"id": "r3", "when": "erdogan", "cooldown": "1h"}],
         "outputs": {"console": {"type": "stdout", "format": "json"}, "archive": {"type": "file", "path": "alerts.jsonl"},
                     "ops": {"type": "webhook", "url": "https://hooks.example.org/x", "secret": {"env": "OPS_SECRET"}},
                     "chat": {"type": "slack", "url": "https://hooks.slack.example/x", "template": "{{rule}}"},
                     "phone": {"type": "ntfy", "url": "https://ntfy.sh", "topic": "fw"},
                     "mail": {"type": "email", "smtp": "smtps://mail.example.org:465", "from": "fw@example.org", "to": ["a@example.org"]}}}
        """

    /// Where an unknown key can go: each place `check` reads with a fixed set of keys.
    static let places: [(String, String)] = [
        ("top level", #"{"$schema": "./schema/feeds.schema.json", "comment": "all of it","#),
        ("settings", #""settings": {"interval": "15m","#),
        ("settings.dedup", #""dedup": {"window": "48h","#),
        ("settings.websub", #""websub": {"callback": "https://pub.example.org/websub","#),
        ("feeds[0]", #"{"id": "a","#),
        ("watch[0]", #"{"id": "hamas","#),
        ("rules[0]", #"{"id": "r1","#),
        ("rules[0].group", #""group": {"by": ["watch"],"#),
        ("rules[1].digest", #""digest": {"every": "1d","#),
        ("rules[1].when.spike", #"{"spike": {"watch": "hamas","#),
        ("a near condition", #"{"near": ["hamas", "erdogan"],"#),
        ("outputs.ops", #""ops": {"type": "webhook","#),
        ("outputs.mail", #""mail": {"type": "email","#),
        ("a secret", #"{"env": "OPS_SECRET""#),
    ]

    @Test("the full configuration passes both; an unknown key, in each place check rejects it, the schema rejects too")
    func unknownKeys() throws {
        #expect(Self.checkAccepts(Self.full))
        var documents = [Self.full]
        for (place, anchor) in Self.places {
            #expect(Self.full.contains(anchor), "\(place)")
            let extra = anchor.hasSuffix(",") ? #" "colour": "blue","# : #", "colour": "blue""#
            documents.append(Self.full.replacingOccurrences(of: anchor, with: anchor + extra))
        }
        for (place, document) in zip(Self.places.map(\.0), documents.dropFirst()) {
            #expect(!Self.checkAccepts(document), "check took an unknown key in \(place)")
        }
        let verdicts = try Self.schemaAccepts(documents)
        #expect(verdicts.first == true)
        for (place, accepted) in zip(Self.places.map(\.0), verdicts.dropFirst()) {
            #expect(!accepted, "the schema took an unknown key in \(place)")
        }
    }
}
