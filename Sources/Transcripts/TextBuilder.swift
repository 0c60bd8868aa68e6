/// Builds a normalised text piece by piece while tracking Unicode code-point offsets, so that
/// parsers of structured formats (XML, subtitles, Word) can emit segments with exact ranges into
/// the text that exports will carry.
public struct TextBuilder: Sendable {
    public private(set) var text = ""
    /// Code points appended so far: the offset the next append starts at.
    public private(set) var offset = 0

    public init() {}

    /// Appends `piece` and returns its code-point range.
    @discardableResult
    public mutating func append(_ piece: String) -> Range<Int> {
        let start = offset
        text += piece
        offset += piece.unicodeScalars.count
        return start..<offset
    }
}
