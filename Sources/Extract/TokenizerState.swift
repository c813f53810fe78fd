import Model
/// The tokenizer's pass over one text's UTF-8 bytes.
struct TokenizerState {
    private let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [Token] = []
    var folded: [UInt8] = []
    private var index = 0
    private var offset: Int32 = 0  // in scalars
    private var sentenceStart = true
    private var pendingJoin = false
    private var newlines = 0
    // The word being built.
    private var inWord = false
    private var wordStart: Int32 = 0
    private var wordByteStart: Int32 = 0
    private var foldedStart = 0
    private var hash = FNV.offset
    private var shapeHash = FNV.offset
    private var lastShapeClass: UInt8 = 0
    private var uppercase = 0, lowercase = 0, digits = 0, letters = 0
    private var firstUpper = false
    private var segmentLength = 0
    private var hasPeriod = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        folded.reserveCapacity(bytes.count)
        tokens.reserveCapacity(bytes.count / 5 + 1)
    }

    mutating func run() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                ascii(byte)
                index += 1
            } else {
                let (scalar, length) = decode(at: index)
                other(scalar, length: length)
                index += length
            }
            offset += 1
        }
        finishWord()
    }

    // MARK: - ASCII, the fast path

    @inline(__always)
    private mutating func ascii(_ byte: UInt8) {
        switch ASCIIClass.of(byte) {
        case .upper:
            if !inWord { beginWord() }
            if letters == 0 { firstUpper = true }
            uppercase += 1; letters += 1
            appendFolded(byte | 0x20)
            addShape(88)  // X
        case .lower:
            if !inWord { beginWord() }
            lowercase += 1; letters += 1
            appendFolded(byte)
            addShape(120)  // x
        case .digit:
            if !inWord { beginWord() }
            digits += 1
            appendFolded(byte)
            addShape(100)  // d
        case .space:
            finishWord()
            pendingJoin = false
        case .newline:
            finishWord()
            pendingJoin = false
            newlines += 1
            if newlines >= 2 { sentenceStart = true }  // a blank line ends a paragraph
        case .joiner:
            joinerOrPunctuation(Unicode.Scalar(byte), length: 1)
        case .period:
            if inWord, absorbsPeriod() {
                appendFolded(byte)
                addShape(46)
                hasPeriod = true
                segmentLength = 0
                return
            }
            finishWord()
            punctuation(Unicode.Scalar(byte), length: 1)
        case .other:
            finishWord()
            punctuation(Unicode.Scalar(byte), length: 1)
        }
        if inWord { segmentLength += 1 }
    }

    // MARK: - Everything else

    private mutating func other(_ scalar: Unicode.Scalar, length: Int) {
        if Tokenizer.isWordScalar(scalar) {
            if !inWord { beginWord() }
            let properties = scalar.properties
            if properties.isUppercase {
                if letters == 0 { firstUpper = true }
                uppercase += 1
            } else if properties.isLowercase {
                lowercase += 1
            }
            if properties.isAlphabetic { letters += 1 } else if properties.numericType != nil { digits += 1 }
            addShape(properties.isUppercase ? 88 : properties.isLowercase ? 120 : properties.isAlphabetic ? 97 : 100)
            for b in Folding.folded(scalar).utf8 { appendFolded(b) }
            segmentLength += 1
        } else if inWord, scalar == "\u{00AD}" || scalar == "\u{200D}" || scalar == "\u{2060}" {
            // A soft hyphen, zero-width joiner or word joiner inside a word is invisible:
            // "Zelen&shy;sky" is one word, and its folded form has no trace of it.
            return
        } else if Tokenizer.isJoiner(scalar) {
            joinerOrPunctuation(scalar, length: length)
        } else if Tokenizer.isSpace(scalar) {
            finishWord()
            pendingJoin = false
            if scalar == "\u{2029}" || scalar == "\u{2028}" { sentenceStart = true }
        } else {
            finishWord()
            punctuation(scalar, length: length)
        }
    }

    /// A hyphen or apostrophe between two word characters joins them; elsewhere it is punctuation.
    private mutating func joinerOrPunctuation(_ scalar: Unicode.Scalar, length: Int) {
        let wasInWord = inWord
        finishWord()
        if wasInWord, index + length < bytes.count, Tokenizer.isWordScalar(decode(at: index + length).0) {
            pendingJoin = true
            return
        }
        punctuation(scalar, length: length)
    }

    /// "U.S." and "Dr." keep their periods: after a one-letter segment of a
    /// capitalised or dotted word, or after a known abbreviation.
    @inline(__always)
    private func absorbsPeriod() -> Bool {
        if segmentLength == 1, letters > 0, uppercase > 0 || hasPeriod { return true }
        return !hasPeriod && uppercase <= 1 && Tokenizer.abbreviations.contains(hash)
    }

    private func decode(at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        func continuation(_ k: Int) -> UInt32 { i + k < bytes.count ? UInt32(bytes[i + k] & 0x3F) : 0 }
        let value: UInt32, length: Int
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 { value = (b0 & 0x1F) << 6 | continuation(1); length = 2 } else if b0 < 0xF0 {
            value = (b0 & 0x0F) << 12 | continuation(1) << 6 | continuation(2); length = 3
        } else {
            value = (b0 & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3); length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", min(length, bytes.count - i))
    }

    // MARK: - Building tokens

    private mutating func beginWord() {
        inWord = true
        wordStart = offset
        wordByteStart = Int32(index)
        foldedStart = folded.count
        hash = FNV.offset
        shapeHash = FNV.offset
        lastShapeClass = 0
        uppercase = 0; lowercase = 0; digits = 0; letters = 0
        firstUpper = false
        segmentLength = 0
        hasPeriod = false
    }

    @inline(__always)
    private mutating func addShape(_ shapeClass: UInt8) {
        guard shapeClass != lastShapeClass else { return }
        lastShapeClass = shapeClass
        shapeHash = FNV.add(shapeHash, shapeClass)
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
        } else {
            shape = firstUpper || lowercase > 0 ? .capitalized : .lower
        }
        append(Token(start: wordStart, end: offset, utf8Start: wordByteStart, utf8End: Int32(index),
                     foldedStart: Int32(foldedStart), foldedEnd: Int32(folded.count), hash: hash, shape: shape,
                     shapeHash: UInt32(truncatingIfNeeded: shapeHash), startsSentence: sentenceStart, joinedToPrevious: pendingJoin))
        pendingJoin = false
        newlines = 0
    }

    private mutating func punctuation(_ scalar: Unicode.Scalar, length: Int) {
        let start = folded.count
        var h = FNV.offset
        for k in 0..<length {
            folded.append(bytes[index + k])
            h = FNV.add(h, bytes[index + k])
        }
        append(Token(start: offset, end: offset + 1, utf8Start: Int32(index), utf8End: Int32(index + length),
                     foldedStart: Int32(start), foldedEnd: Int32(folded.count), hash: h, shape: .punct,
                     shapeHash: UInt32(truncatingIfNeeded: h), startsSentence: sentenceStart, joinedToPrevious: false))
        newlines = 0
        if endsSentence(scalar, length: length) { sentenceStart = true }
    }

    @inline(__always)
    private mutating func append(_ token: Token) {
        var token = token
        token.afterLineBreak = newlines == 1
        tokens.append(token)
        sentenceStart = false
    }

    private func endsSentence(_ scalar: Unicode.Scalar, length: Int) -> Bool {
        switch scalar {
        case "!", "?", "\u{3002}", "\u{061F}", "\u{2026}": return true
        case ".":
            guard index + length < bytes.count else { return true }
            let next = decode(at: index + length).0
            return Tokenizer.isSpace(next) || next == "\"" || next == "\u{201D}" || next == "'" || next == "\u{2019}"
        default: return false
        }
    }
}
