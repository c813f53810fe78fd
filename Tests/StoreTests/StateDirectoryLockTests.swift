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
