import Coding
import Transcripts

extension TEIDocumentWriter {
    /// `<teiHeader>`: title, coders, case id, source, codebook, people and settings.
    mutating func header(_ transcript: Transcript, people: TEIPeople, settingIDs: [String], declarations: Bool,
                         depth: Int, out: inout XMLOutput) {
        let first = transcript.encounters.first
        out.start("teiHeader")
        out.newline(depth + 1)
        out.start("fileDesc")
        let title = first?.metadata["title"] ?? "\(TEIExport.stem(of: transcript.path)), coded with \(codebook.name)"
        titleStmt(title, declarations: declarations, depth: depth + 2, out: &out)
        publicationStmt(caseID: transcript.encounters.lazy.compactMap(\.caseID).first, depth: depth + 2, out: &out)
        out.newline(depth + 2)
        out.start("sourceDesc")
        out.newline(depth + 3)
        out.element("p", text: "Transcript \(transcript.path), coded by Rapport with the codebook \(codebook.name).")
        out.newline(depth + 2)
        out.end()
        out.newline(depth + 1)
        out.end()
        if declarations { encodingDesc(depth: depth + 1, out: &out) }
        profileDesc(transcript, people: people, settingIDs: settingIDs, depth: depth + 1, out: &out)
        out.newline(depth)
        out.end()
    }

    /// `<titleStmt>` with the title and, with `declarations`, a `<respStmt>` per coder.
    func titleStmt(_ title: String, declarations: Bool, depth: Int, out: inout XMLOutput) {
        out.newline(depth)
        out.start("titleStmt")
        out.newline(depth + 1)
        out.element("title", text: title)
        if declarations {
            for coder in coders {
                out.newline(depth + 1)
                out.start("respStmt")
                out.attribute("xml:id", coder.id)
                out.element("resp", text: coder.name == "rapport" ? "automatic coding (Rapport)" : "coding")
                out.element("name", text: coder.name)
                out.end()
            }
        }
        out.newline(depth)
        out.end()
    }

    func publicationStmt(caseID: String?, depth: Int, out: inout XMLOutput) {
        out.newline(depth)
        out.start("publicationStmt")
        out.newline(depth + 1)
        out.element("authority", text: "Rapport")
        if let caseID {
            out.newline(depth + 1)
            out.element("idno", text: caseID, attributes: [("type", "case")])
        }
        out.newline(depth + 1)
        out.start("availability")
        out.element("p", text: "Unpublished research data.")
        out.end()
        out.newline(depth)
        out.end()
    }

    /// `<encodingDesc>` with the codebook as a taxonomy: nested categories for sub-codes.
    func encodingDesc(depth: Int, out: inout XMLOutput) {
        out.newline(depth)
        out.start("encodingDesc")
        out.newline(depth + 1)
        out.start("classDecl")
        out.newline(depth + 2)
        out.start("taxonomy")
        out.newline(depth + 3)
        out.element("desc", text: codebook.name)
        for code in codebook.codes { category(code, depth: depth + 3, out: &out) }
        for code in extraCodes { category(Code(id: code, name: code), depth: depth + 3, out: &out) }
        out.newline(depth + 2)
        out.end()
        out.newline(depth + 1)
        out.end()
        out.newline(depth)
        out.end()
    }

    private func category(_ code: Code, depth: Int, out: inout XMLOutput) {
        let id = categories[code.id] ?? code.id
        out.newline(depth)
        out.start("category")
        out.attribute("xml:id", id)
        if id != code.id { out.attribute("n", code.id) }
        out.start("catDesc")
        out.element("term", text: code.name)
        if let definition = code.definition.map(TEIRendition.collapsed), !definition.isEmpty {
            out.text(": " + definition)
        }
        out.end()
        for child in code.children { category(child, depth: depth + 1, out: &out) }
        if !code.children.isEmpty { out.newline(depth) }
        out.end()
    }

    /// `<profileDesc>`: `particDesc` with the people, `settingDesc` with one setting per encounter.
    private func profileDesc(_ transcript: Transcript, people: TEIPeople, settingIDs: [String], depth: Int,
                             out: inout XMLOutput) {
        guard !people.persons.isEmpty || !transcript.encounters.isEmpty else { return }
        out.newline(depth)
        out.start("profileDesc")
        if !people.persons.isEmpty {
            out.newline(depth + 1)
            out.start("particDesc")
            out.newline(depth + 2)
            out.start("listPerson")
            for person in people.persons {
                out.newline(depth + 3)
                out.start("person")
                out.attribute("xml:id", person.id)
                out.attribute("role", person.participant.role.rawValue)
                if let name = person.participant.name, !name.isEmpty { out.element("persName", text: name) }
                out.end()
            }
            out.newline(depth + 2)
            out.end()
            out.newline(depth + 1)
            out.end()
        }
        if !transcript.encounters.isEmpty {
            out.newline(depth + 1)
            out.start("settingDesc")
            for (e, encounter) in transcript.encounters.enumerated() {
                out.newline(depth + 2)
                setting(encounter, id: settingIDs[e], speakers: people.ids[e], out: &out)
            }
            out.newline(depth + 1)
            out.end()
        }
        out.newline(depth)
        out.end()
    }

    /// `<setting>` of one encounter: place, date, locale, activity, and who takes part.
    private func setting(_ encounter: Encounter, id: String, speakers: [String: String], out: inout XMLOutput) {
        out.start("setting")
        out.attribute("xml:id", id)
        let who = encounter.participants.compactMap { speakers[$0.label] }
        if !who.isEmpty { out.attribute("who", who.map { "#" + $0 }.joined(separator: " ")) }
        if let name = encounter.setting, !name.isEmpty { out.element("name", text: name) }
        if let date = encounter.date, !date.isEmpty {
            out.start("date")
            if Self.isISODate(date) { out.attribute("when", date) } else { out.text(date) }
            out.end()
        }
        if let locale = encounter.metadata["locale"], !locale.isEmpty { out.element("locale", text: locale) }
        if let kind = encounter.kind, !kind.isEmpty { out.element("activity", text: kind) }
        out.end()
    }

    /// `YYYY-MM-DD` with plausible month and day.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
