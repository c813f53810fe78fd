internal import CCurl

/// Owns a `curl_slist` (request header lines) and frees it in deinit.
/// Not Sendable: it lives on the fetch thread with the easy handle that uses it.
final class CurlSList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init(_ lines: [String]) {
        for line in lines {
            // curl_slist_append returns NULL on allocation failure and leaves the list intact.
            if let appended = curl_slist_append(pointer, line) { pointer = appended }
        }
    }

    deinit { curl_slist_free_all(pointer) }
}
