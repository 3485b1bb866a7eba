import Foundation
import RiskDaemon
import Varlink

extension Daemon {
    /// The reply of `method` called by `uid` in-process, as JSON text: `{"error":NAME,"parameters":…}` for an
    /// error, and `"stream"` for a streamed reply (not read).
    func replyText(_ method: String, _ parameters: String, uid: UInt32) async -> String {
        let frame = Data(#"{"method":"\#(method)","parameters":\#(parameters)}"#.utf8)
        let call = VarlinkCall(method: method, peer: PeerCredentials(uid: uid, gid: uid, pid: 4242), frame: frame)
        switch await service.respond(to: call) {
        case .reply(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .error(let error):
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let parameters = (try? encoder.encode(error.parameters)).map { String(decoding: $0, as: UTF8.self) }
            return #"{"error":"\#(error.name)","parameters":\#(parameters ?? "{}")}"#
        case .stream: return "\"stream\""
        }
    }
}
