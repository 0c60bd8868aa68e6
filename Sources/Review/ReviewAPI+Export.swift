import Interchange
import Hummingbird
import Project
import Transcripts

extension ReviewAPI {
    /// The project as a REFI-QDA archive: every coder (or the one asked for) as a user with their codings.
    func exportQDPX(_ request: Request) throws -> Response {
        let coders = try request.uri.queryParameters.get("coder").map { [try Self.checked(coder: $0)] }
        let coded = try store.codedTranscripts(coders: coders)
        let bytes: [UInt8]
        do throws(Diagnostic) {
            bytes = try REFIQDAExport.qdpx(coded, codebook: session.codebook)
        } catch {
            throw APIError(status: .internalServerError, message: error.message)
        }
        var response = JSONBody.bytes(bytes, type: "application/zip")
        response.headers[.contentDisposition] = "attachment; filename=\"project.qdpx\""
        return response
    }
}
