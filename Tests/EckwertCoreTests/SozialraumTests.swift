import Foundation
import Testing
@testable import EckwertCore
import EckwertTestSupport

/// Sozialräume (spec section 13): smoothing, the calibrated forecast, the Sozialindex, the allocation, the
/// loader's checks. Expectations are worked out by hand in the comments.
@Suite struct SozialraumTests {
    // Three Sozialräume: R = 1000, 2000, 1000 persons, f = 30, 20, 10 cases; city 60 cases on 4000 persons.
    // r = 0.015; E = 15, 30, 15; θ = 2, 2/3, 2/3; m = 60/60 = 1;
    // s² = (15·1² + 30·(1/3)² + 15·(1/3)²) / 60 = (15 + 10/3 + 5/3) / 60 = 1/3; Ē = 20; σ² = 1/3 − 1/20 = 17/60;
    // k = m / (σ² · r) = 1 / (17/60 · 0.015) = 4000/17 ≈ 235.294 persons.
    @Test func glaettungAutoNachMarshall() {
        let r = Kleinraum.raten(
            f: [30, 20, 10], R: [1000, 2000, 1000], faelleStadt: 60, bezugStadt: 4000, glaettung: .auto)
        #expect(nahe(r.stadtquote, 0.015))
        #expect(nahe(r.m, 1))
        #expect(nahe(r.sigma2 ?? -1, 17.0 / 60))
        let k = 4000.0 / 17
        #expect(nahe(r.k ?? 0, k, abs: 1e-9))
        let erwartet = [(30 + k * 0.015) / (1000 + k), (20 + k * 0.015) / (2000 + k), (10 + k * 0.015) / (1000 + k)]
        #expect(nahe(r.geglaettet, erwartet, abs: 1e-12))
        // Pulled toward the city rate, order kept: 0.02714 < 0.03 raw, 0.01170 > 0.01 raw.
        #expect(r.geglaettet[0] < 0.03 && r.geglaettet[0] > 0.015 && r.geglaettet[1] > 0.01)
        // c reproduces the city's 60 cases.
        let summe = zip(r.geglaettet, [1000.0, 2000, 1000]).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(nahe(r.c, 60 / summe, abs: 1e-12))
        #expect(nahe(zip(r.gewichte, [1000.0, 2000, 1000]).reduce(0) { $0 + $1.0 * $1.1 }, 60))
    }

    // Cases exactly proportional to the population: θ = 1 everywhere, s² = 0, σ² = −m/Ē < 0 → complete pooling.
    @Test func glaettungAutoOhneStreuungPooltVollstaendig() {
        let r = Kleinraum.raten(
            f: [15, 30, 15], R: [1000, 2000, 1000], faelleStadt: 60, bezugStadt: 4000, glaettung: .auto)
        #expect(r.vollstaendigGepoolt)
        #expect(nahe(r.sigma2 ?? 0, 0 - 1.0 / 20))
        #expect(r.geglaettet == [0.015, 0.015, 0.015])
        // Little spread (θ = 1.2, 0.9, 1.0 on small E): s² = (15·0.04 + 30·0.01 + 0)/60 = 0.015 < 1/20 → pooled too.
        let r2 = Kleinraum.raten(
            f: [18, 27, 15], R: [1000, 2000, 1000], faelleStadt: 60, bezugStadt: 4000, glaettung: .auto)
        #expect(r2.vollstaendigGepoolt && r2.geglaettet == [0.015, 0.015, 0.015])
    }

    @Test func glaettungGegebenUndNull() {
        // k = 1000: (30 + 15)/2000 = 0.0225, (20 + 15)/3000 = 0.011667, (10 + 15)/2000 = 0.0125.
        let r = Kleinraum.raten(
            f: [30, 20, 10], R: [1000, 2000, 1000], faelleStadt: 60, bezugStadt: 4000,
            glaettung: .staerke(1000))
        #expect(nahe(r.geglaettet, [0.0225, 35.0 / 3000, 0.0125], abs: 1e-12))
        // c = 60 / (22.5 + 23.333 + 12.5) = 60 / 58.3333 = 1.028571.
        #expect(nahe(r.c, 60 / (22.5 + 35.0 / 1.5 + 12.5), abs: 1e-12))
        // k = 0: the raw rates; with 6 of 66 city cases without a Sozialraum, c = 66/60 = 1.1.
        let roh = Kleinraum.raten(
            f: [30, 20, 10], R: [1000, 2000, 1000], faelleStadt: 66, bezugStadt: 4000,
            glaettung: .staerke(0))
        #expect(nahe(roh.geglaettet, [0.03, 0.01, 0.01], abs: 1e-15))
        #expect(nahe(roh.c, 1.1, abs: 1e-12))
        // A Sozialraum without reference population and no smoothing has no rate of its own: the city rate.
        let leer = Kleinraum.raten(
            f: [0, 20], R: [0, 2000], faelleStadt: 20, bezugStadt: 2000, glaettung: .staerke(0))
        #expect(leer.geglaettet == [0.01, 0.01])
    }

    // Indicator A (belastend, weight 2): 10, 20, 30 → mean 20, sd √(200/3) = 8.16497, z = −1.22474, 0, 1.22474.
    // Indicator B (entlastend, weight 1): 5, 5, 8 → mean 6, sd √2, z = −0.70711, −0.70711, 1.41421, sign −1.
    // index = (2·zA − zB) / 3 = (−2.44949 + 0.70711)/3, (0 + 0.70711)/3, (2.44949 − 1.41421)/3
    //       = −0.580794, 0.235702, 0.345092.
    @Test func sozialindexDreiSozialraeume() {
        let index = Kleinraum.sozialindex([
            .init(werte: [10, 20, 30], gewicht: 2, vorzeichen: 1),
            .init(werte: [5, 5, 8], gewicht: 1, vorzeichen: -1),
        ])
        #expect(nahe(index, [-0.580794, 0.235702, 0.345092], abs: 1e-6))
        #expect(Kleinraum.rang(index) == [3, 2, 1])
        // An indicator without spread contributes 0 but keeps its weight in the divisor.
        let flach = Kleinraum.sozialindex([
            .init(werte: [10, 20, 30], gewicht: 1, vorzeichen: 1),
            .init(werte: [4, 4, 4], gewicht: 1, vorzeichen: 1),
        ])
        #expect(nahe(flach, [-1.224745 / 2, 0, 1.224745 / 2], abs: 1e-6))
    }

    @Test func verteilungNachGroesstemRest() {
        // 1.000 € in three equal parts: 333,33 each; the one remaining euro goes to the first.
        #expect(Kleinraum.groessterRest(1000, gewichte: [1, 1, 1]) == [334, 333, 333])
        // 101 € by 0.5/0.3/0.2: quotas 50.5, 30.3, 20.2 → 50, 30, 20 and the rest to the largest remainder 0.5.
        #expect(Kleinraum.groessterRest(101, gewichte: [0.5, 0.3, 0.2]) == [51, 30, 20])
        // 10 € by 0.34/0.33/0.33: quotas 3.4, 3.3, 3.3 → 3, 3, 3 and one euro to 0.4.
        #expect(Kleinraum.groessterRest(10, gewichte: [0.34, 0.33, 0.33]) == [4, 3, 3])
        // Weights: R · max(0, 1 + α·index): 1000·(1 − 0.5·0.580794) = 709.603, 2000·1.117851 = 2235.702,
        // 1000·1.172546 = 1172.546; sum 4117.851; 500.000 € → quotas 86.161,81 / 271.464,65 / 142.373,53:
        // floors 86.161 + 271.464 + 142.373 = 499.998, the two euros left go to the remainders 0,81 and 0,65.
        let w = Kleinraum.verteilungsgewichte(
            bezug: [1000, 2000, 1000], index: [-0.580794, 0.235702, 0.345092],
            staerke: 0.5)
        #expect(nahe(w, [709.603, 2235.702, 1172.546], abs: 1e-9))
        let euro = Kleinraum.groessterRest(500_000, gewichte: w)
        #expect(euro.reduce(0, +) == 500_000)
        #expect(euro == [86_162, 271_465, 142_373])
        // A strongly unburdened area is floored at 0, never negative.
        #expect(Kleinraum.verteilungsgewichte(bezug: [100], index: [-3], staerke: 0.5) == [0])
    }

    // Fixture.klein with Sozialraum cases of product A (ages 0–17, 360 city cases in 2024): S1 300, S2 40 (20
    // cases without a Sozialraum). R_S1 = 60·2·18 = 2160, R_S2 = 1440. Raw rates (glaettung 0): c = 360/340.
    // In 2025 (k = 1) every cell grows by 10 %, trend 5 %, M1 not yet active:
    // F_S1 = 360/340 · 300/2160 · 2376 · 1.05 = 360/340 · 300 · 1.1 · 1.05, F_S2 = 360/340 · 40 · 1.155.
    @Test func basisjahrExaktUndStadtGleichSummeDerSozialraeume() throws {
        var d = Modellbauer.klein().dateien
        d["modell.yaml"] = d["modell.yaml"]?.replacingOccurrences(
            of: "fallzahl: {bezug: {alter: [0, 17]}, quote: ist}",
            with: "fallzahl: {bezug: {alter: [0, 17]}, quote: ist, glaettung: 0}")
        d["faelle_gebiete.csv"] = "jahr;gebiet;produkt;faelle\n2024;S1;31.1.01;300\n2024;S2;31.1.01;40\n"
        let m = try Fixture.modell(d)
        let p = Projektion(m)
        let e = p.rechnen(try #require(m.szenario("status-quo")))
        let a = e.produkte[0]
        let jeGebiet = try #require(a.gebietsfaelle)
        let F = try #require(a.faelle)
        #expect(F[0] == 360)
        #expect(nahe(jeGebiet[0][0] + jeGebiet[1][0], 360, abs: 1e-9))
        for t in 0..<F.count { #expect(nahe(F[t], jeGebiet[0][t] + jeGebiet[1][t], abs: 1e-9)) }
        #expect(nahe(jeGebiet[0][1], 360.0 / 340 * 300 * 1.1 * 1.05, abs: 1e-9))
        #expect(nahe(jeGebiet[1][1], 360.0 / 340 * 40 * 1.1 * 1.05, abs: 1e-9))
        // The lean Monte-Carlo arithmetic gives the same cases.
        let s = try #require(m.szenario("status-quo"))
        let pop = p.bevoelkerung(s.bevoelkerung).jahre
        let J = p.n - 1
        var z = [Double](repeating: 0, count: m.produkte.count * J), f = z
        Schnellrechnung(p).rechnen(Rechenannahmen(modell: m, szenario: s), pop, zuschuss: &z, faelle: &f)
        for t in 1...J { #expect(nahe(f[t - 1], F[t], abs: 1e-9 * F[t])) }
        // Long format: gebiet rows and the Basisjahr rate.
        let zeilen = Langformat.zeilen(m, e) + Langformat.sozialraumIst(m, p)
        #expect(
            zeilen.contains {
                $0.nr == "S1/31.1.01" && $0.groesse == "faelle" && $0.jahr == 2025 && $0.ebene == .gebiet
            })
        let quote = try #require(zeilen.first { $0.nr == "S2/31.1.01" && $0.groesse == "quote" })
        #expect(nahe(quote.wert, 40.0 / 1440, abs: 1e-15) && quote.szenario == "ist" && quote.jahr == 2024)
    }

    @Test func warnungenFuerUnplausibleSozialraumFaelle() throws {
        var d = Modellbauer.klein().dateien
        // S2 has 1440 persons aged 0–17; 1500 cases exceed them, and 1800 > 360 city cases.
        d["faelle_gebiete.csv"] = "jahr;gebiet;produkt;faelle\n2024;S1;31.1.01;300\n2024;S2;31.1.01;1500\n"
        let r = try Modellbauer(d).laden()
        let w = r.diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(w.contains { $0.contains("Gebiet S2") && $0.contains("Bezugsbevölkerung") })
        #expect(w.contains { $0.contains("mehr als die 360 Fälle der Stadt") })
        #expect(!r.hatFehler)
        // A Sozialraum missing in the Basisjahr, an unknown gebiet and an unknown product are errors.
        d["faelle_gebiete.csv"] =
            "jahr;gebiet;produkt;faelle\n2024;S1;31.1.01;300\n2024;X9;31.1.01;3\n2024;S1;99.9.99;1\n"
        let f = try Modellbauer(d).laden()
        let e = f.diagnostics.filter { $0.severity == .error }
        #expect(e.contains { $0.message.contains("fehlen Fallzahlen der Sozialräume S2") })
        #expect(e.contains { $0.message.contains("Gebiet 'X9'") && $0.location?.line == 3 })
        #expect(e.contains { $0.message.contains("Produkt '99.9.99'") && $0.location?.line == 4 })
    }

    @Test func sozialindexUndVerteilungAusDemModell() throws {
        var d = Modellbauer.klein().dateien
        d["modell.yaml"] =
            (d["modell.yaml"] ?? "") + """

                indikatoren:
                  - {id: sgb2, name: SGB-II-Quote, einheit: "%", richtung: belastend}
                  - {id: abi, name: Abiturquote, einheit: "%", richtung: entlastend}
                sozialindex: {jahr: 2024, indikatoren: [{id: sgb2, gewicht: 2}, {id: abi, gewicht: 1}]}
                verteilungen:
                  - {id: V1, name: Sozialraumbudget, betrag: 1001, bezug: {alter: [0, 17]}, staerke: 0.5}

                """
        d["indikatoren.csv"] =
            "jahr;gebiet;indikator;wert\n2024;S1;sgb2;20\n2024;S2;sgb2;10\n2024;S1;abi;30\n2024;S2;abi;50\n"
        let m = try Fixture.modell(d)
        // Two areas: z = ±1 for each indicator; S1 is burdened on both: index (2·1 + 1·1)/3 = 1, S2 −1.
        #expect(nahe(try #require(Kleinraum.sozialindex(m)), [1, -1]))
        // Weights 2160 · 1.5 = 3240 and 1440 · 0.5 = 720; quotas 1001·3240/3960 = 819 and 1001·720/3960 = 182.
        let v = try #require(Kleinraum.verteilungen(m).first)
        #expect(v.euro == [819, 182])
        let z = Langformat.sozialraumIst(m, Projektion(m))
        #expect(z.contains { $0.nr == "S1" && $0.groesse == "sozialindex" && $0.jahr == 2024 && nahe($0.wert, 1) })
        #expect(z.contains { $0.nr == "S2" && $0.groesse == "verteilung:V1" && $0.wert == 182 })
    }
}

@Suite struct SozialraumFormelTests {
    @Test func faelleUndIndikatorJeSozialraum() throws {
        let a = try Formelparser.parse("faelle(\"31.1.01\", gebiet=\"S1\") / bev(gebiet=\"S1\") + indikator(\"sgb2\")")
        let erwartet: [Aufruf] = [
            .faelleGebiet("31.1.01", "S1"), .bev(BevAuswahl(gebiet: "S1")), .indikator("sgb2", nil),
        ]
        let gelesen: [Aufruf] = a.aufrufe.map(\.aufruf)
        #expect(gelesen == erwartet)
        #expect(Aufruf.faelleGebiet("31.1.01", "S1").text == "faelle(\"31.1.01\", gebiet=\"S1\")")
        #expect(throws: Formelfehler.self) { try Formelparser.parse("faelle(\"31.1.01\", alter=\"S1\")") }
        var d = Modellbauer.klein().dateien
        d["modell.yaml"] =
            (d["modell.yaml"] ?? "") + """

                indikatoren:
                  - {id: sgb2, name: SGB-II-Quote, richtung: belastend}
                kennzahlen:
                  - id: KS1
                    name: Fälle S1
                    formel: faelle("31", gebiet="S1")
                  - id: KI
                    name: SGB II S2
                    formel: indikator("sgb2", gebiet="S2") + indikator("sgb2")

                """
        d["faelle_gebiete.csv"] = "jahr;gebiet;produkt;faelle\n2024;S1;31.1.01;300\n2024;S2;31.1.01;40\n"
        d["indikatoren.csv"] = "jahr;gebiet;indikator;wert\n2024;S1;sgb2;20\n2024;S2;sgb2;10\n"
        let m = try Fixture.modell(d)
        let ist = Kennzahlrechnung.werte(m, Istrechnung.rechnen(m))
        // Ist 2024: 300 cases in S1; indicator 10 + mean(20, 10) = 25.
        #expect(ist["KS1"]?.last == 300)
        #expect(ist["KI"]?.last == 25)
        let e = Projektion(m).rechnen(try #require(m.szenario("status-quo")))
        let prognose = Kennzahlrechnung.werte(m, e)
        let jeGebiet = try #require(e.produkte[0].gebietsfaelle)
        #expect(prognose["KS1"]?[2] == jeGebiet[0][2])
        #expect(prognose["KI"]?[2] == nil)  // no indicator values in forecast years: n. v.
        // An unknown gebiet in a formula is an error of the model.
        d["modell.yaml"] = d["modell.yaml"]?.replacingOccurrences(of: "gebiet=\"S1\")\n", with: "gebiet=\"S9\")\n")
        #expect(try Modellbauer(d).laden().diagnostics.contains { $0.message.contains("S9") && $0.severity == .error })
    }
}
