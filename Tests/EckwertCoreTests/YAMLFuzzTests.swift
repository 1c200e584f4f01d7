import Foundation
import Testing
@testable import EckwertCore

/// Seeded mutation fuzzing of the YAML model loader: the model files of a small valid model are mutated
/// (bytes, YAML tokens, lines, numbers) and loaded through the real loader; a model that still loads is also
/// projected. Nothing may crash; every diagnostic must name one of the model's files.
/// `make test` runs 400 inputs; `ECKWERT_FUZZ_YAML=200000 swift test --filter YAMLFuzzTests` runs more.
@Suite struct YAMLFuzzTests {
    static let modell = """
        kommune: Fuzzstadt
        basisjahr: 2025
        horizont: 2028
        altersgruppen:
          u3: [0, 2]
          jung: [0, 17]
        produktbereiche:
          - {nr: "36", name: Jugend}
        produktgruppen:
          - {nr: "36.3", name: Hilfen}
        produkte:
          - nr: "36.3.01"
            name: Hilfe zur Erziehung
            art: pflicht
            fallzahl: {bezug: {gruppe: jung}, quote: ist}
            fallkosten: {basis: ist, konto: transferaufwendungen, personalanteil: 0.2}
            erstattung: {anteil: 0.1, konto: kostenerstattungen}
          - nr: "36.3.02"
            name: Kita
            art: freiwillig
            fallzahl: {bezug: {alter: [0, 2], gebiet: A}, quote_je_1000: {2025: 500, 2028: 600}}
            kapazitaet: {plaetze: {A: 40, B: 10}}
            wirkungsbeitrag: {S1: 2}
        budgetbereiche:
          - {id: J, name: Jugend, produkte: ["36"]}
        strategische_ziele:
          - {id: S1, name: Praevention, gewicht: 1}
        kennzahlen:
          - {id: K1, name: Quote, einheit: "%", quelle: Statistik, richtung: sinkend, formel: faelle("36.3.01") / bev(alter="jung") * 100}
          - {id: K2, name: Luecke, einheit: Plaetze, formel: luecke("36.3") + kennzahl("K1")}
        ziele:
          - {id: Z1, produkt: "36.3.01", zielfeld: wirkung, text: Die Quote sinkt um 5 Prozent., kennzahl: K1, zielwert: {relativ: -0.05}, bis: 2027, massnahme: M1}
        massnahmen:
          - id: M1
            name: Fruehe Hilfen
            produkt: "36.3.01"
            kosten: {ab: 2026, jaehrlich: 10000, konto: aufwendungen_sach_dienstleistungen}
            wirkung: [{produkt: "36.3.01", quote: -0.1, ab: 2026, rampe: 2}]
        investitionen:
          - {id: I1, name: Kita, produkt: "36.3.02", auszahlungen: {2026: 100000}, foerderung: {programm: X, quote: 0.5}, nutzungsdauer: 20, inbetriebnahme: "2027-08", folgekosten: {jaehrlich: 5000, konto: aufwendungen_sach_dienstleistungen}, plaetze: 20, gebiet: A}
        geheimhaltung: {mindestfallzahl: 3}

        """
    static let szenarien = """
        szenarien:
          status-quo:
            bevoelkerung: {methode: kohorten, geburtenziffer: 1.4, sterblichkeit: 1.0, wanderungssaldo: {2026: 10, 2028: 5}}
            preise: {tarif: 0.03, sachkosten: 0.02}
            produkte: {"36.3.01": {quote_trend: 0.01, erstattung_anteil: 0.1}}
            massnahmen: [M1]
          best: {preise: {tarif: 0.02}, massnahmen: []}
          worst: {bevoelkerung: {geburtenziffer: 1.6}, preise: {tarif: 0.05}}

        """

    /// The small model's CSV files (two Sozialräume, every cell present).
    static let csv: [String: [UInt8]] = {
        var bev = "gebiet;geschlecht;alter;anzahl\n", st = "geschlecht;alter;qx\n", wa = "geschlecht;alter;anteil\n"
        for g in ["A", "B"] {
            for s in ["w", "m"] { for a in 0...100 { bev += "\(g);\(s);\(a);\(a < 90 ? 10 : 1)\n" } }
        }
        for s in ["w", "m"] {
            for a in 0...100 {
                st += "\(s);\(a);\(a == 100 ? "0,5" : "0,01")\n"
                wa += "\(s);\(a);\(a == 20 ? "0,5" : "0")\n"
            }
        }
        var fr = "alter;rate\n"
        for a in 15...49 { fr += "\(a);0,04\n" }
        let ist =
            "jahr;produkt;groesse;wert\n2025;36.3.01;faelle;20\n2025;36.3.01;transferaufwendungen;200000\n"
            + "2025;36.3.01;kostenerstattungen;20000\n2025;36.3.02;faelle;30\n2025;36.3.02;personalaufwendungen;300000\n"
        return [
            "bevoelkerung.csv": bev, "sterbetafel.csv": st, "wanderung.csv": wa, "fruchtbarkeit.csv": fr,
            "ist.csv": ist,
        ].mapValues { Array($0.utf8) }
    }()

    static let token: [String] = [
        ":", ": ", "- ", "{", "}", "[", "]", "\"", "'", "#", "\n", "  ", "\t", ",", "&a ", "*a", "!!str ", "!!binary ",
        "~", "null", "1e309", "-1", "NaN", ".inf", "2099", "1900", "0", "999999999999999999999", "faelle(",
        "bev(alter=[",
        ")", "quote_trend: ", "massnahmen: []", "produkte:", "\u{FEFF}", "ä", "\u{0}", "<<: ", "? ", "|", ">", "---",
        "...", "%YAML 1.1\n", "kennzahl(\"K2\")", "36.3", "S1", "gebiet: Z", "plaetze: -5", "nutzungsdauer: -1",
    ]

    static func mutiere(_ text: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var b = text
        let n = rng.next() % 3 == 0 ? 1 + Int(rng.next() % 4) : 1
        for _ in 0..<n {
            guard !b.isEmpty else { b = Array(token[Int(rng.next() % UInt64(token.count))].utf8); continue }
            let pos = Int(rng.next() % UInt64(b.count))
            switch rng.next() % 7 {
            case 0: b[pos] ^= UInt8(truncatingIfNeeded: 1 << (rng.next() % 8))
            case 1: b.insert(contentsOf: Array(token[Int(rng.next() % UInt64(token.count))].utf8), at: pos)
            case 2: b.removeSubrange(pos..<min(b.count, pos + 1 + Int(rng.next() % 40)))
            case 3, 4:
                var zeilen = b.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
                let i = Int(rng.next() % UInt64(zeilen.count)), j = Int(rng.next() % UInt64(zeilen.count))
                if rng.next() % 2 == 0 { zeilen.insert(zeilen[i], at: j) } else { zeilen.swapAt(i, j) }
                b = Array(zeilen.joined(separator: [10]))
            case 5:
                if let i = b[pos...].firstIndex(where: { (48...57).contains($0) }) {
                    let ersatz = ["0", "-7", "101", "1e6", "0.5", "3000", "99999999999"][Int(rng.next() % 7)]
                    b.replaceSubrange(i...i, with: Array(ersatz.utf8))
                }
            default: b.insert(UInt8(truncatingIfNeeded: rng.next()), at: pos)
            }
        }
        return b
    }

    @Test func unmutatedModelLoadsCleanly() {
        var d = Self.csv
        d["modell.yaml"] = Array(Self.modell.utf8)
        d["szenarien.yaml"] = Array(Self.szenarien.utf8)
        let e = ModellLader.laden(name: "fuzz", dateien: d)
        #expect(e.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(e.modell != nil)
    }

    @Test func mutatedModelsNeverCrash() {
        let anzahl = ProcessInfo.processInfo.environment["ECKWERT_FUZZ_YAML"].flatMap(Int.init) ?? 400
        var rng = SplitMix64(seed: 7)
        let dateinamen = Set(Self.csv.keys).union(["modell.yaml", "szenarien.yaml"])
        var geladen = 0, falscherOrt = 0
        for i in 0..<anzahl {
            var d = Self.csv
            let welche = rng.next() % 3
            d["modell.yaml"] = welche != 1 ? Self.mutiere(Array(Self.modell.utf8), &rng) : Array(Self.modell.utf8)
            d["szenarien.yaml"] =
                welche != 0 ? Self.mutiere(Array(Self.szenarien.utf8), &rng) : Array(Self.szenarien.utf8)
            let e = ModellLader.laden(name: "fuzz\(i)", dateien: d)
            for diag in e.diagnostics where !(diag.location.map { dateinamen.contains($0.file) } ?? false) {
                falscherOrt += 1
                Issue.record("Diagnose ohne Modelldatei: \(diag) – Eingabe \(i)")
            }
            if let m = e.modell {
                geladen += 1
                let r = Planungslauf.rechnen(m)
                for l in r.szenarien { _ = Langformat.zeilen(m, l) }
            }
        }
        #expect(falscherOrt == 0)
        // The mutations must leave some models loadable, or the projection path would go unfuzzed.
        #expect(geladen > anzahl / 50)
    }

    /// A "billion laughs" alias bomb must not blow up memory or time.
    @Test func aliasBombIsHarmless() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "kommune: *a9\nprodukte: *a9\nkennzahlen: *a9\n"
        var d = Self.csv
        d["modell.yaml"] = Array(yaml.utf8)
        d["szenarien.yaml"] = Array(Self.szenarien.utf8)
        let e = ModellLader.laden(name: "bombe", dateien: d)
        #expect(e.modell == nil)
        #expect(e.diagnostics.contains { $0.location?.file == "modell.yaml" })
    }
}
