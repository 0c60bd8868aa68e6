extension RecodeSummary {
    /// What re-coding after a codebook change did, in one line (as `serve` prints it).
    public func message(codebookVersion version: Int64) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "codebook version \(version): re-coded \(plural(sources, "source")): "
            + "\(plural(kept, "suggestion")) still stand, \(added) new, \(dropped) dropped (nobody had decided on them), "
            + "\(keptDecided) kept from an older version because someone decided on them"
    }
}
