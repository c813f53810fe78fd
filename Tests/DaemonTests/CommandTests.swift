import Foundation
import Testing
import TestSupport
import Model

@Suite("Commands and exit statuses (CONTRACT.md)")
struct CommandTests {
    @Test("check: 0 when valid, 78 with every problem and its path when not")
    func check() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeConfig()
        let (ok, out, _) = try await FeedwatchProcess.run(["check", "--config", "feeds.json"], in: fixture.scratch)
        #expect(ok == 0)
        #expect(out.contains("valid"))
        try fixture.scratch.write("bad.json", #"{"feeds": [], "watch": [{"name": "X", "type": "person"}], "rules": [{"when": "erdgan"}]}"#)
        let (bad, problems, _) = try await FeedwatchProcess.run(["check", "--config", "bad.json"], in: fixture.scratch)
        #expect(bad == 78)
        #expect(problems.contains(#"bad.json: rules[0].when: unknown watch "erdgan""#))
        let (missing, _, err) = try await FeedwatchProcess.run(["check", "--config", "nope.json"], in: fixture.scratch)
        #expect(missing == 78)
        #expect(!err.contains("Fatal"))
    }

    @Test("secret new: a fresh whsec_ secret of 32 bytes, a new one each time")
    func secretNew() async throws {
        let fixture = try DaemonFixture()
        let (status, first, _) = try await FeedwatchProcess.run(["secret", "new"], in: fixture.scratch)
        let (_, second, _) = try await FeedwatchProcess.run(["secret", "new"], in: fixture.scratch)
        #expect(status == 0)
        let secret = first.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("whsec_"))
        #expect(Data(base64Encoded: String(secret.dropFirst(6)))?.count == 32)
        #expect(first != second)
    }

    @Test("parse: one object for one source; one line per source for several; 65 and 66")
    func parse() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "1", title: "One")])
        try fixture.scratch.write("page.html", "<html><body>hi</body></html>")
        let (one, out, _) = try await FeedwatchProcess.run(["parse", "feed.xml"], in: fixture.scratch)
        #expect(one == 0)
        #expect(try JSONReader.parse(out)["format"]?.stringValue == "rss20")
        let (several, lines, _) = try await FeedwatchProcess.run(["parse", "feed.xml", "page.html", "missing.xml"], in: fixture.scratch)
        #expect(several == 0)
        let parsed = lines.split(separator: "\n").map { try? JSONReader.parse(String($0)) }
        #expect(parsed.count == 3)
        #expect(parsed[1]?["error"]?.stringValue?.contains("not a feed") == true)
        #expect(parsed[2]?["source"]?.stringValue == "missing.xml")
        #expect(try await FeedwatchProcess.run(["parse", "page.html"], in: fixture.scratch).0 == 65)
        #expect(try await FeedwatchProcess.run(["parse", "missing.xml"], in: fixture.scratch).0 == 66)
    }

    @Test("parse: files big enough to stream are parsed beside the others and printed whole, in order; a failed one gives its error line")
    func parseCorpusWithBigFiles() async throws {
        let fixture = try DaemonFixture()
        let items = (0..<20_000).map { FeedText.Item(guid: "g\($0)", title: "Item \($0)", description: String(repeating: "text ", count: 60)) }
        try fixture.scratch.write("big.xml", FeedText.rss(items))
        try fixture.scratch.write("big.html", "<html><body>" + String(repeating: "<p>not a feed</p>", count: 600_000) + "</body></html>")
        try fixture.writeFeed([FeedText.Item(guid: "s", title: "Small")], name: "small.xml")
        #expect(try FileManager.default.attributesOfItem(atPath: fixture.scratch.file("big.xml"))[.size] as? Int ?? 0 > 8 << 20)
        let sources = ["big.xml", "small.xml", "big.html", "big.xml", "small.xml"]
        let (status, out, _) = try await FeedwatchProcess.run(["parse"] + sources, in: fixture.scratch)
        #expect(status == 0)
        let lines = out.split(separator: "\n").map { try? JSONReader.parse(String($0)) }
        #expect(lines.count == 5)
        for index in [0, 3] {
            guard case let .array(entries)? = lines[index]?["entries"] else { Issue.record("line \(index) is not a feed"); continue }
            #expect(entries.count == 20_000)
            #expect(entries.last?["title"]?.stringValue == "Item 19999")
            #expect(lines[index]?["format"]?.stringValue == "rss20")
        }
        #expect(lines[2]?["source"]?.stringValue == "big.html")
        #expect(lines[2]?["error"]?.stringValue?.contains("not a feed") == true)
        guard case let .array(small)? = lines[4]?["entries"] else { Issue.record("line 4 is not a feed"); return }
        #expect(small.first?["title"]?.stringValue == "Small")
    }

    @Test("parse: a corpus of hundreds of sources gives one line per source, in order, links resolved against each file")
    func parseCorpus() async throws {
        let fixture = try DaemonFixture()
        var sources: [String] = []
        for index in 0..<300 {
            let name = index % 7 == 3 ? "missing \(index).xml" : "feed \(index) é.xml"
            if index % 7 != 3 {
                try fixture.scratch.write(name, FeedText.rss([FeedText.Item(guid: "g\(index)", title: "Item \(index)")])
                    .replacingOccurrences(of: "<channel>", with: "<channel><link>home/\(index)</link>"))
            }
            sources.append(name)
        }
        let (status, out, _) = try await FeedwatchProcess.run(["parse"] + sources, in: fixture.scratch)
        #expect(status == 0)
        let lines = out.split(separator: "\n").map { try? JSONReader.parse(String($0)) }
        #expect(lines.count == 300)
        for (index, line) in lines.enumerated() {
            if index % 7 == 3 {
                #expect(line?["source"]?.stringValue == "missing \(index).xml")
            } else {
                guard case let .array(entries)? = line?["entries"] else { Issue.record("no entries on line \(index)"); continue }
                #expect(entries.first?["title"]?.stringValue == "Item \(index)")
                let link = line?["link"]?.stringValue ?? ""
                #expect(link.hasPrefix("file:///") && link.hasSuffix("/home/\(index)") && !link.contains(" "))
            }
        }
    }

    @Test("extract --jsonl answers each line in order, with watched names when given a config")
    func extract() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeConfig()
        try fixture.scratch.write("in.jsonl", """
        {"id": "a", "text": "🙂 Erdoğan met NATO chiefs in Brussels."}
        not json
        {"id": "b", "text": ""}
        """)
        let (status, out, _) = try await FeedwatchProcess.run(["extract", "in.jsonl", "--jsonl", "--config", "feeds.json"], in: fixture.scratch)
        #expect(status == 0)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let first = try JSONReader.parse(lines[0])
        #expect(first["id"]?.stringValue == "a")
        #expect(first["entities"]?.serialized().contains(#"{"text":"Erdoğan","type":"PERSON","start":2,"end":9,"watch":"erdogan"}"#) == true)
        #expect(try JSONReader.parse(lines[2])["entities"] == .array([]))
    }

    @Test("test: a dry run shows rules and spans, and changes no state")
    func dryRun() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "1", title: "Erdoğan and Hamas")])
        try fixture.writeConfig()
        let (status, out, _) = try await FeedwatchProcess.run(["test", "feed.xml", "--config", "feeds.json"], in: fixture.scratch)
        #expect(status == 0)
        #expect(out.contains(#""Erdoğan" in title [0–7]"#))
        #expect(out.contains("2 alerts would fire on 1 item"))
        #expect(!FileManager.default.fileExists(atPath: fixture.scratch.file("state")))
        #expect(!FileManager.default.fileExists(atPath: fixture.scratch.file("alerts.jsonl")))
    }

    @Test("explain: every candidate with its verdict and reason, in text and JSON")
    func explain() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([
            FeedText.Item(guid: "1", title: "Emine Erdoğan opens school", description: "Erdoğan said children deserve better."),
            FeedText.Item(guid: "2", title: "Erdoğan meets Hamas delegation"),
        ])
        try fixture.writeConfig()
        let (status, text, _) = try await FeedwatchProcess.run(["explain", "feed.xml", "--config", "feeds.json"], in: fixture.scratch)
        #expect(status == 0)
        #expect(text.contains("rejected: inside the longer PERSON name \u{201C}Emine Erdoğan\u{201D}"))
        #expect(text.contains("rejected: another person with this surname is named before it"))
        #expect(text.contains("fires: erdogan, hamas") || text.contains("fires: hamas, erdogan"))
        let (_, json, _) = try await FeedwatchProcess.run(["explain", "feed.xml", "--json", "--config", "feeds.json"], in: fixture.scratch)
        let items = try json.split(separator: "\n").map { try JSONReader.parse(String($0)) }
        #expect(items.count == 2)
        guard case let .array(first)? = items[0]["candidates"], case let .array(fires)? = items[1]["fires"] else {
            Issue.record("no candidates")
            return
        }
        #expect(first.count == 2)
        #expect(first.allSatisfy { $0["accepted"] == .bool(false) && $0["watch"]?.stringValue == "erdogan" })
        #expect(Set(fires.compactMap(\.stringValue)) == ["erdogan", "hamas"])
    }

    @Test("unknown flags give a one-line error, not a stack trace")
    func unknownFlag() async throws {
        let scratch = try Scratch()
        let (status, _, err) = try await FeedwatchProcess.run(["run", "--bogus"], in: scratch)
        #expect(status != 0)
        #expect(err.contains("bogus"))
    }
}
