import Transcripts

/// Reads QDA-XML (`project.qde`) into a `QDAProject`, keeping what Rapport can use (users, the
/// code tree, cases and variables, text sources and their coded selections) and warning, as
/// the standard asks, about everything else: picture, PDF, audio and video sources, notes,
/// sets, links, graphs, and codes on whole sources.
struct QDEReader {
    let path: String
    private(set) var warnings: [Diagnostic] = []
    private var skipped: [String: (count: Int, line: Int)] = [:]
    private var skippedOrder: [String] = []
    /// GUID → line of the element that first used it.
    private var guids: [String: Int] = [:]

    init(path: String) {
        self.path = path
    }

    /// The project in `root` (a `<Project>` element).
    mutating func read(_ root: XMLTree.Element) throws(Diagnostic) -> QDAProject {
        guard root.name == "Project" else {
            throw Diagnostic(path: path, line: root.line, message:
                "not a REFI-QDA project: root element '\(root.name)', expected <Project> (urn:QDA-XML:project:1.0)")
        }
        if root.namespace != QDEWriter.projectNamespace {
            warn(root.line, "<Project> not in the namespace urn:QDA-XML:project:1.0; read anyway")
        }
        var project = QDAProject(name: root["name"] ?? "", origin: root["origin"], basePath: root["basePath"],
                                 creatingUser: root["creatingUserGUID"].map(Self.guid))
        for section in root.elements {
            switch section.name {
            case "Users":
                for user in section.children("User") where isNew(user, "User") {
                    let guid = Self.guid(user["guid"] ?? "")
                    project.users.append(QDAProject.User(guid: guid, name: user["name"] ?? user["id"] ?? guid))
                }
            case "CodeBook":
                for element in section.child("Codes")?.children("Code") ?? [] where isNew(element, "Code") {
                    project.codes.append(code(element))
                }
            case "Variables":
                project.variables = section.children("Variable").map {
                    QDAProject.Variable(guid: Self.guid($0["guid"] ?? ""), name: $0["name"] ?? "", type: $0["typeOfVariable"] ?? "Text")
                }
            case "Cases":
                for element in section.children("Case") where isNew(element, "Case") { project.cases.append(readCase(element)) }
            case "Sources":
                for source in section.elements {
                    if source.name == "TextSource" {
                        guard isNew(source, "TextSource") else { continue }
                        project.sources.append(textSource(source))
                    } else {
                        skip(source.name.replacingSuffix("Source", with: " source").lowercased(), line: source.line)
                    }
                }
            case "Notes":
                for note in section.children("Note") { skip("note", line: note.line) }
            case "Links", "Sets", "Graphs":
                for item in section.elements { skip(item.name.lowercased(), line: item.line) }
            case "NoteRef":
                skip("note reference", line: section.line)
            default:
                continue
            }
        }
        for name in skippedOrder {
            guard let entry = skipped[name] else { continue }
            warn(entry.line, "\(entry.count) \(name)\(entry.count == 1 ? "" : "s") not carried over (Rapport imports codings of text sources)")
        }
        return project
    }

    private mutating func code(_ element: XMLTree.Element) -> QDAProject.Code {
        for _ in element.children("NoteRef") { skip("note reference", line: element.line) }
        var children: [QDAProject.Code] = []
        for child in element.children("Code") where isNew(child, "Code") { children.append(code(child)) }
        return QDAProject.Code(
            guid: Self.guid(element["guid"] ?? ""), name: element["name"] ?? "",
            isCodable: (element["isCodable"] ?? "true").lowercased() != "false" && element["isCodable"] != "0",
            colour: element["color"], description: element.child("Description")?.characterData, children: children)
    }

    private mutating func readCase(_ element: XMLTree.Element) -> QDAProject.Case {
        if !element.children("CodeRef").isEmpty { skip("code of a case", line: element.line) }
        let values = element.children("VariableValue").compactMap { value -> QDAProject.VariableValue? in
            guard let target = value.child("VariableRef")?["targetGUID"] else { return nil }
            let text = value.elements.first { $0.name != "VariableRef" }?.characterData ?? ""
            return QDAProject.VariableValue(variableGUID: Self.guid(target), text: text)
        }
        return QDAProject.Case(
            guid: Self.guid(element["guid"] ?? ""), name: element["name"] ?? "", description: element.child("Description")?.characterData,
            values: values, sourceGUIDs: element.children("SourceRef").compactMap { $0["targetGUID"].map(Self.guid) },
            selectionGUIDs: element.children("SelectionRef").compactMap { $0["targetGUID"].map(Self.guid) })
    }

    private mutating func textSource(_ element: XMLTree.Element) -> QDAProject.TextSource {
        var source = QDAProject.TextSource(
            guid: Self.guid(element["guid"] ?? ""), name: element["name"] ?? "", plainTextPath: element["plainTextPath"],
            text: element.child("PlainTextContent")?.characterData, selections: [], codings: [], line: element.line)
        for child in element.elements {
            switch child.name {
            case "PlainTextSelection":
                guard isNew(child, "PlainTextSelection") else { continue }
                var selection = QDAProject.Selection(
                    guid: Self.guid(child["guid"] ?? ""), name: child["name"],
                    start: Int(child["startPosition"] ?? "") ?? -1, end: Int(child["endPosition"] ?? "") ?? -1,
                    creatingUser: child["creatingUser"].map(Self.guid), description: child.child("Description")?.characterData,
                    codings: child.children("Coding").compactMap(coding), line: child.line)
                if selection.start < 0 || selection.end < 0 {
                    warnings.append(Diagnostic(path: path, line: child.line, message:
                        "\(REFIQDAImport.label(selection)) has no valid startPosition/endPosition; skipped"))
                    selection.codings = []
                }
                for note in child.children("NoteRef") { skip("note reference", line: note.line) }
                source.selections.append(selection)
            case "Coding":
                if let coding = coding(child) { source.codings.append(coding) }
            case "NoteRef":
                skip("note reference", line: child.line)
            case "VariableValue":
                skip("variable value of a source", line: child.line)
            default:
                continue
            }
        }
        if !source.codings.isEmpty {
            warn(element.line, "\(source.codings.count) coding(s) of the whole source '\(source.name)' not carried over (Rapport codes passages)")
        }
        return source
    }

    private func coding(_ element: XMLTree.Element) -> QDAProject.Coding? {
        guard let target = element.child("CodeRef")?["targetGUID"] else { return nil }
        return QDAProject.Coding(guid: Self.guid(element["guid"] ?? ""), codeGUID: Self.guid(target),
                                 creatingUser: element["creatingUser"].map(Self.guid))
    }

    /// A GUID in one spelling: braces dropped, upper case.
    static func guid(_ text: String) -> String {
        var value = text.trimmingSpaces()
        if value.hasPrefix("{") && value.hasSuffix("}") { value = String(value.dropFirst().dropLast()) }
        return value.uppercased()
    }

    private mutating func skip(_ what: String, line: Int) {
        if let entry = skipped[what] {
            skipped[what] = (entry.count + 1, entry.line)
        } else {
            skipped[what] = (1, line)
            skippedOrder.append(what)
        }
    }

    /// True for an element whose GUID was not used before; a repeated GUID is reported as an
    /// error naming both elements, and the later element is skipped.
    private mutating func isNew(_ element: XMLTree.Element, _ kind: String) -> Bool {
        guard let raw = element["guid"] else { return true }
        let guid = Self.guid(raw)
        if let first = guids[guid] {
            let name = element["name"].map { " name=\"\($0)\"" } ?? ""
            warnings.append(Diagnostic(path: path, line: element.line, message:
                "<\(kind)\(name)> repeats guid \(guid), already used on line \(first); skipped"))
            return false
        }
        guids[guid] = element.line
        return true
    }

    private mutating func warn(_ line: Int, _ message: String) {
        warnings.append(Diagnostic(path: path, line: line, severity: .warning, message: message))
    }
}

extension String {
    /// `PictureSource` → `Picture source`.
    fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
