print(CompatibilityTableGenerator.source(), terminator: "")
