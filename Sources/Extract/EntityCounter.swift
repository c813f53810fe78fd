import Model

/// The `entities` list of an alert: each name once with its count, variants
/// of one name merged ("Erdoğan", "ERDOGAN" and, after "Recep Tayyip Erdoğan",
/// a bare "Erdogan" count as one).
public enum EntityCounter {
    public static func count(_ entities: [Entity]) -> [EntityCount] {
        var order: [String] = []
        var counts: [String: EntityCount] = [:]
        var surnames: [String: String] = [:]  // folded surname -> key of the full name
        for entity in entities {
            let folded = Folding.fold(entity.text)
            let severalWords = folded.utf8.contains(UInt8(ascii: " "))
            var key = entity.watch.map { "watch:\($0)" } ?? "\(entity.type.rawValue):\(folded)"
            if entity.watch == nil, entity.type == .person, !severalWords, let full = surnames[folded] {
                key = full
            }
            if var existing = counts[key] {
                existing.count += 1
                // Keep the longest written form as the name shown.
                if entity.text.count > existing.text.count { existing.text = entity.text }
                counts[key] = existing
            } else {
                order.append(key)
                counts[key] = EntityCount(text: entity.text, type: entity.type, count: 1)
            }
            if entity.type == .person, severalWords, let last = folded.split(separator: " ").last {
                surnames[String(last)] = key
            }
        }
        return order.compactMap { counts[$0] }.sorted { $0.count > $1.count }
    }
}
