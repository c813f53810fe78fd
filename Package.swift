// swift-tools-version:6.1
import PackageDescription

// Dependencies are kept few on purpose: CI builds from scratch on 2 cores.
// HMAC-SHA256 comes from the system's libcrypto and SQLite from the system's
// libsqlite3, each behind a small Swift owner.
// Parse keeps a parse's state in one object, touched on every SAX event, and
// Model's JSON writer is called per value; Swift's run-time exclusivity checks
// on those accesses cost about 7% of a parse (measured with perf). Release
// builds drop the run-time checks there; the compile-time ones stay, debug
// builds and tests keep both, and each parser is confined to one thread.
let withoutRuntimeExclusivityChecks: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "feedwatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "feedwatch", targets: ["feedwatch"]),
        .executable(name: "feedwatch-train", targets: ["feedwatch-train"]),
        .executable(name: "feedwatch-bench", targets: ["feedwatch-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The one local HTTP listener (/metrics, /healthz, /readyz) and the service lifecycle.
        // Traits off: no swift-configuration, which feedwatch does not read its settings from.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CLibCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        // The public suffix list (Debian's, through libpsl): which sites share a politeness limit.
        .systemLibrary(
            name: "CPSL", pkgConfig: "libpsl",
            providers: [.apt(["libpsl-dev"])]),

        // Every number from outside is converted here (README.md, "Bounds").
        .target(name: "Bounds"),
        .target(name: "Model", dependencies: ["Bounds"], swiftSettings: withoutRuntimeExclusivityChecks),
        .target(name: "Fetch", dependencies: ["Bounds", "Model", "CCurl", "CCurlShim", "CPSL"]),
        .target(name: "Parse", dependencies: ["Bounds", "Model", "CLibXML2"], swiftSettings: withoutRuntimeExclusivityChecks),
        .target(name: "Extract", dependencies: ["Model"], resources: [.copy("Resources")]),
        .target(name: "Rules", dependencies: ["Model"]),
        .target(name: "Outputs", dependencies: ["Bounds", "Model", "CLibCrypto",
                                               .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "Store", dependencies: ["Bounds", "Model", "CSQLite"]),
        // The daemon's local HTTP server; it knows routes, not the daemon.
        .target(name: "Listener", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .target(
            name: "Daemon",
            dependencies: [
                "Bounds", "Model", "Fetch", "Parse", "Extract", "Rules", "Outputs", "Store", "Listener",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]),
        .executableTarget(
            name: "feedwatch",
            dependencies: [
                "Model", "Fetch", "Parse", "Extract", "Rules", "Outputs", "Daemon", "Listener",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // libFuzzer targets (`make fuzz`); built normally, feedwatch-fuzz replays inputs.
        .target(name: "FuzzTargets", dependencies: ["Bounds", "Model", "Fetch", "Parse", "Extract", "Rules", "Outputs", "Daemon", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(name: "feedwatch-fuzz", dependencies: ["FuzzTargets", "Parse"]),
        .executableTarget(
            name: "feedwatch-train",
            dependencies: ["Model", "Extract", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "feedwatch-bench",
            dependencies: ["Model", "Extract", "Daemon", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        .target(name: "TestSupport", dependencies: ["Model"], path: "Tests/TestSupport"),
        .testTarget(name: "BoundsTests", dependencies: ["Bounds"]),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"], exclude: ["Findings"]),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "FetchTests", dependencies: ["Fetch", "TestSupport"]),
        .testTarget(name: "ParseTests", dependencies: ["Parse", "Model"], exclude: ["Fixtures"]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract", "Model"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Model"]),
        .testTarget(name: "OutputsTests", dependencies: ["Outputs", "Model", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Model"]),
        .testTarget(name: "DaemonTests", dependencies: ["Daemon", "Fetch", "Listener", "Model", "Store", "TestSupport", "feedwatch",
                                                     .product(name: "Logging", package: "swift-log"),
                                                     .product(name: "InMemoryLogging", package: "swift-log"),
                                                     .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
                    exclude: ["AlertCases"]),
    ],
    swiftLanguageModes: [.v6]
)
