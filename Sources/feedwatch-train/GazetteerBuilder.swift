import Model
import Foundation
import Extract

/// Builds the runtime gazetteer from ../shared/data/gazetteers (GeoNames CC BY 4.0,
/// US SSA and Census public domain, feedwatch's own lists; see NOTICE).
enum GazetteerBuilder {
    /// `commonWords`: words seen in lower case at least `minimum` times in the training text.
    static func build(directory: String, commonWords: [UInt64: Int] = [:], minimum: Int = 3) throws -> Gazetteer {
        var entries: [UInt64: UInt32] = [:]
        for (hash, count) in commonWords where count >= minimum {
            entries[hash, default: 0] |= Gazetteer.Flags.commonWord.rawValue
        }
        func add(_ phrase: String, _ flags: Gazetteer.Flags) {
            let words = Tokenizer.tokenize(phrase).tokens
            guard !words.isEmpty, words.count <= Gazetteer.maxPhraseWords else { return }
            if words.count == 1 {
                entries[words[0].hash, default: 0] |= flags.rawValue
                return
            }
            var key = Gazetteer.phraseKey(FNV.offset, words[0].hash)
            for word in words.dropFirst() {
                entries[key, default: 0] |= Gazetteer.Flags.prefix.rawValue
                key = Gazetteer.phraseKey(key, word.hash)
            }
            entries[key, default: 0] |= flags.rawValue
        }
        for (i, row) in try rows(directory + "/given_names.tsv").enumerated() {
            var flags: Gazetteer.Flags = i < 1000 ? [.givenName, .frequentGivenName] : .givenName
            if row.count > 3, let female = Double(row[3]) {
                if female >= 0.9 { flags.insert(.femaleGivenName) } else if female <= 0.1 { flags.insert(.maleGivenName) }
            }
            add(row[1], flags)
        }
        for (i, row) in try rows(directory + "/surnames.tsv").enumerated() {
            add(row[1], i < 1000 ? [.surname, .frequentSurname] : .surname)
        }
        for row in try rows(directory + "/places.tsv") where row.count >= 4 {
            var flags: Gazetteer.Flags
            switch row[1] {
            case "country": flags = .country
            case "city": flags = .city
            case "admin1": flags = .admin1
            case "demonym": flags = .demonym
            default: flags = .region
            }
            if row[1] == "city", let population = Int(row[3]), population >= 1_000_000 { flags.insert(.bigCity) }
            add(row[0], flags)
        }
        for row in try rows(directory + "/org_suffixes.tsv") {
            add(row[0], row[1] == "legal_suffix" ? .legalSuffix : .orgWord)
        }
        for row in try rows(directory + "/person_titles.tsv") where row.count >= 3 {
            add(row[0], row[2] == "post" ? .titleAfter : row[2] == "role" ? .role : .titleBefore)
        }
        return Gazetteer(entries: entries)
    }

    /// Tab-separated rows without the header.
    static func rows(_ path: String) throws -> [[String]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw TrainError.unreadable(path) }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
