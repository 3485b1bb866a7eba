import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Decides which configuration file and which default paths apply, as riskd(8) describes:
/// `--config FILE`, else `/etc/riskd/riskd.toml` when present; system paths for root or a systemd service
/// (`STATE_DIRECTORY` set), per-user paths otherwise.
public enum ConfigurationSource {
    /// The system-wide configuration file.
    public static let systemFile = "/etc/riskd/riskd.toml"

    /// Loads the effective configuration; command-line paths override the file.
    public static func load(
        explicitFile: String?,
        socket: String?,
        database: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws(ConfigurationError) -> Configuration
    {
        let uid = getuid()
        let systemMode =
            uid == 0 || environment["STATE_DIRECTORY"] != nil
            || explicitFile == nil
                && FileManager.default.fileExists(atPath: systemFile)
        let paths =
            systemMode
            ? DefaultPaths.system
            : DefaultPaths.perUser(
                environment: environment,
                uid: uid,
                home: UserDirectory.account(uid: uid)?.home ?? environment["HOME"] ?? "/"
            )
        var configuration = Configuration(paths: paths)
        let file = explicitFile ?? (FileManager.default.fileExists(atPath: systemFile) ? systemFile : nil)
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ConfigurationError(file: file, line: nil, key: "", reason: "cannot be read")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(file: file, line: nil, key: "", reason: "is not UTF-8 text")
            }
            configuration = try ConfigurationLoader.load(text: text, file: file, defaults: configuration)
        }
        if let socket { configuration.socket = socket }
        if let database { configuration.database = database }
        return configuration
    }
}
