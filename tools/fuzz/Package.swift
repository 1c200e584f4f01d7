// swift-tools-version:5.4
// The coverage-guided libFuzzer harness of the importers, the mapping files, the product numbering and the
// line-scheme reader (tools/fuzz/run.sh haushalt|zuordnung|bevoelkerung|nummern|kontenrahmen). A package of its
// own beside the project's: libFuzzer brings its own `main`, and SwiftPM renames the `main` of an executable only
// from tools version 5.5 on (which then clashes with libFuzzer's), so this manifest stays at 5.4. It links the
// project's libraries (with Yams and its C part) as they are; nothing here is part of a product.
import PackageDescription

let package = Package(
    name: "EckwertFuzz",
    dependencies: [.package(name: "Eckwert", path: "../..")],
    targets: [
        .executableTarget(
            name: "eckwert-fuzz",
            dependencies: [
                .product(name: "EckwertCore", package: "Eckwert"),
                .product(name: "EckwertImport", package: "Eckwert"),
            ])
    ]
)
