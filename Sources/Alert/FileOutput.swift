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
        let bytes = Array((delivery.payload + "\n").utf8)
        return descriptor.withLock { fd -> DeliveryResult in
            if fd < 0 { fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640) }
            guard fd >= 0 else { return .retry(after: nil, reason: "file: cannot open \(path): \(String(cString: strerror(errno)))") }
            guard FileDescriptorWriter.writeAll(fd, bytes), fsync(fd) == 0 else {
                let reason = "file: cannot write \(path): \(String(cString: strerror(errno)))"
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
