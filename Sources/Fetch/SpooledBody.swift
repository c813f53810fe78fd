import Foundation

/// A response body too big to keep in memory, written to a temporary file as it
/// arrives and read back by the parser as a stream: a feed's bytes are never held
/// whole, whatever the server sends (up to the body cap).
///
/// `@unchecked Sendable`: the file is written only by the fetch thread while the
/// transfer runs and read only by the one consumer the finished response is
/// handed to; no two threads ever use it at once. The file is removed when the
/// last reference goes (deinit), or by the system's temporary-file cleanup after a crash.
public final class SpooledBody: @unchecked Sendable {
    public let path: String
    private var descriptor: Int32
    public private(set) var count = 0

    /// nil when no temporary file can be made.
    init?(directory: String = NSTemporaryDirectory()) {
        var template = Array((directory as NSString).appendingPathComponent("feedwatch-body-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        descriptor = fd
        path = String(cString: template)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        unlink(path)
    }

    /// Appends bytes; false when the disk refuses them.
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        count += bytes.count
        return true
    }

    /// Done writing: the file is complete and may be read.
    func finish() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }
}
