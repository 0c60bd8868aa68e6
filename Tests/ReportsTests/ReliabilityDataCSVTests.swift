import Testing
import Reports

@Suite("Reliability table CSV")
struct ReliabilityDataCSVTests {
    @Test("reads coders, unit ids and missing cells")
    func basic() throws {
        let data = try ReliabilityData(csv: "unit,Ann,Bob\nu1,1,2\nu2,,3\nu3,4,\n")
        #expect(data.coders == ["Ann", "Bob"])
        #expect(data.units.map(\.id) == ["u1", "u2", "u3"])
        #expect(data.units.map(\.values) == [["1", "2"], [nil, "3"], ["4", nil]])
    }

    @Test("the paper example read from CSV gives the published alphas")
    func paperExample() throws {
        let csv = """
            unit,A,B,C,D
            1,1,1,,1
            2,2,2,3,2
            3,3,3,3,3
            4,3,3,3,3
            5,2,2,2,2
            6,1,2,3,4
            7,4,4,4,4
            8,1,1,2,1
            9,2,2,2,2
            10,,5,5,5
            11,,,1,1
            12,,3,,
            """
        let data = try ReliabilityData(csv: csv, level: .ordinal)
        #expect(AgreementFixtures.rounded(Krippendorff.alpha(data, level: .nominal), 3) == 0.743)
        #expect(AgreementFixtures.rounded(Krippendorff.alpha(data, level: .ordinal), 3) == 0.815)
        #expect(AgreementFixtures.rounded(Krippendorff.alpha(data, level: .interval), 3) == 0.849)
        #expect(AgreementFixtures.rounded(Krippendorff.alpha(data, level: .ratio), 3) == 0.797)
    }

    @Test("RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes, CRLF")
    func quoting() throws {
        let csv = "\"unit\",\"Coder, A\",\"B \"\"the second\"\"\"\r\n"
            + "\"seg, 1\",\"empathy, high\",\"said \"\"no\"\"\"\r\n"
            + "seg2,\"two\r\nlines\",\"\"\r\n"
        let data = try ReliabilityData(csv: csv)
        #expect(data.coders == ["Coder, A", "B \"the second\""])
        #expect(data.units.map(\.id) == ["seg, 1", "seg2"])
        #expect(data.units[0].values == ["empathy, high", "said \"no\""])
        #expect(data.units[1].values == ["two\r\nlines", nil])
    }

    @Test("tolerates a byte-order mark, blank lines, padding and no final line end")
    func leniency() throws {
        let data = try ReliabilityData(csv: "\u{FEFF}unit, A ,B\n\n u1 , 1 ,\t2\n\n", level: .interval)
        #expect(data.coders == ["A", "B"])
        #expect(data.units == [.init(id: "u1", values: ["1", "2"])])
        let unterminated = try ReliabilityData(csv: "unit,A,B\r\nu1,x,")
        #expect(unterminated.units == [.init(id: "u1", values: ["x", nil])])
    }

    @Test("a header-only table has no units")
    func headerOnly() throws {
        let data = try ReliabilityData(csv: "unit,A,B\n")
        #expect(data.coders == ["A", "B"])
        #expect(data.units.isEmpty)
        #expect(Krippendorff.alpha(data, level: .nominal) == nil)
    }

    @Test("reports errors with line and column", arguments: [
        // Too many fields: points at the first surplus field.
        ("unit,A,B\nu1,1,2\nu2,1,2,3\n", MeasurementLevel.nominal, 3, 8, "row has 4 field(s)"),
        // Too few fields: points just past the last field.
        ("unit,A,B\nu1,1\n", .nominal, 2, 5, "row has 2 field(s)"),
        // Non-numeric value at a numeric level, including in a quoted field.
        ("unit,A,B\nu1,1,2\nu2,3,high\n", .interval, 3, 6, "'high' is not a number"),
        ("unit,A,B\r\nu1,\"x,y\",2\r\n", .ordinal, 2, 4, "'x,y' is not a number"),
        // Malformed quoting.
        ("unit,A,B\nu1,\"open,2\n", .nominal, 2, 4, "never closed"),
        ("unit,A,B\nu1,ab\"c,2\n", .nominal, 2, 6, "quote inside an unquoted field"),
        ("unit,A,B\nu1,\"a\"b,2\n", .nominal, 2, 7, "after a closing quote"),
        // Header and identifier problems.
        ("", .nominal, 1, 1, "the table is empty"),
        ("unit\nu1\n", .nominal, 1, 5, "at least one coder"),
        ("unit,A,,C\n", .nominal, 1, 8, "coder name is empty"),
        ("unit,A,B,A\n", .nominal, 1, 10, "coder 'A' appears twice"),
        ("unit,A\nu1,1\n,2\n", .nominal, 3, 1, "unit id is empty"),
        ("unit,A\nu1,1\nu1,2\n", .nominal, 3, 1, "unit 'u1' appears twice (first on line 2)"),
        // Columns count characters, not bytes.
        ("unit,Ärzte,B\nü1,é,x\n", .ratio, 2, 4, "'é' is not a number"),
    ])
    func errors(csv: String, level: MeasurementLevel, line: Int, column: Int, message: String) {
        do {
            let data = try ReliabilityData(csv: csv, level: level)
            Issue.record("expected an error at \(line):\(column), read \(data.units.count) unit(s)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.message.contains(message), "message was: \(error.message)")
        }
    }

    @Test("non-numeric values are fine at the nominal level")
    func nominalAcceptsText() throws {
        let data = try ReliabilityData(csv: "unit,A,B\nu1,high,low\n", level: .nominal)
        #expect(data.units[0].values == ["high", "low"])
    }

    @Test("errors print compiler-style")
    func description() {
        let error = ReliabilityTableError(line: 3, column: 8, message: "row has 4 field(s)")
        #expect(error.description == "3:8: row has 4 field(s)")
    }
}
