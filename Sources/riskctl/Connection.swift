import Varlink

/// One connection to riskd, with the calls riskctl makes over it.
///
/// Every failure leaves here as a `RiskctlError` that knows the method it came from, so that its message can say
/// what and which.
struct Connection {
    /// The largest page the protocol allows.
    static let largestPage = 1000

    private let client: VarlinkClient
    /// The ssh underneath when riskd is on another host (`--host`); it says why a connection broke.
    private let ssh: SSHChannel?

    /// The socket this connection is on, or the host as written after `--host`.
    var path: String { client.path }

    /// Where riskd is, for people: `socket PATH`, or `host HOST` through ssh.
    var location: String { ssh == nil ? "socket \(path)" : "host \(path)" }

    /// Connects to riskd at `path`.
    init(path: String) throws(RiskctlError) {
        do {
            client = try VarlinkClient(path: path)
        } catch {
            throw RiskctlError(error, method: nil)
        }
        ssh = nil
    }

    /// Connects to riskd on another host through `command` (ssh), which runs `riskctl bridge` there.
    init(destination: SSHDestination, command: [String]) throws(RiskctlError) {
        let channel: SSHChannel
        do {
            channel = try SSHChannel(destination: destination, command: command)
        } catch {
            throw RiskctlError(ssh: error)
        }
        client = VarlinkClient(channel: channel)
        ssh = channel
    }

    /// `error` as riskctl reports it: a broken connection through ssh is reported as why ssh ended, when it failed.
    private func failure(_ error: VarlinkClientError, method: String) -> RiskctlError {
        switch error {
        case .remote: break
        case .connectionClosed, .protocolViolation, .unreachable:
            if let failure = ssh?.failure() { return RiskctlError(ssh: failure) }
        }
        return RiskctlError(error, method: method)
    }

    /// Calls `method` and returns its reply both as it came and decoded.
    func call<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters) throws(RiskctlError) -> Answer<M.Reply> {
        let message: VarlinkReplyMessage
        do {
            message = try client.callRaw(M.qualifiedName, parameters: parameters)
        } catch {
            throw failure(error, method: M.qualifiedName)
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
            throw failure(error, method: M.qualifiedName)
        }
        while true {
            let message: VarlinkReplyMessage
            do {
                message = try client.receive()
            } catch .connectionClosed {
                // Through ssh, the connection also closes when ssh fails; it says which.
                if let failure = ssh?.failure() { throw RiskctlError(ssh: failure) }
                return .closed
            } catch {
                throw failure(error, method: M.qualifiedName)
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
