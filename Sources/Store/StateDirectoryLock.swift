import Foundation
import Bounds

/// One daemon per state directory: an exclusive flock(2) on `<dir>/lock`, held
/// for the life of the process and released by the kernel when it exits,
/// crash included. The holder writes its PID into the file so that a second
/// daemon can say who holds it. Read-only commands never take it.
/// Not Sendable: the owner keeps it until the process ends.
public final class StateDirectoryLock {
    public enum Failure: Error, CustomStringConvertible {
        /// Another process holds the lock.
        case held(directory: String, pid: Int32?)
        /// The directory or its lock file cannot be created or opened.
        case unusable(directory: String, reason: String)

        public var description: String {
            switch self {
            case let .held(directory, pid):
                "state directory \(directory) is in use by " + (pid.map { "process \($0)" } ?? "another process")
            case let .unusable(directory, reason): "state directory \(directory) is unusable: \(reason)"
            }
        }
    }

    private let descriptor: Int32

    public init(directory: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unusable(directory: directory, reason: "cannot create it")
        }
        let path = (directory as NSString).appendingPathComponent("lock")
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unusable(directory: directory, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let holder = Self.readPID(fd)
            close(fd)
            if busy { throw .held(directory: directory, pid: holder) }
            throw .unusable(directory: directory, reason: "cannot lock \(path)")
        }
        descriptor = fd
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit { close(descriptor) }

    /// The PID a holder wrote, if the file holds one.
    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let digits = buffer[..<count].prefix { (0x30...0x39).contains($0) }
        return DigitRun.value(digits, as: Int32.self)
    }
}
