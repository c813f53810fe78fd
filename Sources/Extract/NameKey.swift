import Model

/// The key under which a name's word is matched: its folded form with the
/// differences of spelling that transliteration and national spelling make
/// removed, so "Zelenskyy", "Zelenskiy" and "Zelensky", "Hizballah" and
/// "Hezbollah", "Qadhafi" and "Gaddafi", "Organisation" and "Organization",
/// "U.N." and "UN" share one key. The folding, in order:
/// 1. periods are dropped ("U.N." → "un"); a word of fewer than five letters
///    (or with anything but ASCII letters) stops here: short words are matched as written;
/// 2. endings: a final "-eh" after a consonant is "-ah", the Persian and Levantine way of
///    writing the Arabic feminine ending ("Haniyeh" ~ "Haniyah" ~ "Haniya"); a final "h"
///    after a vowel goes ("Hezbollah" ~ "Hezbolla"), a final "j" after
///    a vowel is an "i" ("Zelenskij"), a silent final "e" after a consonant goes ("Salmane",
///    "Defence"), "-re" after a consonant becomes "-er" ("Centre"), "-mme" becomes "-m" ("Programme");
/// 3. consonants: ph→f, dh→d, kh→k, gh→g, th→t, ck→k, q→k initially and g elsewhere, soft c→s, hard c→k, z→s,
///    w→v, x→ks, j→y ("Binyamin" ~ "Benjamin", "Netanjahu" ~ "Netanyahu"), and g→k at the start
///    ("Gaddafi" ~ "Qaddafi" ~ "Kadhafi");
/// 4. vowels (y counts as one after the first letter): a first vowel keeps its class,
///    inner vowels become one mark, and a final run of vowels keeps the class of its last
///    letter ("Zelenska" stays apart from "Zelensky");
/// 5. doubled letters are written once.
/// Two words with one key are a candidate only: `AliasMatcher` also requires the
/// written forms to be within `maxDistance` edits, so "Patton" is not "Putin".
enum NameKey {
    static func key(_ folded: ArraySlice<UInt8>) -> UInt64 {
        var letters: [UInt8] = []
        letters.reserveCapacity(folded.count)
        var ascii = true
        for byte in folded where byte != UInt8(ascii: ".") {
            if byte < 0x61 || byte > 0x7A { ascii = false }
            letters.append(byte)
        }
        guard ascii, letters.count >= 5 else { return FNV.hash(letters[...]) }
        var out = skeleton(&letters)
        foldVowels(&out)
        return FNV.hash(out[...])
    }

    /// The key of a token of `text`; a short word without periods keeps its own hash.
    static func key(_ token: Token, in text: TokenizedText) -> UInt64 {
        let length = Int(token.foldedEnd - token.foldedStart)
        if length < 5, token.shape != .upper { return token.hash }
        return key(text.folded[Int(token.foldedStart)..<Int(token.foldedEnd)])
    }

    /// The written form the edit distance is measured on: folded, without periods.
    static func written(_ folded: ArraySlice<UInt8>) -> [UInt8] {
        folded.filter { $0 != UInt8(ascii: ".") }
    }

    /// Edits allowed between a text's word and a watched spelling's word with one key.
    static func maxDistance(_ length: Int) -> Int { length <= 5 ? 1 : length <= 8 ? 2 : 3 }

    /// Steps 2, 3 and 5 of the folding (`w` is changed on the way); a key is made for
    /// every long word of every item, so no step allocates but the result.
    private static func skeleton(_ w: inout [UInt8]) -> [UInt8] {
        let e: UInt8 = 0x65, h: UInt8 = 0x68, r: UInt8 = 0x72, m: UInt8 = 0x6D
        func ends(_ a: UInt8, _ b: UInt8) -> Bool { w[w.count - 2] == a && w[w.count - 1] == b }
        if w.count > 5, ends(e, h), !isVowel(w[w.count - 3]) { w[w.count - 2] = 0x61 }  // "-eh" is "-ah" (Haniyeh)
        if w.count > 5, w[w.count - 1] == h, isVowel(w[w.count - 2]) { w.removeLast() }  // "-ah" → "-a"
        if w.count > 5, w[w.count - 1] == 0x6A, isVowel(w[w.count - 2]) { w[w.count - 1] = 0x69 }  // "-ij" → "-ii" (Zelenskij)
        if w.count > 5, ends(0x63, e) { w[w.count - 2] = 0x73 }  // "-ce" is "-se" before the e goes (Defence)
        if w.count > 5, w[w.count - 1] == e, !isVowel(w[w.count - 2]), w[w.count - 2] != r { w.removeLast() }  // silent "-e" (Salmane)
        if w.count > 5, ends(r, e), !isVowel(w[w.count - 3]) { w.swapAt(w.count - 1, w.count - 2) }  // "-re" → "-er"
        if w.count > 5, w[w.count - 3] == m, ends(m, e) { w.removeLast(2) }  // "-mme" → "-m"
        var out: [UInt8] = []
        out.reserveCapacity(w.count + 4)
        var i = 0
        while i < w.count {
            let c = w[i], next: UInt8 = i + 1 < w.count ? w[i + 1] : 0
            switch (c, next) {
            case (0x70, 0x68): out.append(0x66); i += 2; continue  // ph → f
            case (0x64, 0x68), (0x6B, 0x68), (0x67, 0x68), (0x74, 0x68):  // dh kh gh th
                out.append(c == 0x67 && i == 0 ? 0x6B : c)  // an initial "gh" is a g, and an initial g a k
                i += 2
                continue
            case (0x63, 0x6B): out.append(0x6B); i += 2; continue  // ck → k
            default: break
            }
            switch c {
            // q → k at the start ("Qaddafi" ~ "Kadhafi"), else g: Persian and Arabic write
            // one sound as q, gh or g ("Araqchi" ~ "Araghchi", "Baqeri" ~ "Bagheri").
            case 0x71: out.append(i == 0 ? 0x6B : 0x67)
            case 0x63: out.append(next == 0x65 || next == 0x69 || next == 0x79 ? 0x73 : 0x6B)  // soft c → s, hard c → k
            case 0x7A: out.append(0x73)  // z → s
            case 0x77: out.append(0x76)  // w → v
            case 0x6A: out.append(0x79)  // j → y: German, Dutch and Slavic spellings write y as j
            case 0x78: out.append(0x6B); out.append(0x73)  // x → ks
            case 0x67 where i == 0: out.append(0x6B)  // initial g → k
            default: out.append(c)
            }
            i += 1
        }
        return out
    }

    /// Step 4, in place (the result is never longer): a first vowel keeps its class, inner
    /// vowels become "*", a final run of vowels is written by its last letter's class;
    /// then doubled letters are written once (step 5).
    private static func foldVowels(_ w: inout [UInt8]) {
        var finalRun = w.count
        while finalRun > 1, isVowel(w[finalRun - 1]) || w[finalRun - 1] == 0x79 { finalRun -= 1 }
        let count = w.count
        var kept = 0
        for i in 0..<count {
            let c = w[i]
            let vowel = isVowel(c) || (c == 0x79 && i > 0)
            let mapped: UInt8
            if !vowel {
                mapped = c
            } else if i == 0 {
                mapped = vowelClass(c)
            } else if i >= finalRun {
                if i < count - 1 { continue }  // the run is written by its last letter
                mapped = vowelClass(c)
            } else {
                mapped = 0x2A  // "*": any inner vowel
            }
            if kept > 0, w[kept - 1] == mapped { continue }
            w[kept] = mapped
            kept += 1
        }
        w.removeLast(count - kept)
    }

    @inline(__always)
    private static func isVowel(_ c: UInt8) -> Bool {
        c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75
    }

    /// a; e, i, y → i; o, u → u.
    private static func vowelClass(_ c: UInt8) -> UInt8 {
        switch c {
        case 0x61: 0x61
        case 0x6F, 0x75: 0x75
        default: 0x69
        }
    }

    /// Levenshtein distance, stopping early once it exceeds `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMin = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : b.isEmpty ? a.count : previous[b.count]
    }
}
