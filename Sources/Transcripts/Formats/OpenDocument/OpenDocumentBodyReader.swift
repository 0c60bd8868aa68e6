/// Reads the `office:text` body of an OpenDocument `content.xml` into `DocumentText`: paragraphs
/// and headings (`text:p`, `text:h`) in order, inside lists and sections too, with spans,
/// links, tabs (`text:tab`), line breaks (`text:line-break`) and runs of spaces (`text:s`), and
/// tables row by row (`table:table-row`, `table:table-cell`), heading rows skipped.
///
/// Character data collapses whitespace as ODF requires. Tracked changes keep inserted text, which
/// sits in the body, and drop deleted text, which sits in `text:tracked-changes`; footnotes and
/// endnotes (`text:note`), comments (`office:annotation`) and drawings are left out. Text in an
/// automatic style with a bold font weight counts as emphasised, for bold speaker labels.
///
/// Recursion follows the element nesting, which `XMLSource` bounds.
struct OpenDocumentBodyReader {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

    /// Most spaces one `text:s` may stand for; a larger count is capped rather than trusted.
    static let maximumSpaces = 1_000

    private(set) var document = DocumentText()
    /// Names of automatic text styles that set a bold font weight.
    private let boldStyles: Set<String>

    init(boldStyles: Set<String>) {
        self.boldStyles = boldStyles
    }

    /// Automatic styles of `content.xml` whose text properties are bold.
    static func boldStyles(in root: XMLTree.Element) -> Set<String> {
        guard let styles = root.child("automatic-styles", in: office) else { return [] }
        var names: Set<String> = []
        for style in styles.children("style", in: Self.style) {
            guard let name = style["{\(Self.style)}name"],
                  let weight = style.child("text-properties", in: Self.style)?["{\(fo)}font-weight"] else { continue }
            if weight == "bold" || (Int(weight) ?? 0) >= 600 { names.insert(name) }
        }
        return names
    }

    /// Reads the `office:body/office:text` of a `content.xml` root; false when there is none.
    mutating func read(_ root: XMLTree.Element) -> Bool {
        guard let body = root.child("body", in: Self.office)?.child("text", in: Self.office) else { return false }
        blocks(in: body)
        return true
    }

    // MARK: Blocks

    private mutating func blocks(in element: XMLTree.Element) {
        for child in element.elements {
            switch (child.namespace, child.name) {
            case (Self.text, "p"), (Self.text, "h"):
                var text = ParagraphText(collapsesWhitespace: true)
                inline(in: child, into: &text, emphasised: false)
                document.paragraph(text.finish())
            case (Self.text, "list"), (Self.text, "list-item"), (Self.text, "list-header"), (Self.text, "section"):
                blocks(in: child)
            case (Self.table, "table"):
                table(child)
            default:
                continue  // tracked-changes (deleted text), declarations, forms, indexes, drawings
            }
        }
    }

    private mutating func table(_ element: XMLTree.Element) {
        var first = true
        for (row, isHeading) in rows(of: element, heading: false) {
            let cells = row.children("table-cell", in: Self.table).map(cellParagraphs)
            document.tableRow(cells, isHeading: isHeading, isFirst: first)
            first = false
        }
    }

    /// Rows in order, with whether they are heading rows (`table:table-header-rows`).
    private func rows(of element: XMLTree.Element, heading: Bool) -> [(XMLTree.Element, Bool)] {
        element.elements.flatMap { child -> [(XMLTree.Element, Bool)] in
            guard child.namespace == Self.table else { return [] }
            switch child.name {
            case "table-row": return [(child, heading)]
            case "table-header-rows": return rows(of: child, heading: true)
            case "table-rows", "table-row-group": return rows(of: child, heading: heading)
            default: return []
            }
        }
    }

    /// The non-empty paragraphs of a cell, nested tables' paragraphs included, in order.
    private func cellParagraphs(_ cell: XMLTree.Element) -> [String] {
        var reader = OpenDocumentBodyReader(boldStyles: boldStyles)
        reader.blocks(in: cell)
        return reader.document.finish().split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    // MARK: Inline content

    private func inline(in element: XMLTree.Element, into text: inout ParagraphText, emphasised: Bool) {
        for content in element.children {
            switch content {
            case .text(let piece):
                text.append(run: piece, emphasised: emphasised)
            case .element(let child):
                inlineElement(child, into: &text, emphasised: emphasised)
            }
        }
    }

    private func inlineElement(_ child: XMLTree.Element, into text: inout ParagraphText, emphasised: Bool) {
        switch (child.namespace, child.name) {
        case (Self.text, "span"):
            let bold = child["{\(Self.text)}style-name"].map(boldStyles.contains) ?? false
            inline(in: child, into: &text, emphasised: emphasised || bold)
        case (Self.text, "tab"):
            text.appendTab()
        case (Self.text, "line-break"):
            text.appendLineBreak()
        case (Self.text, "s"):
            let count = child["{\(Self.text)}c"].flatMap { Int($0) } ?? 1
            text.appendSpaces(min(max(count, 1), Self.maximumSpaces))
        case (Self.text, "ruby"):
            if let base = child.child("ruby-base", in: Self.text) { inline(in: base, into: &text, emphasised: emphasised) }
        case (Self.text, "note"), (Self.office, "annotation"), (Self.text, "tracked-changes"):
            return
        case (Self.text, _):
            // Links, metadata, fields (dates, page numbers) and bookmarks: their text, if any.
            inline(in: child, into: &text, emphasised: emphasised)
        default:
            return  // drawings, frames, annotation ends
        }
    }
}
