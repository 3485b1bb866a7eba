extension RiskDatabase {
    /// Writes the WAL back into the file and truncates it after an erasure, so that the old text is in neither
    /// file's bytes afterwards (`PRAGMA secure_delete` zeroes what the update freed). Best effort: a failure leaves
    /// the text to the next checkpoint.
    public func writeBackErasure() async {
        try? checkpoint()
    }
}
