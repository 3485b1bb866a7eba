import Foundation
import Logging
import RiskCore
import RiskDaemon
import Varlink

/// A riskd served in-process on a temporary socket and database, for tests that speak Varlink to it.
///
/// The daemon runs in a child task of the caller's task group and is drained when `body` returns.
public enum TestDaemon {
    /// A temporary directory, removed after `body`.
    public static func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("riskd-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }

    /// Runs `body` with the socket path of a daemon configured by `configure` over per-test paths.
    public static func run<T: Sendable>(
        clock: Clock = .fixed(Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)),
        configure: (inout Configuration) -> Void = { _ in },
        _ body: @escaping @Sendable (String, Daemon) async throws -> T
    ) async throws -> T {
        try await withTemporaryDirectory { directory in
            var configuration = Configuration(
                paths: DefaultPaths(
                    socket: "\(directory)/riskd.sock",
                    database: "\(directory)/riskd.sqlite"
                )
            )
            configure(&configuration)
            var logger = Logger(label: "riskd-test")
            logger.logLevel = .critical
            let daemon = try Daemon(configuration: configuration, clock: clock, logger: logger)
            try await daemon.adoptEventLoopReaders()
            let listener = try await daemon.listen()
            let socket = configuration.socket
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await daemon.server.serve(listener)
                    return nil
                }
                defer {
                    daemon.drain()
                    listener.channel.close(promise: nil)
                }
                return try await body(socket, daemon)
            }
        }
    }
}
