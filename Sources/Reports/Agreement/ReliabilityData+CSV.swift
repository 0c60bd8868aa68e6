import Transcripts

extension ReliabilityData {
    /// Reads the `--table` reliability matrix from CSV text, so coders' work prepared in a spreadsheet
    /// can be checked for agreement.
    ///
    /// Layout: a header row whose first cell names the unit column (any text) and whose other cells
    /// are the coder names, then one row per unit: the unit id followed by one value per coder.
    /// Quoting follows RFC 4180 (quoted fields may hold commas, line breaks and doubled quotes; CRLF or
    /// LF line ends). Names and values are trimmed of surrounding spaces and tabs, a cell that is then
    /// empty is a missing value, and completely empty lines are skipped.
    ///
    /// - Parameter level: the level the table will be analysed at; for ordinal, interval and ratio
    ///   every present value must be a finite number.
    /// - Throws: ``ReliabilityTableError`` at the first problem: malformed quoting, a missing header,
    ///   an empty or repeated coder name, a row with the wrong number of fields, an empty or repeated
    ///   unit id, or a non-numeric value at a numeric level.
    public init(csv text: String, level: MeasurementLevel = .nominal) throws(ReliabilityTableError) {
        let records: [CSVRecords.Record]
        do { records = try CSVRecords.parse(text) } catch {
            throw ReliabilityTableError(line: error.line, column: error.column, message: error.message)
        }
        guard let header = records.first else {
            throw ReliabilityTableError(
                line: 1, column: 1, message: "the table is empty; expected a header row of a unit column and coder names")
        }
        guard header.fields.count >= 2 else {
            throw ReliabilityTableError(
                line: header.endLine, column: header.endColumn,
                message: "the header needs a unit column followed by at least one coder name")
        }

        var coders: [String] = []
        for field in header.fields.dropFirst() {
            let name = Self.trimmed(field.text)
            if name.isEmpty {
                throw ReliabilityTableError(line: field.line, column: field.column, message: "coder name is empty")
            }
            if coders.contains(name) {
                throw ReliabilityTableError(line: field.line, column: field.column, message: "coder '\(name)' appears twice in the header")
            }
            coders.append(name)
        }

        let width = header.fields.count
        var units: [Unit] = []
        var unitLines: [String: Int] = [:]
        for record in records.dropFirst() {
            let fields = record.fields
            if fields.count != width {
                let (line, column) = fields.count > width
                    ? (fields[width].line, fields[width].column)
                    : (record.endLine, record.endColumn)
                throw ReliabilityTableError(
                    line: line, column: column,
                    message: "row has \(fields.count) field(s) but the header has \(width) (a unit id and \(width - 1) coder(s))")
            }
            let idField = fields[0]
            let id = Self.trimmed(idField.text)
            if id.isEmpty {
                throw ReliabilityTableError(line: idField.line, column: idField.column, message: "unit id is empty")
            }
            if let first = unitLines[id] {
                throw ReliabilityTableError(
                    line: idField.line, column: idField.column, message: "unit '\(id)' appears twice (first on line \(first))")
            }
            unitLines[id] = idField.line

            var values: [String?] = []
            for field in fields.dropFirst() {
                let value = Self.trimmed(field.text)
                if value.isEmpty {
                    values.append(nil)
                    continue
                }
                if level.isNumeric, Self.number(value) == nil {
                    throw ReliabilityTableError(
                        line: field.line, column: field.column,
                        message: "'\(value)' is not a number, but the \(level.rawValue) level needs numeric values")
                }
                values.append(value)
            }
            units.append(Unit(id: id, values: values))
        }
        self.init(validatedCoders: coders, units: units)
    }

    /// `text` without surrounding spaces and tabs.
    private static func trimmed(_ text: String) -> String {
        let isPadding: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = text.firstIndex(where: { !isPadding($0) }),
              let end = text.lastIndex(where: { !isPadding($0) })
        else { return "" }
        return String(text[start...end])
    }
}
