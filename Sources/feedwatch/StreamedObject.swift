import Foundation

/// Buffered writes to a file descriptor (standard output, or a spool file),
/// for output made in many small pieces.
struct StreamedObject {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    mutating func write(_ text: String) {
        write(Array(text.utf8))
    }

    mutating func write(_ bytes: [UInt8]) {
        if buffer.isEmpty, bytes.count >= 1 << 16 {
            OutputWriter.writeAll(bytes, to: descriptor)  // big enough to go out as it is
            return
        }
        buffer += bytes
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        OutputWriter.writeAll(buffer, to: descriptor)
        buffer.removeAll(keepingCapacity: true)
    }
}
