import Foundation
import Synchronization
import Model

/// Alerts appended as JSON lines to a file, each line fsync'd before it
/// counts as delivered. SIGHUP reopens the path so logrotate works.
public final class FileOutput: AlertOutput {
    public let name: String
    public let path: String
    /// The open descriptor (-1 when closed), guarded so reopen and write never race.
    private let descriptor = Mutex<Int32>(-1)

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    deinit { descriptor.withLock { if $0 >= 0 { close($0) } } }

    public func deliver(_ delivery: Delivery) async -> DeliveryResult {
        await deliver(batch: [delivery])[0]
    }

    /// An alert storm drains in batches: one write and one fsync for all their lines.
    public var batchLimit: Int { 1024 }
    /// One batch at a time: lines of two batches never interleave, and one fsync covers a batch.
    public var concurrencyLimit: Int { 1 }

    public func deliver(batch: [Delivery]) async -> [DeliveryResult] {
        let result = write(lines(batch))
        return batch.map { _ in result }
    }

    public var deliversInline: Bool { true }

    public func deliverInline(_ batch: [Delivery]) -> Bool {
        guard case .delivered = write(lines(batch)) else { return false }
        return true
    }

    private func lines(_ batch: [Delivery]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(batch.reduce(0) { $0 + $1.payload.utf8.count + 1 })
        for delivery in batch {
            bytes.append(contentsOf: delivery.payload.utf8)
            bytes.append(0x0A)
        }
        return bytes
    }

    private func write(_ bytes: [UInt8]) -> DeliveryResult {
        descriptor.withLock { fd -> DeliveryResult in
            if fd < 0 { fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640) }
            guard fd >= 0 else { return .retry(after: nil, reason: "file: cannot open \(path): \(String(cString: strerror(errno)))") }
            let end = lseek(fd, 0, SEEK_END)
            guard FileDescriptorWriter.writeAll(fd, bytes), fsync(fd) == 0 else {
                let reason = "file: cannot write \(path): \(String(cString: strerror(errno)))"
                // A full disk may have taken half a line: cut it, so the retry writes whole lines.
                if end >= 0 { _ = ftruncate(fd, end) }
                close(fd)
                fd = -1
                return .retry(after: nil, reason: reason)
            }
            return .delivered
        }
    }

    public func reopen() {
        descriptor.withLock { fd in
            if fd >= 0 { close(fd) }
            fd = -1  // opened again, at the path's new file, by the next delivery
        }
    }
}
