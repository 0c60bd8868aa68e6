import Coding
import Foundation
import Project
import Synchronization
import Transcripts

/// What the server knows for the length of a session: the project, its codebook, the access and
/// CSRF tokens, and the transcripts already read from the project (kept, since they never change).
final class ReviewSession: Sendable {
    let store: ProjectStore
    let codebook: Codebook
    let codeIDs: Set<String>
    let token: String
    let csrf: String
    /// Blind for every request (`serve --blind`).
    let blind: Bool
    /// The training the page started, if any (one at a time).
    let learning = LearningJob()
    private let cache = Mutex<[Int64: Transcript]>([:])
    private let scalarCache = Mutex<[Int64: [Unicode.Scalar]]>([:])

    init(store: ProjectStore, codebook: Codebook, token: String, blind: Bool = false) {
        self.blind = blind
        self.store = store
        self.codebook = codebook
        self.codeIDs = Set(codebook.allCodes.map(\.id))
        self.token = token
        self.csrf = ReviewServer.makeToken()
    }

    /// The transcript of source `id`, read once.
    func transcript(_ id: Int64) throws -> Transcript {
        if let cached = cache.withLock({ $0[id] }) { return cached }
        guard let transcript = try store.transcript(id) else { throw APIError.notFound("no source \(id)") }
        cache.withLock { $0[id] = transcript }
        return transcript
    }

    /// The code points of source `id`'s text, for slicing by offsets.
    func scalars(_ id: Int64) throws -> [Unicode.Scalar] {
        if let cached = scalarCache.withLock({ $0[id] }) { return cached }
        let scalars = Array(try transcript(id).text.unicodeScalars)
        scalarCache.withLock { $0[id] = scalars }
        return scalars
    }

    /// The encounter and the segment holding code points `start..<end` of source `id`.
    func locate(source id: Int64, encounter: Int, start: Int, end: Int) throws -> (Encounter, Segment) {
        let transcript = try transcript(id)
        guard transcript.encounters.indices.contains(encounter) else { throw APIError.notFound("no encounter \(encounter) in source \(id)") }
        let e = transcript.encounters[encounter]
        guard start < end, let segment = e.segments.first(where: { $0.start <= start && end <= $0.end }) else {
            throw APIError.badRequest("the span \(start)-\(end) is empty or does not lie within one segment of encounter \(e.id)")
        }
        return (e, segment)
    }
}
