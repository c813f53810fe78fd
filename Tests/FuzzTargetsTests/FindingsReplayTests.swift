import Foundation
import Testing
import FuzzTargets

/// Every input that once trapped a fuzz target (Findings/<target>/) and every
/// seed (Fuzz/seeds/<target>/, the parse fixtures) runs through its target
/// again; a regression traps this test process.
@Suite("Fuzz findings and seeds replay without a trap")
struct FindingsReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let project = root.deletingLastPathComponent().deletingLastPathComponent()

    static func files(_ folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasSuffix(".expected.json") }.map { folder.appendingPathComponent($0) }
    }

    static func inputs(_ target: FuzzTarget) -> [URL] {
        var found = files(root.appendingPathComponent("Findings/\(target.rawValue)"))
        found += files(project.appendingPathComponent("Fuzz/seeds/\(target.rawValue)"))
        if target == .parse { found += files(project.appendingPathComponent("Tests/ParseTests/Fixtures")) }
        return found
    }

    @Test("each target replays its findings and seeds", arguments: FuzzTarget.allCases)
    func replay(target: FuzzTarget) throws {
        let inputs = Self.inputs(target)
        #expect(inputs.count >= 2, "the \(target.rawValue) target has too few inputs to replay")
        for url in inputs {
            target.run(Array(try Data(contentsOf: url)))
        }
    }
}
