import GRDB
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Read connections that each belong to one thread: the daemon's event-loop threads get one each.
///
/// A thread that owns a connection reads on it synchronously, and nothing else ever uses it, so such a read never
/// waits for a connection to become free. That is what makes a read safe on an event loop: a read through the
/// pool's readers may wait for a reader held by an async read whose continuation is queued on that very loop —
/// eight ordinary concurrent reads once wedged riskd for good that way.
///
/// The set is bounded by the threads that adopt a connection (`adopt`), never grown on demand.
final class ThreadReaders: Sendable {
    private let readers = Mutex<[pthread_t: DatabaseQueue]>([:])

    /// Opens a read-only connection to `path` for the calling thread (nothing when it has one).
    func adopt(path: String, configuration: Configuration) throws {
        let thread = pthread_self()
        guard readers.withLock({ $0[thread] }) == nil else { return }
        var configuration = configuration
        configuration.readonly = true
        configuration.label = "riskd.thread-reader"
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        readers.withLock { $0[thread] = reader }
    }

    /// The calling thread's own connection, if it adopted one.
    func current() -> DatabaseQueue? {
        let thread = pthread_self()
        return readers.withLock { $0[thread] }
    }

    /// Runs `read` in a read-only transaction on `reader`, synchronously (a plain function, so that the synchronous
    /// overload of GRDB's `inDatabase` is the one chosen).
    ///
    /// The transaction is begun and ended with cached statements: GRDB's own `read` compiles `BEGIN` and `COMMIT`
    /// anew at every call. The connection is read-only, so the transaction is only the snapshot that keeps the
    /// statements of one read consistent; on any failure it is rolled back, and the connection is left as found.
    static func read<T>(on reader: DatabaseQueue, _ read: (Database) throws -> T) throws -> T {
        try reader.inDatabase { db in
            try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
            do {
                let value = try read(db)
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                return value
            } catch {
                try? db.rollback()
                throw error
            }
        }
    }
}
