internal import CLibXML2

/// Gathers the errors and warnings libxml2 reports while parsing one document, so the first one
/// can be shown with its line and column instead of libxml2 printing everything to stderr.
///
/// A class because libxml2 calls back through an opaque context pointer; it is used only on the
/// thread that runs the parse.
final class XMLErrorCollector {
    /// One report from libxml2.
    struct Entry {
        var isWarning: Bool
        var line: Int
        var column: Int
        var message: String
    }

    /// Reports beyond this many are dropped: only the first error is shown, warnings are capped.
    static let capacity = 50

    private(set) var entries: [Entry] = []

    /// The first report that is an error (fatal or recoverable), if any.
    var firstError: Entry? { entries.first { !$0.isWarning } }

    var warnings: [Entry] { entries.filter(\.isWarning) }

    func record(_ error: xmlError) {
        guard entries.count < Self.capacity, error.level != XML_ERR_NONE else { return }
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while let last = message.unicodeScalars.last, last.properties.isWhitespace {
            message.unicodeScalars.removeLast()
        }
        entries.append(Entry(isWarning: error.level == XML_ERR_WARNING, line: Int(error.line),
                             column: Int(error.int2), message: message))
    }

    /// Runs `body` with this collector installed as the calling thread's structured error handler
    /// (libxml2 keeps that handler per thread), and removes it afterwards.
    func collecting<T>(_ body: () -> T) -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return withExtendedLifetime(self) { body() }
    }
}
