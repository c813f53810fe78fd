import Model

/// Wire copy opens with a dateline: "ANKARA (Reuters) - ", "PORT HARCOURT, Nigeria - ",
/// "WASHINGTON (AP) — ". The word after it starts the story's first sentence,
/// so its capital says as little as a sentence's first word does.
enum Dateline {
    /// The index of the first token after the field's dateline, if it has one.
    static func storyStart(_ text: TokenizedText) -> Int? {
        let tokens = text.tokens
        guard let first = tokens.first, first.shape == .upper || first.shape == .capitalized else { return nil }
        var sawUpper = false
        for index in 0..<min(tokens.count, 12) {
            let token = tokens[index]
            if token.shape == .upper { sawUpper = true }
            if token.shape == .punct {
                let mark = text.foldedString(token)
                if dashes.contains(mark) { return sawUpper && index + 1 < tokens.count ? index + 1 : nil }
                if !["(", ")", ",", "."].contains(mark) { return nil }
            } else if token.shape == .lower || token.shape == .link {
                return nil
            }
        }
        return nil
    }

    private static let dashes: Set<String> = ["-", "\u{2013}", "\u{2014}"]
}
