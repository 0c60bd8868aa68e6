internal import CLibXML2

/// Streams an XML document through libxml2's `xmlTextWriter` into memory, so escaping, encoding
/// and well-formedness are libxml2's job and no markup is ever built by string concatenation.
///
/// Noncopyable because it owns the writer and its buffer; both are freed when it goes away.
/// Indentation is written explicitly with `newline(_:)`, and only where the caller knows that
/// whitespace carries no meaning (between block elements, never inside a turn).
struct XMLOutput: ~Copyable {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    /// False once libxml2 reported a failure (out of memory); `finish()` then returns nil.
    private var healthy = true

    /// Starts a UTF-8 document with an XML declaration.
    init() {
        guard let buffer = xmlBufferCreate() else { fatalError("libxml2: cannot allocate an output buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { fatalError("libxml2: cannot create a text writer") }
        self.buffer = buffer
        self.writer = writer
        check(xmlTextWriterStartDocument(writer, nil, "UTF-8", nil))
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Opens an element; attributes follow with `attribute(_:_:)`.
    mutating func start(_ name: String) {
        check(xmlTextWriterStartElement(writer, name))
    }

    /// Writes an attribute of the element just opened; values are escaped by libxml2.
    mutating func attribute(_ name: String, _ value: String) {
        check(xmlTextWriterWriteAttribute(writer, name, Self.clean(value)))
    }

    /// Writes an attribute when `value` is not nil.
    mutating func attribute(_ name: String, _ value: String?) {
        if let value { attribute(name, value) }
    }

    /// Writes character data, escaped by libxml2.
    mutating func text(_ value: String) {
        guard !value.isEmpty else { return }
        check(xmlTextWriterWriteString(writer, Self.clean(value)))
    }

    /// Closes the innermost open element (as `<x/>` when it has no content).
    mutating func end() {
        check(xmlTextWriterEndElement(writer))
    }

    /// `<name>text</name>` in one call.
    mutating func element(_ name: String, text value: String, attributes: [(String, String)] = []) {
        start(name)
        for (key, attributeValue) in attributes { attribute(key, attributeValue) }
        text(value)
        end()
    }

    /// A line break and two spaces per level: layout between block elements only.
    mutating func newline(_ depth: Int) {
        text("\n" + String(repeating: "  ", count: depth))
    }

    /// Closes every open element and returns the document's bytes, ending with a newline; nil
    /// when libxml2 failed along the way.
    consuming func finish() -> [UInt8]? {
        check(xmlTextWriterEndDocument(writer))
        check(xmlTextWriterFlush(writer))
        guard healthy, let content = xmlBufferContent(buffer) else { return nil }
        let count = Int(xmlBufferLength(buffer))
        var bytes = Array(UnsafeBufferPointer(start: content, count: count))
        if bytes.last != 10 { bytes.append(10) }
        return bytes
    }

    private mutating func check(_ result: Int32) {
        if result < 0 { healthy = false }
    }

    /// `text` with code points XML 1.0 cannot carry (most C0 controls, lone surrogates' stand-ins,
    /// U+FFFE/U+FFFF) replaced by U+FFFD one for one, so code-point offsets stay valid.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isAllowed(scalar) ? scalar : "\u{FFFD}") }
        return String(out)
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
