import Foundation
import Bounds
import Model

/// A field's collected text, applied at its end tag. The first value of a
/// field wins, except dates and the language, where a later one overrides (as
/// in feedparser).
extension XMLFeedReader {
    func finishCapture() {
        guard var capture = capture.take() else { return }
        apply(capture)
        spareText = capture.recycleText()  // the next field collects into the same storage
    }

    private func apply(_ capture: FieldCapture) {
        switch capture.field {
        case .feedTitle, .feedLink, .feedDescription, .feedLanguage, .feedPublished, .feedUpdated,
             .feedID, .feedLogo, .feedIcon, .feedAuthor, .feedITunesSummary, .feedCategory, .feedTerms, .imageURL,
             .feedTTL, .feedUpdatePeriod, .feedUpdateFrequency:
            applyFeedField(capture)
        case .personName: person?.name = nonEmpty(capture.string)
        case .personEmail: person?.email = nonEmpty(capture.string)
        case .personURI: person?.uri = nonEmpty(capture.string).flatMap { URLResolver.resolve($0, against: capture.base) }
        default:
            applyEntryField(capture)
        }
    }

    private func applyFeedField(_ capture: FieldCapture) {
        switch capture.field {
        case let .feedTitle(type): feed.title = feed.title ?? construct(capture, type, plain: true)
        case .feedLink: feed.link = feed.link ?? link(capture)
        case let .feedDescription(type): feed.description = feed.description ?? construct(capture, type, plain: false)
        case .feedLanguage: feed.language = Self.languageTag(capture.string) ?? feed.language
        case .feedPublished: feed.published = FeedDate.parse(capture.string) ?? feed.published
        case .feedUpdated: feed.updated = FeedDate.parse(capture.string) ?? feed.updated
        case .feedID: feed.id = atomID(capture)
        case .feedLogo: feed.image = link(capture)
        case .feedIcon: feed.image = feed.image ?? link(capture)
        case .imageURL: feed.image = link(capture) ?? feed.image
        case .feedAuthor:
            if let author = AuthorString.parse(capture.string) { addFeedAuthor(author) }
        case .feedITunesSummary: feed.description = feed.description ?? nonEmpty(capture.string)
        case .feedCategory: if let term = nonEmpty(capture.string) { addFeedCategory(term, unique: false) }
        case .feedTTL:
            freshness.ttlMinutes = DigitRun.value(capture.string.trimmed.utf8, as: Int.self)
            feed.ttl = freshness.lifetime
        case .feedUpdatePeriod:
            freshness.period = Freshness.periods[capture.string.trimmed.lowercased()]
            feed.ttl = freshness.lifetime
        case .feedUpdateFrequency:
            freshness.frequency = DigitRun.value(capture.string.trimmed.utf8, as: Int.self)
            feed.ttl = freshness.lifetime
        case let .feedTerms(separator):
            for term in capture.string.split(separator: separator).map(\.trimmed) where !term.isEmpty { addFeedCategory(term, unique: true) }
        default: break
        }
    }

    private func applyEntryField(_ capture: FieldCapture) {
        guard entryDepth >= 0 else { return }
        switch capture.field {
        case let .title(type): fill(.title, standIn: false) { construct(capture, type, plain: true) }
        case let .fallbackTitle(type): fill(.title, standIn: true) { construct(capture, type, plain: true) }
        case .link: if entry?.link == nil { entry?.link = link(capture) }
        case let .guid(isPermaLink):
            guard let guid = nonEmpty(capture.string) else { return }
            entry?.id = guid
            // RSS 2.0: isPermaLink defaults to true; a permalink guid is the item's link when it has none.
            if isPermaLink, entry?.link == nil, guid.hasPrefix("http://") || guid.hasPrefix("https://") {
                entry?.link = URLResolver.resolve(guid, against: capture.base)
            }
        case .atomID: if entry?.id == nil { entry?.id = atomID(capture) }
        case .identifier: if entry?.id == nil { entry?.id = nonEmpty(capture.string) }
        case let .summary(type):
            // A second summary-like element of an RSS item (description beside summary) is its content.
            if !type.isAtom, entry?.summary != nil, !fallbacks.contains(.summary), entry?.content == nil {
                entry?.content = construct(capture, type, plain: false)
            } else {
                fill(.summary, standIn: false) { construct(capture, type, plain: false) }
            }
        case let .fallbackSummary(type): fill(.summary, standIn: true) { construct(capture, type, plain: false) }
        case let .content(type): if entry?.content == nil { entry?.content = construct(capture, type, plain: false) }
        // The date is read before `entry` is written: `entry?.x = y ?? entry?.x` reads
        // `entry` inside its own modification access (an exclusivity violation).
        case .published: if let date = FeedDate.parse(capture.string) { entry?.published = date }
        case .dcDate:
            let date = FeedDate.parse(capture.string)
            if entry?.published == nil { entry?.published = date } else if entry?.updated == nil { entry?.updated = date }
        case .updated: if let date = FeedDate.parse(capture.string) { entry?.updated = date }
        case .author:
            if let author = AuthorString.parse(capture.string) { addEntryAuthor(author) }
        case let .terms(separator):
            for term in capture.string.split(separator: separator).map(\.trimmed) where !term.isEmpty { addEntryCategory(term) }
        case .category:
            if let term = nonEmpty(capture.string) { addEntryCategory(term) }
        default: break
        }
    }

    /// The item's own value replaces a stand-in (Media RSS, iTunes); a stand-in only fills a gap.
    private func fill(_ kind: Fallback, standIn: Bool, _ value: () -> String?) {
        let current = kind == .title ? entry?.title : entry?.summary
        guard current == nil || (!standIn && fallbacks.contains(kind)) else { return }
        guard let value = value() else { return }
        if kind == .title { entry?.title = value } else { entry?.summary = value }
        if standIn { fallbacks.insert(kind) } else { fallbacks.remove(kind) }
    }

    /// A language tag as BCP 47 writes it: "en_US" is "en-US".
    static func languageTag(_ text: String) -> String? {
        text.trimmed.isEmpty ? nil : text.trimmed.replacingOccurrences(of: "_", with: "-")
    }

    /// A link element's text, made absolute against the base in force there.
    private func link(_ capture: FieldCapture) -> String? {
        nonEmpty(capture.string).flatMap { URLResolver.resolve($0, against: capture.base) }
    }

    /// An Atom id is an IRI (RFC 4287 §4.2.6); a relative one resolves against xml:base.
    private func atomID(_ capture: FieldCapture) -> String? {
        guard let id = nonEmpty(capture.string) else { return nil }
        guard !id.contains(":" as Character), id.hasPrefix("/") || id.hasPrefix(".") else { return id }
        return URLResolver.resolve(id, against: capture.base) ?? id
    }
}
