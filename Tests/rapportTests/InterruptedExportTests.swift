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
        let process = Process()
        process.executableURL = Binary.executable
        // Enough input that the run is still going when the signal comes.
        process.arguments = ["export"] + Array(repeating: "Corpus", count: 40) + ["--tei", dir.appendingPathComponent("tei").path,
                                                                                   "--qdpx", dir.appendingPathComponent("p.qdpx").path]
        process.currentDirectoryURL = Binary.repository
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        process.interrupt()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(message)")
        #expect(message.hasPrefix("rapport: error: interrupted: "), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }
}
