/// Reads the body of a WordprocessingML `word/document.xml` into `DocumentText`: paragraphs in
/// order with their runs' text (`w:t`), tabs (`w:tab`) and line breaks (`w:br`, `w:cr`), and
/// tables row by row. Tracked insertions are kept and tracked deletions (`w:del`, `w:delText`,
/// moved-away text, deleted rows) skipped; comments, footnote references, field codes, hidden
/// text, drawings and text boxes are left out. Headers, footers, comments and notes live in other
/// parts of the package, which are never read.
///
/// Recursion follows the element nesting, which `XMLSource` bounds.
struct WordBodyReader {
    /// WordprocessingML's namespace as Word writes it (transitional) and in ISO strict documents.
    static let namespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    let namespace: String
    private(set) var document = DocumentText()
    /// A paragraph whose mark was deleted in tracked changes: it runs on into the next one.
    private var carried: ParagraphText?

    init(namespace: String) {
        self.namespace = namespace
    }

    /// Reads the `w:body` of a `w:document` root.
    mutating func read(_ root: XMLTree.Element) {
        guard let body = root.child("body", in: namespace) else { return }
        blocks(in: body)
        flushCarried()
    }

    private mutating func flushCarried() {
        if let carried { document.paragraph(carried.finish()) }
        carried = nil
    }

    // MARK: Blocks

    private mutating func blocks(in element: XMLTree.Element) {
        for child in element.elements where child.namespace == namespace {
            switch child.name {
            case "p": paragraph(child)
            case "tbl":
                flushCarried()
                table(child)
            case "sdt": if let content = child.child("sdtContent", in: namespace) { blocks(in: content) }
            case "customXml", "ins", "moveTo", "smartTag": blocks(in: child)
            default: continue  // sectPr, bookmarks, deleted blocks (del, moveFrom)
            }
        }
    }

    private mutating func paragraph(_ p: XMLTree.Element) {
        var text = carried ?? ParagraphText()
        carried = nil
        inline(in: p, into: &text)
        if markIsDeleted(p) {
            carried = text
        } else {
            document.paragraph(text.finish())
        }
    }

    /// True when the paragraph mark is a tracked deletion (`w:pPr/w:rPr/w:del`).
    private func markIsDeleted(_ p: XMLTree.Element) -> Bool {
        p.child("pPr", in: namespace)?.child("rPr", in: namespace)?.child("del", in: namespace) != nil
    }

    private mutating func table(_ tbl: XMLTree.Element) {
        var first = true
        for row in rows(of: tbl) {
            let properties = row.child("trPr", in: namespace)
            if properties?.child("del", in: namespace) != nil { continue }
            let cells = self.cells(of: row).map(cellParagraphs)
            let isHeading = properties?.child("tblHeader", in: namespace).map(isOn) ?? false
            document.tableRow(cells, isHeading: isHeading, isFirst: first)
            first = false
        }
    }

    /// `w:tr` children, looking through content controls and tracked insertions.
    private func rows(of element: XMLTree.Element) -> [XMLTree.Element] {
        element.elements.flatMap { child -> [XMLTree.Element] in
            guard child.namespace == namespace else { return [] }
            switch child.name {
            case "tr": return [child]
            case "sdt": return child.child("sdtContent", in: namespace).map(rows) ?? []
            case "customXml", "ins": return rows(of: child)
            default: return []
            }
        }
    }

    private func cells(of row: XMLTree.Element) -> [XMLTree.Element] {
        row.elements.flatMap { child -> [XMLTree.Element] in
            guard child.namespace == namespace else { return [] }
            switch child.name {
            case "tc": return [child]
            case "sdt": return child.child("sdtContent", in: namespace).map(cells) ?? []
            case "customXml", "ins": return cells(of: child)
            default: return []
            }
        }
    }

    /// The non-empty paragraphs of a cell, nested tables' paragraphs included, in order.
    private func cellParagraphs(_ cell: XMLTree.Element) -> [String] {
        var reader = WordBodyReader(namespace: namespace)
        reader.blocks(in: cell)
        reader.flushCarried()
        return reader.document.finish().split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    // MARK: Inline content

    private func inline(in element: XMLTree.Element, into text: inout ParagraphText) {
        for child in element.elements where child.namespace == namespace {
            switch child.name {
            case "r": run(child, into: &text)
            case "hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo":
                inline(in: child, into: &text)
            case "sdt": if let content = child.child("sdtContent", in: namespace) { inline(in: content, into: &text) }
            default: continue  // pPr, del, moveFrom, comment ranges, bookmarks, proofErr
            }
        }
    }

    private func run(_ r: XMLTree.Element, into text: inout ParagraphText) {
        let properties = r.child("rPr", in: namespace)
        if let hidden = properties?.child("vanish", in: namespace), isOn(hidden) { return }
        let bold = properties?.child("b", in: namespace).map(isOn) ?? false
        for child in r.elements where child.namespace == namespace {
            switch child.name {
            case "t":
                var value = child.characterData
                if child["xml:space"] != "preserve" { value = value.trimmingASCIIWhitespace() }
                text.append(run: value, emphasised: bold)
            case "tab", "ptab": text.appendTab()
            case "br", "cr": text.appendLineBreak()
            case "noBreakHyphen": text.append(run: "-", emphasised: bold)
            default: continue  // delText, instrText, footnote and comment references, drawings, symbols
            }
        }
    }

    /// A WordprocessingML on/off property: on unless `w:val` says `0`, `false` or `off`.
    private func isOn(_ property: XMLTree.Element) -> Bool {
        guard let value = property["{\(namespace)}val"] else { return true }
        return !["0", "false", "off"].contains(value.lowercased())
    }
}
