@testable import Extract

extension Extractor {
    /// The watch ids of every accepted mention in an item's fields, in reading order.
    func watchIDs(_ fields: [String]) -> [String] {
        watchedEntities(inFields: fields).flatMap { $0.compactMap(\.watch) }
    }
}
