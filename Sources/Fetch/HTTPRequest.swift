import Foundation

/// What to fetch or post, and the bounds that keep one transfer from hurting the daemon.
package struct HTTPRequest: Sendable {
    package enum Method: String, Sendable { case get = "GET", post = "POST", put = "PUT" }

    package var url: String
    package var method: Method
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]
    /// Validators from the last response, sent as If-None-Match / If-Modified-Since (RFC 9110 §13.1).
    package var validators: ConditionalGet
    package var connectTimeout: TimeInterval
    package var totalTimeout: TimeInterval
    package var maxBodyBytes: Int
    package var maxRedirects: Int
    package var userAgent: String
    /// Set for an SMTP submission: `body` is then the message (RFC 5322) and `url` the server.
    package var mail: MailEnvelope?

    package init(
        url: String, method: Method = .get, headers: [(name: String, value: String)] = [],
        body: [UInt8] = [], validators: ConditionalGet = ConditionalGet(),
        connectTimeout: TimeInterval = 10, totalTimeout: TimeInterval = 30,
        maxBodyBytes: Int = 20 << 20, maxRedirects: Int = 5,
        userAgent: String = FetchEngine.defaultUserAgent
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.validators = validators
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.userAgent = userAgent
    }
}
