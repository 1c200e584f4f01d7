import Foundation
import EckwertTestSupport
import Testing
@testable import EckwertCore

// A published budget: the Bielefeld Doppel-Haushaltsplan 2010/2011, Produktgruppe 11.05.01 Grundsicherung für Arbeit
// (Teilergebnisplan as printed), loaded as a model through the real loader. Lines 2 and 6 go into ist.csv as
// written in a German spreadsheet export (thousands dots, decimal comma); line 10 (Ordentliche Erträge) comes from
// the NKF scheme's sum definition and must match the printed figures to the euro.

/// (year, line 2 Zuwendungen und allgemeine Umlagen, line 6 Kostenerstattungen, line 10 as printed).
/// 2009–2011 are the Ansatz columns, 2012–2014 the Planung columns of the printed table.
private let tabelle: [(Int, String, String, Double)] = [
    (2009, "71", "32.667.114,00", 32_667_185),
    (2010, "69", "29.238.328,00", 29_238_397),
    (2011, "69", "31.668.226,00", 31_668_295),
    (2012, "69", "32.145.240,00", 32_145_309),
    (2013, "69", "32.631.139,00", 32_631_208),
    (2014, "69", "33.126.097,00", 33_126_166),
]

private func bielefeld() -> [String: String] {
    let modell = """
        kommune: Bielefeld
        basisjahr: 2014            # the last column of the table
        horizont: 2016
        produkte:
          - nr: "11.05.01"
            name: Grundsicherung für Arbeit
            art: pflicht
        produktgruppen:
          - {nr: "11.05", name: Soziale Leistungen nach SGB II}
        produktbereiche:
          - {nr: "11", name: Soziale Leistungen}
        budgetbereiche:
          - {id: Soziales, name: Dezernat Soziales, produkte: ["11"]}
        """
    let szenarien = """
        szenarien:
          status-quo:
            bevoelkerung: {methode: kohorten}
            preise: {tarif: 0.0, sachkosten: 0.0}
          best: {}
          worst: {}
        """
    var ist = ["jahr;produkt;groesse;wert"]
    for (j, z2, z6, _) in tabelle {
        ist.append("\(j);11.05.01;zuwendungen_umlagen;\(z2)")
        ist.append("\(j);11.05.01;kostenerstattungen;\(z6)")
    }
    return [
        "modell.yaml": modell, "szenarien.yaml": szenarien, "ist.csv": Modellbauer.text(ist),
        "bevoelkerung.csv": Modellbauer.bevoelkerungCSV(gebiete: ["gesamt"]) { _, _, _ in 1000 },
        "sterbetafel.csv": Modellbauer.sterbetafelCSV(q: 0.01),
        "fruchtbarkeit.csv": Modellbauer.fruchtbarkeitCSV(rate: 0.04),
        "wanderung.csv": Modellbauer.wanderungCSV(),
    ]
}

@Suite struct BielefeldTests {
    @Test func ordentlicheErtraegeWieGedruckt() throws {
        let m = try Fixture.modell(bielefeld())
        let ist = Istrechnung.rechnen(m)
        #expect(ist.jahre == [2009, 2010, 2011, 2012, 2013, 2014])
        let z10 = m.zeile("ordentliche_ertraege"), z2 = m.zeile("zuwendungen_umlagen"),
            z6 = m.zeile("kostenerstattungen")
        #expect(m.kontenrahmen.zeilen[z10].nr == "10")
        // Every level holds the one product: Produkt, Produktgruppe 11.05, Produktbereich 11, Budgetbereich, Gesamt.
        let einheiten = m.einheiten
        #expect(einheiten.map(\.ebene) == [.gesamt, .budgetbereich, .produktbereich, .produktgruppe, .produkt])
        for e in einheiten {
            let plan = Teilplan(ist, e.produkte, modell: m)
            for (t, zeile) in tabelle.enumerated() {
                // Whole euros on both sides: exact comparison is allowed.
                #expect(plan.ergebnisplan[z10][t] == zeile.3, "\(e.ebene) \(e.nr) \(zeile.0)")
                #expect(plan.ergebnisplan[z2][t] + plan.ergebnisplan[z6][t] == zeile.3)
            }
        }
        // The printed line 10 values, in order.
        let gruppe = try #require(einheiten.first { $0.ebene == .produktgruppe })
        #expect(
            Teilplan(ist, gruppe.produkte, modell: m).ergebnisplan[z10]
                == [32_667_185, 29_238_397, 31_668_295, 32_145_309, 32_631_208, 33_126_166])
        // No Aufwand: the Ergebnis (line 29) equals the Erträge, and the Zuschussbedarf is their negative.
        let plan = Teilplan(ist, gruppe.produkte, modell: m)
        #expect(plan.ergebnisplan[m.zeile("ergebnis")] == plan.ergebnisplan[z10])
        #expect(plan.zuschuss(m.kontenrahmen) == plan.ergebnisplan[z10].map { -$0 })
    }
}
