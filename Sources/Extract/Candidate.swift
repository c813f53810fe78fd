import Model

/// One candidate mention of a watched name, as `feedwatch explain` shows it.
public struct Candidate: Sendable {
    /// The words matched, with the watch they would mention.
    public var mention: Entity
    public var decision: LinkDecision
    /// What the tagger read at that place, if anything.
    public var taggedAs: Entity?

    init(mention: Entity, decision: LinkDecision, tagged: [Entity]) {
        self.mention = mention
        self.decision = decision
        taggedAs = EntityLinker.overlapping(tagged, mention.start, mention.end).first
    }

    /// How the words matched the watched spellings.
    public var matchedAs: String {
        let hit = decision.hit
        let form = hit.isSurname ? "surname alone" : hit.isShortForm ? "short family name alone" : "a listed spelling"
        return hit.isVariant ? "\(form), spelled differently (transliteration or national spelling)" : form
    }
}
