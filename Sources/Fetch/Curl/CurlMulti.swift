internal import CCurl
internal import CCurlShim

/// Owns the libcurl multi handle. Not Sendable: only the fetch thread calls
/// it, except `wakeup`, which curl documents as callable from any thread.
final class CurlMulti {
    let handle: UnsafeMutableRawPointer
    private var transfers: [UnsafeMutableRawPointer: CurlEasy] = [:]

    init?(maxConnections: Int) {
        guard let handle = curl_multi_init() else { return nil }
        self.handle = handle
        // HTTP/2 where the server offers it: a site's feeds share one connection (CURLMOPT_PIPELINING(3)).
        let options: [(CURLMoption, Int)] = [
            (CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections), (CURLMOPT_MAX_HOST_CONNECTIONS, 6),
            (CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX)),
        ]
        // A refused option leaves curl's default: safe, only less bounded or slower, and the
        // transfers' own limits (per transfer, per site) still hold.
        for (option, value) in options { _ = ccurl_multi_setopt_long(handle, option, value) }
    }

    deinit {
        for easy in transfers.values { curl_multi_remove_handle(handle, easy.handle) }
        transfers.removeAll()
        curl_multi_cleanup(handle)
    }

    var count: Int { transfers.count }

    func add(_ easy: CurlEasy) -> Bool {
        guard curl_multi_add_handle(handle, easy.handle) == CURLM_OK else { return false }
        transfers[easy.handle] = easy
        return true
    }

    func remove(_ easy: CurlEasy) {
        curl_multi_remove_handle(handle, easy.handle)
        transfers[easy.handle] = nil
    }

    /// Drives every transfer as far as it can go without waiting; curl's message when the
    /// multi handle itself failed (out of memory, an internal error).
    func perform() -> String? {
        var running: Int32 = 0
        let code = curl_multi_perform(handle, &running)
        return code == CURLM_OK ? nil : CurlError.mapMulti(code)
    }

    /// Waits up to `timeoutMs` for socket activity or a wakeup (curl_multi_poll(3)); false
    /// when it could not wait (the caller then pauses, rather than spin).
    func poll(timeoutMs: Int32) -> Bool {
        curl_multi_poll(handle, nil, 0, timeoutMs, nil) == CURLM_OK
    }

    /// Transfers libcurl reports finished, removed from the multi handle.
    func takeFinished() -> [(CurlEasy, CURLcode)] {
        var finished: [(CurlEasy, CURLcode)] = []
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(handle, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easyHandle = message.pointee.easy_handle,
                  let easy = transfers[easyHandle] else { continue }
            finished.append((easy, message.pointee.data.result))
        }
        for (easy, _) in finished { remove(easy) }
        return finished
    }

    static func wakeup(_ handle: UnsafeMutableRawPointer) {
        _ = curl_multi_wakeup(handle)
    }
}
