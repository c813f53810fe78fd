import Foundation
import Outputs
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
            guard let object = object(item, at: path, allowed: ["type", "format", "path", "url", "secret", "headers", "timeout", "comment",
                                                                 "topic", "token", "homeserver", "room", "template",
                                                                 "smtp", "from", "to", "username", "password"]),
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
                let secrets = object["secret"].map { readSigningSecrets($0, at: "\(path).secret", directory: directory) } ?? []
                var headers: [String: String] = [:]
                if let h = object["headers"], let map = self.object(h, at: "\(path).headers") {
                    for (key, v) in map { headers[key] = string(v, at: "\(path).headers.\(key)") }
                }
                let timeout = duration(object["timeout"], at: "\(path).timeout", range: ConfigBounds.timeout) ?? 15
                outputs.append(.init(name: name, kind: .webhook(url: url, secrets: secrets, headers: headers, timeout: timeout)))
            case "email":
                guard let server = readMailServer(object, at: path, directory: directory) else { continue }
                let timeout = duration(object["timeout"], at: "\(path).timeout", range: ConfigBounds.timeout) ?? 30
                let template = template(object, at: path, markup: .text)
                outputs.append(.init(name: name, kind: .email(server, template: template, timeout: timeout)))
            default:
                guard let service = ChatService(rawValue: type) else {
                    fail("\(path).type", "unknown output type \"\(type)\" (stdout, file, webhook, slack, discord, teams, ntfy, matrix or email)")
                    continue
                }
                if let endpoint = readChat(service, object, at: path, directory: directory) {
                    let timeout = duration(object["timeout"], at: "\(path).timeout", range: ConfigBounds.timeout) ?? 15
                    let template = template(object, at: path, markup: MessageTemplate.markup(for: service))
                    outputs.append(.init(name: name, kind: .chat(endpoint, template: template, timeout: timeout)))
                }
            }
        }
        return outputs
    }

    /// An output's `template`, which must compile.
    private mutating func template(_ object: [String: JSONValue], at path: String, markup: MessageTemplate.Markup) -> String? {
        guard let template = string(object["template"], at: "\(path).template") else { return nil }
        do {
            _ = try MessageTemplate(template, markup: markup)
        } catch {
            fail("\(path).template", "the Mustache template does not compile: \(error)")
        }
        return template
    }

    /// An e-mail output: `smtp` (smtps://host:465, or smtp://host:587 with STARTTLS), `from`,
    /// `to` (one address or a list), and an optional login; the password may be a secret.
    private mutating func readMailServer(_ object: [String: JSONValue], at path: String, directory: String) -> MailServer? {
        let url = object["smtp"].flatMap { readSecretOrString($0, at: "\(path).smtp", directory: directory) }
        guard let url else {
            fail("\(path).smtp", "required: the SMTP server, as smtps://host:465 or smtp://host:587")
            return nil
        }
        let scheme = URLComponents(string: url)?.scheme?.lowercased()
        guard scheme == "smtp" || scheme == "smtps", URLComponents(string: url)?.host?.isEmpty == false else {
            fail("\(path).smtp", "expected smtps://host:465 or smtp://host:587")
            return nil
        }
        let from = string(object["from"], at: "\(path).from", required: true)
        var to: [(address: String, path: String)] = []
        switch object["to"] {
        case nil: fail("\(path).to", "required: one address or a list")
        case let .string(one)?: to = [(one, "\(path).to")]
        case let list?: to = strings(list, at: "\(path).to").enumerated().map { ($1, "\(path).to[\($0)]") }
        }
        for (address, at) in to where !Self.isMailAddress(address) { fail(at, "\"\(address)\" is not an e-mail address") }
        if let from, !Self.isMailAddress(from) { fail("\(path).from", "\"\(from)\" is not an e-mail address") }
        let username = object["username"].flatMap { readSecretOrString($0, at: "\(path).username", directory: directory) }
        let password = object["password"].flatMap { readSecretOrString($0, at: "\(path).password", directory: directory) }
        if password != nil, username == nil { fail("\(path).username", "required with a password") }
        guard let from, !to.isEmpty else { return nil }
        return MailServer(url: url, from: from, to: to.map(\.address), username: username, password: password)
    }

    /// local@domain, without spaces, angle brackets, commas or line breaks (an envelope address).
    static func isMailAddress(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || "<>,;\"".unicodeScalars.contains($0) }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
    }

    /// A chat output: a webhook URL (Slack, Discord, Teams), an ntfy server and topic, or a
    /// Matrix homeserver, room and token. URLs and tokens may be secrets.
    private mutating func readChat(_ service: ChatService, _ object: [String: JSONValue], at path: String,
                                   directory: String) -> ChatEndpoint? {
        let urlKey = service == .matrix ? "homeserver" : "url"
        let url = object[urlKey].flatMap { readSecretOrString($0, at: "\(path).\(urlKey)", directory: directory) }
            ?? (service == .ntfy ? "https://ntfy.sh" : nil)
        guard let url else {
            fail("\(path).\(urlKey)", "required")
            return nil
        }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            fail("\(path).\(urlKey)", "must be an http or https URL")
            return nil
        }
        let token = object["token"].flatMap { readSecretOrString($0, at: "\(path).token", directory: directory) }
        switch service {
        case .ntfy:
            guard let topic = string(object["topic"], at: "\(path).topic", required: true) else { return nil }
            return ChatEndpoint(service: service, url: url, topic: topic, token: token)
        case .matrix:
            guard let room = string(object["room"], at: "\(path).room", required: true) else { return nil }
            guard let token else {
                fail("\(path).token", "required: the access token of the account that posts")
                return nil
            }
            return ChatEndpoint(service: service, url: url, room: room, token: token)
        case .slack, .discord, .teams:
            return ChatEndpoint(service: service, url: url)
        }
    }

    /// A webhook's signing secret, or a list of them during a key rotation; a `whsec_`
    /// secret must be base64 of 24 to 64 bytes.
    private mutating func readSigningSecrets(_ value: JSONValue, at path: String, directory: String) -> [String] {
        let items: [(JSONValue, String)]
        if case let .array(list) = value {
            if list.isEmpty { fail(path, "an empty list of secrets") }
            items = list.enumerated().map { ($1, "\(path)[\($0)]") }
        } else {
            items = [(value, path)]
        }
        return items.compactMap { item, itemPath in
            guard let secret = readSecret(item, at: itemPath, directory: directory) else { return nil }
            if let problem = WebhookSigner.problem(with: secret) {
                fail(itemPath, problem)
                return nil
            }
            return secret
        }
    }

    /// A URL or token: a plain string, or a secret kept outside the file.
    private mutating func readSecretOrString(_ value: JSONValue, at path: String, directory: String) -> String? {
        if case let .string(text) = value { return text }
        return readSecret(value, at: path, directory: directory)
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
