import Model

/// One name, one type within an item: the type a name is tagged with most often
/// is the type of all its mentions, and a name of two words or more tagged once
/// labels its untagged repeats.
enum Consistency {
    static func revise(_ fields: inout [TaggedText]) {
        var votes: [UInt64: [EntityType: Int]] = [:]
        var multiword: [UInt64: Int] = [:]
        for field in fields {
            for span in field.spans {
                let key = field.key(span.tokens)
                votes[key, default: [:]][span.type, default: 0] += 1
                if span.tokens.count >= 2 { multiword[key] = span.tokens.count }
            }
        }
        let chosen = votes.compactMapValues { counts -> EntityType? in
            let best = counts.max { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }
            // A tie keeps each mention's own reading.
            return counts.values.filter { $0 == best?.value }.count == 1 ? best?.key : nil
        }
        for f in fields.indices {
            let field = fields[f]
            for s in field.spans.indices {
                if let type = chosen[field.key(field.spans[s].tokens)] { fields[f].spans[s].type = type }
            }
            addRepeats(&fields[f], multiword: multiword, types: chosen)
        }
    }

    private static func addRepeats(_ field: inout TaggedText, multiword: [UInt64: Int], types: [UInt64: EntityType]) {
        let tokens = field.text.tokens
        let lengths = Set(multiword.values).sorted(by: >)
        var covered = field.coverage()
        var i = 0
        while i < tokens.count {
            var matched = 0
            if tokens[i].isCapitalized, !covered[i] {
                for length in lengths where i + length <= tokens.count {
                    let range = i..<(i + length)
                    guard multiword[field.key(range)] == length, let type = types[field.key(range)],
                          !range.contains(where: { covered[$0] }) else { continue }
                    field.spans.append(TaggedText.Span(tokens: range, type: type))
                    for k in range { covered[k] = true }
                    matched = length
                    break
                }
            }
            i += max(matched, 1)
        }
    }
}
