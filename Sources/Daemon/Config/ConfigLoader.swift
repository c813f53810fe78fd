import Foundation
import Model

/// Reads feeds.json and validates all of it, collecting every problem with its
/// JSON path rather than stopping at the first.
public enum ConfigLoader {
    /// `--config`, else $FEEDWATCH_CONFIG, else ./feeds.json when it exists, else /etc/feedwatch/feeds.json.
    public static func defaultPath(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit { return explicit }
        if let fromEnvironment = environment["FEEDWATCH_CONFIG"], !fromEnvironment.isEmpty { return fromEnvironment }
        if FileManager.default.fileExists(atPath: "feeds.json") { return "feeds.json" }
        return "/etc/feedwatch/feeds.json"
    }

    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            throw .unreadable(file: path, reason: reason)
        }
        return try load(bytes: Array(data), path: path, environment: environment)
    }

    /// The configuration `bytes` hold, read as if from `path` (relative paths resolve against its folder).
    package static func load(bytes: [UInt8], path: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> Configuration {
        let root: JSONValue
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            throw .syntax(file: path, line: error.line, column: error.column, problem: error.problem)
        }
        var reader = ConfigReader(configPath: absolute(path), environment: environment)
        let configuration = reader.read(root)
        guard reader.problems.isEmpty else { throw .invalid(file: path, problems: reader.problems) }
        return configuration
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}
