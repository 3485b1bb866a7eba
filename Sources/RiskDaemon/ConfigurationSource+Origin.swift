import Foundation

extension ConfigurationSource {
    /// What riskd was started with — `--config`, `--socket`, `--database` and the environment — kept so that a
    /// SIGHUP reads the configuration from the same place, with the same defaults, as the start did.
    public struct Origin: Sendable {
        /// `--config FILE`, if given.
        public let explicitFile: String?
        /// `--socket PATH`, if given.
        public let socket: String?
        /// `--database PATH`, if given.
        public let database: String?
        let environment: [String: String]

        public init(
            explicitFile: String?,
            socket: String?,
            database: String?,
            environment: [String: String] = ProcessInfo.processInfo.environment
        ) {
            self.explicitFile = explicitFile
            self.socket = socket
            self.database = database
            self.environment = environment
        }

        /// The file `load()` reads, or `nil` when there is none and every key keeps its default.
        public var file: String? {
            explicitFile
                ?? (FileManager.default.fileExists(atPath: ConfigurationSource.systemFile)
                    ? ConfigurationSource.systemFile : nil)
        }

        /// Reads the configuration as riskd(8) describes, command-line paths over the file.
        public func load() throws(ConfigurationError) -> Configuration {
            try ConfigurationSource.load(
                explicitFile: explicitFile,
                socket: socket,
                database: database,
                environment: environment
            )
        }
    }
}
