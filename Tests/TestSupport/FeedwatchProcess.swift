import Foundation
import Synchronization

/// The built `feedwatch` executable, run as a user would: real process, real signals.
public final class FeedwatchProcess {
    public let process = Process()
    public let stdoutPath: String
    public let stderrPath: String

    public static var executable: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("feedwatch").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/feedwatch").path
    }

    /// `launcher`: a command that execs feedwatch in its own place (`prlimit --fsize=N --`), so the PID is feedwatch's.
    public init(_ arguments: [String], in scratch: Scratch, environment: [String: String] = [:], tag: String = "run",
                launcher: [String] = []) throws {
        stdoutPath = scratch.file("\(tag).stdout")
        stderrPath = scratch.file("\(tag).stderr")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        if let tool = launcher.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(launcher.dropFirst()) + [Self.executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: Self.executable)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NOTIFY_SOCKET")
        env.removeValue(forKey: "FEEDWATCH_CONFIG")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Runs to completion and returns (status, stdout, stderr). Waits without
    /// holding a thread of the cooperative pool, so parallel tests are not starved.
    public static func run(_ arguments: [String], in scratch: Scratch, environment: [String: String] = [:], tag: String = "cmd") async throws -> (Int32, String, String) {
        let child = try FeedwatchProcess(arguments, in: scratch, environment: environment, tag: tag)
        while child.process.isRunning { try await Task.sleep(nanoseconds: 10_000_000) }
        child.process.waitUntilExit()
        return (child.process.terminationStatus, child.stdout, child.stderr)
    }

    public var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Sends `number` the moment its log holds `text` `count` times, from a thread of its
    /// own: a test's task may wait many seconds for the cooperative pool while other tests
    /// run, and a moment chosen there (between two log lines) would often be missed.
    /// True when the signal was sent within `seconds`.
    public func signal(_ number: Int32, whenLogged text: String, count: Int = 1, seconds: TimeInterval = 60) async -> Bool {
        let pid = process.processIdentifier
        let path = stderrPath
        let sent = Mutex(Bool?.none)
        let watcher = Thread {
            let deadline = Date().addingTimeInterval(seconds)
            var done = false
            while !done, Date() < deadline {
                let log = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                if log.components(separatedBy: text).count - 1 >= count {
                    kill(pid, number)
                    done = true
                } else {
                    usleep(5_000)
                }
            }
            sent.withLock { $0 = done }
        }
        watcher.start()
        while sent.withLock({ $0 }) == nil { try? await Task.sleep(nanoseconds: 20_000_000) }
        return sent.withLock { $0 } ?? false
    }

    /// Waits up to `seconds` for the process to exit; true when it did.
    public func waitForExit(seconds: TimeInterval) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { try? await Task.sleep(nanoseconds: 20_000_000) }
        return !process.isRunning
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Polls a condition until it holds or time runs out.
public func eventually(seconds: TimeInterval = 10, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 20_000_000)
    }
    return condition()
}
