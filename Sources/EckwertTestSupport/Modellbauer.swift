import EckwertCore
import EckwertModellschreiber
import Foundation

/// The one way a test writes a model: start from a small valid model (`klein()`) or from given files, change what
/// the test needs (`ersetzen`, `setzen`, `entfernen`), then write the folder to a fresh temp folder (`ordner()`) or
/// load it through the real loader (`laden()`). Data tables are written through `Modellschreiber`/`CSVText`,
/// the same writer the benchmark generator uses.
public struct Modellbauer: Sendable {
    /// File name → text.
    public var dateien: [String: String]
    /// File name → raw bytes (binary or non-UTF-8 files); wins over `dateien` for the same name.
    public var bytes: [String: [UInt8]] = [:]

    public init(_ dateien: [String: String] = [:]) { self.dateien = dateien }

    public struct Fehler: Error, CustomStringConvertible {
        public var description: String
    }

    public subscript(datei: String) -> String? {
        get { dateien[datei] }
        set { dateien[datei] = newValue }
    }

    /// Replaces every occurrence of `alt` in `datei`; throws when `alt` does not occur (the test would otherwise
    /// silently check the unchanged model).
    public mutating func ersetzen(_ alt: String, durch neu: String, in datei: String) throws {
        guard let text = dateien[datei], text.contains(alt) else {
            throw Fehler(description: "'\(alt)' steht nicht in \(datei)")
        }
        dateien[datei] = text.replacingOccurrences(of: alt, with: neu)
    }

    public mutating func setzen(_ datei: String, _ text: String) { dateien[datei] = text }

    public mutating func entfernen(_ datei: String) {
        dateien[datei] = nil
        bytes[datei] = nil
    }

    /// Writes the files into a fresh temporary folder and returns its path (the caller removes it).
    public func ordner() throws -> String {
        let pfad = try temporaererOrdner()
        try Modellschreiber.schreiben(dateien.filter { bytes[$0.key] == nil }, nach: pfad)
        try Modellschreiber.schreiben(bytes: bytes, nach: pfad)
        return pfad
    }

    /// Writes the model to a temp folder, loads it through `ModellLader.laden(ordner:)` and removes the folder.
    public func laden() throws -> Ladeergebnis {
        let pfad = try ordner()
        defer { try? FileManager.default.removeItem(atPath: pfad) }
        return ModellLader.laden(ordner: pfad)
    }

    // MARK: - Data tables

    /// `gebiet;geschlecht;alter;anzahl` with every (gebiet, sex, age 0…100).
    public static func bevoelkerungCSV(gebiete: [String], anzahl: (String, Geschlecht, Int) -> Double) -> String {
        var t = CSVText("gebiet", "geschlecht", "alter", "anzahl")
        t.bevoelkerung(gebiete: gebiete) { g, s, a in Modellschreiber.kurz(anzahl(gebiete[g], s, a)) }
        return t.text
    }

    /// `jahr;gebiet;geschlecht;alter;anzahl` (bevoelkerung_historie.csv) for the given years.
    public static func historieCSV(
        jahre: [Int], gebiete: [String],
        anzahl: (Int, String, Geschlecht, Int) -> Double
    ) -> String {
        var t = CSVText("jahr", "gebiet", "geschlecht", "alter", "anzahl")
        for j in jahre {
            t.bevoelkerung(vorne: [String(j)], gebiete: gebiete) { g, s, a in
                Modellschreiber.kurz(anzahl(j, gebiete[g], s, a))
            }
        }
        return t.text
    }

    /// `geschlecht;alter;qx` with the same q for every cell.
    public static func sterbetafelCSV(q: Double = 0) -> String {
        var t = CSVText("geschlecht", "alter", "qx")
        t.jeGeschlechtUndAlter { _, _ in Modellschreiber.kurz(q) }
        return t.text
    }

    /// `alter;rate` 15…49 with the same rate.
    public static func fruchtbarkeitCSV(rate: Double = 0) -> String {
        var t = CSVText("alter", "rate")
        for a in 15...49 { t.zeile(String(a), Modellschreiber.kurz(rate)) }
        return t.text
    }

    /// `geschlecht;alter;anteil`: the whole net migration goes to one cell (w, 30).
    public static func wanderungCSV(anteil: Double = 1) -> String {
        var t = CSVText("geschlecht", "alter", "anteil")
        t.zeile("w", "30", Modellschreiber.kurz(anteil))
        return t.text
    }

    /// Lines given as text (a test's own rows, e.g. deliberately wrong ones), each ended by a newline.
    public static func text(_ zeilen: [String]) -> String { zeilen.joined(separator: "\n") + "\n" }
}

extension Modellbauer {
    /// A small valid model for hand calculations (ProjektionTests, InvestitionTests): B = 2024, horizon 2028, two
    /// Sozialräume S1/S2 with 60/40 persons in every (sex, age) cell at B and, in the official projection "v",
    /// 60 + 6k / 40 + 4k in year 2024 + k (so every cell of the city is 100 + 10k).
    ///   A 31.1.01  quote: ist over ages 0–17, cost per case from the Ist (personalanteil 0.5), Erstattung 25 %
    ///   C 31.2.01  quote_je_1000 path {2025: 500, 2027: 700} over ages 3–5, 2.000 € per case, places per Sozialraum,
    ///              investment I1 (30 places in S1 from 2027)
    ///   B 36.1.01  no driver; books measure M1's own cost; M1 lowers A's rate by 10 % from 2026 over 2 years
    public static func klein() -> Modellbauer {
        let modell = """
            kommune: Kleinstadt
            basisjahr: 2024
            horizont: 2028
            produkte:
              - nr: "31.1.01"
                name: Hilfe A
                art: pflicht
                fallzahl: {bezug: {alter: [0, 17]}, quote: ist}
                fallkosten: {basis: ist, konto: transferaufwendungen, personalanteil: 0.5}
                erstattung: {anteil: 0.25, konto: kostenerstattungen}
              - nr: "31.2.01"
                name: Kita C
                art: pflicht
                fallzahl:
                  bezug: {alter: [3, 5]}
                  quote_je_1000: {2025: 500, 2027: 700}
                fallkosten: {basis: 2000, konto: transferaufwendungen, personalanteil: 0}
                kapazitaet: {plaetze: {S1: 200, S2: 150}, kosten_je_platz: 36000, folgekosten_je_platz: 1500}
              - nr: "36.1.01"
                name: Freiwillig B
                art: freiwillig
            produktgruppen:
              - {nr: "31.1", name: Gruppe A}
              - {nr: "31.2", name: Gruppe C}
              - {nr: "36.1", name: Gruppe B}
            produktbereiche:
              - {nr: "31", name: Soziales}
              - {nr: "36", name: Jugend}
            budgetbereiche:
              - {id: B1, name: Hilfen, produkte: ["31.1", "36"]}
              - {id: B2, name: Kita, produkte: ["31.2"]}
            massnahmen:
              - id: M1
                name: Prävention
                produkt: "36.1.01"
                kosten: {ab: 2025, jaehrlich: 1000, konto: transferaufwendungen}
                wirkung:
                  - {produkt: "31.1.01", quote: -0.1, ab: 2026, rampe: 2}
            investitionen:
              - id: I1
                name: Kita-Neubau
                produkt: "31.2.01"
                gebiet: S1
                auszahlungen: {2025: 100000, 2026: 200000}
                foerderung: {programm: Test, quote: 0.5}
                nutzungsdauer: 10
                inbetriebnahme: 2027
                folgekosten: {jaehrlich: 12000, konto: aufwendungen_sach_dienstleistungen}
                plaetze: 30
            """
        let szenarien = """
            szenarien:
              status-quo:
                bevoelkerung: {methode: vorausberechnung, variante: v}
                preise:
                  tarif: {2025: 0.03, 2027: 0.05}
                  sachkosten: 0.02
                produkte:
                  "31.1.01": {quote_trend: 0.05}
                massnahmen: [M1]
              best:
                preise: {sachkosten: 0.01}
                produkte:
                  "31.1.01": {erstattung_anteil: 0.5}
              worst:
                preise:
                  tarif: {2026: 0.06}
                massnahmen: []
            """
        let ist = """
            jahr;produkt;groesse;wert
            2024;31.1.01;faelle;360
            2024;31.1.01;transferaufwendungen;360000
            2024;31.1.01;kostenerstattungen;90000
            2024;31.1.01;personalaufwendungen;50000
            2024;31.1.01;aufwendungen_sach_dienstleistungen;20000
            2024;31.1.01;sonstige_ordentliche_aufwendungen;7000
            2024;31.1.01;zuwendungen_umlagen;3000
            2024;31.2.01;faelle;300
            2024;31.2.01;transferaufwendungen;600000
            2024;31.2.01;personalaufwendungen;10000
            2024;36.1.01;personalaufwendungen;40000
            2024;36.1.01;aufwendungen_sach_dienstleistungen;10000
            2024;36.1.01;privatrechtliche_leistungsentgelte;5000

            """
        var vb = CSVText("variante", "jahr", "gebiet", "geschlecht", "alter", "anzahl")
        for k in 1...4 {
            vb.bevoelkerung(vorne: ["v", String(2024 + k)], gebiete: ["S1", "S2"]) { g, _, _ in
                String(g == 0 ? 60 + 6 * k : 40 + 4 * k)
            }
        }
        return Modellbauer([
            "modell.yaml": modell, "szenarien.yaml": szenarien, "ist.csv": ist,
            "bevoelkerung.csv": bevoelkerungCSV(gebiete: ["S1", "S2"]) { g, _, _ in g == "S1" ? 60 : 40 },
            "vorausberechnung.csv": vb.text,
        ])
    }
}
