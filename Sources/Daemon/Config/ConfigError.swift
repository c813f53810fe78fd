import Model

/// A configuration that cannot be used: every problem, each with its JSON path.
public enum ConfigError: Error, CustomStringConvertible, Sendable {
    public typealias Problem = ConfigProblem

    case unreadable(file: String, reason: String)
    case syntax(file: String, line: Int, column: Int, problem: String)
    case invalid(file: String, problems: [Problem])

    public var description: String {
        switch self {
        case let .unreadable(file, reason): "\(file): cannot read: \(reason)"
        case let .syntax(file, line, column, problem): "\(file):\(line):\(column): invalid JSON: \(problem)"
        case let .invalid(file, problems): problems.map { "\(file): \($0)" }.joined(separator: "\n")
        }
    }

    /// Each problem on its own line, as `check` prints them.
    public var lines: [String] { description.split(separator: "\n").map(String.init) }
}
