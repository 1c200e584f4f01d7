// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Eckwert",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "eckwert", targets: ["eckwert"]),
        .library(name: "EckwertCore", targets: ["EckwertCore"]),
        .library(name: "EckwertExport", targets: ["EckwertExport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Model, loader, projection and analysis. Pure Swift; reads the model folder, writes nothing.
        .target(name: "EckwertCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // libxlsxwriter (Debian: libxlsxwriter-dev).
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Workbooks and the HTML pack: the only place that knows libxlsxwriter.
        .target(name: "EckwertExport", dependencies: ["EckwertCore", "CXlsxWriter"]),
        // The commands: gather options, call the libraries.
        .target(name: "EckwertCLI", dependencies: [
            "EckwertCore", "EckwertExport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "eckwert", dependencies: ["EckwertCLI"]),
        .executableTarget(name: "eckwert-bench", dependencies: ["EckwertCore", "EckwertExport"]),
        .testTarget(name: "EckwertCoreTests", dependencies: ["EckwertCore"]),
        .testTarget(name: "EckwertExportTests", dependencies: ["EckwertExport", "EckwertCore"]),
        // The bad-model corpus is read from the source tree at test time (KorpusTests), not bundled.
        .testTarget(name: "EckwertCLITests", dependencies: ["EckwertCLI", "EckwertCore"], exclude: ["Korpus"]),
    ]
)
