internal import CLibXML2

/// Parses untrusted XML bytes with libxml2 into an `XMLTree`, safely: no network access, no
/// external entities or DTDs loaded, libxml2's default depth and entity-expansion limits kept,
/// internal entities expanded under a budget, and errors reported as located `Diagnostic`s
/// rather than printed. The one reader for every foreign XML file (transcripts, TEI, REFI-QDA).
public enum XMLSource {
    /// The parsed root element and libxml2's warnings.
    public struct Parsed {
        public var root: XMLTree.Element
        public var warnings: [Diagnostic]
    }

    /// Deepest element nesting accepted when converting the tree. libxml2 already stops at 256
    /// levels without `XML_PARSE_HUGE`; this bound keeps the (iterative) conversion and the
    /// readers' bounded recursion safe whatever libxml2 lets through, entity content included.
    static let maximumDepth = 320

    /// `XML_PARSE_NONET`: never touch the network. `XML_PARSE_BIG_LINES`: line numbers past
    /// 65535. Deliberately absent: `NOENT` (entity substitution, which loads external entities),
    /// `DTDLOAD`/`DTDVALID` (fetching DTDs) and `HUGE` (lifting the safety limits).
    static var options: Int32 {
        Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
    }

    /// Parses `bytes` (any encoding libxml2 detects from a BOM or declaration) read from `path`.
    public static func parse(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Parsed {
        guard !bytes.isEmpty else {
            throw Diagnostic(path: path, line: 1, column: 1, message: "Document is empty")
        }
        guard bytes.count < Int(Int32.max) else {
            throw Diagnostic(path: path, line: 0, column: 0, message: "file too large for the XML parser (2 GB limit)")
        }
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else {
            throw Diagnostic(path: path, message: "cannot create an XML parser (out of memory)")
        }
        defer { xmlFreeParserCtxt(context) }
        let collector = XMLErrorCollector()
        let document: xmlDocPtr? = collector.collecting {
            bytes.withUnsafeBytes { buffer -> xmlDocPtr? in
                guard let base = buffer.baseAddress else { return nil }
                let chars = base.assumingMemoryBound(to: CChar.self)
                return xmlCtxtReadMemory(context, chars, Int32(buffer.count), nil, nil, options)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        if let error = collector.firstError {
            throw Diagnostic(path: path, line: error.line, column: error.column, message: error.message)
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            throw Diagnostic(path: path, line: 1, column: 1, message: "not a well-formed XML document")
        }
        var converter = TreeConverter(limit: max(4_000_000, bytes.count * 4))
        let tree: XMLTree.Element
        do {
            tree = try converter.convert(root)
        } catch let failure {
            throw Diagnostic(path: path, line: failure.line, column: 0, message: failure.message)
        }
        let warnings = collector.warnings.map {
            Diagnostic(path: path, line: $0.line, column: $0.column, severity: .warning, message: $0.message)
        }
        return Parsed(root: tree, warnings: warnings)
    }
}

/// Copies a libxml2 DOM into `XMLTree` values without recursion, expanding internal entity
/// references in place under a budget (a document whose references fan out exponentially is
/// refused even if it slipped under libxml2's own amplification checks).
struct TreeConverter {
    struct Failure: Error {
        var line: Int
        var message: String
    }

    /// Characters that entity references may contribute in total.
    let limit: Int
    private var expanded = 0
    private var references = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// One open element (or, with `element` nil, the content of an entity being expanded) and
    /// the next child node to visit.
    private struct Frame {
        var element: XMLTree.Element?
        var next: xmlNodePtr?
    }

    mutating func convert(_ root: xmlNodePtr) throws(Failure) -> XMLTree.Element {
        var stack = [Frame(element: try start(root), next: root.pointee.children)]
        var entityFrames = 0
        /// Line of the outermost entity reference being expanded: text inside entities has none.
        var entityLine = 0
        var result: XMLTree.Element?
        while let top = stack.indices.last {
            guard let node = stack[top].next else {
                let finished = stack.removeLast()
                if let element = finished.element {
                    if stack.isEmpty { result = element } else { Self.append(.element(element), to: &stack) }
                } else {
                    entityFrames -= 1
                }
                continue
            }
            stack[top].next = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                guard stack.count < XMLSource.maximumDepth else {
                    throw Failure(line: Self.line(of: node), message: "elements nested deeper than \(XMLSource.maximumDepth) levels")
                }
                stack.append(Frame(element: try start(node), next: node.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { continue }
                let text = String(cString: content)
                if entityFrames > 0 { try charge(text.utf8.count, line: entityLine) }
                Self.append(.text(text), to: &stack)
            case XML_ENTITY_REF_NODE:
                guard let declaration = try entityDeclaration(of: node) else { continue }
                guard stack.count < XMLSource.maximumDepth else {
                    throw Failure(line: Self.line(of: node), message: "entity references nested too deeply")
                }
                if entityFrames == 0 { entityLine = Self.line(of: node) }
                entityFrames += 1
                stack.append(Frame(element: nil, next: declaration.pointee.children))
            default:
                continue  // comments, processing instructions
            }
        }
        guard let result else { throw Failure(line: 1, message: "empty document") }
        return result
    }

    /// Appends content to the innermost open element (skipping entity frames).
    private static func append(_ content: XMLTree.Content, to stack: inout [Frame]) {
        var k = stack.count - 1
        while k >= 0, stack[k].element == nil { k -= 1 }
        if k >= 0 { stack[k].element?.children.append(content) }
    }

    /// The entity an entity-reference node points to, counted against the budget; nil when
    /// the entity has no parsed content (external entities are never loaded).
    private mutating func entityDeclaration(of node: xmlNodePtr) throws(Failure) -> xmlNodePtr? {
        references += 1
        if references > 1_000_000 {
            throw Failure(line: Self.line(of: node), message: "too many entity references (over 1,000,000)")
        }
        guard let declaration = node.pointee.children, declaration.pointee.type == XML_ENTITY_DECL else { return nil }
        return declaration
    }

    private mutating func charge(_ count: Int, line: Int) throws(Failure) {
        expanded += count
        if expanded > limit {
            throw Failure(line: line, message: "entity expansion exceeds \(limit) characters; refusing a possible entity-expansion attack")
        }
    }

    /// An element with its name, namespace, attributes and line, children still to come.
    private mutating func start(_ node: xmlNodePtr) throws(Failure) -> XMLTree.Element {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        let namespace = node.pointee.ns?.pointee.href.map { String(cString: $0) }
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let local = current.pointee.name.map { String(cString: $0) } ?? ""
            var key = local
            if let uri = current.pointee.ns?.pointee.href.map({ String(cString: $0) }) {
                key = uri == XMLTree.xmlNamespace ? "xml:" + local : "{\(uri)}" + local
            }
            attributes[key] = try text(of: current.pointee.children, line: Self.line(of: node))
        }
        return XMLTree.Element(name: name, namespace: namespace, attributes: attributes, line: Self.line(of: node))
    }

    /// The text of a node list (an attribute's value), entity references expanded under the budget.
    private mutating func text(of first: xmlNodePtr?, line: Int) throws(Failure) -> String {
        var out = ""
        var cursors: [xmlNodePtr?] = [first]
        while let top = cursors.indices.last {
            guard let node = cursors[top] else { cursors.removeLast(); continue }
            cursors[top] = node.pointee.next
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { continue }
                let piece = String(cString: content)
                if cursors.count > 1 { try charge(piece.utf8.count, line: line) }
                out += piece
            case XML_ENTITY_REF_NODE:
                guard let declaration = try entityDeclaration(of: node) else { continue }
                guard cursors.count < 64 else { throw Failure(line: line, message: "entity references nested too deeply") }
                cursors.append(declaration.pointee.children)
            default:
                continue
            }
        }
        return out
    }

    private static func line(of node: xmlNodePtr) -> Int {
        max(0, Int(xmlGetLineNo(node)))
    }
}
