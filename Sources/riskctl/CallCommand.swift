import ArgumentParser
import Varlink

/// A command that makes one call to riskd and prints the reply: with `--json` as it came and nothing else, else
/// decoded and worded for people.
///
/// The command says what it calls (`Method`, `parameters`) and how the reply reads (`present(_:)`); `run()`, here,
/// connects, calls and chooses between the two prints, so that no command has a `--json` branch of its own. A
/// failure leaves as the `RiskctlError` it is, for `RiskCtl.main` to print as one line with its exit status. A
/// command that must ask riskd something before or after its call keeps its own `run()` and prints through
/// `GlobalOptions.show(_:_:)`.
protocol CallCommand: ParsableCommand {
    /// The method called, such as `RiskInterface.Get`.
    associatedtype Method: VarlinkMethod

    /// The options every command takes.
    var options: GlobalOptions { get }

    /// The call's parameters, from the command's arguments; worked out before riskd is connected to.
    var parameters: Method.Parameters { get throws }

    /// Prints the decoded reply for people.
    func present(_ reply: Method.Reply) throws
}

extension CallCommand {
    /// Calls `Method` and prints its reply.
    func run() throws {
        let parameters = try parameters
        try options.show(options.connect().call(Method.self, parameters), present)
    }
}

/// A command that lists every page of a paged method: with `--json` the pages merged into one reply of the
/// protocol's shape (all items, the last page's `next`), else the items for people.
protocol ListCommand: ParsableCommand {
    /// The paged method called, such as `RiskInterface.List`.
    associatedtype Method: VarlinkMethod
    /// What the method lists, such as `RiskInterface.RiskSummary`.
    associatedtype Item

    /// The options every command takes.
    var options: GlobalOptions { get }

    /// The reply field holding a page's items, as it is named on the wire: `risks`.
    static var itemsKey: String { get }

    /// The same field in the decoded reply: `\.risks`.
    static var items: KeyPath<Method.Reply, [Item]> { get }

    /// The most items to fetch; `nil`, the default, fetches every page.
    var itemLimit: Int? { get }

    /// The parameters for the page after `after`, of at most `size` items.
    func page(after: Int?, size: Int) -> Method.Parameters

    /// Prints the items of every page for people.
    func present(_ items: [Item]) throws
}

extension ListCommand {
    /// Every page.
    var itemLimit: Int? { nil }

    /// Fetches the pages and prints them.
    func run() throws {
        let pages = try options.connect().collectPages(Method.self, itemsKey: Self.itemsKey, limit: itemLimit) {
            after,
            size in
            page(after: after, size: size)
        }
        try options.show(pages) { replies in try present(replies.flatMap { $0[keyPath: Self.items] }) }
    }
}

extension GlobalOptions {
    /// Prints riskd's reply: with `--json` as it came, pretty-printed, and nothing else; else decoded, through
    /// `present`. The one place that chooses between the two.
    func show<Reply>(_ answer: Answer<Reply>, _ present: (Reply) throws -> Void) throws {
        if json { return try Output.json(answer.parameters) }
        try present(answer.decoded())
    }

    /// Prints the pages of a list: with `--json` merged into one reply of the protocol's shape, else decoded,
    /// through `present`.
    func show<Reply>(_ pages: Pages<Reply>, _ present: ([Reply]) throws -> Void) throws {
        if json { return try Output.json(pages.merged) }
        try present(pages.decoded())
    }
}
