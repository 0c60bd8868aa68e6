/// One subtitle cue as read from a WebVTT or SubRip file: its start time, the source line of its
/// timing line, and its payload lines with their source lines (tags not yet removed).
struct SubtitleCue {
    /// Start time in milliseconds.
    var start: Int
    /// 1-based line of `start --> end` in the source file.
    var line: Int
    var payload: [(text: Substring, line: Int)]
}
