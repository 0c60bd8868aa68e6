/// One source file parsed: its normalised text and the encounters it holds.
public struct Transcript: Hashable, Codable, Sendable {
    /// The path as given on the command line (or the file's path inside a folder given there).
    public var path: String
    /// The decoded text: NFC, LF line ends, no BOM. All ranges are Unicode code points into it.
    public var text: String
    public var encounters: [Encounter]
    /// Things worth telling the user that did not stop the parse (unknown labels, re-decoding).
    public var warnings: [Diagnostic]

    public init(path: String, text: String, encounters: [Encounter], warnings: [Diagnostic] = []) {
        self.path = path
        self.text = text
        self.encounters = encounters
        self.warnings = warnings
    }
}
