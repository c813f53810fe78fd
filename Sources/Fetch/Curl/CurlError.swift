import Bounds
internal import CCurl

/// The one place libcurl's result codes become `FetchError`s.
enum CurlError {
    static func map(_ code: CURLcode, transfer: Transfer) -> FetchError {
        let request = transfer.request
        if transfer.exceededCap || code == CURLE_FILESIZE_EXCEEDED {
            return .tooLarge(limit: request.maxBodyBytes, url: request.url)
        }
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout(seconds: Int(saturating: request.totalTimeout.rounded()), url: request.url)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(url: request.url)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .unsupportedURL(url: request.url)
        default:
            let message = curl_easy_strerror(code).map { String(cString: $0) } ?? "error"
            return .transport(code: Int(code.rawValue), message: message.lowercased(), url: request.url)
        }
    }

    static func mapMulti(_ code: CURLMcode) -> String {
        curl_multi_strerror(code).map { String(cString: $0) } ?? "curl multi error \(code.rawValue)"
    }
}
