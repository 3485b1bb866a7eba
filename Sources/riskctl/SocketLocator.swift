#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Finds the socket riskd listens on.
enum SocketLocator {
    /// The system socket, used when it exists.
    static let systemSocket = "/run/riskd/riskd.sock"

    /// The socket to connect to: `given` (`--socket`), then `$RISKD_SOCKET`, then the system socket if it exists,
    /// then the per-user socket under `$XDG_RUNTIME_DIR` (or `/run/user/UID` when that is unset).
    static func socketPath(
        given: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> String {
        if let given, !given.isEmpty {
            return given
        }
        if let fromEnvironment = environment["RISKD_SOCKET"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        if exists(systemSocket) {
            return systemSocket
        }
        let runtimeDirectory =
            environment["XDG_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "/run/user/\(getuid())"
        return "\(runtimeDirectory)/riskd/riskd.sock"
    }
}
