/// Writes a `QDAProject` as QDA-XML (`project.qde`, valid against `Project-mrt2019.xsd`) and
/// its codebook as a `.qdc` (valid against `Codebook-mrt2019.xsd`), through libxml2's writer.
/// Dates are written only as the project gives them, so the same project gives the same bytes.
enum QDEWriter {
    static let projectNamespace = "urn:QDA-XML:project:1.0"
    static let codebookNamespace = "urn:QDA-XML:codebook:1.0"

    /// `project.qde`; text sources refer to their text by `plainTextPath` (or carry it inline
    /// as `PlainTextContent` when they have no path).
    static func project(_ project: QDAProject) -> [UInt8]? {
        var out = XMLOutput()
        out.start("Project")
        out.attribute("xmlns", projectNamespace)
        out.attribute("name", project.name)
        out.attribute("origin", project.origin)
        out.attribute("creatingUserGUID", project.creatingUser)
        out.attribute("creationDateTime", project.creationDate)
        out.attribute("basePath", project.basePath)
        if !project.users.isEmpty {
            out.newline(1)
            out.start("Users")
            for user in project.users {
                out.newline(2)
                out.start("User")
                out.attribute("guid", user.guid)
                out.attribute("name", user.name)
                out.end()
            }
            out.newline(1)
            out.end()
        }
        if !project.codes.isEmpty {
            out.newline(1)
            out.start("CodeBook")
            codes(project.codes, depth: 2, out: &out)
            out.newline(1)
            out.end()
        }
        if !project.variables.isEmpty {
            out.newline(1)
            out.start("Variables")
            for variable in project.variables {
                out.newline(2)
                out.start("Variable")
                out.attribute("guid", variable.guid)
                out.attribute("name", variable.name)
                out.attribute("typeOfVariable", variable.type)
                out.end()
            }
            out.newline(1)
            out.end()
        }
        if !project.cases.isEmpty {
            out.newline(1)
            out.start("Cases")
            for item in project.cases { self.case(item, out: &out) }
            out.newline(1)
            out.end()
        }
        if !project.sources.isEmpty {
            out.newline(1)
            out.start("Sources")
            for source in project.sources { self.source(source, out: &out) }
            out.newline(1)
            out.end()
        }
        out.newline(0)
        out.end()
        return out.finish()
    }

    /// A `.qdc` codebook file with the project's codes.
    static func codebook(_ codes: [QDAProject.Code], origin: String) -> [UInt8]? {
        var out = XMLOutput()
        out.start("CodeBook")
        out.attribute("xmlns", codebookNamespace)
        out.attribute("origin", origin)
        self.codes(codes, depth: 1, out: &out)
        out.newline(0)
        out.end()
        return out.finish()
    }

    /// `<Codes>` with nested `<Code>`s (the same shape in both schemas).
    private static func codes(_ codes: [QDAProject.Code], depth: Int, out: inout XMLOutput) {
        out.newline(depth)
        out.start("Codes")
        for code in codes { self.code(code, depth: depth + 1, out: &out) }
        out.newline(depth)
        out.end()
    }

    private static func code(_ code: QDAProject.Code, depth: Int, out: inout XMLOutput) {
        out.newline(depth)
        out.start("Code")
        out.attribute("guid", code.guid)
        out.attribute("name", code.name)
        out.attribute("isCodable", code.isCodable ? "true" : "false")
        out.attribute("color", code.colour)
        if let description = code.description {
            out.newline(depth + 1)
            out.element("Description", text: description)
        }
        for child in code.children { self.code(child, depth: depth + 1, out: &out) }
        if code.description != nil || !code.children.isEmpty { out.newline(depth) }
        out.end()
    }

    private static func `case`(_ item: QDAProject.Case, out: inout XMLOutput) {
        out.newline(2)
        out.start("Case")
        out.attribute("guid", item.guid)
        out.attribute("name", item.name)
        if let description = item.description {
            out.newline(3)
            out.element("Description", text: description)
        }
        for value in item.values {
            out.newline(3)
            out.start("VariableValue")
            out.start("VariableRef")
            out.attribute("targetGUID", value.variableGUID)
            out.end()
            out.element("TextValue", text: value.text)
            out.end()
        }
        for guid in item.sourceGUIDs {
            out.newline(3)
            out.start("SourceRef")
            out.attribute("targetGUID", guid)
            out.end()
        }
        for guid in item.selectionGUIDs {
            out.newline(3)
            out.start("SelectionRef")
            out.attribute("targetGUID", guid)
            out.end()
        }
        out.newline(2)
        out.end()
    }

    private static func source(_ source: QDAProject.TextSource, out: inout XMLOutput) {
        out.newline(2)
        out.start("TextSource")
        out.attribute("guid", source.guid)
        out.attribute("name", source.name)
        out.attribute("plainTextPath", source.plainTextPath)
        out.attribute("creatingUser", source.creatingUser)
        out.attribute("creationDateTime", source.creationDate)
        if source.plainTextPath == nil {
            out.newline(3)
            out.element("PlainTextContent", text: source.text ?? "")
        }
        for selection in source.selections {
            out.newline(3)
            out.start("PlainTextSelection")
            out.attribute("guid", selection.guid)
            out.attribute("name", selection.name)
            out.attribute("startPosition", String(selection.start))
            out.attribute("endPosition", String(selection.end))
            out.attribute("creatingUser", selection.creatingUser)
            out.attribute("creationDateTime", selection.creationDate)
            if let description = selection.description {
                out.newline(4)
                out.element("Description", text: description)
            }
            for coding in selection.codings { self.coding(coding, depth: 4, out: &out) }
            if selection.description != nil || !selection.codings.isEmpty { out.newline(3) }
            out.end()
        }
        for coding in source.codings { self.coding(coding, depth: 3, out: &out) }
        if source.plainTextPath == nil || !source.selections.isEmpty || !source.codings.isEmpty { out.newline(2) }
        out.end()
    }

    private static func coding(_ coding: QDAProject.Coding, depth: Int, out: inout XMLOutput) {
        out.newline(depth)
        out.start("Coding")
        out.attribute("guid", coding.guid)
        out.attribute("creatingUser", coding.creatingUser)
        out.attribute("creationDateTime", coding.creationDate)
        out.start("CodeRef")
        out.attribute("targetGUID", coding.codeGUID)
        out.end()
        out.end()
    }
}
