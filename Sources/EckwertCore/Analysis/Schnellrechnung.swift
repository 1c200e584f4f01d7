/// A lean second implementation of the driver arithmetic (spec section 5) that computes only what the
/// Monte-Carlo draws need — net cost and cases per product and forecast year — without building full plans.
/// Tests compare it with the full engine (`Projektion`) on every scenario: two implementations, one answer.
struct Schnellrechnung: Sendable {
    struct Treiber: Sendable {
        var bezug: Bezug
        var gebiet: Int?          // index, nil = all
        var quoteIst: Bool
        var rB: Double
        var pfad: [Double]        // quote_je_1000 / 1000 per year index
        var kB: Double?
        var personalanteil: Double
        var vzKonto: Double
        var vzErstattung: Double
        var hatErstattung: Bool
    }
    struct Produktdaten: Sendable {
        var basisTarif = 0.0, basisSach = 0.0, basisKeine = 0.0
        var treiber: Treiber?
        var wirkungen: [(String, Massnahme.Wirkung)] = []
        var massnahmen: [(id: String, ab: Int, jaehrlich: Double, vz: Double)] = []
        var investitionen: [(Investition, vzAfa: Double, vzSop: Double, vzFolge: Double)] = []
    }

    let p: Projektion
    let daten: [Produktdaten]

    init(_ p: Projektion) {
        self.p = p
        let m = p.modell, k = m.kontenrahmen
        let koeff = k.zuschussKoeffizienten
        var daten: [Produktdaten] = []
        for (i, prod) in m.produkte.enumerated() {
            var d = Produktdaten()
            var ueberschrieben = Set<String>()
            if let fz = prod.fallzahl {
                var t = Treiber(bezug: fz.bezug, gebiet: fz.bezug.gebiet.flatMap { m.bevoelkerung.gebietIndex($0) },
                                quoteIst: false, rB: p.rB[i] ?? 0, pfad: [], kB: nil, personalanteil: 0, vzKonto: 0,
                                vzErstattung: 0, hatErstattung: false)
                switch fz.quote {
                case .ist: t.quoteIst = true
                case .je1000(let pf): t.pfad = (m.basisjahr...m.horizont).map { pf.wert($0) / 1000 }
                }
                if let fk = prod.fallkosten, let kb = p.kB[i], k.index(fk.konto) != nil {
                    t.kB = kb
                    t.personalanteil = fk.personalanteil
                    t.vzKonto = koeff[fk.konto] ?? 0
                    ueberschrieben.insert(fk.konto)
                    if let e = prod.erstattung, k.index(e.konto) != nil {
                        t.vzErstattung = koeff[e.konto] ?? 0
                        t.hatErstattung = true
                        ueberschrieben.insert(e.konto)
                    }
                }
                d.treiber = t
            }
            for (z, zeile) in k.zeilen.enumerated() where !zeile.istSumme && !ueberschrieben.contains(zeile.key) {
                let v = (koeff[zeile.key] ?? 0) * p.basis[i][z]
                switch zeile.fortschreibung {
                case .tarif: d.basisTarif += v
                case .sachkosten: d.basisSach += v
                case .keine: d.basisKeine += v
                }
            }
            d.wirkungen = p.wirkungen[i].map { ($0.massnahme, $0.wirkung) }
            for mn in m.massnahmen where mn.produkt == prod.nr {
                d.massnahmen.append((mn.id, mn.kosten.ab, mn.kosten.jaehrlich, koeff[mn.kosten.konto] ?? 0))
            }
            for inv in m.investitionen where inv.produkt == prod.nr {
                d.investitionen.append((inv, koeff[k.abschreibungen] ?? 0, koeff[k.sonderposten] ?? 0,
                                        inv.folgekosten.map { koeff[$0.konto] ?? 0 } ?? 0))
            }
            daten.append(d)
        }
        self.daten = daten
    }

    /// Cumulative sums over age per (gebiet, sex) and over all gebiete per sex, for O(1) reference populations.
    struct Kumuliert {
        var jeGebiet: [Double]   // (g*2+s)*102 + a+1
        var gesamt: [Double]     // s*102 + a+1
        init(_ b: Bevoelkerung) {
            let G = b.gebiete.count
            jeGebiet = [Double](repeating: 0, count: G * 2 * 102)
            gesamt = [Double](repeating: 0, count: 2 * 102)
            for g in 0..<G {
                for s in 0..<2 {
                    var c = 0.0
                    let base = Bevoelkerung.index(gebiet: g, geschlecht: s, alter: 0)
                    for a in 0...Alter.max {
                        c += b.werte[base + a]
                        jeGebiet[(g * 2 + s) * 102 + a + 1] = c
                    }
                }
            }
            for s in 0..<2 {
                for a in 0...Alter.max {
                    var c = 0.0
                    for g in 0..<G { c += jeGebiet[(g * 2 + s) * 102 + a + 1] }
                    gesamt[s * 102 + a + 1] = c
                }
            }
        }
        func summe(_ bz: Bezug, gebiet: Int?, gebietUnbekannt: Bool) -> Double {
            if gebietUnbekannt { return 0 }
            let ss = bz.geschlecht.map { [$0.index] } ?? [0, 1]
            var r = 0.0
            for s in ss {
                if let g = gebiet {
                    r += jeGebiet[(g * 2 + s) * 102 + bz.bis + 1] - jeGebiet[(g * 2 + s) * 102 + bz.von]
                } else {
                    r += gesamt[s * 102 + bz.bis + 1] - gesamt[s * 102 + bz.von]
                }
            }
            return r
        }
    }

    /// Net cost and cases per product and forecast year into `zuschuss[i*J + t-1]`, `faelle[i*J + t-1]`.
    func rechnen(_ a: Rechenannahmen, _ pop: [Bevoelkerung], zuschuss: inout [Double], faelle: inout [Double]) {
        let n = p.n, J = n - 1, B = p.modell.basisjahr
        let kum = pop.map { Kumuliert($0) }
        var idxT = [Double](repeating: 1, count: n), idxS = idxT
        for t in 1..<n { idxT[t] = idxT[t - 1] * (1 + a.tarif[t]); idxS[t] = idxS[t - 1] * (1 + a.sachkosten[t]) }
        for (i, d) in daten.enumerated() {
            var fk = d.treiber?.kB ?? 0
            var trendFaktor = 1.0
            var mkosten = [Double](repeating: 0, count: d.massnahmen.count)
            for t in 0..<n {
                var z = 0.0, f = 0.0
                if t >= 1 {
                    z = d.basisTarif * idxT[t] + d.basisSach * idxS[t] + d.basisKeine
                }
                if let tr = d.treiber {
                    if t >= 1 { trendFaktor *= 1 + a.quoteTrend[i] }
                    if t >= 1 {
                        let unbekannt = tr.bezug.gebiet != nil && tr.gebiet == nil
                        let R = kum[t].summe(tr.bezug, gebiet: tr.gebiet, gebietUnbekannt: unbekannt)
                        var r = tr.quoteIst ? tr.rB * trendFaktor : tr.pfad[t]
                        var w = 1.0
                        for (id, x) in d.wirkungen where a.massnahmen.contains(id) { w *= x.faktor(B + t) }
                        r *= w
                        f = r * R
                        if tr.kB != nil {
                            fk *= (1 + tr.personalanteil * a.tarif[t] + (1 - tr.personalanteil) * a.sachkosten[t]) * (1 + a.fallkostenTrend[i])
                            let A = f * fk
                            z += tr.vzKonto * A
                            if tr.hatErstattung {
                                z += tr.vzErstattung * A * (a.erstattungAnteil[i] ?? 0)
                            }
                        }
                    }
                }
                for (j, mn) in d.massnahmen.enumerated() where a.massnahmen.contains(mn.id) && B + t >= mn.ab {
                    mkosten[j] = B + t == mn.ab ? mn.jaehrlich : mkosten[j] * (1 + a.sachkosten[t])
                    if t >= 1 { z += mn.vz * mkosten[j] }
                }
                if t >= 1 {
                    zuschuss[i * J + t - 1] = z
                    faelle[i * J + t - 1] = f
                }
            }
            for inv in d.investitionen {
                let b = Investitionsrechnung.buchung(inv.0, basisjahr: B, n: n, sachkosten: a.sachkosten)
                for t in 1..<n {
                    zuschuss[i * J + t - 1] += inv.vzAfa * b.abschreibungen[t] + inv.vzSop * b.sonderposten[t] + inv.vzFolge * b.folgekosten[t]
                }
            }
        }
    }
}
