import Foundation
import Model
import Mustache

/// The text of a chat message, rendered by a logic-less Mustache template
/// (mustache.github.io) over the alert's JSON, with what a reader needs added:
/// - `title`: the item's title, or "(untitled)";
/// - `feedName`: the feed's title, or its id;
/// - in each of `matches`: `before`, `words` and `after`, the first mention in context.
/// Values are escaped for the service's markup (Slack's `&<>`, Discord's markdown,
/// none for plain text); `{{{triple}}}` braces write a value as it is.
public struct MessageTemplate: Sendable {
    public enum Markup: String, Sendable {
        case slack = "FEEDWATCH_SLACK", discord = "FEEDWATCH_DISCORD", text = "TEXT", html = "HTML"
    }

    private let template: MustacheTemplate

    /// Compiles `text`; throws the compiler's error, which `check` reports with the JSON path.
    public init(_ text: String, markup: Markup) throws {
        Self.registerMarkups
        template = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(markup.rawValue)}}" + text)
    }

    public func render(_ alert: JSONValue, _ message: AlertMessage) -> String {
        template.render(Self.context(alert, message)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The built-in text of each service: severity, rule and the title linked; each
    /// name with its words in context. (The feed and the time go in the message's other parts.)
    public static func standard(for service: ChatService) -> String {
        switch service {
        case .slack:
            return "*{{#severity}}[{{severity}}] {{/severity}}{{rule}}: {{#item.link}}<{{{item.link}}}|{{title}}>{{/item.link}}{{^item.link}}{{title}}{{/item.link}}*\n"
                + "{{#matches}}• *{{name}}*: {{before}}*{{words}}*{{after}}\n{{/matches}}"
        case .discord:
            return "{{#severity}}[{{severity}}] {{/severity}}{{rule}}: {{title}}"
        case .teams, .ntfy, .matrix:
            return "{{#matches}}{{name}}: {{before}}{{words}}{{after}}\n{{/matches}}"
        }
    }

    /// The built-in text of a digest: each alert's title linked, with the names it matched.
    public static func standardDigest(for service: ChatService) -> String {
        switch service {
        case .slack:
            return "*{{rule}}: {{title}}*\n{{#alerts}}• {{#item.link}}<{{{item.link}}}|{{title}}>{{/item.link}}{{^item.link}}{{title}}{{/item.link}}"
                + " ({{#matches}}{{name}}{{^last}}, {{/last}}{{/matches}}; {{feedName}})\n{{/alerts}}"
        case .discord:
            return "**{{rule}}: {{title}}**\n{{#alerts}}• {{#item.link}}[{{title}}](<{{{item.link}}}>){{/item.link}}{{^item.link}}{{title}}{{/item.link}}"
                + " ({{#matches}}{{name}}{{^last}}, {{/last}}{{/matches}})\n{{/alerts}}"
        case .teams, .ntfy, .matrix:
            return "{{#alerts}}• {{title}} ({{#matches}}{{name}}{{^last}}, {{/last}}{{/matches}}){{#item.link}} {{{item.link}}}{{/item.link}}\n{{/alerts}}"
        }
    }

    /// The markup a service's message text is written in.
    public static func markup(for service: ChatService) -> Markup {
        switch service {
        case .slack: .slack
        case .discord: .discord
        case .teams, .ntfy, .matrix: .text
        }
    }

    // MARK: - Context

    static func context(_ alert: JSONValue, _ message: AlertMessage) -> Any {
        plain(enriched(alert, message))
    }

    /// The alert's JSON with `title`, `feedName` and each match's context added; in a
    /// digest, each of its alerts so, and `last` on the last match of each.
    private static func enriched(_ alert: JSONValue, _ message: AlertMessage) -> JSONValue {
        guard case var .object(pairs) = alert else { return alert }
        if let index = pairs.firstIndex(where: { $0.0 == "alerts" }), case let .array(alerts) = pairs[index].1 {
            pairs[index].1 = .array(zip(alerts, message.digested).map { enriched($0, $1) })
        }
        pairs.append(("title", .string(message.title)))
        pairs.append(("feedName", .string(message.feed)))
        if let index = pairs.firstIndex(where: { $0.0 == "matches" }), case let .array(matches) = pairs[index].1 {
            pairs[index].1 = .array(zip(matches, message.matches).enumerated().map { position, pair in
                let (match, read) = pair
                guard case var .object(fields) = match else { return match }
                fields += [("before", .string(read.before)), ("words", .string(read.words)), ("after", .string(read.after)),
                           ("last", .bool(position == matches.count - 1))]
                return .object(fields)
            })
        }
        return .object(pairs)
    }

    /// JSON as the dictionaries, arrays and scalars Mustache walks; null is absent.
    private static func plain(_ value: JSONValue) -> Any {
        switch value {
        case .null: return Optional<String>.none as Any
        case let .bool(b): return b
        case let .int(i): return i
        case let .double(d): return d
        case let .string(s): return s
        case let .array(items): return items.map(plain)
        case let .object(pairs):
            var dictionary: [String: Any] = [:]
            for (key, item) in pairs where item != .null { dictionary[key] = plain(item) }
            return dictionary
        }
    }

    // MARK: - Markups

    private struct SlackMarkup: MustacheContentType {
        func escapeText(_ text: String) -> String { ChatBodies.slackEscaped(text, inLink: true) }
    }

    private struct DiscordMarkup: MustacheContentType {
        func escapeText(_ text: String) -> String { ChatBodies.discordEscaped(text) }
    }

    /// swift-mustache keeps content types in one registry; ours are added once.
    private static let registerMarkups: Void = {
        MustacheContentTypes.register(SlackMarkup(), named: Markup.slack.rawValue)
        MustacheContentTypes.register(DiscordMarkup(), named: Markup.discord.rawValue)
    }()
}
