import ArgumentParser

/// Outcomes of the ethics commands that are failures of their own, with the line and exit status each gets.
enum EthicsCommandError {
    /// No version of the code has been published: there is nothing to show or acknowledge (status 66, as for any
    /// record that does not exist). With `quiet`, the line is left out: `--json` already printed the reply.
    static func nothingPublished(quiet: Bool) -> ExitCode {
        if !quiet {
            Output.error("no ethical code has been published yet")
        }
        return ExitCode(ExitStatus.noSuchRecord.rawValue)
    }
}
