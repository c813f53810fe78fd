/// The tokenizer's running state over one text.
struct TokenizerState {
    var tokens: [Token] = []
    var folded: [UInt8] = []
    private var offset: Int32 = 0
    private var byteOffset: Int32 = 0
    private var wordByteStart: Int32 = 0
    private var sentenceStart = true
    private var pendingJoin = false
    private var newlines = 0
    // The word being built.
    private var inWord = false
    private var wordStart: Int32 = 0
    private var foldedStart = 0
    private var hash = FNV.offset
    private var uppercase = 0
    private var lowercase = 0
    private var digits = 0
    private var letters = 0
    private var firstUpper = false
    private var segmentLength = 0
    private var hasPeriod = false
    private var shapeHash = FNV.offset
    private var lastShapeClass: UInt8 = 0

    init(capacity: Int) {
        folded.reserveCapacity(capacity)
        tokens.reserveCapacity(capacity / 5)
    }

    mutating func consume(_ scalar: Unicode.Scalar, next: Unicode.Scalar?) {
        defer {
            offset += 1
            let v = scalar.value
            byteOffset += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        if Tokenizer.isWordScalar(scalar) {
            if !inWord { beginWord() }
            addToWord(scalar)
            return
        }
        if inWord, scalar == ".", absorbsPeriod(next: next) {
            appendFolded(UInt8(ascii: "."))
            addShape(UInt8(ascii: "."))
            hasPeriod = true
            segmentLength = 0
            return
        }
        let wasInWord = inWord
        finishWord()
        if wasInWord, Tokenizer.isJoiner(scalar), let next, Tokenizer.isWordScalar(next) {
            pendingJoin = true
            return
        }
        pendingJoin = false
        if Tokenizer.isSpace(scalar) {
            if scalar == "\n" {
                newlines += 1
                if newlines >= 2 { sentenceStart = true }  // a blank line ends a paragraph
            } else if scalar == "\u{2029}" {
                sentenceStart = true
            }
            return
        }
        newlines = 0
        addPunctuation(scalar, next: next)
    }

    /// "U.S." and "Dr." keep their periods: after a one-letter segment followed by
    /// a letter or the end of the abbreviation, or after a known abbreviation.
    private func absorbsPeriod(next: Unicode.Scalar?) -> Bool {
        if segmentLength == 1, letters > 0, uppercase > 0 || hasPeriod {
            return true
        }
        return !hasPeriod && Tokenizer.abbreviations.contains(hash) && uppercase <= 1
    }

    private mutating func beginWord() {
        inWord = true
        wordStart = offset
        wordByteStart = byteOffset
        foldedStart = folded.count
        hash = FNV.offset
        uppercase = 0; lowercase = 0; digits = 0; letters = 0
        firstUpper = false
        segmentLength = 0
        hasPeriod = false
        shapeHash = FNV.offset
        lastShapeClass = 0
    }

    /// Adds one character class to the detailed shape, collapsing runs.
    @inline(__always)
    private mutating func addShape(_ shapeClass: UInt8) {
        guard shapeClass != lastShapeClass else { return }
        lastShapeClass = shapeClass
        shapeHash = FNV.add(shapeHash, shapeClass)
    }

    private mutating func addToWord(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            let byte = UInt8(v)
            if byte >= 65 && byte <= 90 {
                if letters == 0 { firstUpper = true }
                uppercase += 1; letters += 1
                appendFolded(byte + 32)
                addShape(UInt8(ascii: "X"))
            } else if byte >= 97 {
                lowercase += 1; letters += 1
                appendFolded(byte)
                addShape(UInt8(ascii: "x"))
            } else {
                digits += 1
                appendFolded(byte)
                addShape(UInt8(ascii: "d"))
            }
        } else {
            let properties = scalar.properties
            if properties.isUppercase {
                if letters == 0 { firstUpper = true }
                uppercase += 1
            } else if properties.isLowercase {
                lowercase += 1
            }
            if properties.isAlphabetic { letters += 1 } else if properties.numericType != nil { digits += 1 }
            addShape(properties.isUppercase ? UInt8(ascii: "X") : properties.isLowercase ? UInt8(ascii: "x")
                     : properties.isAlphabetic ? UInt8(ascii: "a") : UInt8(ascii: "d"))
            for byte in Folding.folded(scalar).utf8 { appendFolded(byte) }
        }
        segmentLength += 1
    }

    @inline(__always)
    private mutating func appendFolded(_ byte: UInt8) {
        folded.append(byte)
        hash = FNV.add(hash, byte)
    }

    mutating func finishWord() {
        guard inWord else { return }
        inWord = false
        let shape: Token.Shape
        if letters == 0 {
            shape = .number
        } else if uppercase == 0 && lowercase == 0 {
            shape = digits > 0 ? .number : .uncased
        } else if uppercase == 0 {
            shape = .lower
        } else if lowercase == 0 && (uppercase > 1 || hasPeriod) {
            shape = .upper
        } else if firstUpper || lowercase > 0 {
            shape = .capitalized
        } else {
            shape = .lower
        }
        append(Token(start: wordStart, end: offset, utf8Start: wordByteStart, utf8End: byteOffset, foldedStart: Int32(foldedStart), foldedEnd: Int32(folded.count),
                     hash: hash, shape: shape, shapeHash: UInt32(truncatingIfNeeded: shapeHash),
                     startsSentence: sentenceStart, joinedToPrevious: pendingJoin))
        pendingJoin = false
        newlines = 0
    }

    private mutating func addPunctuation(_ scalar: Unicode.Scalar, next: Unicode.Scalar?) {
        let start = folded.count
        var h = FNV.offset
        for byte in String(scalar).utf8 {
            folded.append(byte)
            h = FNV.add(h, byte)
        }
        append(Token(start: offset, end: offset + 1, utf8Start: byteOffset,
                     utf8End: byteOffset + Int32(String(scalar).utf8.count), foldedStart: Int32(start), foldedEnd: Int32(folded.count),
                     hash: h, shape: .punct, shapeHash: UInt32(truncatingIfNeeded: h),
                     startsSentence: sentenceStart, joinedToPrevious: false))
        if endsSentence(scalar, next: next) { sentenceStart = true }
    }

    private mutating func append(_ token: Token) {
        tokens.append(token)
        sentenceStart = false
    }

    private func endsSentence(_ scalar: Unicode.Scalar, next: Unicode.Scalar?) -> Bool {
        switch scalar {
        case "!", "?", "\u{3002}", "\u{061F}", "\u{2026}": return true
        case ".":
            guard let next else { return true }
            return Tokenizer.isSpace(next) || next == "\"" || next == "\u{201D}" || next == "'" || next == "\u{2019}"
        default: return false
        }
    }
}
