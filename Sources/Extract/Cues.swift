/// Word lists the rule-based tagger reads. Short on purpose: they are cues,
/// not gazetteers.
enum Cues {
    static let titles: Set<String> = [
        "president", "minister", "mr", "mrs", "ms", "dr", "prof", "sen", "senator", "rep", "gov", "governor",
        "king", "queen", "prince", "princess", "pope", "sheikh", "gen", "general", "chancellor", "premier",
        "ambassador", "secretary", "leader", "chief", "spokesman", "spokeswoman", "judge", "mayor", "envoy",
        "commander", "colonel", "captain", "emir", "sultan", "ayatollah", "rabbi", "imam", "said", "says",
    ]

    static let particles: Set<String> = ["al", "bin", "ibn", "bint", "von", "van", "der", "de", "da", "del", "di", "du", "la", "le", "of", "abu", "el", "ben"]

    static let organisationWords: Set<String> = [
        "inc", "corp", "corporation", "ltd", "llc", "plc", "group", "party", "ministry", "agency", "council",
        "bank", "university", "organization", "organisation", "association", "union", "company", "forces",
        "army", "court", "committee", "commission", "news", "times", "post", "institute", "foundation",
        "authority", "department", "office", "parliament", "congress", "senate", "police", "brigades",
        "movement", "front", "fund", "reuters", "nato", "hamas", "hezbollah", "un", "eu", "who", "imf",
    ]

    static let places: Set<String> = [
        "turkey", "israel", "gaza", "iran", "iraq", "syria", "lebanon", "jordan", "egypt", "qatar", "saudi arabia",
        "united states", "us", "usa", "uk", "united kingdom", "russia", "ukraine", "china", "france", "germany",
        "europe", "washington", "london", "paris", "moscow", "beijing", "ankara", "istanbul", "cairo", "doha",
        "tehran", "jerusalem", "tel aviv", "beirut", "damascus", "baghdad", "riyadh", "west bank", "rafah",
        "yemen", "libya", "greece", "athens", "brussels", "berlin", "kyiv", "india", "pakistan", "japan",
        "africa", "asia", "middle east", "new york", "geneva", "vienna", "rome", "madrid", "amman",
    ]

    static let stopwords: Set<String> = ["i", "a", "an", "the", "it", "he", "she", "we", "they", "this", "that", "but", "and", "or"]

    static let commonSentenceStarts: Set<String> = [
        "the", "a", "an", "in", "on", "at", "for", "but", "and", "he", "she", "it", "they", "we", "i", "this",
        "that", "these", "those", "after", "before", "when", "while", "as", "if", "with", "from", "by", "to",
        "his", "her", "their", "its", "our", "there", "here", "what", "why", "how", "who", "where", "some",
        "many", "most", "all", "no", "not", "one", "two", "three", "new", "more", "also", "however", "meanwhile",
        "during", "since", "until", "under", "over", "about", "according", "despite", "officials", "police",
        "yesterday", "today", "tomorrow", "last", "next", "earlier", "later", "now", "then", "so", "yet",
    ]
}
