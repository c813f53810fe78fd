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
        var places = PlaceTable()
        for row in try rows(directory + "/places.tsv") where row.count >= 4 {
            places.add(row, key: key(row[0]))
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
        return Gazetteer(entries: entries, places: places.packed)
    }

    /// The gazetteer key of a word or phrase: its hash, or its phrase key.
    static func key(_ phrase: String) -> UInt64? {
        let words = Tokenizer.tokenize(phrase).tokens
        guard !words.isEmpty, words.count <= Gazetteer.maxPhraseWords else { return nil }
        return Gazetteer.key(words.map(\.hash))
    }

    /// Tab-separated rows without the header.
    static func rows(_ path: String) throws -> [[String]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw TrainError.unreadable(path) }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}

/// Which countries each place name points to (`PlaceCountries`): as a country or
/// its people, and as its most populous city (else first-level region).
struct PlaceTable {
    private var country: [UInt64: UInt32] = [:]
    private var city: [UInt64: (code: UInt32, population: Int)] = [:]
    private var region: [UInt64: UInt32] = [:]

    /// Rows of places.tsv: name, kind, country_code, population, …
    mutating func add(_ row: [String], key: UInt64?) {
        guard let key, let code = PlaceCountries.code(row[2]) else { return }
        switch row[1] {
        case "country", "demonym": if country[key] == nil { country[key] = code }
        case "city":
            let population = Int(row[3]) ?? 0
            if population > (city[key]?.population ?? -1) { city[key] = (code, population) }
        case "admin1": if region[key] == nil { region[key] = code }
        default: break
        }
    }

    var packed: [UInt64: UInt32] {
        var out: [UInt64: UInt32] = [:]
        for key in Set(country.keys).union(city.keys).union(region.keys) {
            out[key] = PlaceCountries(country: country[key] ?? 0, place: city[key]?.code ?? region[key] ?? 0).rawValue
        }
        return out
    }
}
