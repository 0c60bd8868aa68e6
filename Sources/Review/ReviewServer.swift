import Coding
import Foundation
import Hummingbird
import Logging
import Project

/// The local review server: the page and its JSON API over one project, on loopback, behind a
/// random access token.
public struct ReviewServer: Sendable {
    public struct Configuration: Sendable {
        /// Where to listen: `127.0.0.1` unless the user asked for another host.
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        /// The access token; `makeToken()` when not given.
        public var token: String
        /// Blind mode for every request: others' work shows only in encounters the asking coder marked done.
        public var blind: Bool

        public init(host: String = "127.0.0.1", port: Int = 8711, token: String = ReviewServer.makeToken(), blind: Bool = false) {
            self.host = host
            self.port = port
            self.token = token
            self.blind = blind
        }

        /// Whether `host` is a loopback address, so the host-name check applies.
        public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host.lowercased()) }
    }

    let session: ReviewSession
    public let configuration: Configuration

    public init(store: ProjectStore, codebook: Codebook, configuration: Configuration = Configuration()) {
        self.session = ReviewSession(store: store, codebook: codebook, token: configuration.token, blind: configuration.blind)
        self.configuration = configuration
    }

    /// 32 random bytes as hex, from the system's secure generator.
    public static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The address to open, with the token, once the server listens on `port`.
    public func url(port: Int) -> String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)/?token=\(configuration.token)"
    }

    /// Serves until the process is stopped; calls `onRunning` with the port once listening.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let router = Router(context: BasicRequestContext.self)
        let hosts: Set<String>? = configuration.isLoopback ? ["127.0.0.1", "localhost", "::1"] : nil
        router.add(middleware: AccessGuard(session: session, hosts: hosts))
        let api = ReviewAPI(session: session)
        for route in ReviewAPI.routes {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await route.handler(api, request, context)
            }
        }
        // Other methods on a known path: 405 with the methods it has, not 404.
        let methods = Dictionary(grouping: ReviewAPI.routes, by: \.path).mapValues { $0.map(\.method) }
        for (path, allowed) in methods {
            let allow = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            let others: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .trace, .options] + [HTTPRequest.Method("QUERY")].compactMap { $0 }
            for method in others where !allowed.contains(method) {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    var response = JSONBody.error(.methodNotAllowed, "\(method.rawValue) is not allowed here; allowed: \(allow)")
                    response.headers[.allow] = allow
                    return response
                }
            }
        }
        var logger = Logger(label: "rapport.serve")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
