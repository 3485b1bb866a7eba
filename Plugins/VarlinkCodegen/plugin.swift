import PackagePlugin

/// Generates a target's Swift protocol types from its `.varlink` files (the one source of each interface) with
/// `VarlinkGenerator`: one file per interface and `ProtocolCatalog.swift`.
@main
struct VarlinkCodegen: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let idl = target.sourceFiles.map(\.url).filter { $0.pathExtension == "varlink" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !idl.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let outputs =
            idl.map { output.appending(path: $0.deletingPathExtension().lastPathComponent + ".swift") }
            + [output.appending(path: "ProtocolCatalog.swift")]
        return [
            .buildCommand(
                displayName: "Generating Swift from \(idl.count) Varlink interfaces of \(target.name)",
                executable: try context.tool(named: "VarlinkGenerator").url,
                arguments: ["--output", output.path] + idl.map(\.path),
                inputFiles: idl,
                outputFiles: outputs
            )
        ]
    }
}
