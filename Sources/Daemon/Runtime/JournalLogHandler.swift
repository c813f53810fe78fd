import Foundation
import Logging
import Synchronization
import Model

/// swift-log to stderr, one line per event. Under systemd (JOURNAL_STREAM set)
/// each line starts with its syslog level, "<3>", so journald files it right
/// (sd-daemon(3)); elsewhere with a timestamp.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let underSystemd: Bool
    private static let lock = Mutex(())

    public init(label: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.label = label
        underSystemd = environment["JOURNAL_STREAM"] != nil
        if let level = environment["FEEDWATCH_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) { logLevel = level }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote("\($0.value)"))" }.joined(separator: " ")
        let prefix = underSystemd ? "<\(Self.syslogLevel(event.level))>" : "\(Timestamp.now()) \(event.level) "
        let line = prefix + "\(event.message)" + (fields.isEmpty ? "" : " " + fields) + "\n"
        Self.lock.withLock { _ in FileHandle.standardError.write(Data(line.utf8)) }
    }

    private static func quote(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) ? "\"\(value.replacingOccurrences(of: "\"", with: "\\\""))\"" : value
    }

    private static func syslogLevel(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}

private enum Timestamp {
    static func now() -> String { Model.Timestamp.rfc3339(Date()) }
}
