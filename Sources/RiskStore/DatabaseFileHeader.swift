/// The first 100 bytes of an SQLite database file, read before SQLite is let near it: what a restore checks up
/// front so that a foreign or padded file is refused without being opened.
///
/// Layout from SQLite's file format (section 1.3): big-endian integers at fixed offsets. Parsing is pure, so every
/// hostile header is a table case (`DatabaseFileHeaderTests`).
package struct DatabaseFileHeader: Sendable, Equatable {
    /// riskd's `PRAGMA application_id`: the four bytes "rskd". Every database riskd opens carries it from 0.2 on;
    /// a file made before holds 0.
    package static let riskdApplicationID: UInt32 = 0x7273_6B64

    /// The number of bytes a header has.
    package static let length = 100

    /// Bytes per page: a power of two from 512 to 65 536.
    package var pageSize: Int
    /// The database's size in pages, as the header records it.
    package var pageCount: Int
    /// `PRAGMA user_version`: riskd stores its number of migrations there.
    package var userVersion: UInt32
    /// `PRAGMA application_id`.
    package var applicationID: UInt32

    /// Why a header is refused, as a phrase that completes "FILE …".
    package struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        package var description: String
    }

    /// Parses `bytes` (at least the first 100 of the file).
    ///
    /// - Throws: `Refusal` when the bytes are not an SQLite header, the page size is not one SQLite writes, or the
    ///   header does not record the file's size (every SQLite since 3.7.0 does).
    package init(bytes: [UInt8]) throws(Refusal) {
        guard bytes.count >= Self.length, Array(bytes[0..<16]) == PrivateFile.sqliteHeader else {
            throw Refusal(description: "is not an SQLite database")
        }
        func integer(at offset: Int, width: Int) -> UInt32 {
            bytes[offset..<offset + width].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let rawPageSize = Int(integer(at: 16, width: 2))
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        guard pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0 else {
            throw Refusal(description: "has a page size of \(rawPageSize) bytes, which SQLite never writes")
        }
        let changeCounter = integer(at: 24, width: 4)
        let validFor = integer(at: 92, width: 4)
        let pageCount = Int(integer(at: 28, width: 4))
        guard pageCount > 0, changeCounter == validFor else {
            throw Refusal(description: "does not record its size in its header, as every SQLite since 3.7.0 does")
        }
        self.pageSize = pageSize
        self.pageCount = pageCount
        self.userVersion = integer(at: 60, width: 4)
        self.applicationID = integer(at: 68, width: 4)
    }

    /// The file's size in bytes, as the header says it: pages × page size.
    package var databaseBytes: Int { pageSize * pageCount }

    /// Checks that the header is riskd's, of a schema this riskd knows, and that a file of `fileBytes` bytes holds
    /// exactly the pages the header counts (no tail SQLite would ignore and a copy would not).
    ///
    /// - Parameter migrations: the number of migrations this riskd knows.
    package func checkRestorable(fileBytes: Int, migrations: Int) throws(Refusal) {
        guard applicationID == Self.riskdApplicationID || applicationID == 0 else {
            let hex = String(applicationID, radix: 16)
            throw Refusal(description: "is another program's SQLite database (application_id 0x\(hex), not riskd's)")
        }
        guard Int(userVersion) <= migrations else {
            throw Refusal(
                description: "was written by a newer riskd (schema \(userVersion); this riskd knows \(migrations))"
            )
        }
        guard fileBytes == databaseBytes else {
            throw Refusal(
                description: "is \(fileBytes) bytes long, but its header counts \(pageCount) pages of \(pageSize) "
                    + "bytes (\(databaseBytes)): a file with bytes beyond or short of its pages is not a backup "
                    + "riskd wrote"
            )
        }
    }
}
