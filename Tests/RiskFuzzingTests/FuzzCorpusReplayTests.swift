import Foundation
import RiskFuzzing
import Testing

/// Every input of the committed fuzz corpus and every crash libFuzzer ever found, run through the harness without
/// the sanitizer build: a crash that came back would trap here, which ends the test run and fails `make test`.
@Suite("Fuzz corpus replay")
struct FuzzCorpusReplayTests {
    /// Tests/fuzz, found from this file so that the test runs from any directory.
    static let fuzzDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fuzz")

    /// The regular files of `Tests/fuzz/<name>`, hidden ones (`.gitkeep`) left out, in name order.
    static func inputs(in name: String) throws -> [URL] {
        let directory = fuzzDirectory.appendingPathComponent(name)
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("the committed corpus is not empty")
    func corpusIsNotEmpty() throws {
        #expect(try Self.inputs(in: "corpus").count >= 20)
    }

    @Test("every corpus input and every saved crash runs through the harness", arguments: ["corpus", "crashes"])
    func replay(directory: String) async throws {
        let inputs = try Self.inputs(in: directory).map { url in
            (name: url.lastPathComponent, bytes: try [UInt8](Data(contentsOf: url)))
        }
        let replayed = await Self.onOwnThread {
            for input in inputs {
                FuzzHarness.run(input.bytes)
            }
            return inputs.count
        }
        #expect(replayed == inputs.count)
    }

    /// Runs `work` on a thread of its own: `FuzzHarness.run` blocks its thread until the daemon answered, which must
    /// not be a thread of the cooperative pool the daemon's async work needs.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: work())
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
