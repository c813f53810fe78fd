import Bounds
import Model

/// The status and headers of one HTTP response, read line by line as libcurl
/// hands them over (CURLOPT_HEADERFUNCTION), or from a raw head at once.
/// Header names are lower-cased; the last value of a repeated header wins, but for Link,
/// whose values are joined.
package struct ResponseHead: Sendable {
    /// The status of the last status line, 0 before one was seen.
    package var status = 0
    package var headers: [String: String] = [:]
    /// The statuses of the redirects followed before this response (1xx left out).
    package var redirects: [Int] = []

    package init() {}

    /// Every redirect on the way was permanent (301 or 308, RFC 9110 §15.4.2 and §15.4.9),
    /// and there was at least one: the resource has a new URL for good.
    package var movedPermanently: Bool {
        !redirects.isEmpty && redirects.allSatisfy { $0 == 301 || $0 == 308 }
    }

    /// Every line of a raw response head, up to the first blank line.
    package init(raw bytes: some Collection<UInt8>) {
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let text = Array(line)
            if text.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }), status != 0 { break }
            text.withUnsafeBytes { receive(bytes: $0) }
        }
    }

    /// One header line as bytes, as libcurl hands it over: the name is folded to lower case
    /// and the value trimmed without making a String of the whole line first.
    package mutating func receive(bytes line: UnsafeRawBufferPointer) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), !line.starts(with: "HTTP/".utf8) else {
            receive(String(decoding: line, as: UTF8.self))
            return
        }
        var name = [UInt8]()
        name.reserveCapacity(colon)
        for byte in line[..<colon] where byte != 32 && byte != 9 {
            name.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        var start = colon + 1, end = line.count
        while start < end, line[start] == 32 || line[start] == 9 { start += 1 }
        while end > start, line[end - 1] == 32 || line[end - 1] == 9 || line[end - 1] == 13 || line[end - 1] == 10 { end -= 1 }
        store(String(decoding: name, as: UTF8.self), String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<end]), as: UTF8.self))
    }

    /// One header line. A status line starts a new response (after a redirect
    /// or a 100 Continue), so the headers of the previous one are dropped.
    package mutating func receive(_ line: String) {
        if line.hasPrefix("HTTP/") {
            if (300..<400).contains(status) { redirects.append(status) }
            headers.removeAll()
            // "HTTP/1.1 503 Service Unavailable": three digits (RFC 9110 §15), else 0.
            let fields = line.split(separator: " ", maxSplits: 2)
            status = fields.count >= 2 ? Self.statusCode(fields[1].utf8) : 0
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmed.lowercased()
        store(name, line[line.index(after: colon)...].trimmed)
    }

    /// Link is a list (RFC 8288 §3): its repeated fields are one list, joined by commas
    /// (RFC 9110 §5.3), up to a bound. Any other repeated field: the last wins.
    private mutating func store(_ name: String, _ value: String) {
        if name == "link", let earlier = headers[name], earlier.utf8.count < 16_384 {
            headers[name] = earlier + ", " + value
        } else {
            headers[name] = value
        }
    }

    private static func statusCode(_ digits: Substring.UTF8View) -> Int {
        guard digits.count == 3, let code = DigitRun.value(digits, as: Int.self) else { return 0 }
        return code
    }
}
