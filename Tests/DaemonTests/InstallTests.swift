import Foundation
import Testing
import TestSupport

/// `make install` and `make uninstall` into a scratch DESTDIR, from the debug build that
/// `make test` made (with argument-parser's generate-manual beside it).
@Suite("make install and make uninstall")
struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func make(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "--no-print-directory", "-C", root.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static let installed = [
        "usr/local/bin/feedwatch", "usr/local/share/feedwatch/ner-model.bin", "usr/local/share/feedwatch/gazetteer.bin",
        "usr/local/share/feedwatch/feeds.schema.json", "usr/local/share/man/man1/feedwatch.1",
        "usr/local/share/bash-completion/completions/feedwatch", "usr/local/share/zsh/site-functions/_feedwatch",
        "usr/local/share/fish/vendor_completions.d/feedwatch.fish", "etc/systemd/system/feedwatch.service", "etc/feedwatch/feeds.json",
    ]

    @Test("install puts the binary, man page, completions, unit, schema and a default config in place; uninstall removes them and keeps the state and an edited config")
    func installAndUninstall() async throws {
        let build = Self.root.appendingPathComponent(".build/debug")
        #expect(FileManager.default.isExecutableFile(atPath: build.appendingPathComponent("generate-manual").path),
                "generate-manual is built by make test")
        let scratch = try Scratch()
        let destination = "DESTDIR=\(scratch.path)"
        let (status, log) = try Self.make(["install-files", "BIN=\(build.path)", destination])
        #expect(status == 0, "\(log)")
        let file = { (path: String) in URL(fileURLWithPath: scratch.path).appendingPathComponent(path).path }
        for path in Self.installed { #expect(FileManager.default.fileExists(atPath: file(path)), "\(path)") }

        let manual = try String(contentsOfFile: file("usr/local/share/man/man1/feedwatch.1"), encoding: .utf8)
        #expect(manual.contains(".Dt FEEDWATCH 1") && manual.contains("replay") && manual.contains("deliveries"))
        let bash = try String(contentsOfFile: file("usr/local/share/bash-completion/completions/feedwatch"), encoding: .utf8)
        #expect(bash.contains("complete") && bash.contains("status"))
        #expect(try String(contentsOfFile: file("usr/local/share/fish/vendor_completions.d/feedwatch.fish"), encoding: .utf8).contains("complete -c 'feedwatch'"))

        // The default configuration: real feeds, no example file feed, nothing watched yet, and valid.
        let config = try String(contentsOfFile: file("etc/feedwatch/feeds.json"), encoding: .utf8)
        #expect(!config.contains("file:") && config.contains("https://") && config.contains(#""watch": []"#))
        #expect(config.contains(#""$schema": "/usr/local/share/feedwatch/feeds.schema.json""#))
        let (checked, _, _) = try await FeedwatchProcess.run(["check", "--config", file("etc/feedwatch/feeds.json")], in: scratch)
        #expect(checked == 0)

        // A second install keeps the configuration the operator has.
        try (config + " ").write(toFile: file("etc/feedwatch/feeds.json"), atomically: true, encoding: .utf8)
        let (_, again) = try Self.make(["install-files", "BIN=\(build.path)", destination])
        #expect(again.contains("kept"))

        try FileManager.default.createDirectory(atPath: file("var/lib/feedwatch"), withIntermediateDirectories: true)
        try "state".write(toFile: file("var/lib/feedwatch/state.db"), atomically: true, encoding: .utf8)
        let (removed, uninstallLog) = try Self.make(["uninstall", destination])
        #expect(removed == 0, "\(uninstallLog)")
        for path in Self.installed.dropLast() { #expect(!FileManager.default.fileExists(atPath: file(path)), "\(path)") }
        #expect(FileManager.default.fileExists(atPath: file("etc/feedwatch/feeds.json")) && uninstallLog.contains("it was edited"))
        #expect(FileManager.default.fileExists(atPath: file("var/lib/feedwatch/state.db")))

        // An unedited configuration goes with the rest.
        let (_, _) = try Self.make(["install-files", "BIN=\(build.path)", "DESTDIR=\(scratch.path)/clean"])
        _ = try Self.make(["uninstall", "DESTDIR=\(scratch.path)/clean"])
        #expect(!FileManager.default.fileExists(atPath: "\(scratch.path)/clean/etc/feedwatch/feeds.json"))
    }
}
