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
        // Data as data: the starter model of `init` and the key schema of modell.yaml/szenarien.yaml are files under
        // Ressourcen/, compiled into the binary (embedInCode: no resource bundle has to sit beside an installed binary).
        .target(name: "EckwertCore", dependencies: [.product(name: "Yams", package: "Yams")],
                resources: [
                    // embedInCode takes single files, one per line (a folder is not accepted).
                    .embedInCode("Ressourcen/schema/schluessel.yaml"),
                    .embedInCode("Ressourcen/vorlage/bevoelkerung.csv"),
                    .embedInCode("Ressourcen/vorlage/fruchtbarkeit.csv"),
                    .embedInCode("Ressourcen/vorlage/ist.csv"),
                    .embedInCode("Ressourcen/vorlage/modell.yaml"),
                    .embedInCode("Ressourcen/vorlage/sterbetafel.csv"),
                    .embedInCode("Ressourcen/vorlage/szenarien.yaml"),
                    .embedInCode("Ressourcen/vorlage/wanderung.csv"),
                ]),
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
