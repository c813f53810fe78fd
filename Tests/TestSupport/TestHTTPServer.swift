import Foundation
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 (port 0) for tests: one thread accepts,
/// one thread serves each connection. Endpoints are a closure; every request is
/// recorded so tests can assert headers and count hits.
public final class TestHTTPServer: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        /// Header names lower-cased.
        public var headers: [String: String]
        public var body: [UInt8]
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// Wait this long before sending anything (a server that hangs).
        public var stall: TimeInterval = 0
        /// Keep sending this chunk forever (an endless body).
        public var endless: Bool = false

        public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], stall: TimeInterval = 0, endless: Bool = false) {
            self.status = status
            self.headers = headers
            self.body = body
            self.stall = stall
            self.endless = endless
        }

        public init(status: Int = 200, headers: [(String, String)] = [], text: String) {
            self.init(status: status, headers: headers, body: Array(text.utf8))
        }

        /// The same response, sent only after `seconds` (a server that hangs).
        public func stalled(_ seconds: TimeInterval) -> Self {
            var copy = self
            copy.stall = seconds
            return copy
        }
    }

    public let port: Int
    private let listener: Int32
    private let recorded = Mutex<[Request]>([])
    private let stopped = Mutex(false)

    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public var requests: [Request] { recorded.withLock { $0 } }
    public func hits(_ path: String) -> Int { requests.filter { $0.path == path }.count }

    public init(handler: @escaping @Sendable (Request) -> Response) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket(errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw ServerError.socket(errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        let acceptor = Thread { [self] in self.acceptLoop(handler: handler) }
        acceptor.start()
    }

    deinit { stop() }

    public func stop() {
        let already = stopped.withLock { value in
            defer { value = true }
            return value
        }
        guard !already else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    private func acceptLoop(handler: @escaping @Sendable (Request) -> Response) {
        while !isStopped {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let connection = Thread { [self] in
                self.serve(client, handler: handler)
                close(client)
            }
            connection.start()
        }
    }

    private func serve(_ fd: Int32, handler: (Request) -> Response) {
        guard let request = HTTPRequestReader.read(fd) else { return }
        recorded.withLock { $0.append(request) }
        let response = handler(request)
        var waited: TimeInterval = 0
        while waited < response.stall, !isStopped {
            usleep(20_000)
            waited += 0.02
        }
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        var headers = response.headers
        if !response.endless, !headers.contains(where: { $0.0.lowercased() == "content-length" }) {
            headers.append(("Content-Length", String(response.body.count)))
        }
        headers.append(("Connection", "close"))
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        guard send(fd, Array(head.utf8)) else { return }
        if response.endless {
            let chunk = response.body.isEmpty ? [UInt8](repeating: 0x41, count: 65536) : response.body
            while !isStopped, send(fd, chunk) {}
        } else {
            _ = send(fd, response.body)
        }
    }

    private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    public enum ServerError: Error { case socket(Int32) }
}

/// Reads one request: head up to CRLFCRLF, then Content-Length bytes of body.
enum HTTPRequestReader {
    static func read(_ fd: Int32) -> TestHTTPServer.Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headEnd: Int?
        while headEnd == nil {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            buffer.append(contentsOf: chunk[..<n])
            headEnd = find([13, 10, 13, 10], in: buffer)
        }
        guard let end = headEnd else { return nil }
        let head = String(decoding: buffer[..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(buffer[(end + 4)...])
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < length {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { break }
            body.append(contentsOf: chunk[..<n])
        }
        return .init(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<i + needle.count]) == needle { return i }
        }
        return nil
    }
}
