// swift-tools-version:6.1
// riskd: risk register, ethical code and conflict-of-interest declarations, served over Varlink.
// Module map and one-way dependencies: docs/architecture.md and README.md ("Where things live").
import PackageDescription

let package = Package(
    name: "riskd",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "riskd", targets: ["riskd"]),
        .executable(name: "riskctl", targets: ["riskctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // 4.x: on Linux, Crypto imports FoundationEssentials (3.x imported Foundation, and with it ICU, into riskctl).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // libsystemd: journal, sd_notify, sd_listen_fds.
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),

        // The pure domain: values, scoring, rules, permissions. No I/O, no clock.
        .target(name: "RiskCore"),

        // Generic Varlink: framing, messages, org.varlink.service, server on NIO, blocking client.
        .target(
            name: "Varlink",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The Varlink IDL grammar and the Swift it generates; VarlinkGenerator is its command line, run at build time
        // by the VarlinkCodegen plugin. Neither is linked into riskd or riskctl.
        .target(name: "VarlinkIDL"),
        .executableTarget(name: "VarlinkGenerator", dependencies: ["VarlinkIDL"]),
        .plugin(name: "VarlinkCodegen", capability: .buildTool(), dependencies: ["VarlinkGenerator"]),

        // The org.riskd.* interfaces: the IDL files in IDL/ are their one source; the parameter, reply and error
        // types, the method descriptors and the role table are generated from them. Shared by riskd and riskctl.
        .target(
            name: "RiskProtocol",
            dependencies: ["Varlink"],
            plugins: ["VarlinkCodegen"]
        ),

        // The database: one RiskDatabase type owning the GRDB pool, migrations and the audit chain.
        .target(
            name: "RiskStore",
            dependencies: [
                "RiskCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),

        // SSH public keys and signatures as `ssh-keygen -Y sign` makes them: the SSHSIG armour is parsed here, the
        // cryptography is swift-crypto's (RSA from _CryptoExtras).
        .target(
            name: "SSHSignature",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),

        // journald, sd_notify, watchdog, socket activation.
        .target(
            name: "RiskSystemd",
            dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")]
        ),

        // The daemon: configuration, identity, dispatch, services.
        .target(
            name: "RiskDaemon",
            dependencies: [
                "RiskCore", "RiskStore", "RiskProtocol", "Varlink", "RiskSystemd", "SSHSignature",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                // The board pack is a Mustache template an organisation can replace (report.template).
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("Report/board-pack.mustache"), .embedInCode("Report/minutes.mustache")]
        ),

        // Helpers for tests: in-memory databases, a daemon on a temporary socket, fixtures.
        .target(
            name: "RiskTestSupport",
            dependencies: ["RiskDaemon", "RiskStore", "RiskCore", "RiskProtocol", "Varlink"]
        ),

        // The fuzz harness: bytes through the server's frame decoder and parser, calls through riskd's dispatcher
        // over an in-memory database. Fuzzed by riskd-fuzz (`make fuzz`), replayed by RiskFuzzingTests.
        .target(
            name: "RiskFuzzing",
            dependencies: [
                "RiskDaemon", "RiskStore", "RiskCore", "Varlink", "SSHSignature",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The libFuzzer entry point; built with -sanitize=fuzzer only by `make fuzz` (a replayer otherwise).
        .executableTarget(name: "riskd-fuzz", dependencies: ["RiskFuzzing"]),

        .executableTarget(
            name: "riskd",
            dependencies: [
                "RiskDaemon", "RiskSystemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The client links the protocol and the Varlink client only: never SQLite.
        .executableTarget(
            name: "riskctl",
            dependencies: [
                "RiskProtocol", "Varlink",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // `ethics ack` sends the SHA-256 of the text it showed; the daemon's own hash library.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        .testTarget(name: "RiskCoreTests", dependencies: ["RiskCore"]),
        // The generator's grammar and refusals, and a throwaway IDL generated by the plugin as RiskProtocol's is.
        .testTarget(name: "VarlinkIDLTests", dependencies: ["VarlinkIDL", "Varlink"], plugins: ["VarlinkCodegen"]),
        .testTarget(
            name: "VarlinkTests",
            dependencies: [
                "Varlink", "RiskTestSupport", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "RiskStoreTests",
            dependencies: ["RiskStore", "RiskCore", "RiskTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "RiskDaemonTests",
            dependencies: [
                "RiskDaemon", "RiskProtocol", "Varlink", "RiskTestSupport", "RiskStore", "RiskCore",
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "RiskFuzzingTests", dependencies: ["RiskFuzzing"]),
        // Signatures made by the real ssh-keygen (Fixtures/make-fixtures.sh), and the same broken in every way.
        .testTarget(name: "SSHSignatureTests", dependencies: ["SSHSignature"], exclude: ["Fixtures"]),
        // riskctl's pure parts, through @testable import of the executable: the test binary links Foundation and
        // Testing, riskctl itself still does not.
        .testTarget(name: "RiskctlTests", dependencies: ["riskctl", "RiskCore"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
