import Foundation
import Testing

/// `rapport report|export|agree PROJECT --coder NAME` read a project made by `rapport serve --add`
/// (the built binary, driven through its API) like a folder of coded transcripts, per coder.
@Suite("Project files as input", .serialized)
struct ProjectCommandTests {
    /// A segment of an encounter: (source, encounter, segment).
    struct Unit: Hashable { var source: Int; var encounter: Int; var segment: Int }

    /// A project where ana and ben reviewed the same two encounters differently and ana coded one
    /// passage by hand; returns the folder, the project path and each coder's top-level codes per
    /// unit as the API acknowledged them.
    static func reviewedProject() throws -> (folder: URL, project: String, codes: [String: [Unit: Set<String>]], accepted: [String: Int]) {
        let folder = try Binary.temporaryDirectory()
        let project = folder.appendingPathComponent("study.rapport").path
        let server = try ServedProject(project: project, arguments: ["--add", "Corpus/case-a-marsh"])
        defer { server.stop() }
        let encounters = try server.array("/api/encounters?coder=ana")
        #expect(encounters.count == 7)
        var codes: [String: [Unit: Set<String>]] = ["ana": [:], "ben": [:]]
        var accepted: [String: Int] = ["ana": 0, "ben": 0]
        for (n, e) in encounters.prefix(2).enumerated() {
            let source = e["source"] as! Int, index = e["encounter"] as! Int
            let view = try server.object("GET", "/api/sources/\(source)/encounters/\(index)?coder=ana")
            let suggestions = (view["codings"] as? [[String: Any]] ?? []).filter { $0["coder"] as? String == "rapport" }
            #expect(suggestions.count >= 2, "encounter \(index) of source \(source) has too few suggestions")
            for (i, s) in suggestions.enumerated() {
                for coder in ["ana", "ben"] {
                    let accept = coder == "ana" ? i % 3 != 0 : i % 2 == 0
                    let answer = server.send("POST", "/api/decisions", json: ["suggestion": s["id"] as! Int, "coder": coder, "action": accept ? "accept" : "reject"])
                    #expect(answer.status == 201)
                    let unit = Unit(source: source, encounter: index, segment: s["segment"] as! Int)
                    let top = String((s["code"] as! String).split(separator: ".")[0])
                    if accept {
                        codes[coder, default: [:]][unit, default: []].insert(top)
                        accepted[coder, default: 0] += 1
                    }
                }
            }
            if n == 0 {
                let segment = try #require((view["segments"] as? [[String: Any]])?.last)
                let start = segment["start"] as! Int
                let hand = server.send("POST", "/api/codings", json: ["source": source, "encounter": index, "coder": "ana", "code": "acceptance.validation", "start": start, "end": start + 5])
                #expect(hand.status == 201, "\(String(decoding: hand.body, as: UTF8.self))")
                codes["ana", default: [:]][Unit(source: source, encounter: index, segment: segment["index"] as! Int), default: []].insert("acceptance")
                accepted["ana", default: 0] += 1
            }
        }
        return (folder, project, codes, accepted)
    }

    @Test("agree, export and report read a project per coder; unknown coders are usage errors")
    func projectPerCoder() throws {
        let (folder, project, codes, accepted) = try Self.reviewedProject()
        defer { try? FileManager.default.removeItem(at: folder) }

        // agree: units are the segments either coder coded in the encounters both worked on.
        let agree = try Binary.run(["agree", project, "--coder", "ana", "--coder", "ben", "--format", "json"])
        #expect(agree.status == 0, "\(agree.stderr)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(agree.stdout.utf8)) as? [String: Any])
        #expect(figures["coders"] as? [String] == ["ana", "ben"])
        let units = Set(codes["ana"]!.keys).union(codes["ben"]!.keys)
        for code in ["hostility", "empathy", "acceptance", "power"] {
            let row = try #require((figures["codes"] as? [[String: Any]])?.first { $0["code"] as? String == code })
            let same = units.filter { (codes["ana"]![$0]?.contains(code) ?? false) == (codes["ben"]![$0]?.contains(code) ?? false) }.count
            #expect(row["units"] as? Int == units.count, "\(code): \(row)")
            let percent = try #require(row["percent_agreement"] as? Double)
            #expect(abs(percent - Double(same) / Double(units.count)) < 1e-6, "\(code): \(percent) vs \(same)/\(units.count)")
        }

        // All coders but 'adjudicated' by default, the machine among them.
        let all = try Binary.run(["agree", project, "--format", "json"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect((try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])?["coders"] as? [String] == ["ana", "ben", "rapport"])

        // export: exactly each coder's acknowledged codings, under their name.
        for coder in ["ana", "ben"] {
            let csv = folder.appendingPathComponent("\(coder).csv").path
            let export = try Binary.run(["export", project, "--coder", coder, "--csv", csv])
            #expect(export.status == 0, "\(export.stderr)")
            let rows = try String(contentsOfFile: csv, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
            #expect(rows.count == accepted[coder], "\(coder): \(rows.count) rows, \(accepted[coder] ?? 0) accepted")
            #expect(rows.allSatisfy { $0.hasSuffix(",\(coder)") })
        }
        let qdpx = folder.appendingPathComponent("all.qdpx").path
        #expect(try Binary.run(["export", project, "--qdpx", qdpx]).status == 0)
        let imported = try Binary.run(["import", qdpx, "--format", "jsonl"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("\"coder\":\"ana\"") && imported.stdout.contains("\"coder\":\"ben\"") && imported.stdout.contains("\"coder\":\"rapport\""))

        // report: passages per code of one coder (ana), summed over the encounters.
        let report = try Binary.run(["report", project, "--coder", "ana", "--format", "csv"])
        #expect(report.status == 0, "\(report.stderr)")
        var passages: [String: Int] = [:]
        for line in report.stdout.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            passages[String(fields[5]), default: 0] += Int(fields[6]) ?? 0
        }
        for code in ["hostility", "empathy", "acceptance", "power"] {
            #expect(passages[code] == codes["ana"]!.values.filter { $0.contains(code) }.count, "\(code): \(passages)")
        }
        // The machine is the default coder of a report, and its codes are labelled automatic.
        let machine = try Binary.run(["report", project, "--format", "table"])
        #expect(machine.status == 0 && machine.stdout.contains("The codes are automatic, made by rapport"), "\(machine.stdout)")

        // An unknown coder: usage error (2) naming the coders there are; nothing written.
        let unknown = try Binary.run(["export", project, "--coder", "zed", "--csv", folder.appendingPathComponent("zed.csv").path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no coder 'zed'") && unknown.stderr.contains("ana, ben, rapport"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("zed.csv").path))
        #expect(try Binary.run(["agree", project, "--coder", "zed", "--coder", "ana"]).status == 2)
        // --coder without a project, or twice for a report: usage errors.
        #expect(try Binary.run(["report", "Corpus", "--coder", "ana"]).status == 2)
        #expect(try Binary.run(["report", project, "--coder", "ana", "--coder", "ben"]).status == 2)
        // Another program's SQLite file is refused (exit 1), not read as transcripts.
        let foreign = folder.appendingPathComponent("other.sqlite")
        var header = Data("SQLite format 3\0".utf8)
        header.append(Data(repeating: 0, count: 84))
        try header.write(to: foreign)
        let refused = try Binary.run(["agree", foreign.path])
        #expect(refused.status == 1 && refused.stderr.contains("other.sqlite: error:"), "\(refused.stderr)")
    }
}
