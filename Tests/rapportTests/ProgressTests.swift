import Testing
@testable import rapport

@Suite("Progress bar")
struct ProgressTests {
    @Test("shows files done of all and the throughput")
    func line() {
        let text = Progress.line(done: 7, total: 14, bytes: 6_400_000, seconds: 2, width: 80)
        #expect(text == "[####################--------------------]  7/14 files  3.2 MB/s")
    }

    @Test("fits a narrow terminal and fills up at the end")
    func narrow() {
        let text = Progress.line(done: 14, total: 14, bytes: 50_000_000, seconds: 2, width: 40)
        #expect(text.count <= 40)
        #expect(text.hasPrefix("[##########"))
        #expect(!text.contains("-]"))
        #expect(text.hasSuffix("14/14 files  25 MB/s"))
    }

    @Test("is off for a handful of files")
    func threshold() {
        #expect(Progress.start(files: Progress.threshold) == nil)
    }
}
