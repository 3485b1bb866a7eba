import Foundation
import VarlinkIDL

// VarlinkGenerator --output DIRECTORY FILE.varlink…
//
// Writes DIRECTORY/<interface file name>.swift for each IDL file and DIRECTORY/ProtocolCatalog.swift, or prints
// `file:line: error: …` for the first fault and exits 1. Run by the VarlinkCodegen build plugin.
var arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, arguments[0] == "--output" else {
    FileHandle.standardError.write(Data("usage: VarlinkGenerator --output DIRECTORY FILE.varlink…\n".utf8))
    exit(2)
}
let output = URL(fileURLWithPath: arguments[1])
let files = Array(arguments.dropFirst(2))

do {
    var interfaces: [IDLInterface] = []
    for path in files {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let interface = try IDLParser.parse(text, file: path)
        interfaces.append(interface)
        let source = try SwiftEmitter.source(for: interface, text: text, file: path)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + ".swift"
        try write(source, to: output.appendingPathComponent(name))
    }
    try write(
        try SwiftEmitter.catalogSource(for: interfaces, files: files),
        to: output.appendingPathComponent("ProtocolCatalog.swift")
    )
} catch let error as IDLParseError {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("VarlinkGenerator: \(error)\n".utf8))
    exit(1)
}

/// Writes `source` unless the file already holds it, so that an unchanged IDL does not recompile its module.
func write(_ source: String, to url: URL) throws {
    if let existing = try? String(contentsOf: url, encoding: .utf8), existing == source { return }
    try source.write(to: url, atomically: true, encoding: .utf8)
}
