import Foundation
import Daemon

/// Config JSON → `ConfigLoader`, as `feedwatch check` reads it. No
/// environment: a secret named by `env` is simply missing.
enum ConfigFuzzing {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        do {
            _ = try ConfigLoader.load(bytes: Array(bytes), path: "/nonexistent/fuzz/feeds.json", environment: [:])
        } catch {
            _ = error.description
        }
    }
}
