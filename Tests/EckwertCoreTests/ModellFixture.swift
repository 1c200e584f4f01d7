import Foundation
import Testing
@testable import EckwertCore

/// Small model folders written from code into a fresh temporary folder per test, so that the real loader reads
/// them (no test resources, no Package.swift changes).
enum Fixture {
    /// Writes `dateien` (file name → text) into a fresh temp folder and returns its path.
    static func ordner(_ dateien: [String: String]) throws -> String {
        try ordnerBytes(dateien.mapValues { Array($0.utf8) })
    }

    static func ordnerBytes(_ dateien: [String: [UInt8]]) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("eckwert-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, bytes) in dateien {
            try Data(bytes).write(to: url.appendingPathComponent(name))
        }
        return url.path
    }

    /// Loads `dateien` through `ModellLader.laden(ordner:)`.
    static func laden(_ dateien: [String: String]) throws -> Ladeergebnis {
        let pfad = try ordner(dateien)
        defer { try? FileManager.default.removeItem(atPath: pfad) }
        return ModellLader.laden(ordner: pfad)
    }

    /// Loads and requires a model without errors.
    static func modell(_ dateien: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Planungsmodell {
        let r = try laden(dateien)
        #expect(!r.hatFehler, "\(r.diagnostics.map(\.description))", sourceLocation: sourceLocation)
        return try #require(r.modell, sourceLocation: sourceLocation)
    }

    /// `gebiet;geschlecht;alter;anzahl` with every (gebiet, sex, age 0…100); `prefix` goes before each row (e.g.
    /// `"v;2025;"` for vorausberechnung.csv).
    static func bevoelkerungZeilen(prefix: String = "", gebiete: [String],
                                   anzahl: (String, Geschlecht, Int) -> Double) -> [String] {
        var z: [String] = []
        for g in gebiete {
            for s in Geschlecht.allCases {
                for a in 0...Alter.max { z.append("\(prefix)\(g);\(s.rawValue);\(a);\(zahl(anzahl(g, s, a)))") }
            }
        }
        return z
    }

    static func bevoelkerungCSV(gebiete: [String], anzahl: (String, Geschlecht, Int) -> Double) -> String {
        text(["gebiet;geschlecht;alter;anzahl"] + bevoelkerungZeilen(gebiete: gebiete, anzahl: anzahl))
    }

    /// `geschlecht;alter;qx` with the same q for every cell.
    static func sterbetafelCSV(q: Double = 0) -> String {
        var z = ["geschlecht;alter;qx"]
        for s in Geschlecht.allCases { for a in 0...Alter.max { z.append("\(s.rawValue);\(a);\(zahl(q))") } }
        return text(z)
    }

    /// `alter;rate` 15…49 with the same rate.
    static func fruchtbarkeitCSV(rate: Double = 0) -> String {
        text(["alter;rate"] + (15...49).map { "\($0);\(zahl(rate))" })
    }

    /// `geschlecht;alter;anteil`: the whole net migration goes to one cell (w, 30).
    static func wanderungCSV(anteil: Double = 1) -> String {
        text(["geschlecht;alter;anteil", "w;30;\(zahl(anteil))"])
    }

    static func text(_ zeilen: [String]) -> String { zeilen.joined(separator: "\n") + "\n" }

    /// A number with a decimal point, no exponent for the magnitudes used here.
    static func zahl(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}

extension Ladeergebnis {
    /// Every diagnostic as `file:line:column: error: message`.
    var meldungen: [String] { diagnostics.map(\.description) }
    var fehlermeldungen: [String] { diagnostics.filter { $0.severity == .error }.map(\.description) }
}

extension Planungsmodell {
    func zeile(_ key: String) -> Int { kontenrahmen.index(key) ?? -1 }
}

/// |a − b| ≤ 1e-9 · max(1, |b|) (plus `abs`): money and cases carried unrounded through a few multiplications.
func nahe(_ a: Double, _ b: Double, abs tol: Double = 1e-6) -> Bool {
    Swift.abs(a - b) <= tol + 1e-9 * Swift.max(1, Swift.abs(b))
}

func nahe(_ a: [Double], _ b: [Double], abs tol: Double = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { nahe($0, $1, abs: tol) }
}

enum Musterstadt {
    /// The shipped model `scenarios/musterstadt`, loaded once.
    static let modell: Planungsmodell? = {
        let wurzel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return ModellLader.laden(ordner: wurzel.appendingPathComponent("scenarios/musterstadt").path).modell
    }()
}

extension Fixture {
    /// A small model for hand calculations (ProjektionTests, InvestitionTests): B = 2024, horizon 2028, two
    /// Sozialräume S1/S2 with 60/40 persons in every (sex, age) cell at B and, in the official projection "v",
    /// 60 + 6k / 40 + 4k in year 2024 + k (so every cell of the city is 100 + 10k).
    ///   A 31.1.01  quote: ist over ages 0–17, cost per case from the Ist (personalanteil 0.5), Erstattung 25 %
    ///   C 31.2.01  quote_je_1000 path {2025: 500, 2027: 700} over ages 3–5, 2.000 € per case, places per Sozialraum,
    ///              investment I1 (30 places in S1 from 2027)
    ///   B 36.1.01  no driver; books measure M1's own cost; M1 lowers A's rate by 10 % from 2026 over 2 years
    static func klein() -> [String: String] {
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
        var vb = ["variante;jahr;gebiet;geschlecht;alter;anzahl"]
        for k in 1...4 {
            vb += bevoelkerungZeilen(prefix: "v;\(2024 + k);", gebiete: ["S1", "S2"]) { g, _, _ in
                g == "S1" ? Double(60 + 6 * k) : Double(40 + 4 * k)
            }
        }
        return [
            "modell.yaml": modell, "szenarien.yaml": szenarien, "ist.csv": ist,
            "bevoelkerung.csv": bevoelkerungCSV(gebiete: ["S1", "S2"]) { g, _, _ in g == "S1" ? 60 : 40 },
            "vorausberechnung.csv": text(vb),
        ]
    }
}
