internal import CLibXML2
import Transcripts

/// Parses XML that Rapport imports (TEI, REFI-QDA `project.qde`) into `XMLValue`s, safely: no
/// network, no external entities or DTDs, libxml2's default limits, and the first error reported
/// as a located `Diagnostic` instead of being printed by libxml2.
enum XMLInput {
    /// Deepest element nesting accepted (libxml2 itself stops at 256 without `XML_PARSE_HUGE`).
    static let maximumDepth = 300

    static var options: Int32 {
        Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
    }

    /// The root element of the document in `bytes` read from `path`.
    static func parse(_ bytes: [UInt8], path: String) throws(Diagnostic) -> XMLValue.Element {
        guard !bytes.isEmpty else { throw Diagnostic(path: path, line: 1, column: 1, message: "Document is empty") }
        guard bytes.count < Int(Int32.max) else { throw Diagnostic(path: path, message: "file too large for the XML parser (2 GB limit)") }
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else { throw Diagnostic(path: path, message: "cannot create an XML parser") }
        defer { xmlFreeParserCtxt(context) }
        let errors = ErrorCollector()
        let document: xmlDocPtr? = errors.collecting {
            bytes.withUnsafeBytes { buffer -> xmlDocPtr? in
                guard let base = buffer.baseAddress else { return nil }
                return xmlCtxtReadMemory(context, base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, nil, options)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        if let first = errors.first {
            throw Diagnostic(path: path, line: first.line, column: first.column, message: first.message)
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            throw Diagnostic(path: path, line: 1, column: 1, message: "not a well-formed XML document")
        }
        guard let element = convert(root, depth: 0) else {
            throw Diagnostic(path: path, line: Int(xmlGetLineNo(root)), message: "elements nested deeper than \(maximumDepth) levels")
        }
        return element
    }

    /// Copies one libxml2 element and its content; nil when nesting exceeds the limit.
    private static func convert(_ node: xmlNodePtr, depth: Int) -> XMLValue.Element? {
        guard depth < maximumDepth else { return nil }
        var element = XMLValue.Element(
            name: node.pointee.name.map { String(cString: $0) } ?? "",
            namespace: node.pointee.ns?.pointee.href.map { String(cString: $0) },
            attributes: attributes(of: node), children: [], line: max(0, Int(xmlGetLineNo(node))))
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                guard let inner = convert(current, depth: depth + 1) else { return nil }
                element.children.append(.element(inner))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { element.children.append(.text(String(cString: content))) }
            default:
                continue  // comments, processing instructions, entity references (never loaded)
            }
        }
        return element
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var out: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let local = current.pointee.name.map { String(cString: $0) } ?? ""
            var key = local
            if let uri = current.pointee.ns?.pointee.href.map({ String(cString: $0) }) {
                key = uri == XMLValue.xmlNamespace ? "xml:" + local : "{\(uri)}" + local
            }
            var value = ""
            var piece = current.pointee.children
            while let text = piece {
                piece = text.pointee.next
                if let content = text.pointee.content { value += String(cString: content) }
            }
            out[key] = value
        }
        return out
    }
}

/// Collects what libxml2 reports during one parse (it keeps the handler per thread).
private final class ErrorCollector {
    struct Entry {
        var line: Int
        var column: Int
        var message: String
    }

    private(set) var first: Entry?

    func collecting<T>(_ body: () -> T) -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
            let report = error.pointee
            guard collector.first == nil, report.level == XML_ERR_ERROR || report.level == XML_ERR_FATAL else { return }
            var message = report.message.map { String(cString: $0) } ?? "XML error \(report.code)"
            while message.last?.isWhitespace == true { message.removeLast() }
            collector.first = Entry(line: Int(report.line), column: Int(report.int2), message: message)
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return withExtendedLifetime(self) { body() }
    }
}
