import Foundation
import Testing
@testable import Store

@Suite("StateDirectoryLock")
struct StateDirectoryLockTests {
    @Test("a second lock on a held directory fails with the holder's PID; it is free again once released")
    func exclusive() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fw-lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var first: StateDirectoryLock? = try StateDirectoryLock(directory: directory)
        #expect(first != nil)
        #expect(throws: StateDirectoryLock.Failure.self) { try StateDirectoryLock(directory: directory) }
        do {
            _ = try StateDirectoryLock(directory: directory)
        } catch {
            #expect(error.description == "state directory \(directory) is in use by process \(getpid())")
        }
        first = nil
        #expect(throws: Never.self) { _ = try StateDirectoryLock(directory: directory) }
    }
}

@Suite("A state file that is not a database")
struct ForeignStateFileTests {
    @Test("opening it fails with an error that names the file, not a trap")
    func foreign() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fw-foreign-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: directory + "/state.db"))
        do {
            _ = try SQLiteStateStore(directory: directory)
            Issue.record("a foreign file opened as a state store")
        } catch {
            #expect(error.description.contains("state.db"))
            #expect(error.description.contains("not a feedwatch state database"))
        }
    }
}
