import Model

/// Two watch entries that would match the same words: the same spelling once
/// names are folded ("Erdogan" in one, "Erdoğan" in another; "Zelenskyy" and
/// "Zelensky"), or one's spelling equal to a person's surname in the other
/// ("Jordan" the country and "Michael Jordan"). Not an error: linking decides
/// each mention by its context; but `check` says so, since one alert may go
/// where the user expected another.
public struct WatchOverlap: Sendable, Equatable, CustomStringConvertible {
    /// The entry that writes `words` as a spelling.
    public var first: Int
    /// The other entry: the same spelling, or (`bySurname`) a person with that surname.
    public var second: Int
    public var words: String
    public var bySurname: Bool

    public var description: String {
        bySurname
            ? "watch[\(first)] \u{201C}\(words)\u{201D} is also the surname of watch[\(second)]; each mention goes to one by its context"
            : "watch[\(first)] and watch[\(second)] both match \u{201C}\(words)\u{201D}"
    }

    /// Every overlapping pair, in entry order.
    public static func find(in entries: [WatchEntry]) -> [WatchOverlap] {
        var owners: [[UInt64]: (index: Int, text: String)] = [:]
        var surnames: [[UInt64]: Int] = [:]
        var found: [WatchOverlap] = []
        var reported = Set<[Int]>()
        func report(_ a: Int, _ b: Int, _ text: String, surname: Bool) {
            guard a != b, reported.insert([min(a, b), max(a, b)]).inserted else { return }
            found.append(WatchOverlap(first: a, second: b, words: text, bySurname: surname))
        }
        for (index, entry) in entries.enumerated() {
            for spelling in entry.spellings {
                let keys = AliasMatcher.wordHashes(spelling)
                guard !keys.isEmpty else { continue }
                if let owner = owners[keys] { report(owner.index, index, owner.text, surname: false) } else { owners[keys] = (index, spelling) }
                if let person = surnames[keys] { report(index, person, spelling, surname: true) }
            }
            if let surname = AliasMatcher.surname(of: entry) {
                surnames[surname.words] = surnames[surname.words] ?? index
                if let owner = owners[surname.words] { report(owner.index, index, owner.text, surname: true) }
            }
        }
        return found
    }
}
