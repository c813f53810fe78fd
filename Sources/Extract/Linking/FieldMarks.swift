import Model

/// What a field's layout says about its tokens, read once per field: headline
/// case, lines wholly in capitals, where the story starts after a dateline. The
/// linker asks per candidate; recomputing per candidate was quadratic.
struct FieldMarks {
    let headlines: HeadlineMarks
    let capitals: CapitalLines
    let storyStart: Int?

    init(_ text: TokenizedText) {
        headlines = HeadlineMarks(text.tokens)
        capitals = CapitalLines(text.tokens)
        storyStart = Dateline.storyStart(text)
    }

    /// Does the token at `index` start a sentence, a headline or the story after a
    /// dateline, where a capital says nothing? An acronym's capitals are its own.
    func isInitial(_ index: Int, _ token: Token) -> Bool {
        headlines.contains(index) || (token.shape == .capitalized && (token.startsSentence || index == storyStart))
    }
}
