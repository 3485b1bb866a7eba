import Varlink

/// The pages of a paged list call.
struct Pages<Reply: Decodable> {
    /// Every page, in order.
    let answers: [Answer<Reply>]
    /// The pages merged into one reply of the protocol's shape: all items, and the `next` of the last page.
    let merged: JSONValue

    /// Every page decoded.
    func decoded() throws(RiskctlError) -> [Reply] {
        var replies = [Reply]()
        for answer in answers {
            replies.append(try answer.decoded())
        }
        return replies
    }
}
