import Testing

@testable import EckwertCore

// The lean draw engine (`Schnellrechnung`) against a second, plain calculation written here: every product's
// cases, bit for bit (the order of the operations is the engine's), and the same results whatever a reused
// workspace held before.

/// Musterstadt's cases per product and year recomputed from the population: the reference population as
/// 0 + per sex (running sum over ages up to `bis` − running sum before `von`), city-wide the Sozialräume's running
/// sums added in order; a product with Sozialraum weights (Σ_g c · r̃_g · R_g) · q, the sum from 0 in order of g,
/// with q = trend^t · measures (both q exactly 1 and q not 1 are met); a product
/// without weights (r · measures) · R.
@Test func schnellrechnungFaelleBitgleichNachgerechnet() throws {
    let m = try #require(Musterstadt.modell)
    let p = Projektion(m)
    let schnell = Schnellrechnung(p)
    let n = p.n, J = n - 1, B = m.basisjahr, N = Alter.count
    var qEins = 0, qSonst = 0, ohneGewichte = 0
    for s in m.szenarien {
        let a = Rechenannahmen(modell: m, szenario: s)
        let pop = p.bevoelkerung(s.bevoelkerung).jahre
        var z = [Double](repeating: .nan, count: m.produkte.count * J), f = z
        schnell.rechnen(a, pop, zuschuss: &z, faelle: &f)
        // The baseline path of the Sozialraum sums gives the same bits as the default (AVX2 where there is one).
        var basis = Schnellrechnung.Arbeitsbereich(schnell)
        basis.block.avx2 = false
        var z0 = [Double](repeating: .nan, count: m.produkte.count * J), f0 = z0
        schnell.rechnen(
            a, Schnellrechnung.Kumuliert(pop, schnitte: schnell.schnitte), &basis, zuschuss: &z0, faelle: &f0)
        #expect((z0 + f0).map(\.bitPattern) == (z + f).map(\.bitPattern), "\(s.name)")
        // Running sum over ages 0 ..< bis of Sozialraum g, sex sx, year t (0 for bis = 0).
        func kum(_ g: Int, _ sx: Int, _ t: Int, _ bis: Int) -> Double {
            var c = 0.0
            for alter in 0..<bis { c += pop[t].werte[(g * 2 + sx) * N + alter] }
            return bis == 0 ? 0 : c
        }
        for (i, prod) in m.produkte.enumerated() {
            guard let fz = prod.fallzahl, fz.bezug.gebiet == nil else { continue }
            let sexes = fz.bezug.geschlecht.map { [$0.index] } ?? [0, 1]
            let von = fz.bezug.von, bis = fz.bezug.bis + 1
            var trend = 1.0
            for t in 1..<n {
                trend *= 1 + a.quoteTrend[i]
                var mf = 1.0
                for w in p.wirkungen[i] where a.massnahmen.contains(w.massnahme) { mf *= w.wirkung.faktor(B + t) }
                var erwartet = 0.0
                if let kr = p.kleinraum[i] {
                    let q = trend * mf
                    for (g, c) in kr.gewichte.enumerated() {
                        var R = 0.0
                        for sx in sexes { R += kum(g, sx, t, bis) - kum(g, sx, t, von) }
                        erwartet = erwartet + c * R
                    }
                    erwartet = erwartet * q
                    if q == 1 { qEins += 1 } else { qSonst += 1 }
                } else {
                    var R = 0.0
                    for sx in sexes {
                        var oben = 0.0, unten = 0.0
                        for g in pop[t].gebiete.indices {
                            oben += kum(g, sx, t, bis)
                            unten += kum(g, sx, t, von)
                        }
                        R += oben - unten
                    }
                    var r: Double
                    switch fz.quote {
                    case .ist: r = try #require(p.rB[i]) * trend
                    case .je1000(let pfad): r = pfad.wert(B + t) / 1000
                    }
                    r *= mf
                    erwartet = r * R
                    ohneGewichte += 1
                }
                #expect(f[i * J + t - 1].bitPattern == erwartet.bitPattern, "\(s.name) \(prod.nr) \(B + t)")
            }
        }
    }
    #expect(qEins > 0 && qSonst > 0 && ohneGewichte > 0)
}

/// One workspace reused for runs with different measures (looked up again each run) and, fixed as in the draws,
/// for runs with other drawn values but the same measures: bit for bit the results of a fresh workspace.
@Test func schnellrechnungArbeitsbereichWiederverwendet() throws {
    let m = try #require(Musterstadt.modell)
    let p = Projektion(m)
    let schnell = Schnellrechnung(p)
    let J = p.n - 1
    let szenarien = m.szenarien + m.szenarien.reversed()
    #expect(Set(m.szenarien.map(\.massnahmen)).count > 1)  // the measures differ between the scenarios
    func frisch(_ a: Rechenannahmen, _ pop: [Bevoelkerung]) -> [UInt64] {
        var z = [Double](repeating: .nan, count: m.produkte.count * J), f = z
        schnell.rechnen(a, pop, zuschuss: &z, faelle: &f)
        return (z + f).map(\.bitPattern)
    }
    func wieder(_ a: Rechenannahmen, _ pop: [Bevoelkerung], _ w: inout Schnellrechnung.Arbeitsbereich) -> [UInt64] {
        var z = [Double](repeating: .nan, count: m.produkte.count * J), f = z
        schnell.rechnen(a, Schnellrechnung.Kumuliert(pop, schnitte: schnell.schnitte), &w, zuschuss: &z, faelle: &f)
        return (z + f).map(\.bitPattern)
    }
    var w = Schnellrechnung.Arbeitsbereich(schnell)
    for s in szenarien {
        let a = Rechenannahmen(modell: m, szenario: s), pop = p.bevoelkerung(s.bevoelkerung).jahre
        #expect(wieder(a, pop, &w) == frisch(a, pop), "\(s.name)")
    }
    // Draw-like runs: the status quo's measures fixed, prices and product trends varied from run to run.
    let sq = try #require(m.szenario("status-quo"))
    let pop = p.bevoelkerung(sq.bevoelkerung).jahre
    var fest = Schnellrechnung.Arbeitsbereich(schnell)
    fest.massnahmenFest = true
    for k in 0..<4 {
        var a = Rechenannahmen(modell: m, szenario: sq)
        let x = Double(k) * 0.01
        a.tarif = a.tarif.map { $0 + x }
        a.sachkosten = a.sachkosten.map { $0 - x }
        a.quoteTrend = a.quoteTrend.indices.map { $0 % 2 == 0 ? x : -x }
        a.fallkostenTrend = a.fallkostenTrend.map { $0 + x / 2 }
        #expect(wieder(a, pop, &fest) == frisch(a, pop), "Lauf \(k)")
    }
}

/// A draw's per-product values go straight into the lean engine's block (`Unsicherheit.ziehen`, after
/// `produktwerteSetzen`), and `rechnen` then reads them there: the block holds the triangles' quantiles at the
/// draw's uniform numbers taken in the documented order (TFR where drawn, mortality, migration, prices, Sachkosten,
/// then per product quote trend, Erstattung where drawn, Fallkosten trend; regenerated here from the seed), an
/// undrawn Erstattung keeps the status quo's share (0 without one), and the run's results are those of `rechnen`
/// copying the same values from assumptions that carry them.
@Test func ziehungProduktwerteImBlock() throws {
    let m = try #require(Musterstadt.modell)
    let p = Projektion(m)
    let schnell = Schnellrechnung(p)
    let best = try #require(m.szenario("best")), sq = try #require(m.szenario("status-quo"))
    let worst = try #require(m.szenario("worst"))
    let basis = Unsicherheit.Ziehungsbasis(m, best: best, sq: sq, worst: worst)
    #expect(basis.erstattung.contains { $0 == nil } && basis.erstattung.contains { $0 != nil })
    let J = p.n - 1, pop = p.bevoelkerung(sq.bevoelkerung).jahre
    var w = Schnellrechnung.Arbeitsbereich(schnell)
    var a = basis.annahmen
    schnell.produktwerteSetzen(a, &w)
    var saldo = [Double](repeating: 0, count: p.n)
    for seed: UInt64 in [1, 99, 12345] {
        var rng = SplitMix64(seed: seed)
        _ = Unsicherheit.ziehen(basis, &a, saldo: &saldo, rng: &rng, in: w.block)
        // The same uniform numbers, taken again: the population's and the prices' first.
        var g = SplitMix64(seed: seed)
        for _ in 0..<((basis.geburtenziffer == nil ? 0 : 1) + 4) { _ = g.gleich() }
        var kopie = basis.annahmen
        kopie.tarif = a.tarif
        kopie.sachkosten = a.sachkosten
        for i in m.produkte.indices {
            kopie.quoteTrend[i] = basis.quoteTrend[i].quantil(g.gleich())
            if let e = basis.erstattung[i] { kopie.erstattungAnteil[i] = e.quantil(g.gleich()) }
            kopie.fallkostenTrend[i] = basis.fallkostenTrend[i].quantil(g.gleich())
            #expect(w.block.quoteTrend[i] == kopie.quoteTrend[i], "\(seed) \(m.produkte[i].nr)")
            #expect(w.block.fallkostenTrend[i] == kopie.fallkostenTrend[i])
            #expect(w.block.erstattung[i] == (kopie.erstattungAnteil[i] ?? 0))
        }
        var z = [Double](repeating: .nan, count: m.produkte.count * J), f = z
        schnell.rechnen(a, Schnellrechnung.Kumuliert(pop, schnitte: schnell.schnitte), &w, zuschuss: &z, faelle: &f)
        var zk = [Double](repeating: .nan, count: m.produkte.count * J), fk = zk
        schnell.rechnen(kopie, pop, zuschuss: &zk, faelle: &fk)
        #expect((z + f).map(\.bitPattern) == (zk + fk).map(\.bitPattern), "\(seed)")
    }
}

/// The draws' triangles, with what the quantile derives from the three values worked out once, give exactly
/// `Dreiecksverteilung.quantil`: wide, narrow, mode at either end, all three equal, best above worst.
@Test func dreieckWieDreiecksverteilung() {
    let faelle: [(Double, Double, Double)] = [
        (0.9, 1.0, 1.3), (-0.02, 0.01, 0.05), (1.0, 1.0, 1.2), (0.5, 0.7, 0.7), (0, 0, 0), (3600, 3000, 1200),
        (1e-9, 2e-9, 1e9),
    ]
    var rng = SplitMix64(seed: 42)
    for (b, m, w) in faelle {
        let d = Unsicherheit.Ziehungsbasis.Dreieck(best: b, modus: m, worst: w)
        for u in [0.0, 0.25, 0.5, 1 - 1e-16] + (0..<200).map({ _ in rng.gleich() }) {
            let erwartet = Dreiecksverteilung.quantil(u, best: b, modus: m, worst: w)
            #expect(d.quantil(u).bitPattern == erwartet.bitPattern, "\(b) \(m) \(w) u = \(u)")
        }
    }
}

/// The investments' share of the net cost, with what does not depend on the run worked out once and the
/// Folgekosten per run (`Schnellrechnung.investitionenBuchen`), against `Investitionsrechnung.buchung` per run as the
/// full engine books it: bit for bit in every scenario of Musterstadt and with prices varied from run to run.
@Test func schnellrechnungInvestitionenWieBuchung() throws {
    let m = try #require(Musterstadt.modell)
    let p = Projektion(m)
    let schnell = Schnellrechnung(p)
    let n = p.n, J = n - 1
    #expect(schnell.anlagen.contains { $0.jaehrlich != nil })  // Folgekosten are met
    for s in m.szenarien {
        for x in [0.0, 0.013, -0.021] {
            var a = Rechenannahmen(modell: m, szenario: s)
            a.sachkosten = a.sachkosten.map { $0 + x }
            var erwartet = [Double](repeating: 0, count: m.produkte.count * J)
            for v in schnell.investitionen {
                let bu = Investitionsrechnung.buchung(v.inv, basisjahr: m.basisjahr, n: n, sachkosten: a.sachkosten)
                for t in 1..<n {
                    erwartet[v.produkt * J + t - 1] +=
                        v.vzAfa * bu.abschreibungen[t] + v.vzSop * bu.sonderposten[t] + v.vzFolge * bu.folgekosten[t]
                }
            }
            var z = [Double](repeating: 0, count: m.produkte.count * J)
            schnell.investitionenBuchen(a, zuschuss: &z)
            #expect(z.map(\.bitPattern) == erwartet.map(\.bitPattern), "\(s.name) \(x)")
            #expect(z.contains { $0 != 0 })
        }
    }
}

/// Every product's net cost per year, bit for bit, against the formula written out year by year here, each term
/// added in the order of modellformat.md section 5 (prices, fixed lines, variable lines, cases · running Fallkosten,
/// refund, measures' running costs), then the investments; the cases are the engine's (checked above). In every
/// scenario of Musterstadt and in draw-like runs with prices and product trends varied.
@Test func schnellrechnungZuschussBitgleichNachgerechnet() throws {
    let m = try #require(Musterstadt.modell)
    let p = Projektion(m)
    let schnell = Schnellrechnung(p)
    let n = p.n, J = n - 1, B = m.basisjahr
    var mitFallkosten = 0, mitErstattung = 0, mitKosten = 0, mitFest = 0
    var laeufe: [Rechenannahmen] = m.szenarien.map { Rechenannahmen(modell: m, szenario: $0) }
    let sq = try #require(m.szenario("status-quo"))
    for k in 1...3 {
        var a = Rechenannahmen(modell: m, szenario: sq)
        let x = Double(k) * 0.007
        a.tarif = a.tarif.map { $0 + x }
        a.sachkosten = a.sachkosten.map { $0 - x / 3 }
        a.quoteTrend = a.quoteTrend.indices.map { $0 % 2 == 0 ? x : -x }
        a.fallkostenTrend = a.fallkostenTrend.indices.map { $0 % 3 == 0 ? x / 2 : -x }
        a.erstattungAnteil = a.erstattungAnteil.map { $0.map { $0 * (1 - x) } }
        laeufe.append(a)
    }
    let sqPop = p.bevoelkerung(sq.bevoelkerung).jahre
    for (l, a) in laeufe.enumerated() {
        let pop = l < m.szenarien.count ? p.bevoelkerung(m.szenarien[l].bevoelkerung).jahre : sqPop
        var z = [Double](repeating: .nan, count: m.produkte.count * J), f = z
        schnell.rechnen(a, pop, zuschuss: &z, faelle: &f)
        var idxT = [1.0], idxS = [1.0]
        for t in 1..<n {
            idxT.append(idxT[t - 1] * (1 + a.tarif[t]))
            idxS.append(idxS[t - 1] * (1 + a.sachkosten[t]))
        }
        var erwartet = [Double](repeating: 0, count: m.produkte.count * J)
        for i in m.produkte.indices {
            let kosten = schnell.kosten[schnell.kostenStart[i]..<schnell.kostenStart[i + 1]].filter {
                a.massnahmen.contains(m.massnahmen[$0.index].id)
            }
            var laufend = [Double](repeating: 0, count: kosten.count)
            let tr = schnell.treiber[i]
            var fk = tr?.kB ?? 0
            let pfade = schnell.variabel[i].map {
                ($0.koeffizient, Fortschreibungsbasis.pfad($0.linie, n: n, tarif: a.tarif, sachkosten: a.sachkosten))
            }
            for t in 0..<n {
                var zz = schnell.basisTarif[i] * idxT[t] + schnell.basisSach[i] * idxS[t] + schnell.basisKeine[i]
                if schnell.festStart[i] >= 0 { zz += schnell.festFlach[schnell.festStart[i] + t] }
                for (v, pfad) in pfade { zz += v * pfad[t] }
                if t >= 1, let tr, tr.kB != nil {
                    let pa = tr.personalanteil
                    fk *= (1 + pa * a.tarif[t] + (1 - pa) * a.sachkosten[t]) * (1 + a.fallkostenTrend[i])
                    let A = f[i * J + t - 1] * fk
                    zz += tr.vzKonto * A
                    if tr.hatErstattung { zz += tr.vzErstattung * A * (a.erstattungAnteil[i] ?? 0) }
                }
                for (j, mn) in kosten.enumerated() where B + t >= mn.ab {
                    laufend[j] = B + t == mn.ab ? mn.jaehrlich : laufend[j] * (1 + a.sachkosten[t])
                    zz += mn.vz * laufend[j]
                }
                if t >= 1 { erwartet[i * J + t - 1] = zz }
            }
            if tr?.kB != nil { mitFallkosten += 1 }
            if tr?.hatErstattung == true { mitErstattung += 1 }
            if !kosten.isEmpty { mitKosten += 1 }
            if schnell.festStart[i] >= 0 { mitFest += 1 }
        }
        schnell.investitionenBuchen(a, zuschuss: &erwartet)
        for k in erwartet.indices where z[k].bitPattern != erwartet[k].bitPattern {
            Issue.record("Lauf \(l): \(m.produkte[k / J].nr) \(B + k % J + 1): \(z[k]) statt \(erwartet[k])")
        }
    }
    // The kinds of products the formula distinguishes are all met.
    #expect(mitFallkosten > 0 && mitErstattung > 0 && mitKosten > 0 && mitFest > 0)
}

/// The order of the products in a run: every product once, the products of one kind (driver, Fallkosten, refund,
/// fixed lines, measures' costs) next to each other, and within a kind in their own order.
@Test func schnellrechnungFolgeNachArt() throws {
    let m = try #require(Musterstadt.modell)
    let schnell = Schnellrechnung(Projektion(m))
    let folge = schnell.folge, z = schnell.zeilen
    #expect(folge.sorted() == Array(z.indices))
    func art(_ i: Int) -> String {
        let x = z[i]
        return "\(x.art) \(x.gebiet >= 0) \(x.hatKB) \(x.tr.hatErstattung) \(x.festO >= 0) \(x.hatVariabel) "
            + "\(!x.kosten.isEmpty) \(x.tr.quoteIst)"
    }
    // Each kind forms one run of consecutive places, and a run's products ascend.
    var gesehen = Set<String>()
    for k in folge.indices {
        let a = art(folge[k])
        if k > 0 && art(folge[k - 1]) == a {
            #expect(folge[k - 1] < folge[k])
        } else {
            #expect(gesehen.insert(a).inserted, "Art \(a) zerfällt")
        }
    }
    #expect(gesehen.count > 3)
    // Products without a driver come first (art 0), those with Sozialraum weights last (art 2).
    #expect(z[folge.first!].art == 0 && z[folge.last!].art == 2)
}

/// The products that `eckwert_produkte` computes four at a time (`Schnellrechnung.Vierer`): every product without
/// variable lines in exactly one lane, those with them in `einzeln`; the four of a quad of one kind (fixed lines,
/// Fallkosten, refund) with their own values in their lanes; an empty lane only in the last quad of a kind; the
/// products with measures' costs listed for the pass after. Then every product computed one at a time in Swift
/// (`vierer: false`) gives the same bits as the quads, on both paths of the kernel, in draw-like runs.
@Test func schnellrechnungViererNachArt() throws {
    let m = try #require(Musterstadt.modell)
    let s = Schnellrechnung(Projektion(m))
    let v = s.vierer, z = s.zeilen, J = s.p.n - 1
    func art(_ i: Int) -> UInt8 {
        let kb = z[i].art != 0 && z[i].hatKB
        return (z[i].festO >= 0 ? 1 : 0) | (kb ? 2 : 0) | (kb && z[i].tr.hatErstattung ? 4 : 0)
    }
    let imKern = v.produkte.filter { $0 >= 0 }
    #expect(imKern.sorted() == z.indices.filter { !z[$0].hatVariabel })
    #expect(v.einzeln.map { s.folge[$0] }.sorted() == z.indices.filter { z[$0].hatVariabel })
    #expect(v.imKern.map { s.folge[$0] }.sorted() == imKern.sorted())
    #expect(!imKern.isEmpty)
    #expect(v.mitKosten.sorted() == imKern.filter { !z[$0].kosten.isEmpty }.sorted() && !v.mitKosten.isEmpty)
    #expect(v.produkte.count == 4 * v.art.count && v.werte.count == 28 * v.art.count)
    #expect(v.fest.count == 4 * J * v.art.count)
    var offen = Set<UInt8>()
    for q in v.art.indices {
        let lanes = v.produkte[(4 * q)..<(4 * q + 4)]
        #expect(!offen.contains(v.art[q]), "after a quad with an empty lane, none of its kind follows")
        if lanes.contains(-1) { offen.insert(v.art[q]) }
        for (l, i) in lanes.enumerated() where i >= 0 {
            #expect(art(i) == v.art[q])
            let x = z[i], w = { (feld: Int) in v.werte[28 * q + 4 * feld + l] }
            #expect([w(0), w(1), w(2), w(3)] == [x.bT, x.bS, x.bK, x.kB])
            #expect([w(4), w(5), w(6)] == [x.tr.personalanteil, x.tr.vzKonto, x.tr.vzErstattung])
            for t in 0..<J {
                #expect(v.fest[(q * J + t) * 4 + l] == (x.festO >= 0 ? s.festFlach[x.festO + 1 + t] : 0))
            }
        }
    }
    #expect(Set(v.art) == Set(imKern.map(art)) && v.art.count >= 4)
    let einzeln = Schnellrechnung(s.p, vierer: false)
    #expect(einzeln.vierer.art.isEmpty && einzeln.vierer.einzeln.count == z.count)
    let sq = try #require(m.szenario("status-quo"))
    let pop = Schnellrechnung.Kumuliert(s.p.bevoelkerung(sq.bevoelkerung).jahre, schnitte: s.schnitte)
    for k in 0..<3 {
        var a = Rechenannahmen(modell: m, szenario: sq)
        let x = Double(k) * 0.011
        a.tarif = a.tarif.map { $0 + x }
        a.sachkosten = a.sachkosten.map { $0 - x / 2 }
        a.fallkostenTrend = a.fallkostenTrend.indices.map { $0 % 2 == 0 ? x : -x / 3 }
        a.erstattungAnteil = a.erstattungAnteil.map { $0.map { $0 * (1 - x) } }
        var w0 = Schnellrechnung.Arbeitsbereich(einzeln)
        var z0 = [Double](repeating: .nan, count: z.count * J), f0 = z0
        einzeln.rechnen(a, pop, &w0, zuschuss: &z0, faelle: &f0)
        for avx2 in Prozessor.avx2 ? [false, true] : [false] {
            var w = Schnellrechnung.Arbeitsbereich(s)
            w.block.avx2 = avx2
            var z1 = [Double](repeating: .nan, count: z.count * J), f1 = z1
            s.rechnen(a, pop, &w, zuschuss: &z1, faelle: &f1)
            #expect(z1.map(\.bitPattern) == z0.map(\.bitPattern) && f1.map(\.bitPattern) == f0.map(\.bitPattern))
        }
    }
}
