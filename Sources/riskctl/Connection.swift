import Varlink

/// One connection to riskd, with the calls riskctl makes over it.
///
/// Every failure leaves here as a `RiskctlError` that knows the method it came from, so that its message can say
/// what and which.
struct Connection {
    /// The largest page the protocol allows.
    static let largestPage = 1000

    private let client: VarlinkClient

    /// The socket this connection is on.
    var path: String { client.path }

    /// Connects to riskd at `path`.
    init(path: String) throws(RiskctlError) {
        do {
            client = try VarlinkClient(path: path)
        } catch {
            throw RiskctlError(error, method: nil)
        }
    }

    /// Calls `method` and returns its reply both as it came and decoded.
    func call<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters) throws(RiskctlError) -> Answer<M.Reply> {
        let message: VarlinkReplyMessage
        do {
            message = try client.callRaw(M.qualifiedName, parameters: parameters)
        } catch {
            throw RiskctlError(error, method: M.qualifiedName)
        }
        return Answer(message: message, method: M.qualifiedName)
    }

    /// How a stream of replies ended.
    enum StreamEnd {
        /// riskd sent its last reply, one without `continues`.
        case finished
        /// riskd closed the connection between two replies, e.g. because it stopped.
        case closed
    }

    /// Calls `method` with `more` and hands each reply to `body` as it arrives, until the last one.
    ///
    /// An error reply, first or later, is thrown as any call's is. Only `org.riskd.review.Watch` streams; other
    /// methods answer once.
    func stream<M: VarlinkMethod>(
        _ method: M.Type,
        _ parameters: M.Parameters,
        _ body: (Answer<M.Reply>) throws(RiskctlError) -> Void
    ) throws(RiskctlError) -> StreamEnd {
        do {
            try client.send(M.qualifiedName, parameters: parameters, more: true)
        } catch {
            throw RiskctlError(error, method: M.qualifiedName)
        }
        while true {
            let message: VarlinkReplyMessage
            do {
                message = try client.receive()
            } catch .connectionClosed {
                return .closed
            } catch {
                throw RiskctlError(error, method: M.qualifiedName)
            }
            try body(Answer(message: message, method: M.qualifiedName))
            if !message.continues {
                return .finished
            }
        }
    }

    /// Calls a paged list method until its `next` is null, or until `limit` items were collected.
    ///
    /// - Parameters:
    ///   - itemsKey: the reply field holding the page's items, e.g. `risks`.
    ///   - limit: the most items to collect; `nil` means all of them.
    ///   - page: the parameters for the page after `after`, of at most `size` items.
    /// - Returns: the decoded replies, one per page, and the pages merged into one reply of the protocol's shape.
    func collectPages<M: VarlinkMethod>(
        _ method: M.Type,
        itemsKey: String,
        limit: Int? = nil,
        page: (_ after: Int?, _ size: Int) -> M.Parameters
    ) throws(RiskctlError) -> Pages<M.Reply> {
        var replies = [Answer<M.Reply>]()
        var items = [JSONValue]()
        var after: Int?
        var next: JSONValue = .null
        repeat {
            let size = min(Self.largestPage, limit.map { $0 - items.count } ?? Self.largestPage)
            let answer = try call(method, page(after, size))
            replies.append(answer)
            if case .array(let pageItems) = answer.parameters[itemsKey] ?? .null {
                items += pageItems
            }
            next = answer.parameters["next"] ?? .null
            after = next.intValue
        } while after != nil && (limit.map { items.count < $0 } ?? true)
        let merged = JSONValue.object([itemsKey: .array(items), "next": next])
        return Pages(answers: replies, merged: merged)
    }
}
