import Foundation
import Synchronization
internal import CCurl

/// All HTTP of feedwatch: feed fetches and webhook posts. One dedicated thread
/// owns the libcurl multi handle and every easy handle; async callers enqueue
/// a request and await a continuation, and the thread is woken with
/// `curl_multi_wakeup` (an actor would block the cooperative pool in curl_multi_poll).
public final class FetchEngine: Sendable {
    public static let version = "0.1.0"
    package static let defaultUserAgent = "feedwatch/\(version) (+https://github.com/feedwatch/feedwatch)"

    private let shared = EngineState()

    /// Once per process, before any thread starts (curl_global_init(3)).
    public static func initializeLibrary() {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }

    public init(maxConnections: Int = 64) {
        let shared = self.shared
        let thread = Thread { FetchThread(shared: shared, maxConnections: maxConnections).run() }
        thread.name = "feedwatch-fetch"
        thread.start()
    }

    deinit { shutdown() }

    /// Runs one transfer. Throws `FetchError`; cancelling the task aborts the transfer.
    package func perform(_ request: HTTPRequest) async throws -> HTTPResponse {
        let id = shared.mutex.withLock { $0.allocateID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let accepted = shared.mutex.withLock { queue -> Bool in
                    guard !queue.stopping else { return false }
                    queue.pending.append(PendingTransfer(id: id, request: request, continuation: continuation))
                    queue.wake()
                    return true
                }
                if !accepted { continuation.resume(throwing: FetchError.engineStopped) }
            }
        } onCancel: {
            shared.mutex.withLock { queue in
                queue.cancelled.insert(id)
                queue.wake()
            }
        }
    }

    /// Is the fetch thread going round its loop? It does at least once a second
    /// (`curl_multi_poll`'s timeout), so a thread silent for `within` seconds is stuck or gone.
    public func isAlive(within seconds: Double = 10) -> Bool {
        let beat = shared.mutex.withLock { $0.lastBeat }
        guard let beat else { return false }
        return ContinuousClock.now - beat < .milliseconds(Int64(seconds * 1000))
    }

    /// Fails every waiting and running transfer and stops the thread.
    public func shutdown() {
        shared.mutex.withLock { queue in
            queue.stopping = true
            queue.wake()
        }
    }
}

struct PendingTransfer {
    let id: UInt64
    let request: HTTPRequest
    let continuation: CheckedContinuation<HTTPResponse, any Error>
}

/// The mutex-guarded queue, in a class so the engine and its thread share one.
final class EngineState: Sendable {
    let mutex = Mutex(EngineQueue())
}

/// State shared between callers and the fetch thread, always under the mutex.
struct EngineQueue: ~Copyable {
    var pending: [PendingTransfer] = []
    var cancelled: Set<UInt64> = []
    var stopping = false
    /// When the fetch thread last went round its loop; nil before it starts and after it ends.
    var lastBeat: ContinuousClock.Instant?
    private var nextID: UInt64 = 0
    /// The multi handle while the fetch thread runs; only used for
    /// curl_multi_wakeup, which libcurl documents as thread-safe, and cleared
    /// under the mutex before the handle is freed.
    /// Kept as an address so the queue stays a plain Sendable value.
    var multiHandle: UInt?

    mutating func allocateID() -> UInt64 {
        nextID += 1
        return nextID
    }

    func wake() {
        if let multiHandle, let handle = UnsafeMutableRawPointer(bitPattern: multiHandle) {
            CurlMulti.wakeup(handle)
        }
    }
}
