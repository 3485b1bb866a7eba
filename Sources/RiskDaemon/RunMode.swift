/// Which default paths and which configuration file riskd uses: chosen by `--user` alone, the same for every
/// user (root included), never guessed from the uid or the environment.
public enum RunMode: String, Sendable, Hashable {
    /// `/run/riskd/riskd.sock`, `/var/lib/riskd/riskd.sqlite`, `/etc/riskd/riskd.toml` when present.
    case system
    /// `--user`: `$XDG_RUNTIME_DIR/riskd/riskd.sock`, `$XDG_STATE_HOME/riskd/riskd.sqlite`, only the `--config`
    /// file; the user who runs riskd is its administrator.
    case perUser = "per-user"
}
