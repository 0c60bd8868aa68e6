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
        .library(name: "Project", targets: ["Project"]),
        .library(name: "Review", targets: ["Review"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
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
        .target(name: "Learning", dependencies: ["Transcripts", "Coding"], resources: [.copy("Resources/relationship.model"), .copy("Resources/MiniLM")]),
        .target(name: "Reports", dependencies: ["Transcripts", "Coding"]),
        .target(
            name: "Interchange",
            dependencies: ["Transcripts", "Coding", "Reports", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "HTMLReport", dependencies: ["Transcripts", "Coding", "Reports"]),
        .target(
            name: "Project",
            dependencies: ["Transcripts", "Coding", "Reports", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "Review",
            dependencies: [
                "Transcripts", "Coding", "Learning", "Reports", "Interchange", "Project",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [
                .embedInCode("Resources/page.html"), .embedInCode("Resources/app.js"),
                .embedInCode("Resources/app.css"), .embedInCode("Resources/openapi.json"),
            ]
        ),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "Transcripts", "Coding", "Learning", "Reports", "Interchange", "HTMLReport", "Project", "Review",
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
        .testTarget(name: "ProjectTests", dependencies: ["Project", "Coding", "Transcripts"]),
        .testTarget(
            name: "ReviewTests",
            dependencies: ["Review", "Project", "Interchange", "Learning", "Coding", "Transcripts"]
        ),
    ]
)
