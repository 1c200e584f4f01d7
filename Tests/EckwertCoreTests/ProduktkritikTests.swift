import Foundation
import Testing
@testable import EckwertCore

// Expected classes, quadrants and suppressions are worked out by hand in the comments.

private func eingabe(_ nr: String, _ zuschuss: Double, _ wirkung: Double) -> Produktkritik.Eingabe {
    .init(nr: nr, name: "Produkt \(nr)", art: .pflicht, zuschuss: zuschuss, wirkungsbeitrag: wirkung)
}

@Suite struct ProduktkritikTests {
    /// Six products, total of the positive net costs 500 + 300 + 150 + 50 = 1.000.
    /// Ranking: 10.1.02 (500, cum 0,50), 10.1.01 (300, cum 0,80), 10.1.03 (150, cum 0,95), 10.1.04 (50, cum 1,00),
    /// then the products without net cost: 10.1.06 (0), 10.1.05 (−20).
    /// 10.1.01 is the border product (its cumulated share reaches 0,80 exactly): A. 10.1.03 starts at 0,80: B, and
    /// reaches 0,95 exactly: still B. 10.1.04 starts at 0,95: C. Zero and negative net cost: C, listed last.
    @Test func abcKlassenVonHand() {
        let k = Produktkritik.rechnen(
            [
                eingabe("10.1.01", 300, 1.8), eingabe("10.1.02", 500, 1.2), eingabe("10.1.03", 150, 3.0),
                eingabe("10.1.04", 50, 0.4), eingabe("10.1.05", -20, 0), eingabe("10.1.06", 0, 1.4),
            ], grenzen: ABCGrenzen(a: 0.8, b: 0.95), jahr: 2027)
        #expect(k.abc.map(\.produkt.nr) == ["10.1.02", "10.1.01", "10.1.03", "10.1.04", "10.1.06", "10.1.05"])
        #expect(k.abc.map(\.klasse) == [.a, .a, .b, .c, .c, .c])
        #expect(k.abc.map(\.rang) == [1, 2, 3, 4, 5, 6])
        #expect(k.summePositiv == 1000)
        let kum = k.abc.map(\.kumuliert)
        for (ist, soll) in zip(kum, [0.5, 0.8, 0.95, 1.0, 1.0, 1.0]) { #expect(abs(ist - soll) < 1e-12) }
        #expect(k.abc[4].anteil == 0 && k.abc[5].anteil == 0)
    }

    /// 70, 20, 6, 4 (total 100): 70 → A; 20 starts at 0,70 and crosses 0,80 (cum 0,90) → A (first to exceed);
    /// 6 starts at 0,90 → B (cum 0,96 crosses 0,95); 4 starts at 0,96 → C.
    @Test func grenzproduktUeberschreitet() {
        let k = Produktkritik.rechnen(
            [eingabe("1", 4, 0), eingabe("2", 6, 0), eingabe("3", 20, 0), eingabe("4", 70, 0)],
            grenzen: ABCGrenzen(), jahr: 2027)
        #expect(k.abc.map(\.produkt.nr) == ["4", "3", "2", "1"])
        #expect(k.abc.map(\.klasse) == [.a, .a, .b, .c])
    }

    /// Settable borders: a = 0,5, b = 0,9 with 50, 30, 20 → 50 A (reaches 0,5), 30 starts at 0,5 → B (cum 0,8),
    /// 20 starts at 0,8 < 0,9 → B.
    @Test func abcGrenzenEinstellbar() {
        let k = Produktkritik.rechnen(
            [eingabe("a", 50, 0), eingabe("b", 30, 0), eingabe("c", 20, 0)],
            grenzen: ABCGrenzen(a: 0.5, b: 0.9), jahr: 2027)
        #expect(k.abc.map(\.klasse) == [.a, .b, .b])
    }

    /// Without any positive net cost every product is C (no division by zero).
    @Test func keinZuschuss() {
        let k = Produktkritik.rechnen([eingabe("a", 0, 0), eingabe("b", -5, 0)], grenzen: ABCGrenzen(), jahr: 2027)
        #expect(k.abc.map(\.klasse) == [.c, .c])
        #expect(k.abc.map(\.produkt.nr) == ["a", "b"])
    }

    /// Same six products. Wirkungsbeitrag sorted 0; 0,4; 1,2; 1,4; 1,8; 3,0 → median (1,2 + 1,4) / 2 = 1,3.
    /// Net cost sorted −20; 0; 50; 150; 300; 500 → median (50 + 150) / 2 = 100.
    /// 10.1.01 (300 | 1,8): high/high → Halten; 10.1.02 (500 | 1,2) → Prüfen; 10.1.03 (150 | 3,0) → Halten;
    /// 10.1.04 (50 | 0,4) → Beobachten; 10.1.05 (−20 | 0) → Beobachten; 10.1.06 (0 | 1,4) → Ausbauen.
    @Test func portfolioQuadrantenVonHand() {
        let k = Produktkritik.rechnen(
            [
                eingabe("10.1.01", 300, 1.8), eingabe("10.1.02", 500, 1.2), eingabe("10.1.03", 150, 3.0),
                eingabe("10.1.04", 50, 0.4), eingabe("10.1.05", -20, 0), eingabe("10.1.06", 0, 1.4),
            ], grenzen: ABCGrenzen(), jahr: 2027)
        #expect(abs(k.medianWirkung - 1.3) < 1e-12)
        #expect(k.medianVerbrauch == 100)
        #expect(k.portfolio.map(\.produkt.nr) == ["10.1.01", "10.1.02", "10.1.03", "10.1.04", "10.1.05", "10.1.06"])
        #expect(k.portfolio.map(\.quadrant) == [.halten, .pruefen, .halten, .beobachten, .beobachten, .ausbauen])
        #expect(Produktkritik.Quadrant.ausbauen.bezeichnung == "Ausbauen/Stärken")
        #expect(Produktkritik.Quadrant.pruefen.bezeichnung == "Prüfen/Umsteuern")
    }

    /// Odd count: medians are the middle values 20 and 2; the product exactly on both borders counts as high on
    /// both axes → Halten/Optimieren.
    @Test func produktAufDerGrenze() {
        let k = Produktkritik.rechnen(
            [eingabe("x", 10, 1), eingabe("y", 20, 2), eingabe("z", 30, 3)],
            grenzen: ABCGrenzen(), jahr: 2027)
        #expect(k.medianVerbrauch == 20 && k.medianWirkung == 2)
        #expect(k.portfolio.map(\.quadrant) == [.beobachten, .halten, .halten])
        #expect(Produktkritik.median([4, 1, 3, 2]) == 2.5)
        #expect(Produktkritik.median([]) == 0)
    }

    /// Σ gewicht · score: 0,4 · 3 + 0,6 · 1 = 1,8; a goal without a score counts 0.
    @Test func wirkungsbeitrag() {
        var p = Produkt(nr: "36.3.02", name: "Frühe Hilfen", art: .freiwillig)
        p.wirkungsbeitrag = ["S1": 3, "S2": 1]
        let ziele = [
            StrategischesZiel(id: "S1", name: "Prävention", gewicht: 0.4),
            StrategischesZiel(id: "S2", name: "Teilhabe", gewicht: 0.6),
        ]
        #expect(abs(Produktkritik.wirkungsbeitrag(p, ziele: ziele) - 1.8) < 1e-12)
        p.wirkungsbeitrag = ["S2": 2]
        #expect(abs(Produktkritik.wirkungsbeitrag(p, ziele: ziele) - 1.2) < 1e-12)
    }

    /// A small model run end to end. Status quo has no price growth and the products no driver, so the net cost
    /// in the Haushaltsjahr 2027 equals the Ist 2025:
    ///   31.1.01: 400.000 Transfer − 100.000 Kostenerstattung = 300.000   (S1 3, S2 1 → 0,4·3 + 0,6·1 = 1,8)
    ///   31.1.02: 500.000 Sachaufwand                              = 500.000   (S2 2 → 1,2)
    ///   36.2.01: 200.000 Personal                                 = 200.000   (S1 3, S2 3 → 3,0)
    ///   36.2.02: 50.000 Entgelte (Ertrag only)                    = −50.000   (none → 0)
    /// Total positive 1.000.000: 31.1.02 A (0,5), 31.1.01 A (reaches 0,8), 36.2.01 B (starts at 0,8), 36.2.02 C.
    /// 36.2.02 has no Wirkungsbeitrag: "nicht bewertet", not placed and not in the medians. Medians over the other
    /// three: cost (200.000, 300.000, 500.000) → 300.000; effect (1,2; 1,8; 3,0) → 1,8.
    /// 31.1.01 (300.000 | 1,8, both on the border = high) Halten; 31.1.02 (500.000 | 1,2) Prüfen;
    /// 36.2.01 (200.000 | 3,0) Ausbauen. The best scenario (10 % Sachkosten growth) must not be used.
    @Test func kleinesModellEndeZuEnde() throws {
        let ordner = NSTemporaryDirectory() + "eckwert-produktkritik-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: ordner, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: ordner) }
        for (name, text) in kleinesModell() {
            try Data(text.utf8).write(to: URL(fileURLWithPath: ordner).appendingPathComponent(name))
        }
        let geladen = ModellLader.laden(ordner: ordner)
        let m = try #require(geladen.modell, "\(geladen.diagnostics.map(\.description))")
        let e = Planungslauf.rechnen(m)
        let k = try #require(Produktkritik.rechnen(e))
        #expect(k.jahr == 2027)
        #expect(k.abc.map(\.produkt.nr) == ["31.1.02", "31.1.01", "36.2.01", "36.2.02"])
        let soll: [Double] = [500_000, 300_000, 200_000, -50_000]
        for (z, s) in zip(k.abc, soll) { #expect(abs(z.produkt.zuschuss - s) < 0.01, "\(z.produkt.nr)") }
        #expect(k.abc.map(\.klasse) == [.a, .a, .b, .c])
        #expect(abs(k.medianVerbrauch - 300_000) < 0.01)
        #expect(abs(k.medianWirkung - 1.8) < 1e-9)
        #expect(k.portfolio.map(\.produkt.nr) == ["31.1.01", "31.1.02", "36.2.01"])
        #expect(k.portfolio.map(\.quadrant) == [.halten, .pruefen, .ausbauen])
        #expect(k.nichtBewertet.map(\.nr) == ["36.2.02"])
        #expect(k.ohnePrognose.isEmpty)
    }
}

@Suite struct GeheimhaltungTests {
    /// Mindestfallzahl 3: 1 and 2 are primary ("•"), 0 and 3 are shown. Rounding first: 2,5 → 3 (shown),
    /// 0,4 → 0 (shown), 1,5 → 2 (suppressed).
    @Test func primaerNachRundung() {
        let r = Geheimhaltung.anwenden(
            [[0.4, 1.5, 2.5, 3, 0, 1]], mindestfallzahl: 3, zeilensummen: false, spaltensummen: false)
        #expect(r.werte == [[0, 2, 3, 3, 0, 1]])
        #expect(r.zelle == [[false, true, false, false, false, true]])
        #expect(r.primaer == r.zelle)
        #expect(!r.gesamt)
    }

    /// Rows = Sozialräume, columns = years, both margins.
    ///
    ///          2027  2028 | Σ
    ///   S01      2    40  | 42      ← 2 primary; row S01 would have one suppression with a shown total:
    ///   S02     30    35  | 65        suppress the smallest other cell of the row: 40.
    ///   S03     25    50  | 75
    ///   Σ       57   125  | 182
    ///
    /// Then column 2027 has one suppression (2) → smallest other positive cell: 25 (S03). Column 2028 has one (40)
    /// → smallest other: 35 (S02). Now row S02 has one (35) → smallest other: 30; row S03 has one (25) → 50.
    /// Columns: 2027 has 2, 30, 25 suppressed (3), 2028 has 40, 35, 50 (3): all ≥ 2. Margins stay shown.
    @Test func sekundaerInZeilenUndSpalten() {
        let r = Geheimhaltung.anwenden(
            [[2, 40], [30, 35], [25, 50]], mindestfallzahl: 3, zeilensummen: true, spaltensummen: true)
        #expect(r.primaer == [[true, false], [false, false], [false, false]])
        #expect(r.zelle == [[true, true], [true, true], [true, true]])
        #expect(r.zeilensummen == [42, 65, 75])
        #expect(r.spaltensummen == [57, 125])
        #expect(r.gesamtsumme == 182)
        #expect(r.zeilensumme == [false, false, false] && r.spaltensumme == [false, false] && !r.gesamt)
    }

    /// Only column totals (years are not added up across a row). The column with one primary cell gets a second
    /// suppression at the smallest other positive cell; the other column is untouched.
    ///
    ///          2027  2028
    ///   S01      1    10
    ///   S02      9    12
    ///   S03     20     0
    ///   Σ       30    22
    /// 2027: 1 primary → smallest other positive: 9 (S02). 2028: nothing. Totals shown.
    @Test func nurSpaltensummen() {
        let r = Geheimhaltung.anwenden(
            [[1, 10], [9, 12], [20, 0]], mindestfallzahl: 3, zeilensummen: false, spaltensummen: true)
        #expect(r.zelle == [[true, false], [true, false], [false, false]])
        #expect(r.spaltensumme == [false, false])
        #expect(r.zeilensummen == nil && r.gesamtsumme == nil)
    }

    /// The total that would reveal a cell: a column whose only other cells are 0 — no positive cell can be the
    /// second suppression, so the column total is suppressed.
    ///          2027
    ///   S01      2
    ///   S02      0
    ///   Σ        2     ← would show 2 − 0 = the suppressed S01: suppressed.
    @Test func summeWirdGesperrtWennSieVerraet() {
        let r = Geheimhaltung.anwenden([[2], [0]], mindestfallzahl: 3, zeilensummen: false, spaltensummen: true)
        #expect(r.zelle == [[true], [false]])
        #expect(r.spaltensumme == [true])
    }

    /// A suppressed column total opens the row of column totals (with the grand total): one more suppression is
    /// needed there — the smallest other positive column total.
    ///          A    B    C  | Σ
    ///   S01    2    7    8  | 17
    ///   S02    0    6    9  | 15
    ///   Σ      2   13   17  | 32
    /// Row S01: one primary (2) → smallest other: 7. Row S02: none. Column totals row: none yet.
    /// Column A: 2 suppressed, only 0 besides → total of A suppressed. Column B: 7 suppressed → 6 (S02).
    /// Column C: none. Next pass: row S02 has 6 → smallest other positive: 9. Totals row: A's total suppressed
    /// alone → smallest other positive column total: 13 (B). Column C now has 9 → 8. Row S01 has 2, 7, 8: fine.
    /// Totals column (17, 15, grand 32): nothing suppressed. Stable.
    @Test func summenzeileMitGesamtsumme() {
        let r = Geheimhaltung.anwenden(
            [[2, 7, 8], [0, 6, 9]], mindestfallzahl: 3, zeilensummen: true, spaltensummen: true)
        #expect(r.zelle == [[true, true, true], [false, true, true]])
        #expect(r.spaltensumme == [true, true, false])
        #expect(r.zeilensumme == [false, false])
        #expect(!r.gesamt)
        // Every line has 0 or ≥ 2 suppressed values.
        for z in 0..<2 {
            #expect([r.zelle[z].filter { $0 }.count + (r.zeilensumme[z] ? 1 : 0)].allSatisfy { $0 == 0 || $0 >= 2 })
        }
        for s in 0..<3 {
            let n = (0..<2).filter { r.zelle[$0][s] }.count + (r.spaltensumme[s] ? 1 : 0)
            #expect(n == 0 || n >= 2)
        }
        #expect(r.spaltensumme.filter { $0 }.count + (r.gesamt ? 1 : 0) != 1)
    }

    /// Nothing small, nothing suppressed; mindestfallzahl 1 suppresses nothing at all.
    @Test func nichtsZuSperren() {
        let r = Geheimhaltung.anwenden([[5, 6], [7, 0]], mindestfallzahl: 3, zeilensummen: true, spaltensummen: true)
        #expect(!r.irgendetwas)
        let r1 = Geheimhaltung(mindestfallzahl: 1).anwenden([[1, 2]], zeilensummen: true, spaltensummen: true)
        #expect(!r1.irgendetwas)
    }

    /// Extra cells (a gap derived from a suppressed demand) are suppressed and protected like primaries.
    @Test func zusaetzlicheZellen() {
        let r = Geheimhaltung.anwenden(
            [[50], [60], [70]], mindestfallzahl: 3, zeilensummen: false, spaltensummen: true,
            zusaetzlich: [[false], [true], [false]])
        // 60 is forced; the column needs a second: smallest other positive = 50.
        #expect(r.zelle == [[true], [true], [false]])
        #expect(r.primaer == [[false], [false], [false]])
    }
}

/// A model folder with four products without drivers (net cost = Ist in status quo, which has no price growth).
private func kleinesModell() -> [(String, String)] {
    let modell = """
        kommune: Prüfstadt
        basisjahr: 2025
        haushaltsjahr: 2027
        horizont: 2028
        kontenrahmen: nkf
        rundung: euro
        abc: {a: 0.8, b: 0.95}
        strategische_ziele:
          - {id: S1, name: Prävention, gewicht: 0.4}
          - {id: S2, name: Teilhabe, gewicht: 0.6}
        produktbereiche:
          - {nr: "31", name: Soziale Leistungen}
          - {nr: "36", name: Jugendhilfe}
        produktgruppen:
          - {nr: "31.1", name: Grundversorgung}
          - {nr: "36.2", name: Jugendarbeit}
        produkte:
          - {nr: "31.1.01", name: Hilfe A, art: pflicht, wirkungsbeitrag: {S1: 3, S2: 1}}
          - {nr: "31.1.02", name: Hilfe B, art: pflicht, wirkungsbeitrag: {S2: 2}}
          - {nr: "36.2.01", name: Jugendarbeit A, art: freiwillig, wirkungsbeitrag: {S1: 3, S2: 3}}
          - {nr: "36.2.02", name: Jugendarbeit B, art: freiwillig}
        budgetbereiche:
          - {id: B1, name: Soziales, produkte: ["31"]}
          - {id: B2, name: Jugend, produkte: ["36"]}
        kennzahlen: []
        ziele: []
        massnahmen: []
        investitionen: []
        geheimhaltung:
          mindestfallzahl: 3

        """
    let szenarien = """
        szenarien:
          status-quo:
            beschreibung: Keine Preissteigerung
            bevoelkerung:
              methode: kohorten
              geburtenziffer: 1.4
              sterblichkeit: 1.0
              wanderungssaldo: {2026: 0}
            preise:
              tarif: 0.0
              sachkosten: 0.0
            massnahmen: []
          best:
            preise: {sachkosten: 0.10}
          worst:
            preise: {tarif: 0.05}

        """
    var bev = "gebiet;geschlecht;alter;anzahl\n", sterbe = "geschlecht;alter;qx\n", wand = "geschlecht;alter;anteil\n"
    for g in ["w", "m"] {
        for a in 0...100 {
            bev += "gesamt;\(g);\(a);100\n"
            sterbe += "\(g);\(a);\(a == 100 ? "0,5" : "0,01")\n"
            wand += "\(g);\(a);\(a == 30 ? "0,5" : "0")\n"
        }
    }
    var frucht = "alter;rate\n"
    for a in 15...49 { frucht += "\(a);0,04\n" }
    let ist = """
        jahr;produkt;groesse;wert
        2025;31.1.01;transferaufwendungen;400000
        2025;31.1.01;kostenerstattungen;100000
        2025;31.1.02;aufwendungen_sach_dienstleistungen;500000
        2025;36.2.01;personalaufwendungen;200000
        2025;36.2.02;oeffentlich_rechtliche_leistungsentgelte;50000

        """
    return [
        ("modell.yaml", modell), ("szenarien.yaml", szenarien), ("bevoelkerung.csv", bev), ("ist.csv", ist),
        ("sterbetafel.csv", sterbe), ("fruchtbarkeit.csv", frucht), ("wanderung.csv", wand),
    ]
}
