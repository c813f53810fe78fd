import Foundation
import Testing
import TestSupport
import Model
@testable import Daemon

@Suite("Configuration loading and validation")
struct ConfigLoaderTests {
    static func problems(_ json: String, environment: [String: String] = [:]) throws -> [String] {
        let scratch = try Scratch()
        let path = try scratch.write("feeds.json", json)
        do {
            _ = try ConfigLoader.load(path: path, environment: environment)
            return []
        } catch let ConfigError.invalid(_, problems) {
            return problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("names every problem with its JSON path")
    func paths() throws {
        let found = try Self.problems("""
        {"feeds": [{"url": "ftp://x"}, {"id": "a"}],
         "watch": [{"name": "Erdoğan", "type": "person"}, {"name": "X", "type": "planet"}],
         "rules": [{"id": "r", "when": {"all": ["erdogan", "erdgan"]}, "notify": ["nowhere"]},
                   {"when": {"not": "erdogan"}}],
         "outputs": {"hook": {"type": "webhook", "url": "https://h.example", "secret": "plain"}},
         "settings": {"interval": "soon", "typo": 1}}
        """)
        #expect(found.contains("feeds[0].url: unsupported URL \"ftp://x\" (use http, https or file)"))
        #expect(found.contains("feeds[1].url: required key is missing"))
        #expect(found.contains("watch[1].type: unknown type \"planet\" (person, organization or location)"))
        #expect(found.contains("rules[0].when.all[1]: unknown watch \"erdgan\""))
        #expect(found.contains("rules[0].notify[0]: unknown output \"nowhere\""))
        #expect(found.contains("rules[1].when: names no watch or keyword outside a \"not\", so it could never fire"))
        #expect(found.contains { $0.hasPrefix("outputs.hook.secret: secrets are never written in the file itself") })
        #expect(found.contains("settings.interval: invalid duration \"soon\" (write 90s, 15m, 2h or 1d)"))
        #expect(found.contains("settings.typo: unknown key"))
    }

    @Test("durations and counts outside their bounds are errors with paths, never traps", arguments: [
        (#""timeout": "99999999999999999999999999s""#, #"settings.timeout: invalid duration "99999999999999999999999999s" (write 90s, 15m, 2h or 1d)"#),
        (#""timeout": "2d""#, #"settings.timeout: duration "2d" out of range (from 1s to 1h)"#),
        (#""maxRetryDelay": "400d""#, #"settings.maxRetryDelay: duration "400d" out of range (from 1s to 1d)"#),
        (#""maxFeedBackoff": "1e400s""#, #"settings.maxFeedBackoff: invalid duration "1e400s" (write 90s, 15m, 2h or 1d)"#),
        (#""interval": "٣m""#, #"settings.interval: invalid duration "٣m" (write 90s, 15m, 2h or 1d)"#),
        (#""backfill": "36501d""#, #"settings.backfill: invalid duration "36501d" (write 90s, 15m, 2h or 1d)"#),
        (#""concurrency": 99999999999999999999"#, "settings.concurrency: expected a whole number from 1 to 1024"),
        (#""maxFeedBytes": -1"#, "settings.maxFeedBytes: expected a whole number from 1024 to 1073741824"),
        (#""jitter": 1e308"#, "settings.jitter: expected a fraction from 0 to 0.5"),
        (#""listen": "127.0.0.1:99999""#, #"settings.listen: expected host:port, like "127.0.0.1:8480""#),
        (#""listen": "localhost""#, #"settings.listen: expected host:port, like "127.0.0.1:8480""#),
        (#""websub": {"callback": "https://pub.example.org/websub"}"#, "settings.websub: needs settings.listen: hubs push to the local listener, behind the public callback"),
        (#""listen": "[::1]:8480", "websub": {"callback": "ftp://pub.example.org/"}"#, #"settings.websub.callback: expected an http(s) URL, like "https://public.example.org/websub""#),
        (#""listen": "127.0.0.1:0", "websub": {"callback": "https://p.example.org/w", "lease": "90d"}"#, #"settings.websub.lease: duration "90d" out of range (from 1h to 30d)"#),
    ])
    func bounds(setting: String, problem: String) throws {
        let found = try Self.problems(#"{"feeds": [], "settings": {\#(setting)}}"#)
        #expect(found == [problem])
    }

    @Test("email outputs: an smtp or smtps server, addresses that are addresses, a password only with a username")
    func emailOutputs() throws {
        let found = try Self.problems("""
            {"feeds": [], "outputs": {
              "ok": {"type": "email", "smtp": "smtps://mail.example.org:465", "from": "fw@example.org", "to": "desk@example.org",
                     "username": "fw", "password": {"env": "SMTP_PASSWORD"}},
              "scheme": {"type": "email", "smtp": "https://mail.example.org", "from": "fw@example.org", "to": ["a@example.org"]},
              "addresses": {"type": "email", "smtp": "smtp://mail.example.org:587", "from": "nobody", "to": ["a@example.org", "b c@x.org"]},
              "login": {"type": "email", "smtp": "smtp://mail.example.org", "from": "fw@example.org", "password": "hunter2"},
              "template": {"type": "email", "smtp": "smtp://m.example.org", "from": "f@example.org", "to": "t@example.org", "template": "{{#x}}"}}}
            """, environment: ["SMTP_PASSWORD": "pw"])
        #expect(found.sorted() == [
            "outputs.addresses.from: \"nobody\" is not an e-mail address",
            "outputs.addresses.to[1]: \"b c@x.org\" is not an e-mail address",
            "outputs.login.to: required: one address or a list",
            "outputs.login.username: required with a password",
            "outputs.scheme.smtp: expected smtps://host:465 or smtp://host:587",
        ] + found.filter { $0.hasPrefix("outputs.template.template: the Mustache template does not compile") })
        #expect(found.contains { $0.hasPrefix("outputs.template.template: the Mustache template does not compile") })
    }

    @Test("a webhook secret may be a list for a key rotation; a whsec_ secret that is not 24-64 bytes of base64 is a problem")
    func signingSecrets() throws {
        let good = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let found = try Self.problems("""
        {"feeds": [], "outputs": {
          "ok": {"type": "webhook", "url": "https://h.example/1", "secret": [{"env": "OLD"}, {"env": "NEW"}]},
          "bad": {"type": "webhook", "url": "https://h.example/2", "secret": [{"env": "OLD"}, {"env": "SHORT"}]}}}
        """, environment: ["OLD": good, "NEW": good, "SHORT": "whsec_c2hvcnQ="])
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains("outputs.bad.secret[1]: a whsec_ secret must hold 24 to 64 bytes") == true)
    }

    @Test("chat outputs: each service's required keys, URLs and tokens plain or secret")
    func chatOutputs() throws {
        let found = try Self.problems("""
        {"feeds": [], "outputs": {
          "s": {"type": "slack"},
          "d": {"type": "discord", "url": "ftp://x"},
          "n": {"type": "ntfy"},
          "m": {"type": "matrix", "homeserver": "https://m.example", "room": "!r:m.example"},
          "t": {"type": "telegram", "url": "https://t.example"},
          "ok1": {"type": "teams", "url": {"env": "TEAMS_URL"}},
          "ok2": {"type": "ntfy", "topic": "alerts", "token": "tk_1"},
          "ok3": {"type": "slack", "url": "https://hooks.example/1", "template": "{{rule}}: {{title}}"},
          "bad": {"type": "slack", "url": "https://hooks.example/2", "template": "{{#matches}}unclosed"}}}
        """, environment: ["TEAMS_URL": "https://teams.example/workflows/1"])
        #expect(found.contains { $0.contains("outputs.s.url: required") })
        #expect(found.contains { $0.contains("outputs.d.url: must be an http or https URL") })
        #expect(found.contains { $0.contains("outputs.n.topic") })
        #expect(found.contains { $0.contains("outputs.m.token: required") })
        #expect(found.contains { $0.contains("outputs.t.type: unknown output type \"telegram\"") })
        #expect(found.contains { $0.contains("outputs.bad.template: the Mustache template does not compile") })
        #expect(!found.contains { $0.contains("outputs.ok") })
        #expect(found.count == 6, "\(found)")
    }

    @Test("reports bad JSON by line and column")
    func syntax() throws {
        let found = try Self.problems("{\n \"feeds\": [,]\n}")
        #expect(found.count == 1)
        #expect(found[0].contains(":2:"))
    }

    @Test("a secret from an unset environment variable is a problem; a set one loads")
    func secrets() throws {
        let json = """
        {"feeds": [], "outputs": {"ops": {"type": "webhook", "url": "https://h.example/x", "secret": {"env": "OPS_SECRET"}}}}
        """
        #expect(try Self.problems(json) == ["outputs.ops.secret.env: environment variable OPS_SECRET is not set"])
        #expect(try Self.problems(json, environment: ["OPS_SECRET": "s3cr3t"]).isEmpty)
    }

    @Test("defaults: ids from names, a rule per watch, stdout output, file: paths beside the config")
    func defaults() throws {
        let scratch = try Scratch()
        let path = try scratch.write("feeds.json", """
        {"feeds": [{"url": "file:feeds/a.xml"}], "watch": [{"name": "Recep Tayyip Erdoğan", "type": "person"}]}
        """)
        let config = try ConfigLoader.load(path: path, environment: [:])
        #expect(config.watch[0].id == "recep-tayyip-erdogan")
        #expect(config.rules.map(\.id) == ["recep-tayyip-erdogan"])
        #expect(config.outputs.map(\.name) == ["console"])
        #expect(config.feeds[0].url.hasSuffix("/feeds/a.xml"))
        #expect(config.feeds[0].url.hasPrefix("file://"))
        #expect(config.settings.backfill == 86400)
    }

    @Test("durations read as written", arguments: [("90s", 90.0), ("15m", 900), ("2h", 7200), ("1d", 86400), ("1h30m", 5400)])
    func durations(text: String, seconds: Double) {
        #expect(DurationText.seconds(text) == seconds)
    }

    @Test("the shipped feeds.json is valid")
    func shipped() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let config = try ConfigLoader.load(path: root.appendingPathComponent("feeds.json").path, environment: [:])
        #expect(config.feeds.count >= 8)
        #expect(config.watch.contains { $0.id == "erdogan" })
    }
}
