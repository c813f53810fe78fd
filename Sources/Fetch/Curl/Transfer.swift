import Foundation
import Model

/// What one transfer collects while libcurl runs it; reached from curl's
/// callbacks through `Unmanaged` userdata. Lives on the fetch thread only.
final class Transfer {
    let id: UInt64
    let request: HTTPRequest
    let continuation: CheckedContinuation<HTTPResponse, any Error>
    var body: [UInt8] = []
    /// Where the body goes once it passes `spillThreshold` bytes.
    var spooled: SpooledBody?
    var head = ResponseHead()
    var exceededCap = false
    /// The most a body keeps in memory: with 32 transfers at once, 32 MB at most.
    static let spillThreshold = 1 << 20
    private var received = 0

    init(id: UInt64, request: HTTPRequest, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        self.id = id
        self.request = request
        self.continuation = continuation
    }

    /// Appends body bytes; false once the cap is passed (or the spool cannot be
    /// written), so curl aborts the transfer. Past `spillThreshold` the body goes
    /// to a temporary file instead of memory (never for a POST's answer).
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard received + bytes.count <= request.maxBodyBytes else {
            exceededCap = true
            return false
        }
        received += bytes.count
        if let spooled { return spooled.append(bytes) }
        if request.method == .get, body.count + bytes.count > Self.spillThreshold, let spool = SpooledBody() {
            let ok = body.withUnsafeBytes { spool.append($0) } && spool.append(bytes)
            body = []
            spooled = spool
            return ok
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Bytes of the request body not yet handed to libcurl (an SMTP upload).
    private var uploaded = 0

    /// Copies the next piece of the request body into curl's buffer; 0 at the end.
    func provide(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, request.body.count - uploaded)
        guard count > 0 else { return 0 }
        request.body.withUnsafeBytes { body in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: body[uploaded..<(uploaded + count)]))
        }
        uploaded += count
        return count
    }

    /// One raw header line, as libcurl hands it over.
    func receiveHeader(_ line: UnsafeRawBufferPointer) {
        head.receive(bytes: line)
    }
}
