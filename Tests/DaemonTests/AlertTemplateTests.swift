import Foundation
import Testing
import Model
@testable import Daemon

/// Every watch entry of AlertCases/watch.json in the same plain sentences: its
/// name as subject, in a headline, possessive, wrapped by `<br>`, in capitals;
/// and its lookalikes: another person with its surname or first name, the name
/// inside a URL, alt text or a script. A rule that fails one name of the list
/// (a surname that is also a title, a company that is also a fruit) shows here
/// even when no tricky item was written for that name.
@Suite("Every watched name in plain sentences")
struct AlertTemplateTests {
    struct Item {
        var id: String
        var title: String
        var body: String
        var fires: Bool
    }

    static func items(for watch: WatchEntry) -> [Item] {
        let name = watch.name, id = watch.id
        switch watch.kind {
        case .person:
            let words = name.split(separator: " ").map(String.init)
            // Family name first: the listed ones, and any before a hyphenated given name ("Lai Ching-te").
            let hyphenatedGiven = words.count == 2 && words[1].contains("-") && words[1].split(separator: "-").last?.first?.isLowercase == true
            let familyFirst = ["Xi", "Kim", "Yoon"].contains(words[0]) || hyphenatedGiven
            let surname = familyFirst ? words[0] : words[words.count - 1]
            let bare = surname.split(separator: "-").last.map(String.init) ?? surname
            return [
                Item(id: "\(id)-subject", title: "Talks update", body: "\(name) said on Monday that talks would continue.", fires: true),
                Item(id: "\(id)-headline", title: "\(surname) says talks will continue", body: "\(name) said on Monday that talks would continue.", fires: true),
                Item(id: "\(id)-possessive", title: "Office statement", body: "\(name)'s office said on Monday that talks would continue.", fires: true),
                Item(id: "\(id)-wrapped", title: "Speech", body: "<p>\(words.dropLast().joined(separator: " "))<br/>\(words[words.count - 1]) said the talks would continue.</p>", fires: true),
                Item(id: "\(id)-capitals", title: "\(name.uppercased()) SAYS TALKS WILL GO ON", body: "\(name) said on Monday that talks would continue.", fires: true),
                Item(id: "\(id)-later", title: "\(surname) to visit", body: "\(name) will travel next week. \(surname) is expected to meet officials.", fires: true),
                Item(id: "\(id)-university", title: "Protest", body: "Students at \(surname) University protested on Monday over fees.", fires: false),
                Item(id: "\(id)-town", title: "Floods", body: "Floods hit the town of \(surname) on Monday, officials said.", fires: false),
                Item(id: "\(id)-email", title: "Contact", body: "For comment contact \(bare.lowercased())@example.org before Monday.", fires: false),
                Item(id: "\(id)-junior", title: "Heir", body: "\(name) Jr., a businessman, said on Monday he would run for office.", fires: name.hasSuffix("Jr.")),
                Item(id: "\(id)-wife", title: "Wife", body: "\(name)'s wife, Laura \(bare), said on Monday she would campaign.", fires: true),
                Item(id: "\(id)-scholar", title: "Scholar", body: "Dr. Laura \(bare) of Harvard University said the study was small.", fires: false),
                Item(id: "\(id)-namesake", title: "School reopens", body: "Maria \(bare), a local teacher, said the school would reopen. \(bare) said pupils were happy.", fires: false),
                Item(id: "\(id)-first-name", title: "Harvest", body: "\(words[0]) Smith, a local farmer, said the harvest was poor.", fires: false),
                Item(id: "\(id)-url", title: "Profile", body: "See https://example.com/\(surname.lowercased())-profile for more on the story.", fires: false),
                Item(id: "\(id)-alt", title: "Markets", body: "<p><img src=\"/a.jpg\" alt=\"\(name)\"/>Markets rose on Monday.</p>", fires: false),
            ] + (familyFirst || name.hasSuffix("Jr.") ? [] : [
                // A lone short family name needs a title or the full name; a "Jr." needs its suffix.
                Item(id: "\(id)-aide", title: "Aide", body: "A former \(surname) aide said on Monday the talks would continue.", fires: true),
                Item(id: "\(id)-anti", title: "Protests", body: "Thousands joined anti-\(surname) protests in the capital on Sunday.", fires: true),
                Item(id: "\(id)-pro", title: "Media", body: "The pro-\(surname) newspaper printed the statement on Monday.", fires: true),
            ])
        case .organization:
            let first = name.split(separator: " ")[0].lowercased()
            return [
                Item(id: "\(id)-subject", title: "Statement", body: "\(name) said on Monday it would review its plans.", fires: true),
                Item(id: "\(id)-headline", title: "\(name) reviews plans", body: "\(name) said on Monday it would review its plans.", fires: true),
                Item(id: "\(id)-object", title: "Statement", body: "A spokesman for \(name) said on Monday the plans would be reviewed.", fires: true),
                Item(id: "\(id)-capitals", title: "\(name.uppercased()) REVIEWS PLANS", body: "\(name) said on Monday it would review its plans.", fires: true),
                Item(id: "\(id)-shares", title: "Markets", body: "\(name) shares fell 3% on Monday after the results.", fires: true),
                Item(id: "\(id)-chief", title: "Markets", body: "\(name)'s chief executive resigned on Monday.", fires: true),
                Item(id: "\(id)-former", title: "Deal", body: "The ex-\(name) executive joined a rival on Monday.", fires: true),
                Item(id: "\(id)-backed", title: "Deal", body: "A \(name)-backed venture raised $50 million on Monday.", fires: true),
                Item(id: "\(id)-sentiment", title: "Sentiment", body: "Anti-\(name) sentiment grew on Monday after the report.", fires: true),
                Item(id: "\(id)-board", title: "Board", body: "The \(name) board met on Monday to discuss the plan.", fires: true),
                Item(id: "\(id)-profit", title: "Profit", body: "\(name)'s profit rose 5% in the quarter, it said on Monday.", fires: true),
                Item(id: "\(id)-foundation", title: "Grant", body: "The \(name) Foundation gave a grant of $1 million to the school.", fires: false),
                Item(id: "\(id)-url", title: "More", body: "Read more at https://www.\(first).example/news on the site.", fires: false),
                Item(id: "\(id)-script", title: "Rain", body: "<script>var x='\(name)';</script><p>Rain is expected on Monday.</p>", fires: false),
            ]
        case .location:
            return [
                Item(id: "\(id)-in", title: "Officials", body: "Officials in \(name) said on Monday the border would reopen.", fires: true),
                Item(id: "\(id)-possessive", title: "Government", body: "\(name)'s government said on Monday the border would reopen.", fires: true),
                Item(id: "\(id)-headline", title: "\(name) reopens border", body: "The government of \(name) said on Monday the border would reopen.", fires: true),
                Item(id: "\(id)-capitals", title: "\(name.uppercased()) REOPENS BORDER", body: "The government of \(name) said on Monday the border would reopen.", fires: true),
                Item(id: "\(id)-visit", title: "Visit", body: "The minister arrived in \(name) on Monday for a two-day visit.", fires: true),
                Item(id: "\(id)-based", title: "Firm", body: "A \(name)-based company said on Monday it would hire 200 people.", fires: true),
                Item(id: "\(id)-north", title: "Troops", body: "Troops moved north of \(name) on Monday, witnesses said.", fires: true),
                Item(id: "\(id)-border", title: "Border", body: "Troops gathered on the \(name)-Syria border on Monday.", fires: true),
                Item(id: "\(id)-capital", title: "Capital", body: "\(name)'s capital was quiet on Monday, residents said.", fires: true),
                Item(id: "\(id)-region", title: "Floods", body: "Floods hit northern \(name) on Monday, officials said.", fires: true),
                Item(id: "\(id)-url", title: "More", body: "Read more at https://news.example/\(name.lowercased())/latest today.", fires: false),
            ]
        }
    }

    @Test("each watched name fires in its plain sentences and not on its lookalikes")
    func templates() throws {
        let analyzer = try AlertCaseTests.analyzer()
        var wrong: [String] = []
        var count = 0
        for watch in analyzer.extractor.matcher.entries {
            for item in Self.items(for: watch) {
                var entry = Entry()
                entry.id = item.id
                entry.title = item.title
                entry.summary = item.body
                let fired = analyzer.decide(entry, feedID: "t", feedURL: "https://t.example/", feedTitle: nil, now: Date()).alerts.map(\.rule)
                count += 1
                if fired.contains(watch.id) != item.fires { wrong.append("\(item.id): \(fired.sorted())") }
            }
        }
        #expect(count >= 1400)
        #expect(wrong.isEmpty, "\(wrong.count) of \(count): \(wrong)")
    }
}
