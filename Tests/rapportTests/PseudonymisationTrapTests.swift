import Foundation
import Testing

/// `export --pseudonymise` on a corpus written to trap it (Tests/Fixtures/pseudonymisation): a name
/// with an accent written without it and in capitals, surnames alone, possessives, video-call
/// display names, the same mother as a client in one file and a bare speaker label in another, a
/// baby named only in prose, family names in folder and file names. The outputs are searched by
/// Python, not by Rapport's matcher: a plain case- and accent-insensitive substring search over
/// every file, every file name and every entry (and entry name) of the .qdpx archive.
@Suite("Pseudonymisation against a trap corpus")
struct PseudonymisationTrapTests {
    static let fixtures = Binary.repository.appendingPathComponent("Tests/Fixtures/pseudonymisation")
    static let originals = ["Zoë", "Hussain", "Bennett", "Kerry", "Marsh", "Mia", "Priya"]

    static let search = """
        import sys, os, zipfile, unicodedata
        def fold(s): return ''.join(c for c in unicodedata.normalize('NFD', s) if not unicodedata.combining(c)).casefold()
        names = [fold(n) for n in sys.argv[2].split(',')]
        found = []
        def check(label, data):
            text = fold(data.decode('utf-8', 'replace'))
            for n in names:
                if n in text:
                    i = text.index(n)
                    found.append(f"{label}: {n!r} in {text[max(0, i - 40):i + 40]!r}")
        for root, dirs, files in os.walk(sys.argv[1]):
            for f in dirs + files:
                check(os.path.join(root, f) + ' (its name)', os.path.relpath(os.path.join(root, f), sys.argv[1]).encode())
            for f in files:
                p = os.path.join(root, f)
                check(p, open(p, 'rb').read())
                if zipfile.is_zipfile(p):
                    with zipfile.ZipFile(p) as z:
                        for e in z.namelist():
                            check(f"{p}!{e} (its name)", e.encode())
                            check(f"{p}!{e}", z.read(e))
        print('\\n'.join(found))
        sys.exit(1 if found else 0)
        """

    /// Python's verdict on the files under `folder`: nil when no original string is left.
    func leftovers(in folder: URL) throws -> String? {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", Self.search, folder.path, Self.originals.joined(separator: ",")]
        let pipe = Pipe()
        python.standardOutput = pipe
        python.standardError = pipe
        try python.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        return python.terminationStatus == 0 ? nil : output
    }

    func export(into out: URL, key: URL, names: URL) throws -> Binary.Result {
        try Binary.run(["export", Self.fixtures.appendingPathComponent("corpus").path, "--pseudonymise",
                        "--names", names.path, "--pseudonym-key", key.path, "--quiet",
                        "--tei", out.appendingPathComponent("tei").path, "--qdpx", out.appendingPathComponent("project.qdpx").path,
                        "--csv", out.appendingPathComponent("codings.csv").path])
    }

    @Test func noOriginalNameIsLeftInAnyExport() throws {
        let dir = try Binary.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let key = dir.appendingPathComponent("key.csv")
        let r = try export(into: out, key: key, names: Self.fixtures.appendingPathComponent("names.txt"))
        #expect(r.status == 0, "\(r.stderr)")
        let left = try leftovers(in: out)
        #expect(left == nil, "\(left ?? "")")
        // The search itself finds what it should: the key holds every original name.
        #expect(try leftovers(in: dir) != nil)
        let entries = try String(contentsOf: key, encoding: .utf8)
        for line in ["Kerry Marsh,Parent 1", "Zoë,Child 1", "Hussain,Worker 1", "Jo Bennett,Professional 1", "Mia,Person 1"] {
            #expect(entries.contains(line + "\r\n"), "\(line) in \(entries)")
        }
    }

    /// Given the key of an earlier run as --names, a later run keeps every pseudonym.
    @Test func anEarlierKeyKeepsThePseudonyms() throws {
        let dir = try Binary.temporaryDirectory()
        let first = dir.appendingPathComponent("first.csv"), second = dir.appendingPathComponent("second.csv")
        for (key, names) in [(first, Self.fixtures.appendingPathComponent("names.txt")), (second, first)] {
            let out = dir.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            #expect(try export(into: out, key: key, names: names).status == 0)
        }
        #expect(try String(contentsOf: second, encoding: .utf8) == String(contentsOf: first, encoding: .utf8))
    }

    @Test func reportUnknownListsTheBabyNamedOnlyInProse() throws {
        let dir = try Binary.temporaryDirectory()
        let r = try Binary.run(["export", "corpus", "--pseudonymise", "--report-unknown", "--quiet",
                                "--csv", dir.appendingPathComponent("a.csv").path], in: Self.fixtures)
        #expect(r.status == 0)
        #expect(r.stderr == """
            corpus/marsh-family/kerry-marsh-home-visit.txt:7:66: warning: 'Mia' looks like a name and is in no list, so it is not pseudonymised; add it to --names FILE (or ignore it)
            The social worker knocks. Kerry opens the door holding the baby, Mia, who is asleep.
                                                                             ^

            """)
    }
}
