/// Parses plain-text transcripts in the conventions researchers use: `Key: value` header blocks,
/// `Label:` speaker turns (optionally after a timestamp), blank-line separated observation
/// paragraphs and bracketed notes. Scans the UTF-8 bytes of the normalised text.
public struct PlainTextParser: Sendable {
    public init() {}

    /// Parses normalised text (see `TextDecoding`) read from `path`.
    public func parse(text: String, path: String) -> Transcript {
        var scanner = Scanner(text: text, path: path)
        scanner.run()
        return Transcript(path: path, text: text, encounters: scanner.encounters, warnings: scanner.warnings)
    }

    /// Decodes `bytes` and parses them; throws for binary files.
    public func parse(bytes: [UInt8], path: String) throws(Diagnostic) -> Transcript {
        let decoded = try TextDecoding.decode(bytes, path: path)
        var transcript = parse(text: decoded.text, path: path)
        transcript.warnings = decoded.warnings + transcript.warnings
        return transcript
    }
}

extension PlainTextParser {
    /// One line of the text: byte range without the LF, and the code-point offset of its start.
    struct Line {
        var start: Int
        var end: Int
        var codePoint: Int
        var number: Int
    }

    /// A segment being built while its lines are read.
    struct OpenSegment {
        var kind: Segment.Kind
        var speaker: String?
        var timestamp: String?
        var line: Int
        var contentStart: Int
        var contentEnd: Int
    }

    struct Scanner {
        let bytes: [UInt8]
        let path: String
        let stem: String
        var lines: [Line] = []
        var encounters: [Encounter] = []
        var warnings: [Diagnostic] = []

        var current: Encounter
        var currentHasHeader = false
        var open: OpenSegment?
        var previousWasTurnLine = false
        var seenSpeakers: Set<String> = []
        var unknownLabels: [String] = []
        /// Lower-cased labels written as a speaker at least twice in the file (`amira:`, `iPhone:`,
        /// `Speaker 1  0:02`): accepted however they are capitalised.
        var recurringLabels: Set<String> = []
        /// Decorated speaker names already reported as read (`Amira Hussain (she/her)`).
        var relabelled: Set<String> = []
        /// Lines in the file that are a speaker and a time alone (`Speaker 1  0:02`).
        var speakerLines = 0
        /// True when the text is all ASCII: code points are bytes.
        var ascii = false

        init(text: String, path: String) {
            self.bytes = Array(text.utf8)
            self.path = path
            let file = path.split(separator: "/").last.map(String.init) ?? path
            self.stem = file.split(separator: ".").first.map(String.init) ?? file
            self.current = Encounter(id: stem)
            splitLines()
            findRecurringLabels()
        }

        /// Counts what is written as a speaker at the start of lines (before a colon, or as a
        /// whole line ending in a time) and keeps the labels written twice or more.
        mutating func findRecurringLabels() {
            var counts: [String: Int] = [:]
            for line in lines {
                var i = skipSpace(from: line.start, to: line.end)
                if let stamp = Timestamp.match(bytes, at: i, end: line.end) { i = skipSpace(from: stamp.end, to: line.end) }
                if let colon = labelColon(from: i, in: line), let name = SpeakerName.parse(Bytes.string(bytes[i..<colon])) {
                    counts[name.label.lowercased(), default: 0] += 1
                } else if let name = speakerLine(line) {
                    counts[name.label.lowercased(), default: 0] += 1
                    speakerLines += 1
                }
            }
            recurringLabels = Set(counts.filter { $0.value >= 2 }.keys)
        }

        /// The colon that ends a label starting at `start`: within 80 bytes, outside brackets
        /// (`Speaker 1 (00:00:02):`), followed by a space or the end of the line, never inside a
        /// time (`10:30`).
        func labelColon(from start: Int, in line: Line) -> Int? {
            var i = start
            var depth = 0
            while i < line.end, i - start < 80 {
                let b = bytes[i]
                if b == 40 || b == 91 { depth += 1 } else if (b == 41 || b == 93) && depth > 0 { depth -= 1 }
                if b == 58 && depth == 0 { break }
                i += 1
            }
            guard i < line.end, bytes[i] == 58, i > start else { return nil }
            if i + 1 < line.end, !Bytes.isSpace(bytes, at: i + 1) { return nil }
            return i
        }

        /// A line that is only a speaker and a time, the text following on the next lines, as
        /// transcription services write it: `Speaker 1  0:02` (Otter), `Amira Hussain   0:03`
        /// (Teams), `[Amira Hussain] 10:02:15` (Zoom), `Speaker 1 (00:00:02)` (Rev, Descript).
        func speakerLine(_ line: Line) -> SpeakerName? {
            let start = skipSpace(from: line.start, to: line.end)
            let end = trimEnd(line.end, from: start)
            guard end > start, end - start <= 80 else { return nil }
            let text = Bytes.string(bytes[start..<end])
            if let name = SpeakerName.parse(text), name.timestamp != nil { return name }
            guard let space = text.lastIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
            let time = String(text[text.index(after: space)...])
            guard Timestamp.isToken(Array(time.utf8)), var name = SpeakerName.parse(String(text[..<space])),
                  name.timestamp == nil else { return nil }
            name.timestamp = time.trimmingCharacters(in: ["[", "]", "(", ")"])
            return name
        }

        mutating func splitLines() {
            var start = 0, codePoint = 0, lineCodePoint = 0, number = 1
            var i = 0
            ascii = !bytes.contains { $0 >= 0x80 }
            while i <= bytes.count {
                if i == bytes.count || bytes[i] == 10 {
                    lines.append(Line(start: start, end: i, codePoint: lineCodePoint, number: number))
                    codePoint += 1  // the LF
                    lineCodePoint = codePoint
                    number += 1
                    start = i + 1
                } else if bytes[i] & 0xC0 != 0x80 {
                    codePoint += 1
                }
                i += 1
            }
        }

        /// Code-point offset of byte `index`, which lies in `line`.
        func codePoint(at index: Int, in line: Line) -> Int {
            if ascii { return line.codePoint + index - line.start }
            var count = line.codePoint
            var i = line.start
            while i < index {
                if bytes[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            return count
        }

        func isBlank(_ line: Line) -> Bool {
            var i = line.start
            while i < line.end {
                if !Bytes.isSpace(bytes, at: i) { return false }
                i += Bytes.scalarLength(bytes[i])
            }
            return true
        }

        /// A line of three or more `-`, `=`, `*` or `_` (one of them, spaces and tabs between).
        func isSeparator(_ line: Line) -> Bool {
            var first: UInt8 = 0
            var count = 0
            for i in line.start..<line.end {
                let b = bytes[i]
                if b == 32 || b == 9 { continue }
                if count == 0 {
                    guard b == 45 || b == 61 || b == 42 || b == 95 else { return false }
                    first = b
                } else if b != first {
                    return false
                }
                count += 1
            }
            return count >= 3
        }

        mutating func run() {
            var index = 0
            var paragraphStart = true
            var firstParagraph = true
            while index < lines.count {
                let line = lines[index]
                if isBlank(line) {
                    // A speaker line (`Speaker 1 (00:00:02):`) whose words follow after a blank line.
                    if let segment = open, segment.kind == .utterance, segment.contentEnd <= segment.contentStart,
                       segment.line == index {
                        paragraphStart = true
                        index += 1
                        continue
                    }
                    closeSegment()
                    paragraphStart = true
                    previousWasTurnLine = false
                    index += 1
                    continue
                }
                if isSeparator(line) {
                    closeSegment()
                    paragraphStart = true
                    index += 1
                    continue
                }
                if paragraphStart, firstParagraph, let titled = titleAndHeader(at: index) {
                    closeSegment()
                    let title = Bytes.string(bytes[skipSpace(from: line.start, to: line.end)..<trimEnd(line.end, from: line.start)])
                    applyHeader(titled.header, line: lines[titled.header.endLine - titled.header.fields.count].number)
                    current.metadata["title"] = title
                    warnings.append(Diagnostic(path: path, line: line.number, column: 0, severity: .warning,
                                               message: "'\(title)' read as the title above the header, not as transcript text"))
                    index = titled.header.endLine
                    paragraphStart = true
                    firstParagraph = false
                    continue
                }
                if paragraphStart, let header = headerBlock(at: index, first: firstParagraph) {
                    closeSegment()
                    applyHeader(header, line: line.number)
                    index = header.endLine
                    paragraphStart = true
                    firstParagraph = false
                    continue
                }
                firstParagraph = false
                if let turn = turnStart(line, paragraphStart: paragraphStart) {
                    closeSegment()
                    let contentStart = skipSpace(from: turn.contentStart, to: line.end)
                    open = OpenSegment(kind: .utterance, speaker: turn.label, timestamp: turn.timestamp,
                                       line: line.number, contentStart: contentStart,
                                       contentEnd: trimEnd(line.end, from: contentStart))
                    seenSpeakers.insert(turn.label.lowercased())
                    previousWasTurnLine = true
                } else if let segment = open {
                    let end = trimEnd(line.end, from: line.start)
                    if segment.contentEnd <= segment.contentStart {
                        // The first words of a turn whose label stood on a line of its own.
                        let start = skipSpace(from: line.start, to: line.end)
                        if end > start {
                            open?.contentStart = start
                            open?.contentEnd = end
                        }
                    } else if end > line.start {
                        open?.contentEnd = end
                    }
                } else {
                    let start = skipSpace(from: line.start, to: line.end)
                    open = OpenSegment(kind: .observation, speaker: nil, timestamp: nil, line: line.number,
                                       contentStart: start, contentEnd: trimEnd(line.end, from: start))
                    previousWasTurnLine = false
                }
                paragraphStart = false
                index += 1
            }
            closeSegment()
            finishEncounter()
            if encounters.count > 1 { disambiguateIDs() }
        }

        // MARK: Headers

        struct HeaderBlock {
            var fields: [(key: String, value: String, line: Int)]
            var endLine: Int
        }

        static let headerKeys: Set<String> = ["case", "encounter", "date", "setting", "kind", "participants"]

        /// A title line above the file's first header (`Home visit, 5 March`), directly above it
        /// or set off by a blank line, with that header: the title is metadata, not an encounter.
        func titleAndHeader(at index: Int) -> (header: HeaderBlock, titleLine: Int)? {
            guard keyValue(lines[index]) == nil, index + 1 < lines.count else { return nil }
            let words = Bytes.string(bytes[lines[index].start..<lines[index].end]).split(separator: " ").count
            guard words <= 15 else { return nil }
            var next = index + 1
            while next < lines.count, isBlank(lines[next]), next - index <= 2 { next += 1 }
            guard next < lines.count, !isBlank(lines[next]), let header = headerBlock(at: next, first: true) else { return nil }
            let keys = header.fields.map { $0.key.lowercased() }
            guard keys.contains("encounter") || keys.filter({ Self.headerKeys.contains($0) }).count >= 2 else { return nil }
            return (header, index)
        }

        /// A paragraph of `Key: value` lines that reads as an encounter header, or nil.
        func headerBlock(at index: Int, first: Bool) -> HeaderBlock? {
            guard mayBeHeader(at: index) else { return nil }
            var fields: [(key: String, value: String, line: Int)] = []
            var i = index
            while i < lines.count, !isBlank(lines[i]) {
                guard let field = keyValue(lines[i]) else { return nil }
                fields.append((field.key, field.value, lines[i].number))
                i += 1
            }
            let keys = fields.map { $0.key.lowercased() }
            let known = keys.filter { Self.headerKeys.contains($0) }.count
            guard known > 0 else { return nil }
            // A key that names a speaker makes the paragraph dialogue, not a header, unless the
            // paragraph is plainly a header (an `Encounter:` line, or two header keys).
            let plainlyHeader = keys.contains("encounter") || known >= 2
            for key in keys where !Self.headerKeys.contains(key) && !plainlyHeader {
                if Role(defaultForLabel: key) != nil || current.participant(forLabel: key) != nil
                    || seenSpeakers.contains(key) { return nil }
            }
            guard first || keys.contains("encounter") || known >= 2 else { return nil }
            return HeaderBlock(fields: fields, endLine: i)
        }

        /// A screen on the bytes alone for `headerBlock`: false when some line of the paragraph
        /// at `index` is not a `Key: value` line or no key can be a header key (then there is no
        /// header), so the turns of a file cost no strings here.
        func mayBeHeader(at index: Int) -> Bool {
            var i = index
            var known = false
            while i < lines.count, !isBlank(lines[i]) {
                guard let key = keyRange(lines[i]) else { return false }
                if !known { known = mayBeHeaderKey(key) }
                i += 1
            }
            return known
        }

        /// The key's bytes (spaces trimmed) when `line` has the shape `keyValue` reads.
        func keyRange(_ line: Line) -> Range<Int>? {
            var i = skipSpace(from: line.start, to: line.end)
            let keyStart = i
            while i < line.end, bytes[i] != 58 {
                guard Bytes.isLabelByte(bytes[i]) else { return nil }
                i += 1
            }
            guard i < line.end, i > keyStart, i - keyStart <= 40 else { return nil }
            let key = Bytes.trimmingSpaces(keyStart..<i, in: bytes)
            guard !key.isEmpty, Bytes.isLetter(bytes[key.lowerBound]) else { return nil }
            return key
        }

        /// False only when the key cannot lower-case to one of `headerKeys` (non-ASCII keys may).
        func mayBeHeaderKey(_ key: Range<Int>) -> Bool {
            guard key.count <= 12 else { return bytes[key].contains { $0 >= 0x80 } }
            var lower: [UInt8] = []
            for b in bytes[key] {
                if b >= 0x80 { return true }
                lower.append(b >= 65 && b <= 90 ? b + 32 : b)
            }
            return Self.headerKeyBytes.contains(lower)
        }

        static let headerKeyBytes: Set<[UInt8]> = Set(headerKeys.map { Array($0.utf8) })

        func keyValue(_ line: Line) -> (key: String, value: String)? {
            var i = skipSpace(from: line.start, to: line.end)
            let keyStart = i
            while i < line.end, bytes[i] != 58 {
                let b = bytes[i]
                guard Bytes.isLabelByte(b) else { return nil }
                i += 1
            }
            guard i < line.end, i > keyStart, i - keyStart <= 40 else { return nil }
            let key = Bytes.string(bytes[keyStart..<i]).trimmingASCIISpaces()
            guard let first = key.utf8.first, Bytes.isLetter(first) else { return nil }
            let value = Bytes.string(bytes[(i + 1)..<line.end]).trimmingASCIISpaces()
            return (key, value)
        }

        mutating func applyHeader(_ header: HeaderBlock, line: Int) {
            let keys = header.fields.map { $0.key.lowercased() }
            if !current.segments.isEmpty || (currentHasHeader && keys.contains("encounter")) {
                let previousDate = current.date
                finishEncounter()
                current = Encounter(id: stem, line: line)
                current.date = previousDate
            }
            if !currentHasHeader { current.line = line }
            currentHasHeader = true
            for field in header.fields {
                let key = field.key.lowercased()
                current.metadata[key] = field.value
                switch key {
                case "encounter": if !field.value.isEmpty { current.id = field.value }
                case "case": current.caseID = field.value.isEmpty ? nil : field.value
                case "date": current.date = DateText.iso(field.value) ?? field.value
                case "setting": current.setting = field.value
                case "kind": current.kind = field.value
                case "participants": parseParticipants(field.value, line: field.line)
                default: break
                }
            }
        }

        /// `SW = worker (Olivia); Mum = client (Roberta)`.
        mutating func parseParticipants(_ value: String, line: Int) {
            for entry in ParticipantList.parse(value) {
                let label = entry.participant.label
                if let roleText = entry.unknownRole {
                    warnings.append(Diagnostic(path: path, line: line, column: 0, severity: .warning,
                                               message: "participant '\(label)' has no known role ('\(roleText)'); using 'unknown'"))
                }
                let key = label.lowercased()
                current.participants.removeAll { Encounter.lowercased($0.label, equals: key) }
                current.participants.append(entry.participant)
            }
        }

        // MARK: Turns

        struct TurnStart {
            var label: String
            var timestamp: String?
            var contentStart: Int
        }

        static let notLabels: Set<String> = [
            "note", "notes", "nb", "n.b.", "ps", "p.s.", "time", "re", "example", "e.g.", "eg", "update",
            "action", "actions", "outcome", "summary", "comment", "comments", "context", "observation",
            "observations", "aside", "reflection", "memo", "field note", "field notes", "plan", "agenda",
            "reason", "purpose", "background", "address", "subject", "warning", "important", "ps.",
            "see", "source", "tel", "email", "http", "https", "ref", "reference", "todo", "afterwards",
            "later", "then", "meanwhile", "also", "edit", "footnote", "caption",
        ]

        /// A line that opens a speaker turn: `[00:14:32] SW: …`, `Dr Khan: …`, `Amira Hussain
        /// (she/her): …`, `Jo Bennett - Health Visitor: …`, or a speaker line (`Speaker 1  0:02`).
        mutating func turnStart(_ line: Line, paragraphStart: Bool) -> TurnStart? {
            var i = skipSpace(from: line.start, to: line.end)
            var timestamp: String?
            if let stamp = Timestamp.match(bytes, at: i, end: line.end) {
                timestamp = stamp.text
                i = skipSpace(from: stamp.end, to: line.end)
            }
            let labelStart = i
            guard let colon = labelColon(from: labelStart, in: line) else {
                guard timestamp == nil, paragraphStart, let name = speakerLine(line) else { return nil }
                let key = name.label.lowercased()
                // Once the file is written this way (two speaker lines or more), a name written
                // like a name is a speaker even if it speaks once.
                let namelike = speakerLines >= 2 && name.label.split(separator: " ").allSatisfy { word in
                    word.first.map { $0.isUppercase || $0.isNumber || !$0.isASCII } ?? false
                }
                guard recurringLabels.contains(key) || isKnown(name.label) || SpeakerName.isDevice(name.label) || namelike,
                      !Self.notLabels.contains(key) else { return nil }
                adopt(name, written: Bytes.string(bytes[labelStart..<trimEnd(line.end, from: labelStart)]), line: line.number)
                return TurnStart(label: name.label, timestamp: name.timestamp, contentStart: line.end)
            }
            let raw = Bytes.string(bytes[labelStart..<colon])
            let label: String
            var decorated: SpeakerName?
            var words = 1
            var previous: UInt8 = 0
            for b in bytes[labelStart..<colon] {
                if b == 32, previous != 32, previous != 0 { words += 1 }
                previous = b
            }
            if words <= 4, colon - labelStart <= 40, bytes[labelStart..<colon].allSatisfy(Bytes.isLabelByte) {
                label = raw.trimmingASCIISpaces()
            } else {
                guard let name = SpeakerName.parse(raw), !name.isPlain else { return nil }
                label = name.label
                decorated = name
                words = label.split(separator: " ").count
            }
            guard !label.isEmpty, words <= 4, let first = label.unicodeScalars.first else { return nil }
            guard first.properties.isAlphabetic || first.properties.isEmoji && first.value > 0xFF else { return nil }
            let key = label.lowercased()
            if Self.notLabels.contains(key) { return nil }
            if !isKnown(label) {
                // Unknown labels only where a turn can start, and written like a name or a code,
                // or written as a speaker elsewhere in the file (`amira:`), or a device (`iPhone:`).
                guard timestamp != nil || paragraphStart || previousWasTurnLine else { return nil }
                let recurring = recurringLabels.contains(key) && (words <= 2 || decorated != nil)
                if !recurring && !SpeakerName.isDevice(label) {
                    guard first.properties.isUppercase || !first.isASCII else { return nil }
                    guard label.split(separator: " ").allSatisfy({ word in
                        word.first.map { $0.isUppercase || $0.isNumber || !$0.isASCII } ?? false
                    }) || words == 1 else { return nil }
                }
            }
            if let decorated {
                adopt(decorated, written: raw.trimmingASCIISpaces(), line: line.number)
                timestamp = timestamp ?? decorated.timestamp
            }
            return TurnStart(label: label, timestamp: timestamp, contentStart: colon + 1)
        }

        /// A label the encounter declares, the conventions know (`SW`, `Mum`), or already spoke.
        func isKnown(_ label: String) -> Bool {
            current.participant(forLabel: label) != nil || Role(defaultForLabel: label) != nil
                || seenSpeakers.contains(label.lowercased())
        }

        /// Takes what a decorated name says: a role becomes the participant's role (unless the
        /// header declares one); what was left out of the label is reported once per name.
        mutating func adopt(_ name: SpeakerName, written: String, line: Int) {
            if let role = name.role, current.participant(forLabel: name.label) == nil {
                current.participants.append(Participant(label: name.label, role: role, name: nil))
            }
            guard name.droppedAnnotation || name.roleText != nil, relabelled.insert(written.lowercased()).inserted else { return }
            var parts: [String] = []
            if let role = name.role { parts.append("role \(role.rawValue)") }
            if name.role == nil, let text = name.roleText { parts.append("'\(text)' is not a role Rapport knows, so none") }
            if name.droppedAnnotation { parts.append("the parenthesis left out") }
            warnings.append(Diagnostic(path: path, line: line, column: 0, severity: .warning,
                                       message: "speaker '\(written)' read as '\(name.label)' (\(parts.joined(separator: "; ")))"))
        }

        func skipSpace(from start: Int, to end: Int) -> Int {
            var i = start
            while i < end, Bytes.isSpace(bytes, at: i) { i += Bytes.scalarLength(bytes[i]) }
            return i
        }

        func trimEnd(_ end: Int, from start: Int) -> Int {
            var e = end
            while e > start, bytes[e - 1] == 32 || bytes[e - 1] == 9 { e -= 1 }
            // A trailing no-break space (C2 A0).
            while e - 2 >= start, bytes[e - 2] == 0xC2, bytes[e - 1] == 0xA0 { e -= 2 }
            return e
        }

        // MARK: Segments

        func line(containing index: Int, from number: Int) -> Line {
            var k = number - 1
            while k + 1 < lines.count, lines[k + 1].start <= index { k += 1 }
            return lines[k]
        }

        mutating func closeSegment() {
            guard let segment = open else { return }
            open = nil
            let startLine = lines[segment.line - 1]
            let endLine = line(containing: segment.contentEnd, from: segment.line)
            let start = codePoint(at: segment.contentStart, in: startLine)
            let end = codePoint(at: segment.contentEnd, in: endLine)
            let content = bytes[segment.contentStart..<max(segment.contentStart, segment.contentEnd)]
            let notes = NoteScanner.notes(in: content, startLine: startLine, scanner: self)
            let words = WordCounter.count(content, excluding: notes.byteRanges)
            var role: Role?
            if let speaker = segment.speaker {
                role = current.participant(forLabel: speaker)?.role ?? Role(defaultForLabel: speaker)
                if role == nil {
                    role = .unknown
                    if !unknownLabels.contains(speaker) { unknownLabels.append(speaker) }
                }
            }
            current.segments.append(Segment(
                index: current.segments.count, kind: segment.kind, speaker: segment.speaker, role: role,
                text: Bytes.string(content), start: start, end: max(start, end), line: segment.line,
                timestamp: segment.timestamp, notes: notes.notes, words: words))
        }

        mutating func finishEncounter() {
            if !unknownLabels.isEmpty {
                warnings.append(Diagnostic(path: path, line: current.line, column: 0, severity: .warning,
                                           message: "encounter '\(current.id)': speaker labels with no known role: \(unknownLabels.joined(separator: ", ")); add them to a 'Participants:' header, or to the participants column of an attributes.csv beside the transcripts (see docs/formats.md)"))
            }
            // Speakers not declared become participants, so every turn's speaker is listed.
            for segment in current.segments {
                if let speaker = segment.speaker, current.participant(forLabel: speaker) == nil {
                    current.participants.append(Participant(label: speaker, role: segment.role ?? .unknown))
                }
            }
            if !current.segments.isEmpty || currentHasHeader { encounters.append(current) }
            unknownLabels = []
            seenSpeakers = []
            currentHasHeader = false
        }

        mutating func disambiguateIDs() {
            var counts: [String: Int] = [:]
            for e in encounters { counts[e.id, default: 0] += 1 }
            var seen: [String: Int] = [:]
            for k in encounters.indices where counts[encounters[k].id, default: 0] > 1 {
                let id = encounters[k].id
                seen[id, default: 0] += 1
                encounters[k].id = "\(id)-\(seen[id]!)"
            }
        }
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    func trimmingASCIISpaces() -> String {
        let utf8 = self.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] == 32 || utf8[start] == 9 { start = utf8.index(after: start) }
        while end > start {
            let before = utf8.index(before: end)
            guard utf8[before] == 32 || utf8[before] == 9 else { break }
            end = before
        }
        return String(self[start..<end])
    }
}
