// riskd-fuzz: the libFuzzer target (`make fuzz`), or, built normally, a replayer of saved inputs.
//
// `make fuzz` builds this with `-sanitize=fuzzer` and `-DFUZZING`: libFuzzer then provides `main` and calls
// `LLVMFuzzerTestOneInput`. Any other build (`swift build`) compiles the `@main` below instead, which runs the
// harness on each file named on the command line: `riskd-fuzz Tests/fuzz/crashes/crash-…` reproduces a crash
// under the debugger without the sanitizer build.
import RiskFuzzing

/// The libFuzzer entry point: one input, then 0 (the input is not to be rejected from the corpus).
///
/// `public` so that an optimised build keeps the symbol libFuzzer's `main` calls, though nothing in Swift does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.run(bytes)
    return 0
}

#if !FUZZING
import Foundation

/// Replays saved inputs through the harness: `riskd-fuzz [-v] FILE…`; `-v` prints every message riskd would write.
@main
struct FuzzReplay {
    static func main() {
        var paths = CommandLine.arguments.dropFirst()
        let verbose = paths.first == "-v"
        if verbose { paths = paths.dropFirst() }
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: riskd-fuzz [-v] FILE…  (fuzzing itself: make fuzz)\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("riskd-fuzz: cannot read \(path)\n".utf8))
                exit(1)
            }
            FuzzHarness.run(Array(data), trace: verbose ? printMessage : nil)
            print("\(path): ok")
        }
    }

    @Sendable static func printMessage(_ message: Data) {
        print(String(decoding: message, as: UTF8.self))
    }
}
#endif
