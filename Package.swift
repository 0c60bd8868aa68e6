// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        .library(name: "Transcripts", targets: ["Transcripts"]),
        .library(name: "Coding", targets: ["Coding"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Interchange", targets: ["Interchange"]),
        .library(name: "HTMLReport", targets: ["HTMLReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "Transcripts",
            dependencies: ["CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "Coding",
            dependencies: ["Transcripts", .product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Resources/relationship.yaml")]
        ),
        .target(name: "Learning", dependencies: ["Transcripts", "Coding"], resources: [.copy("Resources/relationship.model")]),
        .target(name: "Reports", dependencies: ["Transcripts", "Coding"]),
        .target(
            name: "Interchange",
            dependencies: ["Transcripts", "Coding", "Reports", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "HTMLReport", dependencies: ["Transcripts", "Coding", "Reports"]),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "Transcripts", "Coding", "Learning", "Reports", "Interchange", "HTMLReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TranscriptsTests", dependencies: ["Transcripts"]),
        .testTarget(name: "CodingTests", dependencies: ["Coding", "Transcripts"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "Coding", "Transcripts"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Coding", "Transcripts"], exclude: ["krippendorff_reference.py"]),
        .testTarget(name: "InterchangeTests", dependencies: ["Interchange", "Reports", "Coding", "Transcripts"]),
        .testTarget(name: "HTMLReportTests", dependencies: ["HTMLReport", "Reports", "Coding", "Transcripts"]),
        .testTarget(name: "rapportTests", dependencies: ["rapport"]),
    ]
)
