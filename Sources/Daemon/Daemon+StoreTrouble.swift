import Foundation
import Logging
import Store

/// A state store that cannot write (the disk is full, the file system went
/// read-only) does not stop the daemon. Its transactions roll back whole, so no
/// item is ever marked seen without its alerts; polls and deliveries wait and
/// are tried again, and the daemon goes on by itself once the store writes again.
extension Daemon {
    /// How long polls and deliveries wait after the store failed to write.
    static let storeTroublePause: TimeInterval = 5

    func withStoreTrouble(_ event: Event?, _ body: () throws(StoreError) -> Void) {
        do {
            try body()
            if storeTroubleUntil != nil, let event, Self.writes(event) {
                storeTroubleUntil = nil
                readiness?.storeTrouble(nil)
                logger.notice("state store writes again; polls and deliveries resume")
            }
        } catch {
            let now = clock()
            if storeTroubleUntil == nil {
                logger.error("state store cannot write; nothing is marked seen and alerts stay queued until it can",
                             metadata: ["store.error": "\(error)"])
            } else {
                logger.debug("state store still cannot write", metadata: ["store.error": "\(error)"])
            }
            storeTroubleUntil = now.addingTimeInterval(Self.storeTroublePause)
            readiness?.storeTrouble("\(error)")
            try? store.recover()
        }
    }

    private static func writes(_ event: Event) -> Bool {
        switch event {
        case .recordAnalyzed, .delivered: true
        case .tick, .polled, .analyzed, .hubAnswered, .pushParsed: false
        }
    }

    /// Whether the store's trouble still holds work back at `now`.
    func storeTroubleHolds(_ now: Date) -> Bool {
        guard let until = storeTroubleUntil else { return false }
        return now < until
    }
}
