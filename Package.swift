// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Eckwert",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "eckwert", targets: ["eckwert"]),
        .library(name: "EckwertCore", targets: ["EckwertCore"]),
        .library(name: "EckwertExport", targets: ["EckwertExport"]),
        .library(name: "EckwertImport", targets: ["EckwertImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Model, loader, projection and analysis. Pure Swift; reads the model folder, writes nothing.
        // Data as data: line schemes, the starter model of `init` and the key schema of modell.yaml/szenarien.yaml are
        // files under Ressourcen/, compiled into the binary (embedInCode: no resource bundle has to sit beside an
        // installed binary). File names must be unique across the subfolders.
        .target(
            name: "EckwertCore", dependencies: ["CSpeicher", .product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Ressourcen")]),
        // libxlsxwriter (Debian: libxlsxwriter-dev).
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // glibc's malloc.h (mallopt), which Swift's Glibc module leaves out, a prefetch hint and the draws' C loops
        // (prozessor.h: the AVX2 check; rechnen.h, ablage.h: baseline and AVX2 paths chosen at run time); header only.
        .systemLibrary(name: "CSpeicher"),
        // The zlib level of the workbooks' parts (libxlsxwriter has no option for it): see packstufe.c.
        .target(name: "CXlsxPacken"),
        // Workbooks and the HTML pack: the only place that knows libxlsxwriter.
        .target(name: "EckwertExport", dependencies: ["EckwertCore", "CXlsxWriter", "CXlsxPacken"]),
        // The importers: finance-system exports and statistics-office tables into a model folder (the only
        // code that writes into a model).
        .target(name: "EckwertImport", dependencies: ["EckwertCore", .product(name: "Yams", package: "Yams")]),
        // The commands: gather options, call the libraries.
        .target(
            name: "EckwertCLI",
            dependencies: [
                "EckwertCore", "EckwertExport", "EckwertImport", "CSpeicher",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "eckwert", dependencies: ["EckwertCLI"]),
        // Writes model folders (YAML scalars, CSV tables, files) from values: the one home of the model format's
        // text on the writing side, for the benchmark generator and the tests. Not part of a product.
        .target(name: "EckwertModellschreiber", dependencies: ["EckwertCore"]),
        // The benchmark: a synthetic large model and phase timings.
        .executableTarget(
            name: "eckwert-bench",
            dependencies: [
                "EckwertCore", "EckwertModellschreiber",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Test support, used only by test targets: the model builder and the process runner.
        .target(name: "EckwertTestSupport", dependencies: ["EckwertCore", "EckwertModellschreiber"]),
        // Child processes for the kill tests (a writer SIGKILLed mid-write); used only by tests.
        .executableTarget(name: "eckwert-testhelfer", dependencies: ["EckwertCore", "EckwertExport"]),
        .testTarget(name: "EckwertCoreTests", dependencies: ["EckwertCore", "EckwertTestSupport"]),
        .testTarget(name: "EckwertImportTests", dependencies: ["EckwertImport", "EckwertCore"]),
        .testTarget(name: "EckwertExportTests", dependencies: ["EckwertExport", "EckwertCore", "EckwertTestSupport"]),
        // The bad-model corpus is read from the source tree at test time (KorpusTests), not bundled.
        .testTarget(
            name: "EckwertCLITests", dependencies: ["EckwertCLI", "EckwertCore", "EckwertTestSupport"],
            exclude: ["Korpus"]),
    ]
)
