import EckwertCore
import Foundation

/// Writes the text of a model folder from values: YAML scalars, CSV tables with the model's separators, and the
/// files themselves. The benchmark generator and the tests' model builder both write through this, so the format's
/// spelling on the writing side has one home (the reading side is `ModellLader`).
public enum Modellschreiber {
    /// A YAML double-quoted scalar (backslash and double quote escaped).
    public static func yamlText(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A whole number without separators, rounded (YAML amounts such as `jaehrlich: 120000`).
    public static func ganzzahl(_ v: Double) -> String { String(Int(v.rounded())) }

    /// German decimal comma with a fixed number of decimals, as the municipal exports write CSV values.
    public static func dezimalKomma(_ v: Double, stellen: Int) -> String {
        String(format: "%.\(stellen)f", v).replacingOccurrences(of: ".", with: ",")
    }

    /// The shortest plain form: a whole number without decimals, otherwise Swift's decimal point form (for the
    /// small magnitudes of hand-calculated test models; no exponent below 1e15).
    public static func kurz(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    /// Writes every file (name → text) into `ordner` (created if missing), each atomically.
    public static func schreiben(_ dateien: [String: String], nach ordner: String) throws {
        try FileManager.default.createDirectory(atPath: ordner, withIntermediateDirectories: true)
        for (name, text) in dateien.sorted(by: { $0.key < $1.key }) {
            try text.write(toFile: (ordner as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// Writes raw bytes (binary or non-UTF-8 files of a test model) into `ordner`, each atomically.
    public static func schreiben(bytes dateien: [String: [UInt8]], nach ordner: String) throws {
        try FileManager.default.createDirectory(atPath: ordner, withIntermediateDirectories: true)
        for (name, bytes) in dateien.sorted(by: { $0.key < $1.key }) {
            try Data(bytes).write(to: URL(fileURLWithPath: ordner).appendingPathComponent(name), options: .atomic)
        }
    }
}

/// A CSV table of a model folder: `;`-separated, one header line, every line ending in `\n`.
public struct CSVText: Sendable {
    public private(set) var text: String

    public init(_ kopf: String...) { text = kopf.joined(separator: ";") + "\n" }

    /// Appends one row; the fields are written as given (format numbers with `Modellschreiber` first).
    public mutating func zeile(_ felder: String...) { zeile(felder) }

    public mutating func zeile(_ felder: [String]) {
        text += felder.joined(separator: ";")
        text += "\n"
    }

    /// One row per (Sozialraum, sex, age 0…100): `<vorne…>;gebiet;geschlecht;alter;<wert>`, in the order of
    /// `gebiete`, women before men, ages ascending (bevoelkerung.csv; with `vorne` the year of the history or the
    /// variant and year of an official projection).
    public mutating func bevoelkerung(
        vorne: [String] = [], gebiete: [String],
        wert: (_ gebiet: Int, _ geschlecht: Geschlecht, _ alter: Int) -> String
    ) {
        for (g, gebiet) in gebiete.enumerated() {
            for s in Geschlecht.allCases {
                for a in 0...Alter.max { zeile(vorne + [gebiet, s.rawValue, String(a), wert(g, s, a)]) }
            }
        }
    }

    /// One row per (sex, age 0…100): `geschlecht;alter;<wert>` (sterbetafel.csv, wanderung.csv).
    public mutating func jeGeschlechtUndAlter(_ wert: (_ geschlecht: Geschlecht, _ alter: Int) -> String) {
        for s in Geschlecht.allCases {
            for a in 0...Alter.max { zeile(s.rawValue, String(a), wert(s, a)) }
        }
    }
}
