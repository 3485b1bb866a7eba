#if canImport(Glibc)
import Glibc
#endif

/// Reads the files riskctl is given, such as the CSV of `risk import`.
enum InputFile {
    /// The whole file at `path` as UTF-8 text.
    ///
    /// - Throws: `RiskctlError.missingInput` when it cannot be opened or read, `.invalidInput` when it is not UTF-8.
    static func text(at path: String) throws(RiskctlError) -> String {
        guard let file = fopen(path, "rb") else {
            throw .missingInput("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes += buffer[..<count]
            if count < buffer.count {
                if ferror(file) != 0 {
                    throw .missingInput("cannot read \(path): \(String(cString: strerror(errno)))")
                }
                break
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidInput("\(path): not UTF-8 text; save it as CSV in UTF-8")
        }
        return text
    }
}
