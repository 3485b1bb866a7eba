import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Decides which configuration file and which default paths apply, as riskd(8) describes: system paths and
/// `--config FILE`, else `/etc/riskd/riskd.toml` when present; with `--user` (`RunMode.perUser`), per-user paths
/// and only the `--config` file — whoever runs it.
public enum ConfigurationSource {
    /// The system-wide configuration file.
    public static let systemFile = "/etc/riskd/riskd.toml"

    /// Loads the effective configuration; command-line paths override the file.
    public static func load(
        mode: RunMode = .system,
        explicitFile: String?,
        socket: String?,
        database: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws(ConfigurationError) -> Configuration
    {
        let uid = getuid()
        let paths =
            switch mode {
            case .system: DefaultPaths.system
            case .perUser:
                DefaultPaths.perUser(
                    environment: environment,
                    uid: uid,
                    home: UserDirectory.account(uid: uid)?.home ?? environment["HOME"] ?? "/"
                )
            }
        var configuration = Configuration(paths: paths)
        configuration.mode = mode
        if let file = file(mode: mode, explicitFile: explicitFile) {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ConfigurationError(file: file, line: nil, key: "", reason: "cannot be read")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(file: file, line: nil, key: "", reason: "is not UTF-8 text")
            }
            configuration = try ConfigurationLoader.load(text: text, file: file, defaults: configuration)
        }
        configuration.file = file(mode: mode, explicitFile: explicitFile)
        if let socket { configuration.socket = socket }
        if let database { configuration.database = database }
        return configuration
    }

    /// The file a start in `mode` reads: `--config FILE`; else, in system mode only, `/etc/riskd/riskd.toml` when
    /// it exists (a per-user riskd never picks up the system's access lists or paths).
    static func file(mode: RunMode, explicitFile: String?) -> String? {
        if let explicitFile { return explicitFile }
        guard mode == .system, FileManager.default.fileExists(atPath: systemFile) else { return nil }
        return systemFile
    }
}
