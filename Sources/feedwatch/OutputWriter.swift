import Foundation

/// Standard output written from a thread of its own. `parse` hands each
/// finished line over and goes on parsing: a slow reader at the other end of a
/// pipe then holds up this thread, not one of the cooperative pool's few
/// threads the parsing runs on (a blocking write(2) there idles a core).
/// Lines are gathered into 64 kB writes; what is gathered goes out as soon as
/// no line is queued behind it.
final class OutputWriter: @unchecked Sendable {
    // Safe to share: `queued`, `waiting` and `closed` are touched only under
    // `lock`; `buffer` only on `queue`, a serial queue.
    private let queue = DispatchQueue(label: "feedwatch.output")
    private let lock = NSLock()
    private var queued = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var buffer: [UInt8] = []
    private var closed = false

    /// The reader went away (a closed pipe): nothing more can be written.
    var isClosed: Bool { lock.withLock { closed } }

    /// Lines queued beyond this many bytes make the next writer wait: memory
    /// stays bounded when the reader is slower than the parser.
    static let maxQueued = 32 << 20

    init() {
        Self.widenPipe()
    }

    /// Queues one line (its newline is added here), suspending while the queue is full.
    func write(_ line: [UInt8]) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let mayGo = lock.withLock {
                guard queued > Self.maxQueued else { return true }
                waiting.append(continuation)
                return false
            }
            if mayGo { continuation.resume() }
        }
        lock.withLock { queued += line.count }
        queue.async { self.take(line) }
    }

    /// Queues the whole content of a spool file (its lines as written), then closes it.
    func copy(from descriptor: Int32) {
        queue.async {
            self.flush()
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            _ = lseek(descriptor, 0, SEEK_SET)
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                self.out(Array(chunk[..<count]))
            }
            close(descriptor)
        }
    }

    /// Returns when every queued line is written.
    func finish() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                self.flush()
                continuation.resume()
            }
        }
    }

    private func take(_ line: [UInt8]) {
        if buffer.isEmpty, line.count >= 1 << 16 {
            out(line)  // big enough to go out as it is
            out([10])
        } else {
            buffer += line
            buffer.append(10)
            if buffer.count >= 1 << 16 { flush() }
        }
        let (idle, resumed): (Bool, [CheckedContinuation<Void, Never>]) = lock.withLock {
            queued -= line.count
            guard queued <= Self.maxQueued else { return (false, []) }
            defer { waiting.removeAll() }
            return (queued == 0, waiting)
        }
        resumed.forEach { $0.resume() }
        if idle { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        out(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func out(_ bytes: [UInt8]) {
        guard !Self.writeAll(bytes, to: STDOUT_FILENO) else { return }
        lock.withLock { closed = true }
    }

    /// write(2), straight from the bytes (no Data copy), resumed after short
    /// writes and signals; false when the descriptor refuses them (a closed pipe).
    @discardableResult
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }

    /// A pipe on standard output holds 1 MB instead of 64 kB (fcntl(2)
    /// F_SETPIPE_SZ, the unprivileged maximum): fewer round trips to the
    /// reader. Anything else, or a refusal, is left as it is.
    static func widenPipe() {
        var status = stat()
        guard fstat(STDOUT_FILENO, &status) == 0, (status.st_mode & S_IFMT) == S_IFIFO else { return }
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ (Linux), not exported by the Glibc module
        _ = fcntl(STDOUT_FILENO, setPipeSize, Int32(1 << 20))
    }
}
