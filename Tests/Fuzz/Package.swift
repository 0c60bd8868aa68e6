// swift-tools-version:6.0
// libFuzzer targets for Rapport's parsers. Not part of the main build (they have no `main`; the
// fuzzer supplies it). See README.md in this folder for the commands.
import PackageDescription

let package = Package(
    name: "RapportFuzz",
    dependencies: [.package(name: "Rapport", path: "../..")],
    targets: [
        .executableTarget(name: "FuzzPlainText", dependencies: [.product(name: "Transcripts", package: "Rapport")]),
        .executableTarget(name: "FuzzXML", dependencies: [.product(name: "Transcripts", package: "Rapport")]),
        .executableTarget(name: "FuzzCodebook", dependencies: [.product(name: "Coding", package: "Rapport")]),
    ]
)
