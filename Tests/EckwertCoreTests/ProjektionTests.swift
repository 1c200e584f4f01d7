import Foundation
import EckwertTestSupport
import Testing
@testable import EckwertCore

// The drivers and indexing of modellformat.md section 5, scenario inheritance (section 4), measures (section 6),
// the effect decomposition, the lean Schnellrechnung and the uncertainty run. Small-model expectations are
// computed by hand below (each factor written out); Musterstadt checks are identities that must hold for every
// product, unit, scenario and year.

private let jahre = [2024, 2025, 2026, 2027, 2028]

/// Hand calculation of the small model (`Modellbauer.klein`), status-quo, years 2024…2028 (index 0 = Basisjahr).
private enum Hand {
    // Prices: tarif path {2025: 0.03, 2027: 0.05} → 2026 interpolated 0.04, 2028 held at 0.05; sachkosten 0.02.
    static let tarif = [0, 0.03, 0.04, 0.05, 0.05]
    static let sach = [0, 0.02, 0.02, 0.02, 0.02]
    static func index(_ raten: [Double]) -> [Double] {
        var x = 1.0
        return raten.enumerated().map { t, r in
            if t > 0 { x *= 1 + r }; return x
        }
    }
    static let tarifIndex = index(tarif)  // 1, 1.03, 1.0712, 1.12476, 1.180998
    static let sachIndex = index(sach)  // 1, 1.02, 1.0404, …

    // Product A: R = 2 sexes · 18 ages · (100 + 10k); r(B) = 360 / 3600 = 0.1; quote_trend 0.05; measure M1 factor
    // 1 (2025), 1 − 0.1 · 1/2 = 0.95 (2026), 0.9 (2027, 2028).
    static let rA = [3600.0, 3960, 4320, 4680, 5040]
    static let wirkung = [1, 1, 0.95, 0.9, 0.9]
    static let quoteA = (0..<5).map { t in 0.1 * pow(1.05, Double(t)) * wirkung[t] }
    static let faelleA = (0..<5).map { t in t == 0 ? 360 : quoteA[t] * rA[t] }
    // k(B) = 360000 / 360 = 1000; k(t) = k(t−1) · (1 + 0.5 · tarif + 0.5 · sach).
    static let kA: [Double] = {
        var k = [1000.0]
        for t in 1..<5 { k.append(k[t - 1] * (1 + 0.5 * tarif[t] + 0.5 * sach[t])) }
        return k
    }()
    static let transferA = (0..<5).map { t in t == 0 ? 360_000 : faelleA[t] * kA[t] }
    static let erstattungA = (0..<5).map { t in t == 0 ? 90_000 : 0.25 * transferA[t] }
    static let personalA = tarifIndex.map { 50_000 * $0 }
    static let sachA = sachIndex.map { 20_000 * $0 }
    static let aufwandA = (0..<5).map { personalA[$0] + sachA[$0] + transferA[$0] + 7000 }
    static let ertragA = (0..<5).map { 3000 + erstattungA[$0] }

    // Product C: rate path per 1.000: 500 held before 2025, 600 in 2026 (linear), 700 from 2027 (held after).
    static let quoteC = [0.5, 0.5, 0.6, 0.7, 0.7]
    static let rC = [600.0, 660, 720, 780, 840]  // 2 · 3 ages · (100 + 10k)
    static let faelleC = (0..<5).map { t in t == 0 ? 300 : quoteC[t] * rC[t] }  // 300, 330, 432, 546, 588
    static let kC = sachIndex.map { 2000 * $0 }  // personalanteil 0: prices only
    static let transferC = (0..<5).map { t in t == 0 ? 600_000 : faelleC[t] * kC[t] }
    static let personalC = tarifIndex.map { 10_000 * $0 }
    // Investment I1 in operation from 2027: AfA 300.000/10, Auflösung (0.5 · 300.000)/10, Folgekosten 12.000 then
    // + sachkosten.
    static let afaC = [0, 0, 0, 30_000.0, 30_000]
    static let sonderpostenC = [0, 0, 0, 15_000.0, 15_000]
    static let folgekostenC = [0, 0, 0, 12_000, 12_000 * 1.02]
    static let aufwandC = (0..<5).map { personalC[$0] + transferC[$0] + afaC[$0] + folgekostenC[$0] }
    static let ertragC = sonderpostenC

    // Product B: no driver; M1's own cost 1.000 in 2025, then + sachkosten each year.
    static let massnahmeB = [0, 1000, 1000 * 1.02, 1000 * 1.02 * 1.02, 1000 * 1.02 * 1.02 * 1.02]
    static let aufwandB = (0..<5).map { 40_000 * tarifIndex[$0] + 10_000 * sachIndex[$0] + massnahmeB[$0] }
    static let ertragB = [Double](repeating: 5000, count: 5)
}

private func summe(_ reihen: [Double]...) -> [Double] {
    (0..<reihen[0].count).map { t in reihen.reduce(0) { $0 + $1[t] } }
}

@Suite struct ProjektionTests {
    @Test func szenarienErbenVonStatusQuo() throws {
        let m = try Fixture.modell(.klein())
        let sq = try #require(m.szenario("status-quo")), best = try #require(m.szenario("best"))
        let worst = try #require(m.szenario("worst"))
        // best omits bevoelkerung and tarif: inherited.
        #expect(best.bevoelkerung.methode == .vorausberechnung && best.bevoelkerung.variante == "v")
        #expect(best.preise.tarif == Zeitpfad([2025: 0.03, 2027: 0.05]))
        #expect(best.preise.sachkosten == Zeitpfad(konstant: 0.01))
        // Maps merge key by key: best writes only erstattung_anteil for 31.1.01, quote_trend comes from status-quo.
        #expect(best.produkte["31.1.01"] == Szenario.ProduktAnnahmen(quoteTrend: 0.05, erstattungAnteil: 0.5))
        #expect(best.massnahmen == ["M1"])
        // A path is replaced whole: worst's tarif {2026: 0.06} is 0.06 in every year, nothing of status-quo's path.
        #expect(worst.preise.tarif == Zeitpfad([2026: 0.06]))
        #expect(jahre.map { worst.preise.tarif.wert($0) } == [0.06, 0.06, 0.06, 0.06, 0.06])
        // massnahmen: [] switches all measures off.
        #expect(worst.massnahmen == [])
        #expect(sq.massnahmen == ["M1"])
        #expect(worst.produkte["31.1.01"] == Szenario.ProduktAnnahmen(quoteTrend: 0.05))
    }

    @Test func treiberUndFortschreibungVonHand() throws {
        let m = try Fixture.modell(.klein())
        let e = Projektion(m).rechnen(try #require(m.szenario("status-quo")))
        #expect(e.jahre == jahre)
        let a = e.produkte[0], c = e.produkte[1], b = e.produkte[2]
        let z = { (key: String) in m.zeile(key) }
        // A: quote: ist with quote_trend and measure effect; cost per case with personalanteil and the tarif path.
        #expect(nahe(try #require(a.bezug), Hand.rA))
        #expect(nahe(try #require(a.quote), Hand.quoteA, abs: 1e-12))
        #expect(nahe(try #require(a.faelle), Hand.faelleA, abs: 1e-9))
        #expect(nahe(try #require(a.fallkosten), Hand.kA, abs: 1e-9))
        // Spot values by hand: 2025 F = 0.105 · 3960 = 415.8, k = 1000 · 1.025 = 1025, A = 426.195.
        #expect(nahe(a.faelle?[1] ?? 0, 415.8, abs: 1e-9))
        #expect(nahe(a.ergebnisplan[z("transferaufwendungen")][1], 426_195))
        #expect(nahe(a.ergebnisplan[z("kostenerstattungen")][1], 106_548.75))
        #expect(nahe(a.ergebnisplan[z("transferaufwendungen")], Hand.transferA))
        #expect(nahe(a.ergebnisplan[z("kostenerstattungen")], Hand.erstattungA))
        // Other lines: personal with tarif (2026 uses the interpolated 0.04), Sach with sachkosten, the rest unchanged.
        #expect(nahe(a.ergebnisplan[z("personalaufwendungen")], [50_000, 51_500, 53_560, 56_238, 59_049.9]))
        #expect(nahe(a.ergebnisplan[z("aufwendungen_sach_dienstleistungen")], Hand.sachA))
        #expect(a.ergebnisplan[z("sonstige_ordentliche_aufwendungen")] == [7000, 7000, 7000, 7000, 7000])
        #expect(a.ergebnisplan[z("zuwendungen_umlagen")] == [3000, 3000, 3000, 3000, 3000])
        #expect(nahe(a.ergebnisplan[z("ordentliche_aufwendungen")], Hand.aufwandA))
        #expect(nahe(a.ergebnisplan[z("ordentliche_ertraege")], Hand.ertragA))
        #expect(nahe(a.ergebnisplan[z("ergebnis")], (0..<5).map { Hand.ertragA[$0] - Hand.aufwandA[$0] }))
        // C: quote_je_1000 path, held constant before 2025 and after 2027; a given cost per case.
        #expect(nahe(try #require(c.quote), Hand.quoteC, abs: 1e-12))
        #expect(nahe(try #require(c.faelle), [300, 330, 432, 546, 588], abs: 1e-9))
        #expect(nahe(c.ergebnisplan[z("transferaufwendungen")], Hand.transferC))
        #expect(nahe(c.ergebnisplan[z("ordentliche_aufwendungen")], Hand.aufwandC))
        #expect(nahe(c.ergebnisplan[z("ordentliche_ertraege")], Hand.ertragC))
        // B: indexed lines and the measure's own cost growing with sachkosten.
        #expect(nahe(b.ergebnisplan[z("transferaufwendungen")], Hand.massnahmeB))
        #expect(nahe(b.ergebnisplan[z("ordentliche_aufwendungen")], Hand.aufwandB))
    }

    @Test func summenAufJederEbene() throws {
        let m = try Fixture.modell(.klein())
        let e = Projektion(m).rechnen(try #require(m.szenario("status-quo")))
        let auf = m.zeile("ordentliche_aufwendungen"), ert = m.zeile("ordentliche_ertraege")
        let hand: [String: ([Double], [Double])] = [
            "produkt 31.1.01": (Hand.aufwandA, Hand.ertragA),
            "produkt 31.2.01": (Hand.aufwandC, Hand.ertragC),
            "produkt 36.1.01": (Hand.aufwandB, Hand.ertragB),
            "produktgruppe 31.1": (Hand.aufwandA, Hand.ertragA),
            "produktgruppe 31.2": (Hand.aufwandC, Hand.ertragC),
            "produktgruppe 36.1": (Hand.aufwandB, Hand.ertragB),
            "produktbereich 31": (summe(Hand.aufwandA, Hand.aufwandC), summe(Hand.ertragA, Hand.ertragC)),
            "produktbereich 36": (Hand.aufwandB, Hand.ertragB),
            "budgetbereich B1": (summe(Hand.aufwandA, Hand.aufwandB), summe(Hand.ertragA, Hand.ertragB)),
            "budgetbereich B2": (Hand.aufwandC, Hand.ertragC),
            "gesamt ": (
                summe(Hand.aufwandA, Hand.aufwandB, Hand.aufwandC), summe(Hand.ertragA, Hand.ertragB, Hand.ertragC)
            ),
        ]
        let einheiten = m.einheiten
        #expect(Set(einheiten.map { "\($0.ebene.rawValue) \($0.nr)" }) == Set(hand.keys))
        for einheit in einheiten {
            let (a, er) = try #require(hand["\(einheit.ebene.rawValue) \(einheit.nr)"])
            let plan = Teilplan(e, einheit.produkte, modell: m)
            #expect(nahe(plan.ergebnisplan[auf], a), "\(einheit.ebene) \(einheit.nr)")
            #expect(nahe(plan.ergebnisplan[ert], er), "\(einheit.ebene) \(einheit.nr)")
            #expect(nahe(plan.zuschuss(m.kontenrahmen), (0..<5).map { a[$0] - er[$0] }))
        }
    }

    @Test func erstattungsanteilDesSzenarios() throws {
        let m = try Fixture.modell(.klein())
        let p = Projektion(m)
        let best = p.rechnen(try #require(m.szenario("best")))
        // best: erstattung_anteil 0.5 replaces the product's 0.25; sachkosten 0.01 changes k: 1 + 0.5·tarif + 0.5·0.01.
        var k = 1000.0
        let tarif = Hand.tarif
        for t in 1..<5 {
            k *= 1 + 0.5 * tarif[t] + 0.5 * 0.01
            let aufwand = Hand.faelleA[t] * k  // same cases: same population, trend and measure
            #expect(nahe(best.produkte[0].ergebnisplan[m.zeile("transferaufwendungen")][t], aufwand))
            #expect(nahe(best.produkte[0].ergebnisplan[m.zeile("kostenerstattungen")][t], 0.5 * aufwand))
        }
        // worst: measures off (factor 1), tarif 0.06 every year.
        let worst = p.rechnen(try #require(m.szenario("worst")))
        #expect(
            nahe(
                try #require(worst.produkte[0].faelle),
                (0..<5).map { t in t == 0 ? 360 : 0.1 * pow(1.05, Double(t)) * Hand.rA[t] }, abs: 1e-9))
        #expect(nahe(worst.produkte[2].ergebnisplan[m.zeile("transferaufwendungen")], [0, 0, 0, 0, 0]))
        #expect(
            nahe(
                worst.produkte[2].ergebnisplan[m.zeile("personalaufwendungen")],
                [40_000, 42_400, 44_944, 47_640.64, 50_499.0784]))
    }

    @Test func massnahmenbilanzUndAmortisation() throws {
        let m = try Fixture.modell(.klein())
        let p = Projektion(m)
        let sq = try #require(m.szenario("status-quo"))
        let pop = p.bevoelkerung(sq.bevoelkerung).jahre
        let bilanz = try #require(Massnahmenrechnung.bilanzen(p, szenario: sq, bevoelkerung: pop).first)
        #expect(bilanz.jahre == [2025, 2026, 2027, 2028])
        #expect(nahe(bilanz.kosten, Array(Hand.massnahmeB.dropFirst())))
        // Minderaufwand: A's net cost without − with the effect = (F_ohne − F_mit) · k · (1 − 0.25).
        let minder = (1..<5).map { t in
            let ohne = 0.1 * pow(1.05, Double(t)) * Hand.rA[t]
            return (ohne - Hand.faelleA[t]) * Hand.kA[t] * 0.75
        }
        #expect(minder[0] == 0)
        #expect(nahe(bilanz.minderaufwand, minder))
        // 2025: −1.000; 2026: (476.28 − 452.466) · 1055.75 · 0.75 = 18.856,… − 1.020 → cumulated positive in 2026.
        #expect(nahe(minder[1], (476.28 - 452.466) * 1055.75 * 0.75, abs: 1e-6))
        #expect(nahe(bilanz.kumuliert[0], -1000))
        #expect(bilanz.kumuliert[1] > 0)
        #expect(bilanz.amortisation == 2026)
        // With a cost no saving can repay: "nicht im Planungszeitraum" (nil).
        var teuer = m
        teuer.massnahmen[0].kosten.jaehrlich = 1_000_000
        let pt = Projektion(teuer)
        let b2 = try #require(Massnahmenrechnung.bilanzen(pt, szenario: sq, bevoelkerung: pop).first)
        #expect(b2.kumuliert.allSatisfy { $0 < 0 })
        #expect(b2.amortisation == nil)
    }

    /// A run's products share one set of work rows (`Projektion.Arbeitsplatz`): in any order each product's plan is
    /// the hand calculation's. C books an investment (AfA, Folgekosten, Sonderposten into the Finanzplan) and B a
    /// measure's own cost: rows that must not stay behind for the product after them.
    @Test func arbeitsplatzInJederReihenfolge() throws {
        let m = try Fixture.modell(.klein())
        let p = Projektion(m)
        let sq = try #require(m.szenario("status-quo"))
        let a = Rechenannahmen(modell: m, szenario: sq)
        let summen = p.bezugssummen(p.bevoelkerung(sq.bevoelkerung).jahre)
        let z = { (key: String) in m.zeile(key) }
        var platz = Projektion.Arbeitsplatz(p, a)
        // Order C, B, A, C: each product after another one's rows.
        let folge = [1, 2, 0, 1].map { p.produkt($0, a, summen, &platz) }
        let c = folge[0], b = folge[1], pa = folge[2]
        #expect(nahe(c.ergebnisplan[z("ordentliche_aufwendungen")], Hand.aufwandC))
        #expect(nahe(c.ergebnisplan[z("ordentliche_ertraege")], Hand.ertragC))
        #expect(nahe(b.ergebnisplan[z("transferaufwendungen")], Hand.massnahmeB))
        #expect(nahe(b.ergebnisplan[z("ordentliche_aufwendungen")], Hand.aufwandB))
        #expect(b.ergebnisplan[z("ordentliche_ertraege")] == Hand.ertragB)
        #expect(nahe(pa.ergebnisplan[z("transferaufwendungen")], Hand.transferA))
        #expect(nahe(pa.ergebnisplan[z("ordentliche_aufwendungen")], Hand.aufwandA))
        #expect(nahe(pa.ergebnisplan[z("ordentliche_ertraege")], Hand.ertragA))
        // Every row of each product, Finanzplan included, is bit for bit the one it has in work rows of its own.
        func bits(_ e: Produktergebnis) -> [[UInt64]] { (e.ergebnisplan + e.finanzplan).map { $0.map(\.bitPattern) } }
        for (i, e) in zip([1, 2, 0, 1], folge) {
            #expect(bits(e) == bits(p.produkt(i, a, summen)), "Produkt \(i)")
        }
    }

    /// A scenario's products computed in pieces side by side (`rechnen(_:teile:)`, as `eckwert forecast` does) give
    /// the run of the products one after another, row for row and bit for bit, in model order — also with more
    /// pieces than cores and with more pieces than products.
    @Test func inStueckenWieNacheinander() throws {
        let m = try #require(Musterstadt.modell)
        let p = Projektion(m)
        #expect(m.produkte.count > 3)
        for s in m.szenarien {
            let einzeln = p.rechnen(s)
            let reihe = Langformat.csv(Langformat.zeilen(m, einzeln))
            for teile in [2, 3, m.produkte.count, m.produkte.count + 1] {
                let e = p.rechnen(s, teile: teile)
                #expect(e.produkte.map(\.nr) == m.produkte.map(\.nr), "\(s.name), \(teile) Teile")
                #expect(Langformat.csv(Langformat.zeilen(m, e)) == reihe, "\(s.name), \(teile) Teile")
            }
        }
    }

    /// The measure factor by measure index (the run's `Arbeitsplatz.aktiv`) is the one by id: A's effect M1 by hand
    /// in status-quo, none in worst (which switches every measure off).
    @Test func wirkungsfaktorNachIndex() throws {
        let m = try Fixture.modell(.klein())
        let p = Projektion(m)
        for (name, erwartet) in [("status-quo", Hand.wirkung), ("worst", [1.0, 1, 1, 1, 1])] {
            let a = Rechenannahmen(modell: m, szenario: try #require(m.szenario(name)))
            let aktiv = Projektion.Arbeitsplatz.aktiv(m, a)
            for t in 0..<5 {
                #expect(nahe(p.wirkungsfaktor(0, aktiv, t), erwartet[t], abs: 1e-15), "\(name) \(t)")
                #expect(p.wirkungsfaktor(0, aktiv, t).bitPattern == p.wirkungsfaktor(0, a, t).bitPattern)
            }
        }
    }

    @Test func massnahmenfaktorMitRampe() {
        let w = Massnahme.Wirkung(produkt: "x", quote: -0.12, ab: 2026, rampe: 3)
        // 1 + q · min(1, (t − ab + 1)/rampe): 2025 before → 1; 2026 1/3; 2027 2/3; 2028 and later full.
        #expect(w.faktor(2025) == 1)
        #expect(nahe(w.faktor(2026), 0.96, abs: 1e-15))
        #expect(nahe(w.faktor(2027), 0.92, abs: 1e-15))
        #expect(nahe(w.faktor(2028), 0.88, abs: 1e-15))
        #expect(nahe(w.faktor(2031), 0.88, abs: 1e-15))
    }

    /// On top of `kapazitaetJeSozialraum`, by hand: an investment without a Sozialraum adds its places to the city
    /// only, one in S2 to S2 and the city, one without places adds nothing (each from its year on).
    @Test func kapazitaetMitStadtweitenInvestitionen() throws {
        var m = try Fixture.modell(.klein())
        let nr = m.produkte[1].nr
        let i1 = try #require(m.investitionen.first { $0.produkt == nr && $0.gebiet == "S1" })
        var stadt = i1, ohne = i1, s2 = i1
        (stadt.id, stadt.gebiet, stadt.plaetze, stadt.inbetriebnahmeJahr) = ("IS", nil, 12, 2026)
        (ohne.id, ohne.gebiet, ohne.plaetze, ohne.inbetriebnahmeJahr) = ("IO", "S2", nil, 2025)
        (s2.id, s2.gebiet, s2.plaetze, s2.inbetriebnahmeJahr) = ("I2", "S2", 5, 2028)
        m.investitionen += [stadt, ohne, s2]
        let e = Projektion(m).rechnen(try #require(m.szenario("status-quo")))
        let kap = try #require(e.produkte[1].kapazitaet)
        #expect(kap.gebiete.first { $0.gebiet == "S1" }?.plaetze == [200, 200, 200, 230, 230])
        #expect(kap.gebiete.first { $0.gebiet == "S2" }?.plaetze == [150, 150, 150, 150, 155])
        #expect(kap.plaetze == [350, 350, 362, 392, 397])
    }

    @Test func kapazitaetJeSozialraum() throws {
        let m = try Fixture.modell(.klein())
        let e = Projektion(m).rechnen(try #require(m.szenario("status-quo")))
        let kap = try #require(e.produkte[1].kapazitaet)
        let s1 = try #require(kap.gebiete.first { $0.gebiet == "S1" }),
            s2 = try #require(kap.gebiete.first { $0.gebiet == "S2" })
        // Demand = rate · R per Sozialraum: S1 R = 2·3·(60+6k), S2 R = 2·3·(40+4k). I1's 30 places in S1 from 2027.
        #expect(nahe(Array(s1.bedarf.dropFirst()), [198, 259.2, 327.6, 352.8], abs: 1e-9))
        #expect(s1.plaetze == [200, 200, 200, 230, 230])
        #expect(nahe(Array(s1.luecke.dropFirst()), [0, 59.2, 97.6, 122.8], abs: 1e-9))
        #expect(nahe(Array(s2.bedarf.dropFirst()), [132, 172.8, 218.4, 235.2], abs: 1e-9))
        #expect(s2.plaetze == [150, 150, 150, 150, 150])
        #expect(nahe(Array(s2.luecke.dropFirst()), [0, 22.8, 68.4, 85.2], abs: 1e-9))
        // The city's gap is the sum of the Sozialräume's gaps.
        #expect(nahe(Array(kap.luecke.dropFirst()), [0, 82, 166, 208], abs: 1e-9))
        #expect(kap.plaetze == [350, 350, 350, 380, 380])
        // Indicative investments: the largest gap, rounded up to whole places, at the product's 36.000 € per place.
        let bedarf = Kapazitaetsplanung.bedarfe(m, [e])
        #expect(bedarf.map(\.gebiet) == ["S1", "S2"])
        #expect(bedarf.map(\.ersteLuecke) == [2026, 2026])
        #expect(bedarf.map(\.jahrGroessteLuecke) == [2028, 2028])
        #expect(bedarf.map(\.investition) == [123 * 36_000, 86 * 36_000])
        #expect(bedarf.map(\.folgekostenJaehrlich) == [123 * 1500, 86 * 1500])
    }

    @Test func haushaltsausgleich() throws {
        var m = try Fixture.modell(.klein())
        let e = Projektion(m).rechnen(try #require(m.szenario("status-quo")))
        // No Finanzergebnis: ordentliches Ergebnis = Erträge − Aufwendungen of the whole budget.
        let aufwand = summe(Hand.aufwandA, Hand.aufwandB, Hand.aufwandC)
        let ertrag = summe(Hand.ertragA, Hand.ertragB, Hand.ertragC)
        let zuschuss: [Double] = (1..<5).map { t in aufwand[t] - ertrag[t] }
        let ohne = Haushaltsausgleich.rechnen(m, e)
        #expect(ohne.jahre == [2025, 2026, 2027, 2028])
        #expect(ohne.ausgeglichen == [false, false, false, false])
        #expect(nahe(ohne.fehlbetrag, zuschuss))
        // Deckungsmittel that cover 2025 (the smallest net cost) but not the later years.
        #expect(zuschuss[0] < zuschuss[1] && zuschuss[1] < zuschuss[2] && zuschuss[2] < zuschuss[3])
        let d = zuschuss[0] + 1
        m.deckungsmittel = Zeitpfad(konstant: d)
        let mit = Haushaltsausgleich.rechnen(m, e)
        #expect(mit.ausgeglichen == [true, false, false, false])
        let erwartet: [Double] = [0, zuschuss[1] - d, zuschuss[2] - d, zuschuss[3] - d]
        #expect(nahe(mit.fehlbetrag, erwartet))
        #expect(nahe(mit.saldo[0], 1))
    }

    // MARK: Musterstadt: identities over every product, unit, scenario and year

    @Test func zerlegungErgibtDieGesamtveraenderung() throws {
        let m = try #require(Musterstadt.modell)
        let p = Projektion(m)
        for s in m.szenarien {
            let e = p.rechnen(s)
            let zerlegung = Wirkungszerlegung.produkte(m, e)
            for einheit in m.einheiten {
                let z = Wirkungszerlegung.einheit(zerlegung, einheit.produkte)
                // The total change, computed independently from the unit's plan.
                let zuschuss = Teilplan(e, einheit.produkte, modell: m).zuschuss(m.kontenrahmen)
                for t in 0..<z.gesamt.count {
                    let gesamt = zuschuss[t + 1] - zuschuss[0]
                    let teile = z.demografie[t] + z.quote[t] + z.preis[t] + z.rest[t]
                    #expect(
                        Swift.abs(teile - gesamt) <= 1e-6, "\(s.name) \(einheit.ebene) \(einheit.nr) \(e.jahre[t + 1])")
                }
            }
        }
    }

    @Test func zerlegungEinesReinDemografischenProdukts() throws {
        // Product C in worst-free terms: with the rate and price held, only R changes → all Demografie.
        var m = try Fixture.modell(.klein())
        m.produkte[1].fallzahl?.quote = .je1000(Zeitpfad(konstant: 500))
        m.investitionen = []
        m.produkte[1].fallkosten?.personalanteil = 0
        var s = try #require(m.szenario("status-quo"))
        s.preise = .init(tarif: Zeitpfad(konstant: 0), sachkosten: Zeitpfad(konstant: 0))
        let e = Projektion(m).rechnen(s)
        let z = Wirkungszerlegung.produkte(m, e)[1]
        // Base: 300 cases · 2.000 € (Ist); year 2024 + k: 0.5 · (600 + 60k) cases · 2.000 €, personal constant.
        for t in 0..<4 {
            let gesamt = 0.5 * (600 + 60 * Double(t + 1)) * 2000 - 600_000
            #expect(nahe(z.gesamt[t], gesamt))
            #expect(nahe(z.demografie[t], gesamt))
            #expect(nahe(z.quote[t], 0) && nahe(z.preis[t], 0) && nahe(z.rest[t], 0))
        }
    }

    @Test func schnellrechnungGleichVollerRechnung() throws {
        let m = try #require(Musterstadt.modell)
        let p = Projektion(m)
        let schnell = Schnellrechnung(p)
        let k = m.kontenrahmen
        let ai = try #require(k.index(k.aufwendungen)), ei = try #require(k.index(k.ertraege))
        let J = p.n - 1
        for s in m.szenarien {
            let pop = p.bevoelkerung(s.bevoelkerung).jahre
            let a = Rechenannahmen(modell: m, szenario: s)
            let e = p.rechnen(name: s.name, annahmen: a, bevoelkerung: pop)
            var zuschuss = [Double](repeating: .nan, count: m.produkte.count * J), faelle = zuschuss
            schnell.rechnen(a, pop, zuschuss: &zuschuss, faelle: &faelle)
            for (i, prod) in e.produkte.enumerated() {
                for t in 1...J {
                    let voll = prod.ergebnisplan[ai][t] - prod.ergebnisplan[ei][t]
                    let z = zuschuss[i * J + t - 1]
                    #expect(
                        Swift.abs(z - voll) <= 1e-6 * Swift.max(1, Swift.abs(voll)),
                        "\(s.name) \(prod.nr) \(e.jahre[t])")
                    let f = faelle[i * J + t - 1]
                    let fv = prod.faelle?[t] ?? 0
                    #expect(
                        Swift.abs(f - fv) <= 1e-6 * Swift.max(1, Swift.abs(fv)),
                        "\(s.name) \(prod.nr) \(e.jahre[t]) Fälle")
                }
            }
        }
    }

    @Test func bestHoechstensStatusQuoHoechstensWorst() throws {
        let m = try #require(Musterstadt.modell)
        let p = Projektion(m)
        let alle = Array(m.produkte.indices)
        func gesamt(_ name: String) throws -> [Double] {
            Teilplan(p.rechnen(try #require(m.szenario(name))), alle, modell: m).zuschuss(m.kontenrahmen)
        }
        let best = try gesamt("best"), sq = try gesamt("status-quo"), worst = try gesamt("worst")
        #expect(best[0] == sq[0] && sq[0] == worst[0])  // the Basisjahr is Ist in every scenario
        for t in 1..<sq.count {
            #expect(best[t] <= sq[t] && sq[t] <= worst[t], "\(m.basisjahr + t): \(best[t]) \(sq[t]) \(worst[t])")
        }
    }

    @Test func unsicherheitReproduzierbarUndGeordnet() throws {
        let m = try #require(Musterstadt.modell)
        let p = Projektion(m)
        let a = try #require(Unsicherheit.rechnen(p, ziehungen: 40, seed: 42))
        let b = try #require(Unsicherheit.rechnen(p, ziehungen: 40, seed: 42))
        let c = try #require(Unsicherheit.rechnen(p, ziehungen: 40, seed: 43))
        #expect(a.einheiten.count == m.einheiten.count)
        var verschieden = false
        for i in a.zuschuss.indices {
            #expect(
                a.zuschuss[i].p10 == b.zuschuss[i].p10 && a.zuschuss[i].p50 == b.zuschuss[i].p50
                    && a.zuschuss[i].p90 == b.zuschuss[i].p90)
            #expect(a.faelle[i]?.p50 == b.faelle[i]?.p50)
            if a.zuschuss[i].p50 != c.zuschuss[i].p50 { verschieden = true }
            for t in a.jahre.indices {
                #expect(a.zuschuss[i].p10[t] <= a.zuschuss[i].p50[t] && a.zuschuss[i].p50[t] <= a.zuschuss[i].p90[t])
                if let f = a.faelle[i] { #expect(f.p10[t] <= f.p50[t] && f.p50[t] <= f.p90[t]) }
            }
        }
        #expect(verschieden)
        // The Gesamthaushalt's spread is real: P10 < P90 in the last year.
        let g = try #require(a.einheiten.firstIndex { $0.ebene == .gesamt })
        #expect(a.zuschuss[g].p10.last! < a.zuschuss[g].p90.last!)
    }
}
