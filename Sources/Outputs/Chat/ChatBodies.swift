import Foundation
import Model

/// The request bodies of the chat services, built from an `AlertMessage`, each within
/// its service's documented limits. Text from a feed is escaped for the service's
/// markup, and never pings anyone (Discord's `allowed_mentions` is empty).
enum ChatBodies {
    /// Slack: `text` is the notification fallback; `blocks` the message
    /// (api.slack.com/messaging/webhooks; a section's text holds at most 3,000 characters).
    static func slack(_ message: AlertMessage, text: String) -> [UInt8] {
        written { out in
            out.object { out in
                out.key("text"); out.string(clipped(message.headline, 3000))
                out.key("blocks"); out.array { out in
                    out.element { out in
                        out.object { out in
                            out.key("type"); out.string("section")
                            out.key("text"); out.object { out in
                                out.key("type"); out.string("mrkdwn")
                                out.key("text"); out.string(clipped(text, 3000))
                            }
                        }
                    }
                    out.element { out in
                        out.object { out in
                            out.key("type"); out.string("context")
                            out.key("elements"); out.array { out in
                                out.element { out in
                                    out.object { out in
                                        out.key("type"); out.string("mrkdwn")
                                        out.key("text"); out.string(clipped(slackEscaped("\(message.feed) · \(message.firedAt)"), 3000))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Discord: `content` of at most 2,000 characters, one embed (title ≤ 256, description
    /// ≤ 4,096, at most 25 fields of ≤ 1,024), no mention parsed (discord.com/developers/docs/resources/webhook).
    static func discord(_ message: AlertMessage, text: String) -> [UInt8] {
        written { out in
            out.object { out in
                out.key("content"); out.string(clipped(text, 2000))
                out.key("embeds"); out.array { out in
                    out.element { out in out.object { out in
                        out.key("title"); out.string(clipped(message.title, 256))
                        if let link = message.link { out.key("url"); out.string(link) }
                        out.key("description"); out.string(clipped(discordEscaped(message.rule), 4096))
                        out.key("fields"); out.array(message.matches.prefix(25)) { out, match in
                            out.object { out in
                                out.key("name"); out.string(clipped(match.name, 256))
                                out.key("value"); out.string(clipped(discordEscaped(match.before) + "**\(discordEscaped(match.words))**" + discordEscaped(match.after), 1024))
                            }
                        }
                        out.key("footer"); out.object { out in out.key("text"); out.string(clipped(message.feed, 2048)) }
                        if !message.firedAt.isEmpty { out.key("timestamp"); out.string(message.firedAt) }
                    } }
                }
                out.key("allowed_mentions"); out.object { out in out.key("parse"); out.strings([]) }
            }
        }
    }

    /// Teams Workflows: a message whose one attachment is an Adaptive Card 1.4
    /// (learn.microsoft.com, "Create incoming webhooks with Workflows for Microsoft Teams").
    static func teams(_ message: AlertMessage, text: String) -> [UInt8] {
        written { out in
            out.object { out in
                out.key("type"); out.string("message")
                out.key("attachments"); out.array { out in
                    out.element { out in
                        out.object { out in
                            out.key("contentType"); out.string("application/vnd.microsoft.card.adaptive")
                            out.key("contentUrl"); out.null()
                            out.key("content"); out.object { out in teamsCard(message, text: text, &out) }
                        }
                    }
                }
            }
        }
    }

    private static func teamsCard(_ message: AlertMessage, text: String, _ out: inout JSONWriter) {
        out.key("$schema"); out.string("http://adaptivecards.io/schemas/adaptive-card.json")
        out.key("type"); out.string("AdaptiveCard")
        out.key("version"); out.string("1.4")
        out.key("body"); out.array { out in
            out.element { out in
                out.object { out in
                    out.key("type"); out.string("TextBlock")
                    out.key("text"); out.string(message.headline)
                    out.key("weight"); out.string("Bolder")
                    out.key("size"); out.string("Medium")
                    out.key("wrap"); out.bool(true)
                }
            }
            out.element { out in
                out.object { out in
                    out.key("type"); out.string("TextBlock")
                    out.key("text"); out.string(text.replacingOccurrences(of: "\n", with: "\n\n"))
                    out.key("wrap"); out.bool(true)
                }
            }
            out.element { out in
                out.object { out in
                    out.key("type"); out.string("FactSet")
                    out.key("facts"); out.array([("Rule", message.rule), ("Feed", message.feed), ("Fired", message.firedAt)]) { out, fact in
                        out.object { out in
                            out.key("title"); out.string(fact.0)
                            out.key("value"); out.string(fact.1)
                        }
                    }
                }
            }
        }
        if let link = message.link {
            out.key("actions"); out.array([link]) { out, link in
                out.object { out in
                    out.key("type"); out.string("Action.OpenUrl")
                    out.key("title"); out.string("Open")
                    out.key("url"); out.string(link)
                }
            }
        }
    }

    /// ntfy: JSON published to the server's root (docs.ntfy.sh/publish/#publish-as-json);
    /// priority 1–5 from the rule's severity.
    static func ntfy(_ message: AlertMessage, text: String, topic: String) -> [UInt8] {
        written { out in
            out.object { out in
                out.key("topic"); out.string(topic)
                out.key("title"); out.string(clipped(message.title, 250))
                out.key("message"); out.string(clipped(text.isEmpty ? message.headline : text + "\n\(message.feed) · \(message.firedAt)", 4000))
                if let link = message.link { out.key("click"); out.string(link) }
                out.key("priority"); out.int(ntfyPriority(message.severity))
                out.key("tags"); out.strings(["feedwatch", message.rule])
            }
        }
    }

    static func ntfyPriority(_ severity: String?) -> Int {
        switch severity?.lowercased() {
        case "critical", "urgent", "max": 5
        case "high": 4
        case "low": 2
        case "info", "min": 1
        default: 3
        }
    }

    /// Matrix: an `m.text` message with an HTML rendering (spec.matrix.org, "m.room.message").
    static func matrix(_ message: AlertMessage, text: String) -> [UInt8] {
        let title = message.link.map { "<a href=\"\(htmlEscaped($0))\">\(htmlEscaped(message.title))</a>" } ?? htmlEscaped(message.title)
        var html = "<strong>" + (message.severity.map { "[\(htmlEscaped($0))] " } ?? "") + "\(htmlEscaped(message.rule)):</strong> \(title)"
        if !text.isEmpty { html += "<br/>" + htmlEscaped(text).replacingOccurrences(of: "\n", with: "<br/>") }
        html += "<br/><em>\(htmlEscaped(message.feed)) · \(htmlEscaped(message.firedAt))</em>"
        let plain = [message.headline, message.link, text.isEmpty ? nil : text, "\(message.feed) · \(message.firedAt)"]
        return written { out in
            out.object { out in
                out.key("msgtype"); out.string("m.text")
                out.key("body"); out.string(plain.compactMap { $0 }.joined(separator: "\n"))
                out.key("format"); out.string("org.matrix.custom.html")
                out.key("formatted_body"); out.string(html)
            }
        }
    }

    // MARK: - Text

    private static func written(_ write: (inout JSONWriter) -> Void) -> [UInt8] {
        var out = JSONWriter(capacity: 1024)
        write(&out)
        return out.bytes
    }

    /// At most `limit` characters, the last one "…" when cut.
    static func clipped(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Slack's three control characters (api.slack.com, "Formatting text for app surfaces");
    /// inside a link's label a "|" would end the URL.
    static func slackEscaped(_ text: String, inLink: Bool = false) -> String {
        var out = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        if inLink { out = out.replacingOccurrences(of: "|", with: "¦") }
        return out
    }

    /// Discord markdown's special characters, backslashed.
    static func discordEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\*_~`|>#[]()".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
