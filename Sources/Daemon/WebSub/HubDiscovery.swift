import Fetch
import Model
import Parse

/// Where to subscribe to a feed (WebSub §4): the hub and the topic (the feed's `self`
/// URL), from the HTTP Link header first, else from the document's own links
/// (`atom:link rel="hub"`, JSON Feed `hubs`). Without a self link the topic is the URL
/// the feed was fetched from.
package struct HubDiscovery: Sendable, Equatable {
    package var hub: String
    package var topic: String

    package static func find(linkHeader: String?, feed: Feed, url: String) -> HubDiscovery? {
        let resolve = { (target: String) in URLResolver.resolve(target, against: url) }
        if let header = linkHeader, let hub = LinkHeader.targets("hub", in: header).lazy.compactMap(resolve).first(where: isWeb) {
            let topic = LinkHeader.targets("self", in: header).lazy.compactMap(resolve).first(where: isWeb)
            return HubDiscovery(hub: hub, topic: topic ?? feed.selfLink ?? url)
        }
        guard let hub = feed.hubs.first(where: isWeb) else { return nil }
        return HubDiscovery(hub: hub, topic: feed.selfLink.flatMap { isWeb($0) ? $0 : nil } ?? url)
    }

    private static func isWeb(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
