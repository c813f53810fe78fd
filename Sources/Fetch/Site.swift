import Foundation
internal import CPSL

/// The site a URL belongs to, for politeness: its registrable domain by the public
/// suffix list, so that `feeds.bbci.co.uk` and `www.bbc.co.uk` are one site (`bbc.co.uk`),
/// and `a.github.io` and `b.github.io` two. The list is the system's (libpsl, with the
/// newest of its built-in copy and Debian's `publicsuffix` file); none is shipped here.
package enum Site {
    /// The site of `url`; nil for a URL without a host (`file:`), which no limit concerns.
    /// An IP address, or a name the list has no registrable domain for, is its own site.
    package static func key(of url: String) -> String? {
        guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else { return nil }
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        // An IP address is a site of its own (the list would read 127.0.0.1 as a name under "1").
        if name.contains(":") || name.split(separator: ".").allSatisfy({ UInt8($0) != nil }) { return name }
        guard let list = PublicSuffixList.shared.context else { return name }
        let registrable = name.withCString { psl_registrable_domain(list, $0).map { String(cString: $0) } }
        return registrable ?? name
    }

    /// Loopback, private (RFC 1918, unique local) and link-local addresses, and `localhost`:
    /// a server there is one's own, and asks nothing of other feeds' schedules.
    package static func isPrivate(url: String) -> Bool {
        guard var host = URLComponents(string: url)?.host?.lowercased() else { return true }
        host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host.hasPrefix("fc") || host.hasPrefix("fd")
            || host.hasPrefix("fe80:") { return true }
        let octets = host.split(separator: ".").compactMap { UInt8($0) }
        guard octets.count == 4, host.split(separator: ".").count == 4 else { return false }
        switch (octets[0], octets[1]) {
        case (127, _), (10, _), (192, 168), (169, 254): return true
        case (172, 16...31): return true
        default: return false
        }
    }
}

/// The loaded list. `@unchecked Sendable`: the context is created once, never changed, and
/// libpsl's lookups only read it, so threads may share it (libpsl(3): psl_ctx_t is
/// read-only after loading).
private final class PublicSuffixList: @unchecked Sendable {
    static let shared = PublicSuffixList()
    let context: OpaquePointer?

    private init() {
        // psl_latest(NULL): the newer of the built-in list and the distribution's file.
        context = psl_latest(nil) ?? psl_builtin()
    }
}
