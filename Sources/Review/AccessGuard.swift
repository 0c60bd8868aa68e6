import Foundation
import Hummingbird
import Project

/// Lets a request through only with the session's access token (in the query on the first
/// visit, then a cookie, or a bearer header for scripts), from the server's own origin and
/// host name, and with the CSRF header when it changes anything; turns every error into JSON
/// with a message; and puts the security headers (a strict Content-Security-Policy) on every answer.
struct AccessGuard<Context: RequestContext>: RouterMiddleware {
    let session: ReviewSession
    /// Host names a request may be addressed to (loopback names, or any when serving beyond loopback).
    let hosts: Set<String>?

    static var cookieName: String { "rapport_token" }
    static var csrfHeader: String { "X-CSRF-Token" }
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await guarded(request, context: context, next: next)
        } catch let error as APIError {
            response = JSONBody.error(error.status, error.message)
        } catch let error as ProjectError {
            response = JSONBody.error(.badRequest, error.message)
        } catch let error as HTTPError {
            response = JSONBody.error(error.status, error.body ?? error.status.reasonPhrase)
        } catch {
            response = JSONBody.error(.internalServerError, "internal error: \(error)")
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[.init("Cross-Origin-Resource-Policy")!] = "same-origin"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    func guarded(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let authority = request.head.authority ?? ""
        if let hosts {
            let name = Self.hostName(of: authority)
            guard hosts.contains(name) else { throw APIError.forbidden("requests must be addressed to the loopback host, not '\(name)'") }
        }
        if let origin = request.headers[.origin], origin != "http://" + authority {
            throw APIError.forbidden("requests from another origin (\(origin)) are refused")
        }
        if let site = request.headers[.init("Sec-Fetch-Site")!], site != "same-origin" && site != "none" {
            throw APIError.forbidden("cross-site requests are refused")
        }
        // Every credential a request carries must be right (fail closed): a wrong token in the
        // address, the Authorization header or the cookie is refused even when another would do.
        // Only the trade of the printed address for a cookie overlooks a stale cookie of an earlier run.
        let queryOK = request.uri.queryParameters.get("token").map { Self.same($0, session.token) }
        let bearerOK = request.headers[.authorization].map { $0.hasPrefix("Bearer ") && Self.same(String($0.dropFirst(7)), session.token) }
        let cookieOK = request.cookies[Self.cookieName].map { Self.same($0.value, session.token) }
        let fromQuery = queryOK == true
        let trading = fromQuery && request.method == .get && request.uri.path == "/"
        if queryOK == false || bearerOK == false || (cookieOK == false && !trading) {
            throw APIError.unauthorized("wrong access token: open the address 'rapport serve' printed")
        }
        guard fromQuery || bearerOK == true || cookieOK == true else {
            throw APIError.unauthorized("missing or wrong access token: open the address 'rapport serve' printed")
        }
        if trading {
            // Trade the token in the address for a cookie, so it leaves the address bar and history.
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.headers[.setCookie] = "\(Self.cookieName)=\(session.token); Path=/; HttpOnly; SameSite=Strict"
            return response
        }
        if ![.get, .head, .options].contains(request.method) {
            guard let header = request.headers[.init(Self.csrfHeader)!], Self.same(header, session.csrf) else {
                throw APIError.forbidden("missing or wrong X-CSRF-Token header (GET /api/session gives it)")
            }
        }
        return try await next(request, context)
    }

    /// The host name of an authority (`127.0.0.1:8711`, `[::1]:8711`, `localhost`), lower-cased.
    static func hostName(of authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "").lowercased()
    }

    /// Compares in time independent of where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
