import Varlink

/// The riskd Varlink protocol as a whole: its interfaces, its version and the identity `GetInfo` reports.
///
/// The daemon serves exactly these interfaces (plus `org.varlink.service`); riskctl and the daemon link this one
/// definition, so they cannot disagree about names or types. Each interface is its file in `IDL/`: the Swift
/// types, errors, method descriptors and role table are generated from it when the module builds.
public enum RiskdProtocol {
    /// Version of the protocol and of riskd, as `org.riskd.daemon.Status` and `GetInfo` report it.
    public static let version = "0.1.0"

    /// The vendor `org.varlink.service.GetInfo` reports.
    public static let vendor = "riskd"

    /// The product `org.varlink.service.GetInfo` reports.
    public static let product = "riskd"

    /// The project page `org.varlink.service.GetInfo` reports.
    public static let url = "https://github.com/riskd/riskd"

    /// Every `org.riskd.*` interface the daemon serves, in the order of their IDL files.
    public static let interfaces: [VarlinkInterfaceDefinition] = ProtocolCatalog.interfaces
}
