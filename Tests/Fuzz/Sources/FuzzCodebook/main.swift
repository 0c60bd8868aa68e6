import Coding
import Transcripts

/// libFuzzer entry: load arbitrary bytes as codebook YAML; when it loads, code a fixed sentence
/// with it, so cue compilation and matching are exercised too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let yaml = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Codebook.lint(yaml: yaml, source: "fuzz.yaml")
    guard let book = try? Codebook.load(yaml: yaml, source: "fuzz.yaml") else { return 0 }
    _ = Coder(codebook: book).code(text: "SW: I'm not threatening you, but we will go to court. Mum: You lot!",
                                   start: 0, kind: .utterance, speaker: "SW", role: .worker, segmentIndex: 0, encounter: nil)
    return 0
}

/// libFuzzer's own driver (in the fuzzer runtime), started from the entry point SwiftPM links.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

@_cdecl("FuzzCodebook_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}
