/// A lean second implementation of the driver arithmetic (modellformat.md section 5) that computes only what the
/// Monte-Carlo draws need — net cost and cases per product and forecast year — without building full plans.
/// Tests compare it with the full engine (`Projektion`) on every scenario: two implementations, one answer.
struct Schnellrechnung: Sendable {
    /// Plain values only (no strings or arrays), so that reading it in the draw loop costs no reference counting.
    struct Treiber: Sendable {
        var von: Int, bis: Int  // reference ages
        var vonSchnitt = 0, bisSchnitt = 0  // positions of `von` and `bis + 1` in `schnitte`
        var geschlechter: ClosedRange<Int>  // sex indices summed
        var gebiet: Int?  // index, nil = all
        var gebietUnbekannt: Bool  // a gebiet was named that the population does not have: R = 0
        var quoteIst: Bool
        var rB: Double
        var pfad: Int  // offset of quote_je_1000 / 1000 per year index in `pfade`
        var kB: Double?
        var personalanteil: Double
        var vzKonto: Double
        var vzErstattung: Double
        var hatErstattung: Bool
        /// Sozialraum weights c · r̃_g at `gewichte[gewichteStart ..< gewichteStart + gewichteAnzahl]` (0 = none).
        var gewichteStart = 0, gewichteAnzahl = 0
        /// With weights: index of the reference population (ages, sexes) in `klassen`, whose per-Sozialraum
        /// values are looked up once per run for all products that share it.
        var klasse = 0
    }
    /// The distinct reference populations of the products with Sozialraum weights: (von, bis + 1) as positions in
    /// `schnitte`, and the sexes.
    struct Klasse: Sendable, Hashable { var von: Int, bis: Int, geschlechtVon: Int, geschlechtBis: Int }
    /// A measure's effect on a rate as plain values; `faktor` is `Massnahme.Wirkung.faktor`.
    struct Effekt: Sendable {
        var massnahme: Int  // index into `modell.massnahmen`
        var quote: Double, ab: Int, rampe: Int
        init(_ massnahme: Int, _ w: Massnahme.Wirkung) {
            self.massnahme = massnahme; quote = w.quote; ab = w.ab; rampe = w.rampe
        }
        @inline(__always)
        func faktor(_ jahr: Int) -> Double { Massnahme.Wirkung.faktor(quote: quote, ab: ab, rampe: rampe, jahr: jahr) }
    }
    struct Produktdaten: Sendable {
        var basisTarif = 0.0, basisSach = 0.0, basisKeine = 0.0
        /// Net cost of the lines whose path does not depend on the scenario (trend, Ansatz years with `keine`), per
        /// year index; empty when there are none.
        var fest: [Double] = []
        /// Lines with Ansatz years that grow by wages or prices afterwards: (coefficient, line).
        var variabel: [(koeffizient: Double, linie: Fortschreibungsbasis.Linie)] = []
        var treiber: Treiber?
        var wirkungen: [Effekt] = []
        /// Measures booked on the product: (index into `modell.massnahmen`, …).
        var massnahmen: [(index: Int, ab: Int, jaehrlich: Double, vz: Double)] = []
        var investitionen: [(Investition, vzAfa: Double, vzSop: Double, vzFolge: Double)] = []
    }

    let p: Projektion
    let daten: [Produktdaten]
    let pfade: [Double]
    /// Small-area weights of all products, flat (see `Treiber.gewichteStart`).
    let gewichte: [Double]
    /// The cumulative-age indices (a + 1 after age a; 0 = before age 0) that any driver reads: `von` and `bis + 1`.
    let schnitte: [Int]
    let klassen: [Klasse]
    /// The number of Sozialräume of the products with weights (each has one weight per Sozialraum), else 0.
    let gewichteJeProdukt: Int
    // `daten` flat, as plain values, for the draw loop (no reference counting per product):
    let basisTarif: [Double], basisSach: [Double], basisKeine: [Double]
    /// Per product: scenario-independent net cost per year index (or empty), and lines computed per run.
    let fest: [[Double]], variabel: [[(koeffizient: Double, linie: Fortschreibungsbasis.Linie)]]
    /// `fest` flat (product i's year t at festFlach[festStart[i] + t], festStart −1 where it has none), and whether
    /// a product has `variabel` lines: read per product and draw without touching the nested arrays.
    let festFlach: [Double], festStart: [Int], hatVariabel: [Bool]
    let treiber: [Treiber?]
    /// Product i's effects are effekte[effektStart[i] ..< effektStart[i + 1]]; likewise its own measures' costs.
    let effekte: [Effekt], effektStart: [Int]
    let kosten: [(index: Int, ab: Int, jaehrlich: Double, vz: Double)], kostenStart: [Int]
    let investitionen: [(produkt: Int, inv: Investition, vzAfa: Double, vzSop: Double, vzFolge: Double)]

    init(_ p: Projektion) {
        self.p = p
        let m = p.modell, k = m.kontenrahmen
        let zr = k.zuschussrechnung
        var daten: [Produktdaten] = []
        var pfade: [Double] = []
        var gewichte: [Double] = []
        let mIndex = Dictionary(m.massnahmen.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, prod) in m.produkte.enumerated() {
            var d = Produktdaten()
            var ueberschrieben = Set<String>()
            if let fz = prod.fallzahl {
                let gebiet = fz.bezug.gebiet.flatMap { m.bevoelkerung.gebietIndex($0) }
                var t = Treiber(
                    von: fz.bezug.von, bis: fz.bezug.bis,
                    geschlechter: fz.bezug.geschlecht.map { $0.index...$0.index } ?? 0...1,
                    gebiet: gebiet, gebietUnbekannt: fz.bezug.gebiet != nil && gebiet == nil,
                    quoteIst: false, rB: p.rB[i] ?? 0, pfad: pfade.count, kB: nil, personalanteil: 0, vzKonto: 0,
                    vzErstattung: 0, hatErstattung: false)
                switch fz.quote {
                case .ist: t.quoteIst = true
                case .je1000(let pf): pfade += (m.basisjahr...m.horizont).map { pf.wert($0) / 1000 }
                }
                if let kr = p.kleinraum[i] {
                    t.gewichteStart = gewichte.count
                    t.gewichteAnzahl = kr.gewichte.count
                    gewichte += kr.gewichte
                }
                if let fk = prod.fallkosten, let kb = p.kB[i], k.index(fk.konto) != nil {
                    t.kB = kb
                    t.personalanteil = fk.personalanteil
                    t.vzKonto = zr.koeffizient(fk.konto)
                    ueberschrieben.insert(fk.konto)
                    if let e = prod.erstattung, k.index(e.konto) != nil {
                        t.vzErstattung = zr.koeffizient(e.konto)
                        t.hatErstattung = true
                        ueberschrieben.insert(e.konto)
                    }
                }
                d.treiber = t
            }
            for (z, zeile) in k.zeilen.enumerated() where !zeile.istSumme && !ueberschrieben.contains(zeile.key) {
                let l = p.fortschreibung.linien[i][z], koeffizient = zr.koeffizient(zeile.key)
                let v = koeffizient * l.start
                switch (l.art, l.fest == nil) {
                case (.tarif, true): d.basisTarif += v
                case (.sachkosten, true): d.basisSach += v
                case (.keine, true): d.basisKeine += v
                case (.tarif, false), (.sachkosten, false): d.variabel.append((koeffizient, l))
                case (.keine, false), (.trend, _):
                    // Independent of the scenario: the path once.
                    let pfad = Fortschreibungsbasis.pfad(
                        l, n: p.n, tarif: [Double](repeating: 0, count: p.n),
                        sachkosten: [Double](repeating: 0, count: p.n))
                    if d.fest.isEmpty { d.fest = [Double](repeating: 0, count: p.n) }
                    for t in 1..<p.n { d.fest[t] += koeffizient * pfad[t] }
                }
            }
            d.wirkungen = p.wirkungen[i].compactMap { w in mIndex[w.massnahme].map { Effekt($0, w.wirkung) } }
            for (j, mn) in m.massnahmen.enumerated() where mn.produkt == prod.nr {
                d.massnahmen.append((j, mn.kosten.ab, mn.kosten.jaehrlich, zr.koeffizient(mn.kosten.konto)))
            }
            for inv in m.investitionen where inv.produkt == prod.nr {
                d.investitionen.append(
                    (
                        inv, zr.koeffizient(k.abschreibungen), zr.koeffizient(k.sonderposten),
                        inv.folgekosten.map { zr.koeffizient($0.konto) } ?? 0
                    ))
            }
            daten.append(d)
        }
        var schnittSet = Set<Int>()
        for d in daten { if let t = d.treiber { schnittSet.insert(t.von); schnittSet.insert(t.bis + 1) } }
        let schnitte = schnittSet.sorted()
        let position = Dictionary(uniqueKeysWithValues: schnitte.enumerated().map { ($1, $0) })
        var klassen: [Klasse] = [], klassenIndex: [Klasse: Int] = [:]
        for i in daten.indices {
            guard var t = daten[i].treiber else { continue }
            t.vonSchnitt = position[t.von] ?? 0
            t.bisSchnitt = position[t.bis + 1] ?? 0
            if t.gewichteAnzahl > 0 {
                let k = Klasse(
                    von: t.vonSchnitt, bis: t.bisSchnitt, geschlechtVon: t.geschlechter.lowerBound,
                    geschlechtBis: t.geschlechter.upperBound)
                if let j = klassenIndex[k] {
                    t.klasse = j
                } else {
                    t.klasse = klassen.count
                    klassenIndex[k] = klassen.count
                    klassen.append(k)
                }
            }
            daten[i].treiber = t
        }
        self.schnitte = schnitte
        self.klassen = klassen
        gewichteJeProdukt = daten.lazy.compactMap(\.treiber).first { $0.gewichteAnzahl > 0 }?.gewichteAnzahl ?? 0
        self.daten = daten
        self.pfade = pfade
        self.gewichte = gewichte
        basisTarif = daten.map(\.basisTarif)
        basisSach = daten.map(\.basisSach)
        basisKeine = daten.map(\.basisKeine)
        fest = daten.map(\.fest)
        variabel = daten.map(\.variabel)
        var flach: [Double] = [], fStart: [Int] = []
        for d in daten {
            fStart.append(d.fest.isEmpty ? -1 : flach.count)
            flach += d.fest
        }
        festFlach = flach
        festStart = fStart
        hatVariabel = daten.map { !$0.variabel.isEmpty }
        treiber = daten.map(\.treiber)
        var eStart = [0], kStart = [0]
        var eff: [Effekt] = [], kst: [(index: Int, ab: Int, jaehrlich: Double, vz: Double)] = []
        var inv: [(produkt: Int, inv: Investition, vzAfa: Double, vzSop: Double, vzFolge: Double)] = []
        for (i, d) in daten.enumerated() {
            eff += d.wirkungen
            eStart.append(eff.count)
            kst += d.massnahmen
            kStart.append(kst.count)
            inv += d.investitionen.map { (i, $0.0, $0.vzAfa, $0.vzSop, $0.vzFolge) }
        }
        effekte = eff
        effektStart = eStart
        kosten = kst
        kostenStart = kStart
        investitionen = inv
    }

    /// Cumulative sums over age per (gebiet, sex) and over all gebiete per sex, for O(1) reference populations;
    /// every year of a run in two flat arrays (reading them costs no reference counting), and only at the
    /// cumulative indices `schnitte` that drivers read. Each running sum adds ages 0, 1, … in order from 0 and the
    /// city-wide value adds the gebiete in order from 0, as a full table would; four running sums are carried
    /// side by side only so that the processor can overlap them.
    struct Kumuliert {
        var jeGebiet: [Double]  // start[t] + (g*2+s)*nc + position
        var gesamt: [Double]  // (t*2 + s)*nc + position
        var start: [Int]
        var gebiete: [Int]
        let nc: Int
        /// Years 1 ..< pop.count (year index 0, the Basisjahr, needs none).
        init(_ pop: [Bevoelkerung], schnitte: [Int]) {
            nc = schnitte.count
            var istSchnitt = [Int](repeating: -1, count: Alter.count + 1)
            for (k, c) in schnitte.enumerated() where c >= 0 && c <= Alter.count { istSchnitt[c] = k }
            var start = [Int](repeating: 0, count: pop.count), gebiete = start
            var gesamtzahl = 0
            for t in pop.indices where t > 0 {
                start[t] = gesamtzahl
                gebiete[t] = pop[t].gebiete.count
                gesamtzahl += gebiete[t] * 2 * nc
            }
            var jeGebiet = [Double](repeating: 0, count: gesamtzahl)
            var gesamt = [Double](repeating: 0, count: pop.count * 2 * nc)
            let nc = self.nc
            for t in pop.indices where t > 0 {
                let G = gebiete[t], s0 = start[t]
                precondition(pop[t].werte.count == G * 2 * Alter.count, "Bevoelkerung: werte passt nicht zu gebiete")
                pop[t].werte.withUnsafeBufferPointer { w in
                    jeGebiet.withUnsafeMutableBufferPointer { j in
                        istSchnitt.withUnsafeBufferPointer { ist in
                            // Chains (g, s) in storage order, four at a time.
                            let ketten = G * 2
                            var k0 = 0
                            while k0 < ketten {
                                let anzahl = Swift.min(4, ketten - k0)
                                var c0 = 0.0, c1 = 0.0, c2 = 0.0, c3 = 0.0
                                let b0 = k0 * Alter.count, z0 = s0 + k0 * nc
                                if anzahl == 4 {
                                    for a in 0..<Alter.count {
                                        c0 += w[b0 + a]
                                        c1 += w[b0 + Alter.count + a]
                                        c2 += w[b0 + 2 * Alter.count + a]
                                        c3 += w[b0 + 3 * Alter.count + a]
                                        let k = ist[a + 1]
                                        if k >= 0 {
                                            j[z0 + k] = c0
                                            j[z0 + nc + k] = c1
                                            j[z0 + 2 * nc + k] = c2
                                            j[z0 + 3 * nc + k] = c3
                                        }
                                    }
                                } else {
                                    for m in 0..<anzahl {
                                        var c = 0.0
                                        let b = b0 + m * Alter.count
                                        for a in 0..<Alter.count {
                                            c += w[b + a]
                                            let k = ist[a + 1]
                                            if k >= 0 { j[z0 + m * nc + k] = c }
                                        }
                                    }
                                }
                                k0 += anzahl
                            }
                        }
                        gesamt.withUnsafeMutableBufferPointer { ges in
                            // Per sex and cut, the gebiete added in order 0, 1, … (a running sum starting at 0).
                            for g in 0..<G {
                                for s in 0..<2 {
                                    let quelle = s0 + (g * 2 + s) * nc, ziel = (t * 2 + s) * nc
                                    for k in 0..<nc { ges[ziel + k] += j[quelle + k] }
                                }
                            }
                        }
                    }
                }
            }
            self.jeGebiet = jeGebiet
            self.gesamt = gesamt
            self.start = start
            self.gebiete = gebiete
        }
        /// Zeroed storage for `n` years of `G` Sozialräume each (filled by `Kohortenlauf`).
        init(jahre n: Int, gebiete G: Int, schnitte: [Int]) {
            nc = schnitte.count
            start = (0..<n).map { Swift.max(0, $0 - 1) * G * 2 * schnitte.count }
            gebiete = (0..<n).map { $0 == 0 ? 0 : G }
            jeGebiet = [Double](repeating: 0, count: Swift.max(0, n - 1) * G * 2 * nc)
            gesamt = [Double](repeating: 0, count: n * 2 * nc)
        }
        @inline(__always)
        func summe(_ tr: Treiber, _ t: Int) -> Double {
            if tr.gebietUnbekannt { return 0 }
            var r = 0.0
            for s in tr.geschlechter {
                if let g = tr.gebiet {
                    precondition(g < gebiete[t], "Schnellrechnung: Gebiet fehlt in der Bevölkerung")
                    let o = start[t] + (g * 2 + s) * nc
                    r += jeGebiet[o + tr.bisSchnitt] - jeGebiet[o + tr.vonSchnitt]
                } else {
                    let o = (t * 2 + s) * nc
                    r += gesamt[o + tr.bisSchnitt] - gesamt[o + tr.vonSchnitt]
                }
            }
            return r
        }
    }

    /// What `rechnen` needs besides its inputs, kept between runs so that a run allocates nothing.
    struct Arbeitsbereich {
        var aktiv: [Bool], idxT: [Double], idxS: [Double], mkosten: [Double]
        /// Per Klasse, Sozialraum and forecast year: the reference population, at (k · G + g) · Jp + t − 1, with
        /// the years padded to an even count Jp (the padding stays 0) so that two years go into one vector.
        var klassenwerte: [Double]
        /// Per forecast year (padded to Jp): a product's rate factor (trend · measures) and its Sozialraum cases.
        var q: [Double], fG: [Double]
        /// Set by a caller whose runs with this workspace all have the same measures (the draws): `aktiv` is
        /// then looked up in the first run only.
        var massnahmenFest = false
        var aktivGesetzt = false

        init(_ s: Schnellrechnung) {
            let n = s.p.n, G = s.gewichteJeProdukt
            aktiv = [Bool](repeating: false, count: s.p.modell.massnahmen.count)
            idxT = [Double](repeating: 1, count: n)
            idxS = idxT
            mkosten = [Double](repeating: 0, count: s.kosten.count)
            let jp = Schnellrechnung.gepaart(n - 1)
            klassenwerte = [Double](repeating: 0, count: s.klassen.count * G * jp)
            q = [Double](repeating: 0, count: Swift.max(n, jp))
            fG = q
        }
    }

    /// `J` forecast years rounded up to an even count (the stride of `Arbeitsbereich.klassenwerte`).
    static func gepaart(_ J: Int) -> Int { Swift.max(0, J + (J & 1)) }

    /// Net cost and cases per product and forecast year into `zuschuss[i*J + t-1]`, `faelle[i*J + t-1]`.
    func rechnen(_ a: Rechenannahmen, _ pop: [Bevoelkerung], zuschuss: inout [Double], faelle: inout [Double]) {
        var w = Arbeitsbereich(self)
        rechnen(a, Kumuliert(pop, schnitte: schnitte), &w, zuschuss: &zuschuss, faelle: &faelle)
    }

    /// The same from the cumulative sums of a population, with the scratch space `w`.
    func rechnen(
        _ a: Rechenannahmen, _ kum: Kumuliert, _ w: inout Arbeitsbereich, zuschuss: inout [Double],
        faelle: inout [Double]
    ) {
        let n = p.n, J = n - 1, B = p.modell.basisjahr
        // Which measures are active, by index into `modell.massnahmen` (looked up once per run, not per year).
        if !(w.massnahmenFest && w.aktivGesetzt) {
            for (j, mn) in p.modell.massnahmen.enumerated() { w.aktiv[j] = a.massnahmen.contains(mn.id) }
            w.aktivGesetzt = true
        }
        for j in w.mkosten.indices { w.mkosten[j] = 0 }
        for t in 1..<n {
            w.idxT[t] = w.idxT[t - 1] * (1 + a.tarif[t])
            w.idxS[t] = w.idxS[t - 1] * (1 + a.sachkosten[t])
        }
        klassenwerte(kum, &w.klassenwerte)
        for i in daten.indices {
            if let tr = treiber[i], tr.gewichteAnzahl > 0 { gebietsfaelle(i, tr, a, &w) }
            produkt(i, a, kum, &w, zuschuss: &zuschuss, faelle: &faelle)
        }
        // Investments add to their product's net cost after it is set (as before, product by product).
        for x in investitionen {
            let b = Investitionsrechnung.buchung(x.inv, basisjahr: B, n: n, sachkosten: a.sachkosten)
            for t in 1..<n {
                zuschuss[x.produkt * J + t - 1] +=
                    x.vzAfa * b.abschreibungen[t] + x.vzSop * b.sonderposten[t] + x.vzFolge * b.folgekosten[t]
            }
        }
    }

    /// The reference population of every Klasse per Sozialraum and forecast year: what `Kumuliert.summe` gives
    /// for the Klasse's ages and sexes in Sozialraum g (0 + the sexes' differences in order), read directly.
    private func klassenwerte(_ kum: Kumuliert, _ werte: inout [Double]) {
        let n = p.n, G = gewichteJeProdukt, jp = Self.gepaart(n - 1), nc = kum.nc
        for t in 1..<n { precondition(G <= kum.gebiete[t], "Schnellrechnung: Gebiet fehlt in der Bevölkerung") }
        kum.jeGebiet.withUnsafeBufferPointer { j in
            werte.withUnsafeMutableBufferPointer { w in
                for (k, kl) in klassen.enumerated() {
                    for g in 0..<G {
                        let o = (k * G + g) * jp - 1
                        for t in 1..<n {
                            var r = 0.0
                            for s in kl.geschlechtVon...kl.geschlechtBis {
                                let b = kum.start[t] + (g * 2 + s) * nc
                                r += j[b + kl.bis] - j[b + kl.von]
                            }
                            w[o + t] = r
                        }
                    }
                }
            }
        }
    }

    /// Sozialraum cases (spec section 13) of product i into `w.fG[t − 1]`: Σ_g (c · r̃_g · R_g(t)) · (trend ·
    /// measures), each year's sum over the Sozialräume in order from 0; two years per vector and up to three
    /// vectors side by side in registers, so that the processor overlaps their sums (each lane computes
    /// (c · R) · q and adds it, as the scalar expression does).
    @inline(__always)
    private func gebietsfaelle(_ i: Int, _ tr: Treiber, _ a: Rechenannahmen, _ w: inout Arbeitsbereich) {
        let n = p.n, J = n - 1, B = p.modell.basisjahr, G = tr.gewichteAnzahl, jp = Self.gepaart(J)
        var trendFaktor = 1.0
        for t in 1..<n {
            trendFaktor *= 1 + a.quoteTrend[i]
            var m = 1.0
            for e in effektStart[i]..<effektStart[i + 1] where w.aktiv[effekte[e].massnahme] {
                m *= effekte[e].faktor(B + t)
            }
            w.q[t - 1] = trendFaktor * m
        }
        let gN = Swift.min(G, gewichteJeProdukt)
        w.q.withUnsafeBufferPointer { q in
            w.fG.withUnsafeMutableBufferPointer { f in
                w.klassenwerte.withUnsafeBufferPointer { R in
                    gewichte.withUnsafeBufferPointer { c in
                        let r0 = tr.klasse * gewichteJeProdukt * jp
                        let cp = c.baseAddress! + tr.gewichteStart
                        func paar(_ b: UnsafePointer<Double>) -> SIMD2<Double> { SIMD2(b[0], b[1]) }
                        var t0 = 0
                        while t0 < jp {
                            // Sozialraum g's values of this run of years start at rp + g · jp.
                            let rp = R.baseAddress! + (r0 + t0), qp = q.baseAddress! + t0
                            if jp - t0 >= 6 {
                                let q0 = paar(qp), q1 = paar(qp + 2), q2 = paar(qp + 4)
                                var f0 = SIMD2<Double>(), f1 = f0, f2 = f0
                                for g in 0..<gN {
                                    let cg = SIMD2(repeating: cp[g]), o = rp + g &* jp
                                    f0 = f0 + cg * paar(o) * q0
                                    f1 = f1 + cg * paar(o + 2) * q1
                                    f2 = f2 + cg * paar(o + 4) * q2
                                }
                                f[t0] = f0[0]; f[t0 + 1] = f0[1]; f[t0 + 2] = f1[0]
                                f[t0 + 3] = f1[1]; f[t0 + 4] = f2[0]; f[t0 + 5] = f2[1]
                                t0 += 6
                            } else {
                                let q0 = paar(qp)
                                var f0 = SIMD2<Double>()
                                for g in 0..<gN { f0 = f0 + SIMD2(repeating: cp[g]) * paar(rp + g &* jp) * q0 }
                                f[t0] = f0[0]; f[t0 + 1] = f0[1]
                                t0 += 2
                            }
                        }
                    }
                }
            }
        }
    }

    /// Product i's net cost and cases per forecast year (its Sozialraum cases already in `w.fG`).
    @inline(__always)
    private func produkt(
        _ i: Int, _ a: Rechenannahmen, _ kum: Kumuliert, _ w: inout Arbeitsbereich,
        zuschuss: inout [Double], faelle: inout [Double]
    ) {
        let n = p.n, J = n - 1, B = p.modell.basisjahr
        let tr = treiber[i]
        var fk = tr?.kB ?? 0
        var trendFaktor = 1.0
        let bT = basisTarif[i], bS = basisSach[i], bK = basisKeine[i]
        let effekteI = effektStart[i]..<effektStart[i + 1], kostenI = kostenStart[i]..<kostenStart[i + 1]
        let festO = festStart[i]
        // Lines with Ansatz years that grow by wages or prices afterwards (none for most products: no allocation).
        let variabelI: [(Double, [Double])] =
            hatVariabel[i]
            ? variabel[i].map {
                ($0.koeffizient, Fortschreibungsbasis.pfad($0.linie, n: n, tarif: a.tarif, sachkosten: a.sachkosten))
            } : []
        for t in 0..<n {
            var z = 0.0, f = 0.0
            if t >= 1 {
                z = bT * w.idxT[t] + bS * w.idxS[t] + bK
                if festO >= 0 { z += festFlach[festO + t] }
                for (v, pfad) in variabelI { z += v * pfad[t] }
            }
            if let tr, t >= 1 {
                if tr.gewichteAnzahl > 0 {
                    f = w.fG[t - 1]
                } else {
                    trendFaktor *= 1 + a.quoteTrend[i]
                    var m = 1.0
                    for e in effekteI where w.aktiv[effekte[e].massnahme] { m *= effekte[e].faktor(B + t) }
                    let R = kum.summe(tr, t)
                    var r = tr.quoteIst ? tr.rB * trendFaktor : pfade[tr.pfad + t]
                    r *= m
                    f = r * R
                }
                if tr.kB != nil {
                    fk *=
                        (1 + tr.personalanteil * a.tarif[t] + (1 - tr.personalanteil) * a.sachkosten[t])
                        * (1 + a.fallkostenTrend[i])
                    let A = f * fk
                    z += tr.vzKonto * A
                    if tr.hatErstattung {
                        z += tr.vzErstattung * A * (a.erstattungAnteil[i] ?? 0)
                    }
                }
            }
            for j in kostenI where w.aktiv[kosten[j].index] && B + t >= kosten[j].ab {
                let mn = kosten[j]
                w.mkosten[j] = B + t == mn.ab ? mn.jaehrlich : w.mkosten[j] * (1 + a.sachkosten[t])
                if t >= 1 { z += mn.vz * w.mkosten[j] }
            }
            if t >= 1 {
                zuschuss[i * J + t - 1] = z
                faelle[i * J + t - 1] = f
            }
        }
    }
}
