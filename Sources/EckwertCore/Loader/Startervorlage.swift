import Foundation

/// The starter model of `eckwert init`: a small, commented model that passes `check` — one Sozialraum, two
/// products (one Pflicht with a caseload driver, one freiwillig), a Kennzahl, a Ziel, three scenarios and every
/// data file. The files are real model files under `Ressourcen/vorlage/`, compiled into the binary.
public enum Startervorlage {
    /// The files in writing order (name, content); the Kommune's name is put into `modell.yaml`.
    public static func dateien(kommune: String) -> [(String, String)] {
        let modell = text(PackageResources.modell_yaml).replacingOccurrences(
            of: "kommune: \(yamlText(vorgabeKommune))\n", with: "kommune: \(yamlText(kommune))\n")
        return [
            ("modell.yaml", modell), ("szenarien.yaml", text(PackageResources.szenarien_yaml)),
            ("bevoelkerung.csv", text(PackageResources.bevoelkerung_csv)), ("ist.csv", text(PackageResources.ist_csv)),
            ("sterbetafel.csv", text(PackageResources.sterbetafel_csv)),
            ("fruchtbarkeit.csv", text(PackageResources.fruchtbarkeit_csv)),
            ("wanderung.csv", text(PackageResources.wanderung_csv)),
        ]
    }

    /// The Kommune written in the resource file (and the default of `init --kommune`).
    public static let vorgabeKommune = "Beispielstadt"

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A YAML double-quoted scalar.
    static func yamlText(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
