import RiskCore
import RiskProtocol
import RiskStore
import SSHSignature

extension MemberService {
    /// `AddKey`, `Keys`, `RemoveKey`: the public SSH keys a member signs their attestations with.
    ///
    /// A board member manages only their own keys; an administrator anyone's (for a member who cannot yet reach the
    /// server). The key is parsed and checked here (`SSHPublicKey`): a key riskd could not verify a signature of is
    /// refused when it is added, not when it signs.
    func registerKeys(_ table: inout MethodTable) {
        table.on(MemberInterface.AddKey.self) { parameters, request in
            let user = parameters.user ?? request.caller.user
            guard request.mayTouch(ownedBy: user) else { throw DomainError.permissionDenied }
            try Self.refuseUnlessUserName(user)
            guard parameters.publicKey.utf8.count <= 16 * 1024 else {
                throw DomainError.invalidValue("publicKey", "is longer than 16384 bytes; no key riskd reads is")
            }
            let publicKey: SSHPublicKey
            switch Result(catching: { () throws(SSHSignatureError) in try SSHPublicKey(line: parameters.publicKey) }) {
            case .success(let key): publicKey = key
            case .failure(let error): throw DomainError.invalidValue("publicKey", error.reason)
            }
            let key = MemberKey(
                user: user,
                fingerprint: publicKey.fingerprint,
                publicKey: publicKey.line,
                addedAt: request.now,
                addedBy: request.caller.user
            )
            let charge = context.charge(request, .contactChangesPerDay)
            try await context.database.write(request.actor) { tx in try Self.addKey(tx, key, charge: charge) }
            context.logger.notice("SSH key \(key.fingerprint) registered to \(user) by \(request.caller.user)")
            return .init(key: .init(key))
        }
        table.on(MemberInterface.Keys.self) { parameters, request in
            let user = parameters.user ?? request.caller.user
            guard request.mayTouch(ownedBy: user) else { throw DomainError.permissionDenied }
            return .init(keys: try await context.database.memberKeys(user: user).map(MemberInterface.Key.init))
        }
        table.on(MemberInterface.RemoveKey.self) { parameters, request in
            let user = parameters.user ?? request.caller.user
            guard request.mayTouch(ownedBy: user) else { throw DomainError.permissionDenied }
            try Self.refuseUnlessUserName(user)
            let charge = context.charge(request, .contactChangesPerDay)
            let key = try await context.database.write(request.actor) { tx in
                try Self.removeKey(tx, parameters.fingerprint, of: user, charge: charge)
            }
            context.logger.notice("SSH key \(key.fingerprint) of \(user) removed by \(request.caller.user)")
            return .init(key: .init(key))
        }
    }

    /// Registers `key` to its member (`MemberKeyRules.admit`: at most `MemberKey.maxPerMember`, none registered to
    /// anyone already), with its audit entry; refused first when it would take its author past a budget of `charge`.
    static func addKey(_ tx: StoreTransaction, _ key: MemberKey, charge: BudgetCharge?) throws {
        try tx.admit(charge)
        try MemberKeyRules.admit(key, registered: try tx.keys(of: key.user), holder: try tx.keyHolder(key.fingerprint))
        try tx.insert(key)
        try tx.audit(MemberAudit.subject(key.user), MemberAudit.keyAdded(key))
    }

    /// Removes `user`'s key `fingerprint` (`MemberKeyRules.removable`), with its audit entry; refused first when it
    /// would take its author past a budget of `charge`.
    static func removeKey(
        _ tx: StoreTransaction,
        _ fingerprint: String,
        of user: String,
        charge: BudgetCharge?
    ) throws -> MemberKey {
        try tx.admit(charge)
        let key = try MemberKeyRules.removable(fingerprint, of: user, registered: try tx.keys(of: user))
        try tx.markRemoved(key: fingerprint, of: user)
        try tx.audit(MemberAudit.subject(user), MemberAudit.keyRemoved(fingerprint))
        return key
    }

    /// Refuses a user name that is blank, longer than 100 characters or not one line.
    static func refuseUnlessUserName(_ user: String) throws {
        guard !user.isEmpty, user.count <= 100, !user.contains(where: { $0.isNewline || $0 == " " }) else {
            throw DomainError.invalidValue("user", "must be a user name: one word of at most 100 characters")
        }
    }
}

extension MemberInterface.Key {
    /// The wire form of a registered key.
    init(_ key: MemberKey) {
        self.init(
            fingerprint: key.fingerprint,
            publicKey: key.publicKey,
            addedAt: key.addedAt.description,
            addedBy: key.addedBy
        )
    }
}
