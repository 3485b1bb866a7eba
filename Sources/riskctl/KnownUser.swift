#if canImport(Glibc)
import Glibc
#endif

/// Users of this system, as NSS knows them: riskctl runs beside riskd, so a user riskctl cannot find is not one
/// riskd can give a role or an action to.
enum KnownUser {
    /// Checks that `name` is a login name NSS resolves (`getpwnam`).
    ///
    /// - Throws: `RiskctlError.invalidInput` (exit status 65) naming the option, before anything is sent.
    static func check(_ name: String, option: String) throws(RiskctlError) {
        guard getpwnam(name) == nil else { return }
        throw .invalidInput("\(option): no user '\(name)' on this system; give a login name (see getent passwd)")
    }
}
