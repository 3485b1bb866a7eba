// riskd-fuzz: the libFuzzer target (`make fuzz`), or, built normally, a replayer of saved inputs.
//
// `make fuzz` builds this with `-sanitize=fuzzer` and `-DFUZZING`: `main` then hands the process to libFuzzer
// (`LLVMFuzzerRunDriver`), which calls `LLVMFuzzerTestOneInput` for each input. Any other build (`swift build`)
// compiles the replayer instead, which runs the harness on each file named on the command line:
// `riskd-fuzz Tests/fuzz/crashes/crash-…` reproduces a crash under the debugger without the sanitizer build.
//
// `main` is Swift's `@main` in both builds because SwiftPM links every executable with `main` defined as the
// module's entry point (`riskd_fuzz_main`), so libFuzzer's own `main` cannot be used.
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

#if FUZZING
import Glibc

/// libFuzzer's driver (`int LLVMFuzzerRunDriver(int *, char ***, int (*)(const uint8_t *, size_t))`): parses the
/// libFuzzer options in `argv` and fuzzes `callback`. Declared by name; its arguments are pointers and integers,
/// which Swift passes as C does on the platforms the fuzzer runs on.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with the command line's options and corpus directories.
@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzTestOneInput))
    }
}
#else
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
