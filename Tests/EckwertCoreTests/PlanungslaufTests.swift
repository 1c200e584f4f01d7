import Testing

@testable import EckwertCore

// The projection and analysis run the Ist and the scenarios side by side and compute a product's plans flat:
// each result must be bit for bit the one of the plain sequential calculation written out here.

private func bits(_ x: [Double]) -> [UInt64] { x.map(\.bitPattern) }
private func bits(_ x: [[Double]]) -> [[UInt64]] { x.map(bits) }
private func bits(_ x: [Double]?) -> [UInt64]? { x.map(bits) }
private func bits(_ x: Reihentabelle) -> [[UInt64]] { x.map { $0.map(\.bitPattern) } }

private func gleich(_ a: Rechenergebnis, _ b: Rechenergebnis) -> Bool {
    guard a.szenario == b.szenario, a.jahre == b.jahre, a.produkte.count == b.produkte.count,
        a.warnungen == b.warnungen
    else { return false }
    return zip(a.produkte, b.produkte).allSatisfy { x, y in
        x.nr == y.nr && bits(x.ergebnisplan) == bits(y.ergebnisplan) && bits(x.finanzplan) == bits(y.finanzplan)
            && bits(x.faelle) == bits(y.faelle) && bits(x.fallkosten) == bits(y.fallkosten)
            && bits(x.bezug) == bits(y.bezug) && bits(x.quote) == bits(y.quote)
            && x.gebietsfaelle.map(bits) == y.gebietsfaelle.map(bits)
            && bits(x.kapazitaet?.luecke) == bits(y.kapazitaet?.luecke)
    }
}

@Suite struct PlanungslaufTests {
    @Test func szenarienNebeneinanderWieEinzeln() throws {
        let m = try #require(Musterstadt.modell)
        let l = Planungslauf.projizieren(m)
        #expect(l.laeufe.map(\.szenario) == m.szenarien.map(\.name))
        #expect(m.szenarien.count >= 3)
        let p = Projektion(m)
        for (j, s) in m.szenarien.enumerated() {
            #expect(gleich(l.laeufe[j], p.rechnen(s)), "\(s.name)")
            #expect(l.bevoelkerungen[j].count == p.n)
            // Computed in pieces, joined in model order.
            #expect(l.laeufe[j].produkte.map(\.nr) == m.produkte.map(\.nr))
        }
        #expect(gleich(l.ist, Istrechnung.rechnen(m)))
        #expect(l.warnungen == l.laeufe.flatMap(\.warnungen))
    }

    /// Sum lines and the Finanzplan of every product as the scheme forms them on rows: Ergebnisplan sums by
    /// `Summen.bilden`; Ein-/Auszahlungen = 0 + the zahlungswirksame lines in scheme order (products without
    /// investments), then the Finanzplan sums.
    @Test func flachePlaeneWieZeilenweise() throws {
        let m = try #require(Musterstadt.modell)
        let k = m.kontenrahmen
        let mitInvestition = Set(m.investitionen.map(\.produkt))
        let ein = try #require(k.einzahlungenVerwaltung.flatMap { k.finanzplan.map(\.key).firstIndex(of: $0) })
        let aus = try #require(k.auszahlungenVerwaltung.flatMap { k.finanzplan.map(\.key).firstIndex(of: $0) })
        var geprueft = 0
        for e in Planungslauf.projizieren(m).laeufe {
            for prod in e.produkte where !mitInvestition.contains(prod.nr) {
                let n = e.jahre.count
                var ep = prod.ergebnisplan
                for (z, zeile) in k.zeilen.enumerated() where zeile.istSumme { ep[z] = Array(repeating: 0, count: n) }
                Summen.bilden(&ep, k.zeilen)
                #expect(bits(ep) == bits(prod.ergebnisplan), "\(prod.nr)")
                var fp = Array(repeating: Array(repeating: 0.0, count: n), count: k.finanzplan.count)
                for (z, zeile) in k.zeilen.enumerated() where zeile.zahlungswirksam && !zeile.istSumme {
                    let ziel = zeile.art == .ertrag ? ein : aus
                    for t in 0..<n { fp[ziel][t] += ep[z][t] }
                }
                Summen.bilden(&fp, k.finanzplan)
                #expect(bits(fp) == bits(prod.finanzplan), "\(prod.nr)")
                geprueft += 1
            }
        }
        #expect(geprueft > 10)
        // Not all zero: the Auszahlungen of some product are real amounts.
        let sq = try #require(Planungslauf.projizieren(m).laeufe.first { $0.szenario == "status-quo" })
        #expect(sq.produkte.contains { $0.finanzplan[aus][1] > 1000 })
    }

    /// A single product's Teilplan shares its rows: the same bits as 0 + each value; a −0 makes it form the sum
    /// (0 + −0 = +0), as a group of products would.
    @Test func teilplanEinesProdukts() throws {
        let m = try #require(Musterstadt.modell)
        let e = try #require(Planungslauf.projizieren(m).laeufe.first)
        for i in e.produkte.indices {
            let t = Teilplan(e, [i], modell: m)
            let p = e.produkte[i]
            #expect(bits(t.ergebnisplan) == bits(p.ergebnisplan.map { $0.map { 0 + $0 } }))
            #expect(bits(t.finanzplan) == bits(p.finanzplan.map { $0.map { 0 + $0 } }))
            #expect(bits(t.faelle) == bits(p.faelle?.map { 0 + $0 }))
            let aufwand = p.faelle.flatMap { f in p.fallkosten.map { k in zip(f, k).map { 0 + $0 * $1 } } }
            #expect(bits(t.fallkostenAufwand) == bits(aufwand))
            #expect(bits(t.luecke) == bits(p.kapazitaet?.luecke))
        }
        var mitNull = e
        let z = try #require(m.kontenrahmen.index("personalaufwendungen"))
        mitNull.produkte[0].ergebnisplan[z][1] = -0.0
        let t = Teilplan(mitNull, [0], modell: m)
        #expect(t.ergebnisplan[z][1] == 0 && t.ergebnisplan[z][1].sign == .plus)
        #expect(bits(t.ergebnisplan[z]) == bits(Teilplan(mitNull, [0, 0], modell: m).ergebnisplan[z].map { $0 / 2 }))
    }

    @Test func analyseNebeneinanderWieEinzeln() throws {
        let m = try #require(Musterstadt.modell)
        let l = Planungslauf.projizieren(m)
        let a = Planungslauf.analysieren(l, unsicherheit: nil)
        var massnahmen: [Massnahmenbilanz] = []
        for (j, s) in m.szenarien.enumerated() {
            #expect(a.kennzahlen[s.name] == Kennzahlrechnung.werte(m, l.laeufe[j]))
            let z = Wirkungszerlegung.produkte(m, l.laeufe[j])
            #expect(a.zerlegung[s.name]?.map { bits($0.gesamt) } == z.map { bits($0.gesamt) })
            #expect(a.zerlegung[s.name]?.map { bits($0.rest) } == z.map { bits($0.rest) })
            massnahmen += Massnahmenrechnung.bilanzen(l.projektion, szenario: s, bevoelkerung: l.bevoelkerungen[j])
        }
        #expect(a.massnahmen.map(\.massnahme) == massnahmen.map(\.massnahme))
        #expect(a.massnahmen.map { bits($0.netto) } == massnahmen.map { bits($0.netto) })
        #expect(!massnahmen.isEmpty)
        #expect(a.kennzahlenIst == Kennzahlrechnung.werte(m, l.ist))
        #expect(a.smart.count == Smart.pruefen(m).count)
        #expect(a.haushaltsausgleich.map(\.szenario) == m.szenarien.map(\.name))
        #expect(a.kapazitaetsbedarfe.count == Kapazitaetsplanung.bedarfe(m, l.laeufe).count)
    }
}
