import Foundation

/// A thread of its own for the daemon's loop: the loop writes SQLite, fsyncs and
/// appends to alert files, and blocking calls like those must not hold one of the
/// cooperative pool's few threads (two on a 2-core VM) while analysis waits for it.
/// The loop runs here through a task-executor preference; its child tasks (fetching,
/// parsing, analysis, webhook deliveries) ask for the global executor instead.
/// The same pattern as GRDB's `DispatchQueueActor`, for a task rather than an actor.
///
/// `@unchecked Sendable`: the only mutable state, the job queue, is read and written
/// under `condition`'s lock; the thread itself is started once, in `init`.
final class LoopThread: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init(name: String) {
        // The thread keeps its executor alive until it has seen `stop()` and drained the queue.
        let thread = Thread { self.serve() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread end once the jobs already queued have run.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func serve() {
        while let batch = nextJobs() {
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }

    /// Every job queued so far, waiting for one if there is none; nil once stopped and drained.
    private func nextJobs() -> [UnownedJob]? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty, !stopped { condition.wait() }
        guard !jobs.isEmpty else { return nil }
        defer { jobs.removeAll(keepingCapacity: true) }
        return jobs
    }
}

extension ThrowingTaskGroup {
    /// A child task of the daemon's loop: it runs on the global executor, not on the
    /// loop's own thread, so that fetching and analysis never wait behind a store write.
    mutating func addChild(_ operation: sending @escaping @isolated(any) () async throws -> ChildTaskResult) {
        addTask(executorPreference: globalConcurrentExecutor, operation: operation)
    }
}
