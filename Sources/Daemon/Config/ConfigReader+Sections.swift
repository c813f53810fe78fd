import Foundation
import Listener
import Model

extension ConfigReader {
    mutating func readSettings(_ value: JSONValue) -> Configuration.Settings {
        var settings = Configuration.Settings()
        guard let object = object(value, at: "settings", allowed: [
            "interval", "backfill", "concurrency", "userAgent", "timeout", "connectTimeout", "maxFeedBytes",
            "maxRedirects", "jitter", "maxFeedBackoff", "retryBase", "maxRetryDelay", "onceDeliveryTimeout", "retention", "dedup",
            "maxInterval", "adaptive", "perSite", "failingAfter", "selfAlerts", "listen", "websub", "keepItems",
        ]) else { return settings }
        if let v = duration(object["interval"], at: "settings.interval", range: ConfigBounds.interval) { settings.interval = max(v, ConfigBounds.shortestInterval) }
        if let v = backfill(object["backfill"], at: "settings.backfill") { settings.backfill = v }
        if let v = integer(object["concurrency"], at: "settings.concurrency", range: 1...1024) { settings.concurrency = v }
        if let v = string(object["userAgent"], at: "settings.userAgent") { settings.userAgent = v }
        if let v = duration(object["timeout"], at: "settings.timeout", range: ConfigBounds.timeout) { settings.timeout = v }
        if let v = duration(object["connectTimeout"], at: "settings.connectTimeout", range: ConfigBounds.timeout) { settings.connectTimeout = v }
        if let v = integer(object["maxFeedBytes"], at: "settings.maxFeedBytes", range: 1024...(1 << 30)) { settings.maxFeedBytes = v }
        if let v = integer(object["maxRedirects"], at: "settings.maxRedirects", range: 0...20) { settings.maxRedirects = v }
        if let v = object["jitter"] {
            switch v {
            case let .double(d) where (0...0.5).contains(d): settings.jitter = d
            case let .int(i) where i == 0: settings.jitter = 0
            default: fail("settings.jitter", "expected a fraction from 0 to 0.5")
            }
        }
        if let v = duration(object["maxFeedBackoff"], at: "settings.maxFeedBackoff", range: ConfigBounds.wait) { settings.maxFeedBackoff = v }
        if let v = duration(object["retryBase"], at: "settings.retryBase", range: ConfigBounds.retryBase) { settings.retryBase = v }
        if let v = duration(object["maxRetryDelay"], at: "settings.maxRetryDelay", range: ConfigBounds.wait) { settings.maxRetryDelay = v }
        if let v = duration(object["onceDeliveryTimeout"], at: "settings.onceDeliveryTimeout", range: ConfigBounds.wait) { settings.onceDeliveryTimeout = v }
        if let v = duration(object["retention"], at: "settings.retention", range: ConfigBounds.retention) { settings.retention = v }
        if let dedup = object["dedup"] { settings.dedup = readDedup(dedup) }
        if let v = duration(object["maxInterval"], at: "settings.maxInterval", range: ConfigBounds.interval) { settings.maxInterval = v }
        if let v = integer(object["perSite"], at: "settings.perSite", range: 1...64) { settings.perSite = v }
        settings.selfAlerts = strings(object["selfAlerts"], at: "settings.selfAlerts")
        if let text = string(object["listen"], at: "settings.listen") {
            if let address = ListenAddress(text) { settings.listen = address } else {
                fail("settings.listen", "expected host:port, like \"127.0.0.1:8480\"")
            }
        }
        if let v = duration(object["failingAfter"], at: "settings.failingAfter", range: ConfigBounds.interval) { settings.failingAfter = v }
        if let value = object["websub"] { settings.webSub = readWebSub(value) }
        if case .string("0")? = object["keepItems"] {
            settings.keepItems = 0
        } else if let v = duration(object["keepItems"], at: "settings.keepItems", range: ConfigBounds.keepItems) {
            settings.keepItems = v
        }
        if settings.keepItems > settings.retention {
            fail("settings.keepItems", "must be at most the retention (\(DurationText.text(settings.retention)))")
        }
        if settings.webSub != nil, settings.listen == nil {
            fail("settings.websub", "needs settings.listen: hubs push to the local listener, behind the public callback")
        }
        switch object["adaptive"] {
        case nil: break
        case let .bool(on)?: settings.adaptive = on
        default: fail("settings.adaptive", "expected true or false")
        }
        if object["maxInterval"] == nil {
            settings.maxInterval = max(settings.maxInterval, settings.interval)
        } else if settings.maxInterval < settings.interval {
            fail("settings.maxInterval", "must be at least the interval (\(DurationText.text(settings.interval)))")
        }
        return settings
    }

    /// A backfill window: a duration, or "0" for none.
    mutating func backfill(_ value: JSONValue?, at path: String) -> TimeInterval? {
        if case .string("0")? = value { return 0 }
        return duration(value, at: path, range: ConfigBounds.backfill)
    }

    mutating func readFeeds(_ value: JSONValue, directory: String) -> [Configuration.FeedSource] {
        guard let items = array(value, at: "feeds") else { return [] }
        var feeds: [Configuration.FeedSource] = []
        var ids = Set<String>()
        for (index, item) in items.enumerated() {
            let path = "feeds[\(index)]"
            guard let object = object(item, at: path, allowed: ["url", "id", "interval", "backfill", "tags", "title", "comment"]),
                  let raw = string(object["url"], at: "\(path).url", required: true) else { continue }
            guard let url = feedURL(raw, directory: directory) else {
                fail("\(path).url", "unsupported URL \"\(raw)\" (use http, https or file)")
                continue
            }
            guard let id = uniqueID(object["id"], default: raw, at: path, kind: "feed", taken: &ids) else { continue }
            feeds.append(.init(id: id, url: url, interval: duration(object["interval"], at: "\(path).interval", range: ConfigBounds.feedInterval),
                               backfill: backfill(object["backfill"], at: "\(path).backfill"),
                               tags: strings(object["tags"], at: "\(path).tags"), title: string(object["title"], at: "\(path).title")))
        }
        return feeds
    }

    /// The entry's `id`, or a slug of `text`; nil (and a problem) when another entry has it.
    mutating func uniqueID(_ value: JSONValue?, default text: String, at path: String, kind: String, taken: inout Set<String>) -> String? {
        let id = string(value, at: "\(path).id") ?? Slug.make(text)
        guard taken.insert(id).inserted else {
            fail("\(path).id", "duplicate \(kind) id \"\(id)\"")
            return nil
        }
        return id
    }

    /// http(s) URLs as they are; `file:relative` against the config's folder; `file:///abs` as is.
    private func feedURL(_ raw: String, directory: String) -> String? {
        let text = raw.trimmed
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return text }
        guard lower.hasPrefix("file:") else { return nil }
        let rest = String(text.dropFirst(5))
        if rest.hasPrefix("//") { return text }
        let path = resolve(path: rest, directory: directory)
        return "file://" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }

    mutating func readWatch(_ value: JSONValue) -> [WatchEntry] {
        guard let items = array(value, at: "watch") else { return [] }
        var entries: [WatchEntry] = []
        var ids = Set<String>()
        for (index, item) in items.enumerated() {
            let path = "watch[\(index)]"
            guard let object = object(item, at: path, allowed: ["id", "name", "type", "aliases", "comment"]),
                  let name = string(object["name"], at: "\(path).name", required: true) else { continue }
            guard let typeName = string(object["type"], at: "\(path).type", required: true) else { continue }
            guard let kind = WatchEntry.Kind(rawValue: typeName) else {
                fail("\(path).type", "unknown type \"\(typeName)\" (person, organization or location)")
                continue
            }
            guard let id = uniqueID(object["id"], default: name, at: path, kind: "watch", taken: &ids) else { continue }
            entries.append(WatchEntry(id: id, name: name, kind: kind, aliases: strings(object["aliases"], at: "\(path).aliases")))
        }
        return entries
    }

    /// {"window": "48h", "similarity": 0.9}, or false for every item on its own.
    private mutating func readWebSub(_ value: JSONValue) -> Configuration.WebSub? {
        guard let object = object(value, at: "settings.websub", allowed: ["callback", "lease"]) else { return nil }
        guard let callback = string(object["callback"], at: "settings.websub.callback") else {
            fail("settings.websub.callback", "required: the public URL that reaches the listener's /websub")
            return nil
        }
        guard let url = URL(string: callback), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            fail("settings.websub.callback", "expected an http(s) URL, like \"https://public.example.org/websub\"")
            return nil
        }
        var webSub = Configuration.WebSub(callback: callback.hasSuffix("/") ? String(callback.dropLast()) : callback)
        if let v = duration(object["lease"], at: "settings.websub.lease", range: ConfigBounds.webSubLease) { webSub.lease = v }
        return webSub
    }

    private mutating func readDedup(_ value: JSONValue) -> Configuration.StoryDedup? {
        if value == .bool(false) { return nil }
        guard let object = object(value, at: "settings.dedup", allowed: ["window", "similarity"]) else { return Configuration.StoryDedup() }
        var dedup = Configuration.StoryDedup()
        if let v = duration(object["window"], at: "settings.dedup.window", range: ConfigBounds.dedupWindow) { dedup.window = v }
        switch object["similarity"] {
        case nil: break
        case let .double(d)? where (0.5...1).contains(d): dedup.similarity = d
        case let .int(i)? where i == 1: dedup.similarity = 1
        default: fail("settings.dedup.similarity", "expected a fraction from 0.5 to 1")
        }
        return dedup
    }
}
