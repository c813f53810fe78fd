import Foundation
import Synchronization
import Model

/// Alerts on standard output: a readable line, or the alert JSON per line.
public final class StdoutOutput: AlertOutput {
    public enum Format: String, Sendable { case text, json }

    public let name: String
    private let format: Format
    /// Serialises writes so lines from concurrent deliveries never interleave.
    private let lock = Mutex(())

    public init(name: String, format: Format) {
        self.name = name
        self.format = format
    }

    public func deliver(_ delivery: Delivery) async -> DeliveryResult {
        await deliver(batch: [delivery])[0]
    }

    public var batchLimit: Int { 1024 }
    public var concurrencyLimit: Int { 1 }

    public func deliver(batch: [Delivery]) async -> [DeliveryResult] {
        var bytes: [UInt8] = []
        for delivery in batch {
            // An alert queued while no output printed readable lines kept none (an output
            // turned readable by a reload since): its JSON is printed instead.
            let readable = format == .text && !delivery.line.isEmpty
            bytes.append(contentsOf: (readable ? delivery.line : delivery.payload).utf8)
            bytes.append(0x0A)
        }
        let ok = lock.withLock { _ in FileDescriptorWriter.writeAll(STDOUT_FILENO, bytes) }
        let result: DeliveryResult = ok ? .delivered : .retry(after: nil, reason: "stdout: write failed (errno \(errno))")
        return batch.map { _ in result }
    }
}

/// Whole writes to a file descriptor, retried on EINTR and short writes.
enum FileDescriptorWriter {
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
