import Varlink

/// A reply of riskd: the parameters as they came, to print with `--json`, and a way to decode them.
struct Answer<Reply: Decodable> {
    /// The reply message as received.
    let message: VarlinkReplyMessage
    /// The fully-qualified method that answered, for error messages.
    let method: String

    /// The reply's parameters, untyped, as they came.
    var parameters: JSONValue { message.parameters }

    /// The reply decoded as the protocol's `Reply` type.
    func decoded() throws(RiskctlError) -> Reply {
        do {
            return try message.decode(Reply.self)
        } catch {
            throw RiskctlError(error, method: method)
        }
    }
}
