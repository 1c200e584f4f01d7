import EckwertTestSupport
import Testing

@testable import EckwertCore

// The reference-population sums and the rows of a product's plans, checked against the plain calculations they
// replace: bit for bit, since the order of additions is the same.

@Suite struct BezugssummenTests {
    /// A model whose Sozialräume hold uneven fractional cells (so that another order of additions would show in
    /// the last bits) and Sozialraum cases (so that every selection is also summed per Sozialraum).
    private func modell() throws -> Planungsmodell {
        var d = Modellbauer.klein()
        d.setzen(
            "bevoelkerung.csv",
            Modellbauer.bevoelkerungCSV(gebiete: ["S1", "S2"]) { g, s, a in
                (g == "S1" ? 1.0 / 3 : 2.0 / 7) * Double(a + 1) + (s == .w ? 0.1 : 0.7)
            })
        d.setzen("faelle_gebiete.csv", "jahr;gebiet;produkt;faelle\n2024;S1;31.1.01;300\n2024;S2;31.1.01;40\n")
        return try Fixture.modell(d)
    }

    /// City and Sozialraum sums of every driver, every year, equal `Bevoelkerung.summe` — also for populations
    /// whose Sozialräume are those of the model (one pass for city and Sozialräume) and a population missing one.
    @Test func summenWieBevoelkerungSumme() throws {
        let m = try modell()
        #expect(m.bevoelkerung.gebiete == ["S1", "S2"])
        let v = Bezugssummen.Verzeichnis(m)
        #expect(v.jeGebiet.allSatisfy { $0 })
        let s = try #require(m.szenario("status-quo"))
        var pop = Projektion.bevoelkerung(m, s.bevoelkerung).jahre
        // A year whose population has only S2: S1 sums to 0, the city is S2's sum.
        var nurS2 = Bevoelkerung(gebiete: ["S2"])
        for x in [Geschlecht.m, .w] {
            for a in 0...Alter.max { nurS2[gebiet: 0, geschlecht: x, alter: a] = 0.3 * Double(a) + 0.01 }
        }
        pop.append(nurS2)
        let summen = Bezugssummen(v, pop)
        var geprueft = 0
        for i in m.produkte.indices {
            guard let b = m.produkte[i].fallzahl?.bezug else { continue }
            for t in pop.indices {
                #expect(summen.produkt(i, b, t).bitPattern == pop[t].summe(b).bitPattern)
                for (g, id) in m.bevoelkerung.gebiete.enumerated() {
                    var bg = b
                    bg.gebiet = id
                    #expect(summen.gebiet(i, g, t).bitPattern == pop[t].summe(bg).bitPattern)
                    summen.gebietsblock(i) { block in
                        #expect(block[t * 2 + g].bitPattern == summen.gebiet(i, g, t).bitPattern)
                    }
                    geprueft += 1
                }
            }
        }
        #expect(geprueft == 2 * 2 * pop.count)
        // By hand: ages 0–17, both sexes, S1 = Σ_a (a+1)/3 · 2 + 18 · 0.8 = 57 + 14.4 (to rounding).
        let a = try #require(m.produkte.firstIndex { $0.nr == "31.1.01" })
        #expect(abs(summen.gebiet(a, 0, 0) - (2.0 * 171 / 3 + 18 * 0.8)) < 1e-9)
        #expect(summen.gebiet(a, 0, pop.count - 1) == 0)
    }

    /// Year 0 taken from sums already formed for `[pop[0]]` gives every sum bit for bit as summed anew; sums of
    /// another shape are ignored; and the given year 0 is really the one used (sums of another population show).
    @Test func jahr0UebernommenWieGerechnet() throws {
        let m = try modell()
        let v = Bezugssummen.Verzeichnis(m)
        let s = try #require(m.szenario("status-quo"))
        let pop = Projektion.bevoelkerung(m, s.bevoelkerung).jahre
        #expect(pop.count >= 2)
        let neu = Bezugssummen(v, pop)
        let uebernommen = Bezugssummen(v, pop, jahr0: Bezugssummen(v, [pop[0]]))
        let falscheForm = Bezugssummen(v, pop, jahr0: Bezugssummen(v, [pop[1], pop[1]]))
        var anders = pop[0]
        for x in [Geschlecht.m, .w] {
            for a in 0...Alter.max { anders[gebiet: 1, geschlecht: x, alter: a] = 0.5 * Double(a) + 0.25 }
        }
        let fremd = Bezugssummen(v, pop, jahr0: Bezugssummen(v, [anders]))
        var geprueft = 0
        for i in m.produkte.indices {
            guard let b = m.produkte[i].fallzahl?.bezug else { continue }
            for t in pop.indices {
                #expect(uebernommen.produkt(i, b, t).bitPattern == pop[t].summe(b).bitPattern)
                #expect(falscheForm.produkt(i, b, t).bitPattern == neu.produkt(i, b, t).bitPattern)
                #expect(fremd.produkt(i, b, t).bitPattern == (t == 0 ? anders : pop[t]).summe(b).bitPattern)
                for (g, id) in m.bevoelkerung.gebiete.enumerated() {
                    var bg = b
                    bg.gebiet = id
                    #expect(uebernommen.gebiet(i, g, t).bitPattern == pop[t].summe(bg).bitPattern)
                    #expect(falscheForm.gebiet(i, g, t).bitPattern == neu.gebiet(i, g, t).bitPattern)
                    #expect(fremd.gebiet(i, g, t).bitPattern == (t == 0 ? anders : pop[t]).summe(bg).bitPattern)
                    geprueft += 1
                }
            }
        }
        #expect(geprueft == 2 * 2 * pop.count)
        // S2 of `anders`, ages 0–17, both sexes: 2 · Σ_a (0.5 a + 0.25) = 2 · (76.5 + 4.5) = 162 — not pop's year 0.
        let a = try #require(m.produkte.firstIndex { $0.nr == "31.1.01" })
        #expect(abs(fremd.gebiet(a, 1, 0) - 162) < 1e-9 && abs(uebernommen.gebiet(a, 1, 0) - 162) > 1)
    }

    /// The cases per Sozialraum of every product with small-area rates (Musterstadt, every scenario) are
    /// `gewicht_g · R_g(t) · q(t)` bit for bit, and each year's sum is the running total from the given start,
    /// Sozialraum by Sozialraum in their order.
    @Test func gebietsfaelleWieEinzelnGerechnet() throws {
        let m = try #require(Musterstadt.modell)
        let p = Projektion(m)
        var geprueft = 0
        for s in m.szenarien {
            let a = Rechenannahmen(modell: m, szenario: s)
            let summen = p.bezugssummen(p.bevoelkerung(s.bevoelkerung).jahre)
            let aktiv = Projektion.Arbeitsplatz.aktiv(m, a)
            let G = m.bevoelkerung.gebiete.count
            for i in m.produkte.indices where p.kleinraum[i] != nil {
                let start = (0..<p.n).map { 0.125 * Double($0 + 1) }
                var summe = start
                let f = p.gebietsfaelle(i, a, summen, aktiv, summe: &summe)
                #expect(f.count == G && f.laenge == p.n)
                for t in 0..<p.n {
                    var q = 1.0
                    for _ in 0..<t { q *= 1 + a.quoteTrend[i] }
                    if t > 0 { q *= p.wirkungsfaktor(i, a, t) }
                    var erwartet = start[t]
                    for g in 0..<G {
                        let v = p.kleinraumgewichte[i][g] * summen.gebiet(i, g, t) * q
                        #expect(f[g][t].bitPattern == v.bitPattern)
                        erwartet += v
                    }
                    #expect(summe[t].bitPattern == erwartet.bitPattern)
                }
                geprueft += 1
            }
        }
        #expect(geprueft > 0)
    }

    /// The rows of a flat plan are its slices; rows of +0.0 share the one zero row, a row holding −0.0 keeps it.
    @Test func zeilenAusFlachemPlan() {
        let flach: [Double] = [1, 2, 3, 0, 0, 0, 0, -0.0, 0, 4, 0, 5]
        let null = [Double](repeating: 0, count: 3)
        var zeilen = Produktergebnis.zeilen(flach, anzahl: 4, n: 3, null: null)
        #expect(zeilen == [[1, 2, 3], [0, 0, 0], [0, 0, 0], [4, 0, 5]])
        #expect(zeilen[2][1].sign == .minus && zeilen[1].allSatisfy { $0.sign == .plus })
        #expect(zeilen[1].withUnsafeBufferPointer { $0.baseAddress } == null.withUnsafeBufferPointer { $0.baseAddress })
        // A shared row written to is copied: the zero row and the other plans stay zero.
        zeilen[1][0] = 7
        #expect(zeilen[1] == [7, 0, 0] && null == [0, 0, 0])
    }
}
