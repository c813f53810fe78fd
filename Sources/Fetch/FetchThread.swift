import Foundation
import Synchronization
internal import CCurl

/// The loop of the fetch thread: takes requests, drives libcurl, resumes callers.
struct FetchThread {
    let shared: EngineState
    let maxConnections: Int

    func run() {
        guard let multi = CurlMulti(maxConnections: maxConnections) else {
            failForever()
            return
        }
        let share = CurlShare()
        let address = UInt(bitPattern: multi.handle)
        shared.mutex.withLock { $0.multiHandle = address }
        var running: [UInt64: CurlEasy] = [:]
        while true {
            let (started, cancelled, stopping) = shared.mutex.withLock { queue in
                defer { queue.pending.removeAll(); queue.cancelled.removeAll() }
                queue.lastBeat = .now
                return (queue.pending, queue.cancelled, queue.stopping)
            }
            if stopping { break }
            for transfer in started {
                if cancelled.contains(transfer.id) {
                    transfer.continuation.resume(throwing: FetchError.cancelled(url: transfer.request.url))
                } else if let easy = start(transfer, on: multi, share: share) {
                    running[transfer.id] = easy
                }
            }
            for id in cancelled {
                guard let easy = running.removeValue(forKey: id) else { continue }
                multi.remove(easy)
                easy.transfer.continuation.resume(throwing: FetchError.cancelled(url: easy.transfer.request.url))
            }
            // Finished transfers are answered before waiting: a file: read or a
            // fast server completes inside perform and must not wait out the poll.
            if let failure = multi.perform() {
                // The multi handle failed as a whole: its transfers fail, and callers retry later.
                for easy in running.values {
                    multi.remove(easy)
                    easy.transfer.continuation.resume(throwing: FetchError.transport(code: -1, message: failure, url: easy.transfer.request.url))
                }
                running.removeAll()
            }
            for (easy, code) in multi.takeFinished() {
                running[easy.transfer.id] = nil
                easy.transfer.continuation.resume(with: easy.finish(code: code).mapError { $0 as any Error })
            }
            if !multi.poll(timeoutMs: 1000) { usleep(10_000) }
        }
        shared.mutex.withLock { queue in
            queue.multiHandle = nil
            queue.lastBeat = nil
        }
        for easy in running.values {
            multi.remove(easy)
            easy.transfer.continuation.resume(throwing: FetchError.engineStopped)
        }
        failForever()
    }

    private func start(_ pending: PendingTransfer, on multi: CurlMulti, share: CurlShare) -> CurlEasy? {
        let transfer = Transfer(id: pending.id, request: pending.request, continuation: pending.continuation)
        guard let easy = CurlEasy(transfer: transfer, share: share) else {
            pending.continuation.resume(throwing: FetchError.transport(code: -1, message: "cannot allocate a curl handle", url: pending.request.url))
            return nil
        }
        do {
            try easy.configure()
        } catch {
            pending.continuation.resume(throwing: error)
            return nil
        }
        guard multi.add(easy) else {
            pending.continuation.resume(throwing: FetchError.transport(code: -1, message: "cannot start the transfer", url: pending.request.url))
            return nil
        }
        return easy
    }

    /// After the loop ends, every request still arriving fails at once.
    private func failForever() {
        let leftovers = shared.mutex.withLock { queue in
            queue.stopping = true
            defer { queue.pending.removeAll() }
            return queue.pending
        }
        for transfer in leftovers { transfer.continuation.resume(throwing: FetchError.engineStopped) }
    }
}
