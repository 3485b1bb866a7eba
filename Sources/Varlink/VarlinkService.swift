#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Answers calls for a set of interfaces: serves `org.varlink.service` itself and routes every other call to the
/// handler of its interface, after checking that the interface and method exist.
///
/// This type decides nothing about permissions or parameters; a handler does.
public struct VarlinkService: Sendable {
    /// Identity reported by `org.varlink.service.GetInfo`.
    public struct Info: Sendable, Codable, Hashable {
        public var vendor: String
        public var product: String
        public var version: String
        public var url: String

        public init(vendor: String, product: String, version: String, url: String) {
            self.vendor = vendor
            self.product = product
            self.version = version
            self.url = url
        }
    }

    /// Answers calls to one interface; its methods have been checked against the definition.
    public typealias Handler = @Sendable (VarlinkCall) async -> VarlinkResponse

    /// The text of `org.varlink.service` itself.
    public static let serviceDefinition: VarlinkInterfaceDefinition = {
        let text = """
            # The Varlink service interface
            interface org.varlink.service

            # Get a list of all the interfaces a service provides and information about the implementation.
            method GetInfo() -> (
              vendor: string,
              product: string,
              version: string,
              url: string,
              interfaces: []string
            )

            # Get the description of an interface that is implemented by this service.
            method GetInterfaceDescription(interface: string) -> (description: string)

            # The requested interface was not found.
            error InterfaceNotFound (interface: string)

            # The requested method was not found
            error MethodNotFound (method: string)

            # The interface defines the requested method, but the service does not implement it.
            error MethodNotImplemented (method: string)

            # One of the passed parameters is invalid.
            error InvalidParameter (parameter: string)

            # Client is denied access. The parameters, all optional, say it in people's words: what the client
            # tried (does), who may and through which groups (may), who the client is (user, roles), and the
            # whole as one sentence (message).
            error PermissionDenied (
              message: ?string,
              does: ?string,
              user: ?string,
              roles: ?[]string,
              may: ?[](role: string, scope: string, groups: []string)
            )

            # Method is expected to be called with 'more' set to true, but wasn't
            error ExpectedMore ()
            """
        guard let definition = VarlinkInterfaceDefinition(text: text) else {
            preconditionFailure("org.varlink.service text has no interface line")
        }
        return definition
    }()

    private let info: Info
    private let interfaces: [String: (definition: VarlinkInterfaceDefinition, handler: Handler)]
    private let order: [String]

    /// A service answering for `interfaces`, in the order GetInfo lists them.
    public init(info: Info, interfaces: [(VarlinkInterfaceDefinition, Handler)]) {
        self.info = info
        var table: [String: (definition: VarlinkInterfaceDefinition, handler: Handler)] = [:]
        for (definition, handler) in interfaces {
            table[definition.name] = (definition, handler)
        }
        self.interfaces = table
        self.order = [Self.serviceDefinition.name] + interfaces.map(\.0.name)
    }

    /// Answers one call. Never throws: every failure is an error reply.
    public func respond(to call: VarlinkCall) async -> VarlinkResponse {
        if call.upgrade {
            return .error(.invalidParameter("upgrade"))
        }
        let interface = call.interface
        if interface == Self.serviceDefinition.name {
            return serveServiceInterface(call)
        }
        guard let entry = interfaces[interface] else {
            return .error(.interfaceNotFound(interface))
        }
        guard entry.definition.methods.contains(call.memberName) else {
            return .error(.methodNotFound(call.method))
        }
        return await entry.handler(call)
    }

    private struct GetInfoReply: Encodable {
        var vendor, product, version, url: String
        var interfaces: [String]
    }

    private struct DescriptionParameters: Decodable {
        var interface: String
    }

    private struct DescriptionReply: Encodable {
        var description: String
    }

    private func serveServiceInterface(_ call: VarlinkCall) -> VarlinkResponse {
        switch call.memberName {
        case "GetInfo":
            return Self.reply(
                GetInfoReply(
                    vendor: info.vendor,
                    product: info.product,
                    version: info.version,
                    url: info.url,
                    interfaces: order
                )
            )
        case "GetInterfaceDescription":
            do {
                let name = try call.decodeParameters(DescriptionParameters.self).interface
                if name == Self.serviceDefinition.name {
                    return Self.reply(DescriptionReply(description: Self.serviceDefinition.text))
                }
                guard let entry = interfaces[name] else { return .error(.interfaceNotFound(name)) }
                return Self.reply(DescriptionReply(description: entry.definition.text))
            } catch {
                return .error(error)
            }
        default:
            return .error(.methodNotFound(call.method))
        }
    }

    /// A reply of `org.varlink.service`. Its replies hold strings only, which always encode; were one not to, the
    /// call is answered with an error the interface declares rather than one it does not.
    private static func reply<R: Encodable>(_ value: R) -> VarlinkResponse {
        (try? .reply(value)) ?? .error(.methodNotImplemented("org.varlink.service"))
    }
}
