internal import CCurl
internal import CCurlShim

/// Owns a libcurl share handle: one DNS cache and one TLS session cache for every
/// transfer, so a site's second feed resumes the first one's TLS session instead of a
/// full handshake (curl_share_setopt(3)). The multi handle already shares connections.
/// Not Sendable: the fetch thread is its only user, so it needs no lock callbacks.
final class CurlShare {
    let handle: UnsafeMutableRawPointer?

    init() {
        handle = curl_share_init()
        guard let handle else { return }
        for data in [CURL_LOCK_DATA_DNS, CURL_LOCK_DATA_SSL_SESSION] {
            // A refusal only loses the cache: each transfer then keeps its own.
            _ = ccurl_share_setopt_long(handle, CURLSHOPT_SHARE, Int(data.rawValue))
        }
    }

    deinit {
        if let handle { curl_share_cleanup(handle) }
    }
}
