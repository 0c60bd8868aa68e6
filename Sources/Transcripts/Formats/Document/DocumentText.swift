import Foundation

/// Lays out the paragraphs and table rows of a word-processor document (Word, OpenDocument) as
/// a plain-text transcript, so that `PlainTextParser` finds the same encounters, turns and
/// observation paragraphs it would in a `.txt` file typed the same way.
///
/// A paragraph is a paragraph: each one is set off by a blank line, so one paragraph per turn
/// (no empty paragraphs between, as most people type in Word) and empty paragraphs between turns
/// give the same segments, and each prose paragraph is its own observation. A line break
/// (Shift+Enter) inside a paragraph is a line, so it continues the turn. The exception is a
/// header block: consecutive `Key: value` paragraphs that open with `Encounter:`, `Case:`,
/// `Date:`, `Setting:`, `Kind:` or `Participants:` are kept on adjacent lines, up to an empty
/// paragraph or the first paragraph whose key is a speaker (a declared participant, or a label
/// such as `SW` or `Interviewer` followed by a sentence). A table row with a speaker cell and a
/// text cell (optionally a time cell too) becomes `Speaker: text`; a row whose speaker cell is
/// empty continues the turn above.
struct DocumentText {
    private var text = ""
    /// Lower-cased speaker labels declared by the open header block, or nil outside one.
    private var headerSpeakers: Set<String>?
    private var lastWasTurn = false

    /// Column headings that mark a first table row as a heading row.
    static let columnHeadings: Set<String> = [
        "speaker", "speakers", "name", "who", "participant", "person", "role", "time", "timestamp",
    ]

    /// Adds a finished paragraph; an empty one ends a header block.
    mutating func paragraph(_ paragraph: String) {
        lastWasTurn = false
        guard !paragraph.isEmpty else {
            headerSpeakers = nil
            return
        }
        let keys = Self.keys(of: paragraph)
        if let declared = headerSpeakers, let keys, continuesHeader(paragraph, keys: keys, declared: declared) {
            text += "\n"
            headerSpeakers = declared.union(Self.declaredSpeakers(in: paragraph))
        } else {
            startBlock()
            let opensHeader = keys.map { PlainTextParser.Scanner.headerKeys.contains($0[0]) } ?? false
            headerSpeakers = opensHeader ? Self.declaredSpeakers(in: paragraph) : nil
        }
        text += paragraph
    }

    /// Adds a table row, each cell given as its non-empty paragraphs.
    mutating func tableRow(_ cells: [[String]], isHeading: Bool, isFirst: Bool) {
        headerSpeakers = nil
        guard !isHeading, !(isFirst && Self.isColumnHeadings(cells)) else { return }
        guard let turn = Self.turn(in: cells) else {
            for paragraph in cells.joined() { self.paragraph(paragraph) }
            return
        }
        if turn.label.isEmpty {
            guard !turn.body.isEmpty else { return }
            if lastWasTurn {
                text += "\n" + turn.body
            } else {
                paragraph(turn.body)
            }
            return
        }
        startBlock()
        text += (turn.time.map { "[\($0)] " } ?? "") + turn.label + ":" + (turn.body.isEmpty ? "" : " " + turn.body)
        lastWasTurn = true
    }

    /// The laid-out text: NFC, LF line ends, ending with a newline when not empty.
    func finish() -> String {
        var result = text
        if result.contains("\r") {
            result = result.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        result = result.precomposedNFC
        return result.isEmpty ? result : result + "\n"
    }

    private mutating func startBlock() {
        if !text.isEmpty { text += "\n\n" }
    }

    // MARK: Header blocks

    /// The lower-cased keys of a paragraph made only of `Key: value` lines, or nil.
    private static func keys(of paragraph: String) -> [String]? {
        var keys: [String] = []
        for line in paragraph.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let key = LabelShape.key(ofLine: line) else { return nil }
            keys.append(key.lowercased())
        }
        return keys.isEmpty ? nil : keys
    }

    /// True when a `Key: value` paragraph is more of the header: its keys are header keys, or
    /// neither declared speakers nor well-known labels saying a sentence (`Observer: Jo` is
    /// metadata, `SW: Morning, Roberta.` a turn).
    private func continuesHeader(_ paragraph: String, keys: [String], declared: Set<String>) -> Bool {
        let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false)
        return zip(keys, lines).allSatisfy { key, line in
            if PlainTextParser.Scanner.headerKeys.contains(key) { return true }
            if declared.contains(key) { return false }
            return Role(defaultForLabel: key) == nil || !Self.readsAsSpeech(line)
        }
    }

    /// A line whose value ends like a sentence or carries a transcriber's note.
    private static func readsAsSpeech(_ line: Substring) -> Bool {
        let value = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
        guard let last = value.last else { return false }
        return ".?!…\"”')]".contains(last) || value.contains("[") || value.count > 60
    }

    /// Labels a `Participants: SW = worker; Mum = client` line declares, lower-cased.
    private static func declaredSpeakers(in paragraph: String) -> Set<String> {
        var labels: Set<String> = []
        for line in paragraph.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "participants" else { continue }
            for entry in line[line.index(after: colon)...].split(separator: ";") {
                let label = entry.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                let trimmed = label.trimmingCharacters(in: .whitespaces).lowercased()
                if !trimmed.isEmpty { labels.insert(trimmed) }
            }
        }
        return labels
    }

    // MARK: Table rows

    /// A row read as a turn: an optional time cell, a speaker cell and a text cell.
    private struct Turn {
        var time: String?
        var label: String
        var body: String
    }

    private static func turn(in cells: [[String]]) -> Turn? {
        let flat = cells.map { $0.joined(separator: " ") }
        var time: String?
        var labelCell: String, bodyCell: [String]
        switch cells.count {
        case 2:
            (labelCell, bodyCell) = (flat[0], cells[1])
        case 3 where isTime(flat[0]) || (flat[0].trimmingCharacters(in: .whitespaces).isEmpty && !isTime(flat[1])):
            // Time | Speaker | Text; a row with no time (and no speaker) continues the turn above.
            (time, labelCell, bodyCell) = (isTime(flat[0]) ? bare(flat[0]) : nil, flat[1], cells[2])
        case 3 where isTime(flat[1]):
            (time, labelCell, bodyCell) = (bare(flat[1]), flat[0], cells[2])
        default:
            return nil
        }
        var label = labelCell.trimmingCharacters(in: .whitespaces)
        if label.hasSuffix(":") { label = String(label.dropLast()).trimmingCharacters(in: .whitespaces) }
        // A decorated name (`Amira Hussain (she/her)`) is kept as written: the plain-text reader takes it apart.
        guard label.isEmpty || LabelShape.isLabel(Array(label.utf8)[...]) || SpeakerName.parse(label) != nil else { return nil }
        return Turn(time: time, label: label, body: bodyCell.joined(separator: "\n"))
    }

    /// A row of short cells, one of which names a speaker or time column (`Speaker | Text`).
    private static func isColumnHeadings(_ cells: [[String]]) -> Bool {
        let names = cells.map { $0.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " \t:")) }
        return names.allSatisfy { $0.isEmpty || LabelShape.isLabel(Array($0.utf8)[...]) }
            && names.contains { columnHeadings.contains($0.lowercased()) }
    }

    private static func isTime(_ cell: String) -> Bool {
        Timestamp.isToken(Array(cell.trimmingCharacters(in: .whitespaces).utf8))
    }

    /// A time cell without its brackets.
    private static func bare(_ cell: String) -> String {
        cell.trimmingCharacters(in: CharacterSet(charactersIn: " \t[]()"))
    }
}
