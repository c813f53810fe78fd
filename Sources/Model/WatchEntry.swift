/// A person, organisation or place the user wants alerts for (`watch[]` in feeds.json).
public struct WatchEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case person, organization, location

        /// The entity type the extractor uses for this kind of watch.
        public var entityType: EntityType {
            switch self {
            case .person: .person
            case .organization: .org
            case .location: .loc
            }
        }
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var aliases: [String]

    public init(id: String, name: String, kind: Kind, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
    }

    /// The name followed by every alias: each is a way the entry is written.
    public var spellings: [String] { [name] + aliases }
}
