import Model

/// An all-capitals headline hides what capitals tell the tagger ("TURKEY'S
/// ERDOGAN HOSTS HAMAS DELEGATION"): it is read with the body's evidence. A
/// headline word the body names takes the body's type, added where the tagger
/// missed it; a headline guess the body does not support stays only when it is
/// a known place (then a LOC) or a person of two words or more.
enum Headlines {
    static func revise(_ fields: inout [TaggedText], gazetteer: Gazetteer) {
        var body: [UInt64: EntityType] = [:]
        var lengths = Set<Int>()
        let capitalLines = fields.map { CapitalLines($0.text.tokens) }
        for (field, capitals) in zip(fields, capitalLines) {
            for span in field.spans where !capitals.contains(span.tokens.lowerBound) {
                body[field.key(span.tokens)] = body[field.key(span.tokens)] ?? span.type
                lengths.insert(span.tokens.count)
                // A headline names people by surname ("ERDOGAN" for "Tayyip Erdogan").
                if span.type == .person, span.tokens.count >= 2 {
                    let surname = (span.tokens.upperBound - 1)..<span.tokens.upperBound
                    body[field.key(surname)] = body[field.key(surname)] ?? .person
                    lengths.insert(1)
                }
            }
        }
        let longestFirst = lengths.sorted(by: >)
        for f in fields.indices {
            let capitals = capitalLines[f]
            guard !capitals.isEmpty else { continue }
            let field = fields[f]
            fields[f].spans = field.spans.compactMap { span in
                guard capitals.contains(span.tokens.lowerBound) else { return span }
                if let type = body[field.key(span.tokens)] { return TaggedText.Span(tokens: span.tokens, type: type) }
                let flags = gazetteer.flags(field.gazetteerKey(span.tokens))
                if !flags.isDisjoint(with: [.country, .city, .admin1, .region]) { return TaggedText.Span(tokens: span.tokens, type: .loc) }
                return span.type == .person && span.tokens.count >= 2 ? span : nil
            }
            // Words the body names, missed in the headline.
            var covered = fields[f].coverage()
            for start in field.text.tokens.indices where capitals.contains(start) && !covered[start] && field.text.tokens[start].isWord {
                for length in longestFirst where start + length <= field.text.tokens.count {
                    let range = start..<(start + length)
                    guard range.allSatisfy({ capitals.contains($0) && !covered[$0] }),
                          let type = body[field.key(range)] else { continue }
                    fields[f].spans.append(TaggedText.Span(tokens: range, type: type))
                    for k in range { covered[k] = true }
                    break
                }
            }
        }
    }
}
