import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl --version`: riskctl's version and, when riskd answers, the daemon's, from `org.varlink.service.GetInfo`.
enum VersionReport {
    /// `org.varlink.service.GetInfo`, which every Varlink service answers: who it is and which version.
    enum GetInfo: VarlinkMethod {
        typealias Parameters = NoParameters

        /// The service's identity.
        struct Reply: Codable, Sendable {
            /// Who makes it.
            var vendor: String
            /// Its name.
            var product: String
            /// Its version.
            var version: String
            /// Its project page.
            var url: String
        }

        static let interface = "org.varlink.service"
        static let name = "GetInfo"
    }

    /// Prints `riskctl VERSION`, then `riskd VERSION (socket PATH)` when the daemon answers; when it does not, one
    /// note on standard error says so. Exits 0 either way: the request was for riskctl's version.
    ///
    /// - Parameter arguments: what followed `--version`, such as `--socket PATH`.
    static func print(arguments: [String]) {
        Output.line("riskctl \(RiskdProtocol.version)")
        guard let options = try? GlobalOptions.parse(arguments) else { return }
        do {
            let connection = try options.connect()
            let info = try connection.call(GetInfo.self, NoParameters()).decoded()
            Output.line("\(info.product) \(info.version) (\(connection.location))")
        } catch {
            Output.note("riskd did not answer: \(error)")
        }
    }
}
