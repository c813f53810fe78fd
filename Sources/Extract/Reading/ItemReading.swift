import Model

/// The tagger reads one sentence at a time; an item is read as a whole. After
/// tagging, the item's entities are revised with what the whole item says:
/// 1. span edges: a name stops before a lower-case common noun ("the Anadolu news
///    agency" gives Anadolu, "a Hamas delegation" Hamas), and a person's name takes in
///    an unlisted given name before it ("Recep Tayyip Erdoğan");
/// 2. sports: in a sports story, a city that is the subject or object of play, or
///    a line of a results table, is a team (ORG), as newswire annotates it;
/// 3. all-capitals headlines are read with the body's evidence: a headline word
///    takes the type the body gives the same words, and a headline guess the body
///    does not support is dropped unless it names a known place;
/// 4. one name, one type: a name tagged several ways in an item takes its most
///    frequent type, and a name of two words or more tagged once labels its
///    untagged repeats.
enum ItemReading {
    static func revise(_ fields: [TokenizedText], _ entities: [[Entity]], gazetteer: Gazetteer) -> [[Entity]] {
        var tagged = zip(fields, entities).map { TaggedText($0, $1) }
        for i in tagged.indices { SpanEdges.trim(&tagged[i], gazetteer: gazetteer) }
        if SportsStory.detect(tagged) {
            for i in tagged.indices { SportsStory.relabel(&tagged[i], gazetteer: gazetteer) }
        }
        Headlines.revise(&tagged, gazetteer: gazetteer)
        Consistency.revise(&tagged)
        return tagged.map(\.entities)
    }
}
