import Foundation
import NIOCore
import Varlink

/// What every message riskd writes back must be, whatever it was sent: checked for each fuzz input.
///
/// A message is a JSON object; a reply has a `parameters` object; an error has a string `error` and a `parameters`
/// object. A violation traps, so that libFuzzer records the input as a crash.
enum ReplyInvariants {
    /// The most replies of one stream the harness reads before it ends the call, as a client hanging up would.
    static let streamRepliesRead = 8

    /// Checks the messages the server would write for `response` to a call made with `more` or not.
    static func check(_ response: VarlinkResponse, more: Bool, trace: (@Sendable (Data) -> Void)?) async {
        switch response {
        case .reply(let parameters):
            checkReply(message(parameters, continues: false), trace: trace)
        case .error(let error):
            checkError(VarlinkJSON.errorMessage(error), trace: trace)
        case .stream(let replies):
            // A stream such as review.Watch waits for events that may never come: read what is ready, then end the
            // call by cancelling it, as the server does when the connection closes.
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    var read = 0
                    for await element in replies {
                        checkReply(message(element.parameters, continues: element.continues && more), trace: trace)
                        read += 1
                        if !element.continues || !more || read >= streamRepliesRead { return }
                    }
                }
                group.cancelAll()
            }
        }
    }

    /// The reply message the server writes for `parameters`, as bytes.
    static func message(_ parameters: [UInt8], continues: Bool) -> Data {
        let buffer = VarlinkJSON.replyMessage(
            parameters: parameters,
            continues: continues,
            allocator: ByteBufferAllocator()
        )
        return Data(buffer.readableBytesView)
    }

    /// Checks one reply message: a JSON object whose `parameters` is an object.
    static func checkReply(_ message: Data, trace: (@Sendable (Data) -> Void)?) {
        let object = jsonObject(message)
        guard object["parameters"] is [String: Any] else {
            preconditionFailure("a reply without a parameters object: \(describe(message))")
        }
        guard object["error"] == nil else {
            preconditionFailure("a reply carries an error member: \(describe(message))")
        }
        trace?(message)
    }

    /// Checks one error message: a JSON object with a string `error` and a `parameters` object.
    static func checkError(_ message: Data, trace: (@Sendable (Data) -> Void)?) {
        let object = jsonObject(message)
        guard let name = object["error"] as? String, !name.isEmpty else {
            preconditionFailure("an error without a name: \(describe(message))")
        }
        guard object["parameters"] is [String: Any] else {
            preconditionFailure("an error without a parameters object: \(describe(message))")
        }
        trace?(message)
    }

    private static func jsonObject(_ message: Data) -> [String: Any] {
        guard let value = try? JSONSerialization.jsonObject(with: message),
            let object = value as? [String: Any]
        else {
            preconditionFailure("a message that is not a JSON object: \(describe(message))")
        }
        return object
    }

    private static func describe(_ message: Data) -> String {
        String(decoding: message.prefix(512), as: UTF8.self)
    }
}
