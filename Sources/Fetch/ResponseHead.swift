import Bounds
import Model

/// The status and headers of one HTTP response, read line by line as libcurl
/// hands them over (CURLOPT_HEADERFUNCTION), or from a raw head at once.
/// Header names are lower-cased; the last value of a repeated header wins.
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
            let text = String(decoding: line, as: UTF8.self)
            if text.trimmed.isEmpty, status != 0 { break }
            receive(text)
        }
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
        let value = line[line.index(after: colon)...].trimmed
        headers[name] = value
    }

    private static func statusCode(_ digits: Substring.UTF8View) -> Int {
        guard digits.count == 3, let code = DigitRun.value(digits, as: Int.self) else { return 0 }
        return code
    }
}
