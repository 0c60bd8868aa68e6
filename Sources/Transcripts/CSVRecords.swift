/// Splits RFC 4180 comma-separated text into records of fields that remember where they start, so
/// readers (the reliability table, human codings, the case sheet) can report problems by line and column.
///
/// Accepts CRLF, LF or CR line ends, quoted fields holding commas, line breaks and doubled quotes,
/// and a missing final line end; skips a leading byte-order mark and completely empty lines.
public struct CSVRecords {
    /// One field's text (quotes removed, doubled quotes undone) and where it starts.
    public struct Field: Sendable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    /// One record's fields and the position just past its last field, where a missing field would go.
    public struct Record: Sendable {
        public var fields: [Field]
        public var endLine: Int
        public var endColumn: Int
    }

    /// Malformed quoting, at a 1-based line and column (in characters).
    public struct SyntaxError: Error, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// Parses `text` into records, or throws at the first malformed quote.
    public static func parse(_ text: String) throws(SyntaxError) -> [Record] {
        var records: [Record] = []
        var fields: [Field] = []
        var field = Field(text: "", line: 1, column: 1)
        var state = State.fieldStart
        var line = 1
        var column = 1

        func endField() {
            fields.append(field)
        }
        func endRecord() {
            endField()
            let isBlankLine = fields.count == 1 && fields[0].text.isEmpty && state != .quoteInQuoted
            if !isBlankLine { records.append(Record(fields: fields, endLine: line, endColumn: column)) }
            fields = []
        }

        for character in text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text) {
            let isLineEnd = character == "\n" || character == "\r\n" || character == "\r"
            switch state {
            case .fieldStart:
                field = Field(text: "", line: line, column: column)
                if character == "\"" {
                    state = .quoted
                } else if character == "," {
                    endField()
                } else if isLineEnd {
                    endRecord()
                } else {
                    field.text.append(character)
                    state = .unquoted
                }
            case .unquoted:
                if character == "," {
                    endField()
                    state = .fieldStart
                } else if isLineEnd {
                    endRecord()
                    state = .fieldStart
                } else if character == "\"" {
                    throw SyntaxError(
                        line: line, column: column,
                        message: "quote inside an unquoted field; quote the whole field and double any quotes in it")
                } else {
                    field.text.append(character)
                }
            case .quoted:
                if character == "\"" {
                    state = .quoteInQuoted
                } else {
                    field.text.append(character)
                }
            case .quoteInQuoted:
                if character == "\"" {
                    field.text.append("\"")
                    state = .quoted
                } else if character == "," {
                    endField()
                    state = .fieldStart
                } else if isLineEnd {
                    endRecord()
                    state = .fieldStart
                } else {
                    throw SyntaxError(
                        line: line, column: column,
                        message: "unexpected '\(character)' after a closing quote; expected a comma or the end of the line")
                }
            }
            if isLineEnd {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }

        switch state {
        case .quoted:
            throw SyntaxError(line: field.line, column: field.column, message: "quoted field is never closed")
        case .unquoted, .quoteInQuoted:
            endRecord()
        case .fieldStart:
            // Text ending in a comma still has a final, empty field; text ending in a line end does not.
            if !fields.isEmpty {
                field = Field(text: "", line: line, column: column)
                endRecord()
            }
        }
        return records
    }
}
