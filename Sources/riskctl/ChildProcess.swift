#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Starting another program with `posix_spawn`: sendmail for `mail deliver`, ssh for `--host`.
enum ChildProcess {
    /// An errno of `posix_spawn`.
    struct SpawnError: Error {
        var code: Int32
    }

    /// Starts `arguments` with these descriptors as its standard input, output and error, riskctl's environment,
    /// and SIGPIPE back at its default (riskctl may ignore it; an ignored signal stays ignored across exec).
    ///
    /// - Parameters:
    ///   - searchingPath: look `arguments[0]` up on `PATH` (`posix_spawnp`), as a shell would.
    ///   - ownProcessGroup: start it in a process group of its own, so that killing the group kills what it started
    ///     too; otherwise it stays in riskctl's (a terminal's Ctrl-C and prompts reach it).
    static func spawn(
        _ arguments: [String],
        stdin: Int32,
        stdout: Int32,
        stderr: Int32,
        searchingPath: Bool,
        ownProcessGroup: Bool
    ) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, stdin, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stdout, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stderr, STDERR_FILENO)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF)
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let code =
            searchingPath
            ? posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, &envp)
            : posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, &envp)
        return code == 0 ? .success(pid) : .failure(SpawnError(code: code))
    }
}
