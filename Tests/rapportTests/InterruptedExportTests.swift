import Foundation
import Testing

/// A multi-file export appears whole or not at all: a failure or Ctrl-C before the end leaves no
/// TEI folder, no output file and no temporary file behind.
@Suite("Failed and interrupted exports")
struct InterruptedExportTests {
    @Test func aFailingOutputLeavesNoTEIFolder() throws {
        let dir = try Binary.temporaryDirectory()
        let r = try Binary.run(["export", "Corpus", "--tei", dir.appendingPathComponent("tei").path,
                                "--csv", dir.appendingPathComponent("a.csv").path,
                                "--qdpx", dir.appendingPathComponent("missing/p.qdpx").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("missing/p.qdpx: error: folder"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    @Test func ctrlCLeavesNothingAndSaysSo() throws {
        let dir = try Binary.temporaryDirectory()
        // Enough input that the run is still going when the signal comes.
        let (status, message) = try Binary.interrupted(["export"] + Array(repeating: "Corpus", count: 40) + [
            "--tei", dir.appendingPathComponent("tei").path, "--qdpx", dir.appendingPathComponent("p.qdpx").path])
        #expect(status == 130, "\(message)")
        #expect(message.hasPrefix("rapport: error: interrupted: "), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }
}
