import Transcripts

/// libFuzzer entry: parse arbitrary bytes as an XML transcript (TEI or native). Any error is fine;
/// a crash, hang or out-of-memory is a finding. Segment ranges must stay inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let t = try? XMLTranscriptParser().parse(bytes: bytes, path: "fuzz.xml") else { return 0 }
    let count = t.text.unicodeScalars.count
    for e in t.encounters {
        for s in e.segments { precondition(s.start <= s.end && s.end <= count, "segment range outside the text") }
    }
    return 0
}

/// libFuzzer's own driver (in the fuzzer runtime), started from the entry point SwiftPM links.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

@_cdecl("FuzzXML_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}
