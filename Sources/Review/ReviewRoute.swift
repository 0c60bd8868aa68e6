import Hummingbird

/// One route of the review server: the router is built from `ReviewAPI.routes` and a test checks
/// the OpenAPI document describes exactly these.
struct ReviewRoute: Sendable {
    var method: HTTPRequest.Method
    /// The path as OpenAPI writes it (`/api/codings/{id}`); Hummingbird reads the same syntax.
    var path: String
    var handler: @Sendable (ReviewAPI, Request, BasicRequestContext) async throws -> Response
}
