import Foundation
import Logging
import NIOCore
import NIOPosix
import RiskTestSupport
import Varlink

/// A Varlink server for an example interface, on a temporary socket, with small limits.
enum TestServer {
    static let interface = """
        # An interface for tests.
        interface org.example.test

        # Echoes its text.
        method Echo(text: string, count: ?int) -> (text: string)

        # Declared, never served.
        method Later() -> ()

        # Answers several replies.
        method Count(to: int) -> (value: int)

        # Says whether the call ran on an event loop thread.
        method Where() -> (onEventLoop: bool)

        # Echoes its text after suspending once; says whether the call resumed on an event loop thread.
        method Suspend(text: string) -> (text: string, onEventLoop: bool)

        # Always fails.
        error Broken (why: string)
        """

    struct EchoParameters: Codable, Sendable {
        var text: String
        var count: Int?
    }

    struct CountParameters: Codable, Sendable {
        var to: Int
    }

    struct Value: Codable, Sendable {
        var value: Int
    }

    struct Place: Codable, Sendable {
        var onEventLoop: Bool
    }

    struct Resumed: Codable, Sendable, Equatable {
        var text: String
        var onEventLoop: Bool
    }

    static func run<T: Sendable>(
        maxMessageBytes: Int = 4096,
        frameTimeout: TimeAmount = .seconds(30),
        maxConnections: Int = 16,
        _ body: @escaping @Sendable (String) async throws -> T
    ) async throws -> T {
        guard let definition = VarlinkInterfaceDefinition(text: interface) else { throw ServerError() }
        let service = VarlinkService(
            info: .init(vendor: "test", product: "test", version: "1", url: "https://example.org"),
            interfaces: [(definition, handle)]
        )
        var logger = Logger(label: "varlink-test")
        logger.logLevel = .critical
        let server = VarlinkServer(
            service: service,
            limits: .init(
                maxMessageBytes: maxMessageBytes,
                maxConnections: maxConnections,
                frameTimeout: frameTimeout
            ),
            logger: logger
        )
        return try await TestDaemon.withTemporaryDirectory { directory in
            let path = "\(directory)/test.sock"
            let listener = try await server.bind(path: path)
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await server.serve(listener)
                    return nil
                }
                defer {
                    server.drain()
                    listener.channel.close(promise: nil)
                }
                return try await body(path)
            }
        }
    }

    struct ServerError: Error {}

    @Sendable static func handle(_ call: VarlinkCall) async -> VarlinkResponse {
        switch call.memberName {
        case "Echo":
            do {
                let parameters = try call.decodeParameters(EchoParameters.self)
                let echo = EchoParameters(text: String(repeating: parameters.text, count: parameters.count ?? 1))
                return (try? .reply(echo)) ?? .error(.invalidParameter("text"))
            } catch {
                return .error(error)
            }
        case "Where":
            return (try? .reply(Place(onEventLoop: MultiThreadedEventLoopGroup.currentEventLoop != nil)))
                ?? .error(.methodNotImplemented(call.method))
        case "Suspend":
            guard let text = try? call.decodeParameters(EchoParameters.self).text else {
                return .error(.invalidParameter("text"))
            }
            await Task.yield()
            let resumed = Resumed(text: text, onEventLoop: MultiThreadedEventLoopGroup.currentEventLoop != nil)
            return (try? .reply(resumed)) ?? .error(.methodNotImplemented(call.method))
        case "Count":
            guard call.more else { return .error(.expectedMore) }
            guard let to = try? call.decodeParameters(CountParameters.self).to else {
                return .error(.invalidParameter("to"))
            }
            return .stream(
                AsyncStream { continuation in
                    for value in 1...max(to, 1) {
                        let data = (try? VarlinkJSON.encode(Value(value: value))) ?? Array("{}".utf8)
                        continuation.yield(VarlinkStreamElement(parameters: data, continues: value < to))
                    }
                    continuation.finish()
                }
            )
        default:
            return .error(.methodNotImplemented(call.method))
        }
    }
}

/// Runs blocking client code off the cooperative pool.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try body() })
        }
    }
}
