import Coding
import Interchange
import Hummingbird
import Project
import Transcripts

extension ReviewAPI {
    /// The project as a REFI-QDA archive: every coder (or the one asked for) as a user with their
    /// codings. In blind mode, what the asking coder may see: their own codings, the machine's, and
    /// others' only in encounters they marked done.
    func exportQDPX(_ request: Request) throws -> Response {
        let viewer = try viewer(request)
        let coded: [CodedTranscript]
        if viewer.blind {
            coded = try store.codedTranscripts { viewer.sees($0, in: $1) }
        } else {
            coded = try store.codedTranscripts(coders: viewer.coder.map { [$0] })
        }
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
