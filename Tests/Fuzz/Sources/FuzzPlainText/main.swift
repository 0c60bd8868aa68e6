import Transcripts

/// libFuzzer entry: decode and parse arbitrary bytes as a plain-text transcript, then check the
/// invariants every parse must keep (ranges inside the text, in order, text equal to its range).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let t = try? PlainTextParser().parse(bytes: bytes, path: "fuzz.txt") else { return 0 }
    let scalars = Array(t.text.unicodeScalars)
    for e in t.encounters {
        var end = 0
        for s in e.segments {
            precondition(s.start >= end && s.start <= s.end && s.end <= scalars.count, "segment range out of order")
            precondition(String(String.UnicodeScalarView(scalars[s.start..<s.end])) == s.text, "segment text differs from its range")
            end = s.end
        }
    }
    return 0
}

/// libFuzzer's own driver (in the fuzzer runtime), started from the entry point SwiftPM links.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

@_cdecl("FuzzPlainText_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}
