/// Why a project could not be opened or changed: a message fit to print after the project's path.
public struct ProjectError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The project file.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: error: message`, as the CLI prints it.
    public var description: String { "\(path): error: \(message)" }
}
