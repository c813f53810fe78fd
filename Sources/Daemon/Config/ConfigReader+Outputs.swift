import Foundation
import Model

extension ConfigReader {
    mutating func readOutputs(_ value: JSONValue, directory: String) -> [Configuration.Output] {
        guard case let .object(pairs) = value else {
            fail("outputs", "expected an object of named outputs")
            return []
        }
        var outputs: [Configuration.Output] = []
        for (name, item) in pairs {
            let path = "outputs.\(name)"
            guard let object = object(item, at: path, allowed: ["type", "format", "path", "url", "secret", "headers", "timeout", "comment"]),
                  let type = string(object["type"], at: "\(path).type", required: true) else { continue }
            switch type {
            case "stdout":
                let format = string(object["format"], at: "\(path).format") ?? "text"
                if format != "text" && format != "json" { fail("\(path).format", "expected \"text\" or \"json\"") }
                outputs.append(.init(name: name, kind: .stdout(json: format == "json")))
            case "file":
                guard let file = string(object["path"], at: "\(path).path", required: true) else { continue }
                outputs.append(.init(name: name, kind: .file(path: resolve(path: file, directory: directory))))
            case "webhook":
                guard let url = string(object["url"], at: "\(path).url", required: true) else { continue }
                let lower = url.lowercased()
                guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
                    fail("\(path).url", "a webhook URL must be http or https")
                    continue
                }
                let secret = object["secret"].flatMap { readSecret($0, at: "\(path).secret", directory: directory) }
                var headers: [String: String] = [:]
                if let h = object["headers"], let map = self.object(h, at: "\(path).headers") {
                    for (key, v) in map { headers[key] = string(v, at: "\(path).headers.\(key)") }
                }
                let timeout = duration(object["timeout"], at: "\(path).timeout", range: ConfigBounds.timeout) ?? 15
                outputs.append(.init(name: name, kind: .webhook(url: url, secret: secret, headers: headers, timeout: timeout)))
            default:
                fail("\(path).type", "unknown output type \"\(type)\" (stdout, file or webhook)")
            }
        }
        return outputs
    }

    /// Secrets live outside the file: {"env": NAME} or {"file": PATH}; the value is never logged.
    mutating func readSecret(_ value: JSONValue, at path: String, directory: String) -> String? {
        if case .string = value {
            fail(path, "secrets are never written in the file itself: use {\"env\": NAME} or {\"file\": PATH}")
            return nil
        }
        guard let object = object(value, at: path, allowed: ["env", "file"]) else { return nil }
        if let name = string(object["env"], at: "\(path).env") {
            guard let secret = environment[name], !secret.isEmpty else {
                fail("\(path).env", "environment variable \(name) is not set")
                return nil
            }
            return secret
        }
        if let file = string(object["file"], at: "\(path).file") {
            let full = resolve(path: file, directory: directory)
            guard let data = FileManager.default.contents(atPath: full) else {
                fail("\(path).file", "cannot read \(full)")
                return nil
            }
            return String(decoding: data, as: UTF8.self).trimmed
        }
        fail(path, "expected {\"env\": NAME} or {\"file\": PATH}")
        return nil
    }
}
