import Foundation
import Model

/// What one transfer collects while libcurl runs it; reached from curl's
/// callbacks through `Unmanaged` userdata. Lives on the fetch thread only.
final class Transfer {
    let id: UInt64
    let request: HTTPRequest
    let continuation: CheckedContinuation<HTTPResponse, any Error>
    var body: [UInt8] = []
    var head = ResponseHead()
    var exceededCap = false

    init(id: UInt64, request: HTTPRequest, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        self.id = id
        self.request = request
        self.continuation = continuation
    }

    /// Appends body bytes; false once the cap is passed, so curl aborts the transfer.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= request.maxBodyBytes else {
            exceededCap = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// One raw header line, as libcurl hands it over.
    func receiveHeader(_ line: String) {
        head.receive(line)
    }
}
