import Foundation

/// Parses subtitle transcripts, WebVTT (`.vtt`) and SubRip (`.srt`), as automatic transcription
/// (Teams, Zoom, Otter, Whisper) produces them: each cue becomes a turn timestamped with its
/// start time, its speaker taken from a `<v Name>` voice tag or a leading `Name:`, and
/// consecutive cues by the same speaker merged into one turn unless `mergeConsecutive` is off.
///
/// The cues are written out in the plain-text conventions (`[00:01:02.500] Name: words`, a blank
/// line between turns) and parsed with `PlainTextParser`, so `Transcript.text` is that extracted
/// text, the one exports carry, and segment ranges point into it. `Segment.line` is the line of
/// the first cue's timing line in the subtitle file. Cue settings, styles, regions, comments and
/// inline markup are dropped; a malformed time is an error at its line and column.
public struct SubtitleParser: Sendable {
    /// Whether consecutive cues by the same named speaker make one turn.
    public var mergeConsecutive: Bool
    /// The label of cues that do not say who speaks (each stays a turn of its own).
    public var unnamedSpeaker: String

    /// A parser that merges consecutive cues by the same speaker unless told not to.
    public init(mergeConsecutive: Bool = true, unnamedSpeaker: String = "Speaker") {
        self.mergeConsecutive = mergeConsecutive
        self.unnamedSpeaker = unnamedSpeaker
    }

    /// Parses the subtitles in `bytes` read from `path`: WebVTT when the path ends in `.vtt` or
    /// the text starts with `WEBVTT`, SubRip otherwise.
    public func parse(bytes: [UInt8], path: String) throws(Diagnostic) -> Transcript {
        let decoded = try TextDecoding.decode(bytes, path: path)
        let isVTT = path.lowercased().hasSuffix(".vtt") || decoded.text.hasPrefix("WEBVTT")
        var reader = CueReader(path: path, format: isVTT ? .webVTT : .subRip)
        try reader.read(decoded.text)
        var warnings = decoded.warnings + reader.warnings
        let turns = self.turns(reader.cues, path: path, warnings: &warnings)
        var builder = TextBuilder()
        var sourceLines: [Int: Int] = [:]
        for (k, turn) in turns.enumerated() {
            if k > 0 { builder.append("\n\n") }
            sourceLines[2 * k + 1] = turn.line
            let stamp = SubtitleTime.timestamp(turn.start).map { "[\($0)] " } ?? ""
            builder.append("\(stamp)\(turn.label): \(turn.text)")
        }
        if !turns.isEmpty { builder.append("\n") }
        var transcript = PlainTextParser().parse(text: builder.text.precomposedNFC, path: path)
        for e in transcript.encounters.indices {
            for s in transcript.encounters[e].segments.indices {
                let line = transcript.encounters[e].segments[s].line
                transcript.encounters[e].segments[s].line = sourceLines[line] ?? line
            }
        }
        transcript.warnings = warnings + transcript.warnings
        return transcript
    }

    /// A turn to write: its label, first cue's start and timing line, and words.
    struct Turn {
        var label: String
        var named: Bool
        var start: Int
        var line: Int
        var text: String
    }

    /// The cues' utterances as turns, merged where the same named speaker goes on.
    func turns(_ cues: [SubtitleCue], path: String, warnings: inout [Diagnostic]) -> [Turn] {
        var turns: [Turn] = []
        var rewritten: Set<String> = []
        let unnamed = SpeakerLabel.label(for: unnamedSpeaker) ?? "Speaker"
        for cue in cues {
            for utterance in CueText.utterances(cue.payload.map(\.text)) {
                var label = unnamed
                if let speaker = utterance.speaker {
                    label = SpeakerLabel.label(for: speaker) ?? unnamed
                    if label != speaker, rewritten.insert(speaker).inserted {
                        warnings.append(Diagnostic(path: path, line: cue.line, column: 0, severity: .warning,
                                                   message: "speaker '\(speaker)' written as the label '\(label)'"))
                    }
                }
                let named = utterance.speaker != nil
                if mergeConsecutive, named, let last = turns.last, last.named, last.label == label {
                    turns[turns.count - 1].text += " " + utterance.text
                } else {
                    turns.append(Turn(label: label, named: named, start: cue.start, line: cue.line, text: utterance.text))
                }
            }
        }
        return turns
    }
}
