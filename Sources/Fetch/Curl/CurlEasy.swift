import Foundation
import Bounds
internal import CCurl
internal import CCurlShim

/// Owns one libcurl easy handle, configured for one `Transfer`.
/// Not Sendable: created, run and freed on the fetch thread.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    let transfer: Transfer
    private let headerList: CurlSList
    /// An SMTP submission's recipients (CURLOPT_MAIL_RCPT).
    private let recipients: CurlSList?
    /// The DNS and TLS session caches, held so that they outlive this handle.
    private let share: CurlShare?

    /// nil when libcurl cannot allocate a handle.
    init?(transfer: Transfer, share: CurlShare? = nil) {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.transfer = transfer
        self.share = share
        let request = transfer.request
        var lines = request.headers.map { "\($0.name): \($0.value)" }
        if request.method == .get { lines += request.validators.requestHeaders }
        lines.append("Expect:")  // no 100-continue round trip on POST
        headerList = CurlSList(lines)
        recipients = request.mail.map { CurlSList($0.recipients.map { "<\($0)>" }) }
    }

    deinit { curl_easy_cleanup(handle) }

    /// Applies every option; the first libcurl refusal becomes the error.
    func configure() throws(FetchError) {
        let request = transfer.request
        if let mail = request.mail { return try configureMail(mail) }
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        var codes: [CURLcode] = [
            ccurl_easy_setopt_string(handle, CURLOPT_URL, request.url),
            // Signals must not be used by curl in a threaded daemon (CURLOPT_NOSIGNAL).
            ccurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            ccurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https,file"),
            // A redirect may never lead to a local file (CURLOPT_REDIR_PROTOCOLS_STR).
            ccurl_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            ccurl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, request.maxRedirects > 0 ? 1 : 0),
            ccurl_easy_setopt_long(handle, CURLOPT_MAXREDIRS, request.maxRedirects),
            ccurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(millisecondsIn: request.connectTimeout)),
            ccurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(millisecondsIn: request.totalTimeout)),
            ccurl_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxBodyBytes)),
            // "" asks for every encoding this libcurl decodes (gzip, deflate, br).
            ccurl_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""),
            ccurl_easy_setopt_string(handle, CURLOPT_USERAGENT, request.userAgent),
            ccurl_easy_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList.pointer)),
            ccurl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody),
            ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
            ccurl_easy_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader),
            ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context),
            ccurl_easy_setopt_pointer(handle, CURLOPT_PRIVATE, context),
        ]
        if let shared = share?.handle { codes.append(ccurl_easy_setopt_pointer(handle, CURLOPT_SHARE, shared)) }
        if request.method != .get {
            codes.append(ccurl_easy_setopt_long(handle, CURLOPT_POST, 1))
            // A PUT with a body in memory: curl's POST machinery, with the method renamed
            // (CURLOPT_CUSTOMREQUEST(3)); a Matrix homeserver takes messages this way.
            if request.method == .put { codes.append(ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, "PUT")) }
            codes.append(ccurl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)))
            // COPYPOSTFIELDS copies the bytes, so the buffer need not outlive this call.
            codes.append(request.body.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else {
                    return ccurl_easy_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                }
                return ccurl_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
            })
        }
        if let failed = codes.first(where: { $0 != CURLE_OK }) {
            throw CurlError.map(failed, transfer: transfer)
        }
    }

    /// An SMTP submission: the envelope, the login, TLS as `MailEnvelope.security` says,
    /// and the message uploaded from memory (CURLOPT_UPLOAD with CURLOPT_READFUNCTION).
    private func configureMail(_ mail: MailEnvelope) throws(FetchError) {
        let request = transfer.request
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        let useSSL: Int = switch MailEnvelope.security(of: request.url) {
        case .implicitTLS, .startTLSRequired: Int(CURLUSESSL_ALL.rawValue)
        case .startTLSIfOffered: Int(CURLUSESSL_TRY.rawValue)
        }
        var codes: [CURLcode] = [
            ccurl_easy_setopt_string(handle, CURLOPT_URL, request.url),
            ccurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            ccurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"),
            ccurl_easy_setopt_long(handle, CURLOPT_USE_SSL, useSSL),
            ccurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(millisecondsIn: request.connectTimeout)),
            ccurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(millisecondsIn: request.totalTimeout)),
            ccurl_easy_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(mail.from)>"),
            ccurl_easy_setopt_pointer(handle, CURLOPT_MAIL_RCPT, UnsafeMutableRawPointer(recipients?.pointer)),
            ccurl_easy_setopt_long(handle, CURLOPT_UPLOAD, 1),
            ccurl_easy_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(request.body.count)),
            ccurl_easy_setopt_read_callback(handle, CURLOPT_READFUNCTION, curlReadBody),
            ccurl_easy_setopt_pointer(handle, CURLOPT_READDATA, context),
            ccurl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody),
            ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
            ccurl_easy_setopt_pointer(handle, CURLOPT_PRIVATE, context),
        ]
        if let username = mail.username { codes.append(ccurl_easy_setopt_string(handle, CURLOPT_USERNAME, username)) }
        if let password = mail.password { codes.append(ccurl_easy_setopt_string(handle, CURLOPT_PASSWORD, password)) }
        if let failed = codes.first(where: { $0 != CURLE_OK }) {
            throw CurlError.map(failed, transfer: transfer)
        }
    }

    /// The response once libcurl reports the transfer done with `code`.
    func finish(code: CURLcode) -> Result<HTTPResponse, FetchError> {
        var status = 0
        _ = ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        // An SMTP server's refusal (a 4xx or 5xx reply) is its answer, as an HTTP status is.
        if transfer.request.mail != nil, code != CURLE_OK, status >= 400 {
            return .failure(.mailRefused(reply: status, url: transfer.request.url))
        }
        guard code == CURLE_OK else { return .failure(CurlError.map(code, transfer: transfer)) }
        var effective: UnsafeMutablePointer<CChar>?
        _ = ccurl_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        let url = effective.map { String(cString: $0) } ?? transfer.request.url
        // A file: read has no HTTP status; success means the file was read whole.
        if status == 0 && url.lowercased().hasPrefix("file:") { status = 200 }
        transfer.spooled?.finish()
        var response = HTTPResponse(status: status, headers: transfer.head.headers, body: transfer.body, effectiveURL: url,
                                    spooled: transfer.spooled)
        response.movedPermanently = transfer.head.movedPermanently && url != transfer.request.url
        return .success(response)
    }
}

/// CURLOPT_WRITEFUNCTION: returning less than given aborts the transfer (the body cap).
private func curlWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard let data else { return 0 }
    return transfer.receive(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

/// CURLOPT_READFUNCTION: the next bytes of an upload; 0 ends it.
private func curlReadBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context, let data else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.provide(UnsafeMutableRawBufferPointer(start: data, count: size * count))
}

/// CURLOPT_HEADERFUNCTION: one header line per call, CRLF included.
private func curlWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let context, let data else { return length }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: length))
    return length
}
