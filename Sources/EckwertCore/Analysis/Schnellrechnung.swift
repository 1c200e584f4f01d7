import CSpeicher

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
    /// The investments as a run reads them (see `Anlage`).
    let anlagen: [Anlage]
    /// Per investment k and year index t, at k · n + t: its depreciation and release of the Sonderposten
    /// (`Investitionsrechnung.buchung`) and the share of the year it is in use; none of them depends on the draw.
    let anlageAfa: [Double], anlageSop: [Double], anlageAnteil: [Double]

    /// An investment as plain values: its product, the coefficients of its lines in the net cost, and its
    /// Folgekosten (the yearly amount from the year of Inbetriebnahme `beginn` on; nil = none), which grow with
    /// each run's prices.
    struct Anlage: Sendable {
        var produkt: Int, vzAfa: Double, vzSop: Double, vzFolge: Double
        var jaehrlich: Double?, beginn: Int
    }
    /// Per product, what a run reads of it, as plain values in one place (see `Zeile`).
    let zeilen: [Zeile]
    /// The largest Sozialraum index that a driver without weights reads (−1 = none).
    let hoechstesGebiet: Int
    /// The order in which a run computes the products: those of one kind (driver, Fallkosten, refund, fixed and
    /// variable lines, measures' costs) one after another, so that the processor predicts the branches on the
    /// kind; each product's values are computed on their own, so the order does not change them.
    let folge: [Int]
    /// The products that `eckwert_produkte` computes, four of one kind side by side (see `Vierer`).
    let vierer: Vierer

    /// The products without `variabel` lines in quads of one kind (`art`) for `eckwert_produkte`, each quad formed
    /// once its fourth member comes, in the order of `folge` (`zuVieren`); the quads left open at the end get empty
    /// lanes (−1). Each product's values are computed on their own, so the grouping does not change them.
    struct Vierer: Sendable {
        /// Per quad: its four products (−1 = empty lane) and its kind.
        var produkte: [Int] = [], art: [UInt8] = []
        /// Per quad 28 values: bT, bS, bK, kB, personalanteil, vzKonto, vzErstattung, four each (lane order).
        var werte: [Double] = []
        /// Per quad and forecast year t (from 0), the fixed lines of the four products (0 in empty lanes).
        var fest: [Double] = []
        /// Positions in `folge` of the products computed in Swift (with `variabel` lines), and of those computed
        /// here (their cases are set first), and the products among those with measures' costs (added after).
        var einzeln: [Int] = [], imKern: [Int] = [], mitKosten: [Int] = []
        /// Per entry of `imKern`: the product's `Zeile.art` and `Zeile.gfIndex`.
        var faelleArt: [UInt8] = [], gfIndex: [Int] = []

        init(_ zeilen: [Zeile], folge: [Int], festFlach: [Double], jahre J: Int) {
            guard (1...8).contains(J) else {
                einzeln = Array(folge.indices)
                return
            }
            func schliessen(_ liste: [Int]) {
                let lanes = liste + [Int](repeating: -1, count: 4 - liste.count)
                produkte += lanes
                art.append(Self.art(liste[0], zeilen))
                let z = lanes.map { $0 >= 0 ? zeilen[$0] : nil }
                for feld in 0..<7 {
                    for l in 0..<4 {
                        guard let x = z[l] else {
                            werte.append(0)
                            continue
                        }
                        werte.append(
                            [x.bT, x.bS, x.bK, x.kB, x.tr.personalanteil, x.tr.vzKonto, x.tr.vzErstattung][feld])
                    }
                }
                for t in 0..<J {
                    for l in 0..<4 {
                        guard let x = z[l], x.festO >= 0 else {
                            fest.append(0)
                            continue
                        }
                        fest.append(festFlach[x.festO + 1 + t])
                    }
                }
            }
            var kern: [Int] = []
            for (k, i) in folge.enumerated() {
                let z = zeilen[i]
                guard !z.hatVariabel else {
                    einzeln.append(k)
                    continue
                }
                imKern.append(k)
                faelleArt.append(UInt8(z.art))
                gfIndex.append(z.gfIndex)
                if !z.kosten.isEmpty { mitKosten.append(i) }
                kern.append(i)
            }
            let (gruppen, rest) = Schnellrechnung.zuVieren(kern) { Self.art($0, zeilen) }
            for liste in gruppen { schliessen(liste) }
            // What is left (at most three of a kind) in one quad per kind, with empty lanes.
            for a in Set(rest.map { Self.art($0, zeilen) }).sorted() {
                schliessen(rest.filter { Self.art($0, zeilen) == a })
            }
        }

        /// Product i's kind: 1 fixed lines, 2 a driver with Fallkosten, 4 and a refund.
        static func art(_ i: Int, _ zeilen: [Zeile]) -> UInt8 {
            let z = zeilen[i], kb = z.art != 0 && z.hatKB
            return (z.festO >= 0 ? 1 : 0) | (kb ? 2 : 0) | (kb && z.tr.hatErstattung ? 4 : 0)
        }
    }

    /// One product as the run reads it: its base values, its driver (a placeholder where it has none) with the
    /// sexes and the Sozialraum as plain integers, and where its measures' effects and costs lie.
    struct Zeile: Sendable {
        var bT = 0.0, bS = 0.0, bK = 0.0
        /// Offset of the product's year 0 in `festFlach`, or −1.
        var festO = -1
        var hatVariabel = false
        /// 0 = no driver, 1 = a driver, 2 = a driver with Sozialraum weights.
        var art = 0
        var tr: Treiber
        /// The driver's first and last sex index and its Sozialraum (−1 = all).
        var s0 = 0, s1 = 1, gebiet = -1
        var hatKB = false, kB = 0.0
        var effekte: Range<Int>, kosten: Range<Int>
        /// With Sozialraum weights: the product's place among those that have them (its Sozialraum cases at
        /// `Block.gfF[gfIndex · Jp + t − 1]`), else −1.
        var gfIndex = -1
    }

    /// `vierer: false` computes every product one at a time in Swift (for the tests that compare both paths).
    init(_ p: Projektion, vierer mitVierern: Bool = true) {
        self.p = p
        let m = p.modell, k = m.kontenrahmen
        let zr = k.zuschussrechnung
        var daten: [Produktdaten] = []
        var pfade: [Double] = []
        var gewichte: [Double] = []
        let mIndex = Dictionary(m.massnahmen.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Per line of the scheme, looked up once rather than per product (two string hashes per product and line
        // had been a third of this setup, which the draws wait for on one core): whether it is a sum, its key
        // and its coefficient in the Zuschussbedarf.
        let linien = k.zeilen.map { (summe: $0.istSumme, key: $0.key, koeffizient: zr.koeffizient($0.key)) }
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
            for (z, zeile) in linien.enumerated()
            where !zeile.summe && (ueberschrieben.isEmpty || !ueberschrieben.contains(zeile.key)) {
                let l = p.fortschreibung.linien[i][z], koeffizient = zeile.koeffizient
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
        var klassen = Erstnummern<Klasse>()
        for i in daten.indices {
            guard var t = daten[i].treiber else { continue }
            t.vonSchnitt = position[t.von] ?? 0
            t.bisSchnitt = position[t.bis + 1] ?? 0
            if t.gewichteAnzahl > 0 {
                let k = Klasse(
                    von: t.vonSchnitt, bis: t.bisSchnitt, geschlechtVon: t.geschlechter.lowerBound,
                    geschlechtBis: t.geschlechter.upperBound)
                t.klasse = klassen.nummer(k).nummer
            }
            daten[i].treiber = t
        }
        self.schnitte = schnitte
        self.klassen = klassen.schluessel
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
        (anlagen, anlageAfa, anlageSop, anlageAnteil) = Self.anlagen(inv, basisjahr: m.basisjahr, n: p.n)
        (zeilen, hoechstesGebiet) = Self.zeilen(daten, effektStart: eStart, kostenStart: kStart, festStart: fStart)
        folge = Self.folge(zeilen)
        vierer = Vierer(zeilen, folge: folge, festFlach: flach, jahre: mitVierern ? p.n - 1 : 0)
    }

    /// The investments as plain values and, per investment and year index, what does not depend on the draw.
    private static func anlagen(
        _ inv: [(produkt: Int, inv: Investition, vzAfa: Double, vzSop: Double, vzFolge: Double)], basisjahr B: Int,
        n: Int
    ) -> ([Anlage], [Double], [Double], [Double]) {
        var anlagen: [Anlage] = [], afa: [Double] = [], sop: [Double] = [], anteil: [Double] = []
        for x in inv {
            let bu = Investitionsrechnung.buchung(
                x.inv, basisjahr: B, n: n, sachkosten: [Double](repeating: 0, count: n))
            afa += bu.abschreibungen
            sop += bu.sonderposten
            let nd = Swift.max(1, x.inv.nutzungsdauer)
            anteil += (0..<n).map {
                Investitionsrechnung.anteil(
                    jahr: B + $0, beginnJahr: x.inv.inbetriebnahmeJahr, beginnMonat: x.inv.inbetriebnahmeMonat,
                    nutzungsdauer: nd)
            }
            anlagen.append(
                Anlage(
                    produkt: x.produkt, vzAfa: x.vzAfa, vzSop: x.vzSop, vzFolge: x.vzFolge,
                    jaehrlich: x.inv.folgekosten?.jaehrlich, beginn: x.inv.inbetriebnahmeJahr))
        }
        return (anlagen, afa, sop, anteil)
    }

    /// The products as the run reads them, and the largest Sozialraum index a driver without weights reads.
    private static func zeilen(
        _ daten: [Produktdaten], effektStart eStart: [Int], kostenStart kStart: [Int], festStart fStart: [Int]
    ) -> ([Zeile], Int) {
        let leer = Treiber(
            von: 0, bis: 0, geschlechter: 0...1, gebiet: nil, gebietUnbekannt: false, quoteIst: false, rB: 0,
            pfad: 0, kB: nil, personalanteil: 0, vzKonto: 0, vzErstattung: 0, hatErstattung: false)
        var zl: [Zeile] = [], hoechstes = -1, mitGewichten = 0
        for (i, d) in daten.enumerated() {
            var z = Zeile(tr: d.treiber ?? leer, effekte: eStart[i]..<eStart[i + 1], kosten: kStart[i]..<kStart[i + 1])
            z.bT = d.basisTarif
            z.bS = d.basisSach
            z.bK = d.basisKeine
            z.festO = fStart[i]
            z.hatVariabel = !d.variabel.isEmpty
            if let t = d.treiber {
                z.art = t.gewichteAnzahl > 0 ? 2 : 1
                if z.art == 2 {
                    z.gfIndex = mitGewichten
                    mitGewichten += 1
                }
                z.s0 = t.geschlechter.lowerBound
                z.s1 = t.geschlechter.upperBound
                z.gebiet = t.gebiet ?? -1
                if let kb = t.kB { (z.hatKB, z.kB) = (true, kb) }
                if z.art == 1, !t.gebietUnbekannt, let g = t.gebiet { hoechstes = Swift.max(hoechstes, g) }
            }
            zl.append(z)
        }
        return (zl, hoechstes)
    }

    /// The products sorted by kind (see `folge`), in their own order within a kind.
    static func folge(_ zeilen: [Zeile]) -> [Int] {
        func art(_ z: Zeile) -> [Int] {
            let b = [z.hatKB, z.tr.hatErstattung, z.festO >= 0, z.hatVariabel, !z.kosten.isEmpty, z.tr.quoteIst]
            return [z.art, z.gebiet >= 0 ? 1 : 0] + b.map { $0 ? 1 : 0 }
        }
        let arten = zeilen.map(art)
        return zeilen.indices.sorted {
            arten[$0].lexicographicallyPrecedes(arten[$1]) || (arten[$0] == arten[$1] && $0 < $1)
        }
    }

    /// Cumulative sums over age per (gebiet, sex) and over all gebiete per sex, for O(1) reference populations;
    /// every year of a run in two flat arrays (reading them costs no reference counting), and only at the
    /// cumulative indices `schnitte` that drivers read. Each running sum adds ages 0, 1, … in order from 0 and the
    /// city-wide value adds the gebiete in order from 0, as a full table would; four running sums are carried
    /// side by side only so that the processor can overlap them.
    struct Kumuliert {
        /// Per year, sex and cut the Sozialräume side by side: start[t] + (s · nc + position) · G + g, with G the
        /// year's Sozialräume.
        var jeGebiet: [Double]
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
                                // Chain m's value at cut k: z0 + m % 2 · nc · G + m / 2 + k · G (k0 is even).
                                let b0 = k0 * Alter.count, z0 = s0 + k0 / 2, zs = nc * G
                                if anzahl == 4 {
                                    for a in 0..<Alter.count {
                                        c0 += w[b0 + a]
                                        c1 += w[b0 + Alter.count + a]
                                        c2 += w[b0 + 2 * Alter.count + a]
                                        c3 += w[b0 + 3 * Alter.count + a]
                                        let k = ist[a + 1]
                                        if k >= 0 {
                                            let o = z0 + k * G
                                            j[o] = c0
                                            j[o + zs] = c1
                                            j[o + 1] = c2
                                            j[o + zs + 1] = c3
                                        }
                                    }
                                } else {
                                    for m in 0..<anzahl {
                                        var c = 0.0
                                        let b = b0 + m * Alter.count
                                        for a in 0..<Alter.count {
                                            c += w[b + a]
                                            let k = ist[a + 1]
                                            if k >= 0 { j[z0 + m % 2 * zs + m / 2 + k * G] = c }
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
                                    let quelle = s0 + s * nc * G + g, ziel = (t * 2 + s) * nc
                                    for k in 0..<nc { ges[ziel + k] += j[quelle + k * G] }
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
    }

    /// What `rechnen` needs besides its inputs, kept between runs so that a run allocates nothing.
    struct Arbeitsbereich {
        let block: Block
        /// Set by a caller whose runs with this workspace all have the same measures (the draws): the active
        /// measures and their factors on the rates are then looked up in the first run only.
        var massnahmenFest = false
        var aktivGesetzt = false
        /// Set by a caller that passes `rechnen` the same `faelle` array with this workspace every time, its rows
        /// of the products without cases 0 from the start (the draws): `rechnen` then leaves those rows alone
        /// instead of writing their zeros again in every run (about 400 small memset calls per draw of the
        /// benchmark model).
        var ohneFaelleNull = false
        /// Set by `produktwerteSetzen` for a caller that writes each run's per-product quote trend, Erstattung share
        /// and Fallkosten trend straight into `block` (the draws: `Unsicherheit.ziehen`): `rechnen` then does not
        /// copy them from its assumptions.
        var produktwerteGezogen = false

        init(_ s: Schnellrechnung) { block = Block(s) }
    }

    /// The scratch space of `rechnen` and flat copies of the tables it reads, in memory of its own (allocated
    /// once per workspace, freed with it), so that a run reads and writes through plain pointers: no reference
    /// counting, bounds or uniqueness checks per value. One workspace per thread.
    final class Block {
        let zeilen: UnsafeMutableBufferPointer<Zeile>
        let fest: UnsafeMutableBufferPointer<Double>, pfade: UnsafeMutableBufferPointer<Double>
        let gewichte: UnsafeMutableBufferPointer<Double>
        let effekte: UnsafeMutableBufferPointer<Effekt>
        let kosten: UnsafeMutableBufferPointer<(index: Int, ab: Int, jaehrlich: Double, vz: Double)>
        let aktiv: UnsafeMutableBufferPointer<Bool>
        /// `Schnellrechnung.folge`, and the products' `Zeile`s in that order (read one after the other by `rechnen`,
        /// which the processor fetches ahead; read through `folge` they were scattered over 280 KB).
        let folge: UnsafeMutableBufferPointer<Int>, zeilenFolge: UnsafeMutableBufferPointer<Zeile>
        /// Per run: the running cost of each measure, the wage and price indices and the drawn values (per year
        /// index, per product; `erstattung` 0 where a product has none).
        let mkosten: UnsafeMutableBufferPointer<Double>
        let idxT: UnsafeMutableBufferPointer<Double>, idxS: UnsafeMutableBufferPointer<Double>
        let tarif: UnsafeMutableBufferPointer<Double>, sach: UnsafeMutableBufferPointer<Double>
        let quoteTrend: UnsafeMutableBufferPointer<Double>, fallkostenTrend: UnsafeMutableBufferPointer<Double>
        let erstattung: UnsafeMutableBufferPointer<Double>
        /// Per product and year index, at i · n + t: the product of the active measures' factors on its rate.
        let mfaktor: UnsafeMutableBufferPointer<Double>
        /// One product's running Fallkosten per forecast year (scratch of `produkt`).
        let fkJahr: UnsafeMutableBufferPointer<Double>
        /// Per Klasse, Sozialraum and forecast year: the reference population, at (k · G + g) · Jp + t − 1, with
        /// the years padded to an even count Jp (the padding stays 0) so that two years go into one vector.
        let klassenwerte: UnsafeMutableBufferPointer<Double>
        /// Per Klasse its cut positions von and bis and its first and last sex, four side by side.
        let klassen: UnsafeMutableBufferPointer<Int>
        /// The products with Sozialraum weights, k = `Zeile.gfIndex`, as `eckwert_gebietsfaelle` reads them: where
        /// their Klasse's values start in `klassenwerte`, where their weights start in `gewichte`, how many
        /// Sozialräume they add; per run and forecast year (at k · Jp + t − 1, padded to Jp, the padding stays 0)
        /// their rate factor (trend · measures) and their cases.
        let gfR: UnsafeMutableBufferPointer<Int>, gfC: UnsafeMutableBufferPointer<Int>
        let gfG: UnsafeMutableBufferPointer<Int>
        /// Product k's index among all products (its `Zeile`).
        let gfZeile: UnsafeMutableBufferPointer<Int>
        /// `Schnellrechnung.vierergruppen` of these products: groups of four k, their weights four side by side and
        /// where each group's start, the other k.
        let gfVier: UnsafeMutableBufferPointer<Int>, gfC4: UnsafeMutableBufferPointer<Double>
        let gfC4Start: UnsafeMutableBufferPointer<Int>, gfRest: UnsafeMutableBufferPointer<Int>
        let gfQ: UnsafeMutableBufferPointer<Double>, gfF: UnsafeMutableBufferPointer<Double>
        /// `Schnellrechnung.vierer` as plain memory.
        let vProdukte: UnsafeMutableBufferPointer<Int>, vArt: UnsafeMutableBufferPointer<UInt8>
        let vWerte: UnsafeMutableBufferPointer<Double>, vFest: UnsafeMutableBufferPointer<Double>
        let vEinzeln: UnsafeMutableBufferPointer<Int>, vImKern: UnsafeMutableBufferPointer<Int>
        let vMitKosten: UnsafeMutableBufferPointer<Int>
        let vFaelleArt: UnsafeMutableBufferPointer<UInt8>, vGf: UnsafeMutableBufferPointer<Int>
        /// Per k: where a product of a group of four (`gfVier`) whose cases `faelleSetzen` would copy from `gfF`
        /// has its row in the cases array (its product index · J), so that the kernel writes the cases there
        /// itself; −1 for the others (written to `gfF`, as `produkt` reads them).
        let gfDirekt: UnsafeMutableBufferPointer<Int>
        /// Whether the Sozialraum sums and the products' net cost use the processor's AVX2 instructions (the same
        /// bits either way).
        var avx2 = Prozessor.avx2
        /// The run's `Kumuliert.start` and `Kumuliert.gebiete`.
        let start: UnsafeMutableBufferPointer<Int>, gebiete: UnsafeMutableBufferPointer<Int>

        init(_ s: Schnellrechnung) {
            let n = s.p.n, N = s.zeilen.count, jp = Schnellrechnung.gepaart(n - 1)
            // At cache-line boundaries (`ausgerichtet`): the kernels read most of these tables in vectors.
            func kopie<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
                let b = UnsafeMutableBufferPointer<T>.ausgerichtet(a.count)
                _ = b.initialize(from: a)
                return b
            }
            func nullen<T>(_ anzahl: Int, _ wert: T) -> UnsafeMutableBufferPointer<T> {
                let b = UnsafeMutableBufferPointer<T>.ausgerichtet(anzahl)
                b.initialize(repeating: wert)
                return b
            }
            zeilen = kopie(s.zeilen)
            folge = kopie(s.folge)
            zeilenFolge = kopie(s.folge.map { s.zeilen[$0] })
            fest = kopie(s.festFlach)
            pfade = kopie(s.pfade)
            gewichte = kopie(s.gewichte)
            effekte = kopie(s.effekte)
            kosten = kopie(s.kosten)
            aktiv = nullen(s.p.modell.massnahmen.count, false)
            mkosten = nullen(s.kosten.count, 0.0)
            idxT = nullen(n, 1.0)
            idxS = nullen(n, 1.0)
            tarif = nullen(n, 0.0)
            sach = nullen(n, 0.0)
            quoteTrend = nullen(N, 0.0)
            fallkostenTrend = nullen(N, 0.0)
            erstattung = nullen(N, 0.0)
            mfaktor = nullen(N * n, 1.0)
            fkJahr = nullen(n, 0.0)
            klassenwerte = nullen(s.klassen.count * s.gewichteJeProdukt * jp, 0.0)
            klassen = kopie(s.klassen.flatMap { [$0.von, $0.bis, $0.geschlechtVon, $0.geschlechtBis] })
            let mit = s.zeilen.filter { $0.gfIndex >= 0 }
            gfR = kopie(mit.map { $0.tr.klasse * s.gewichteJeProdukt * jp })
            gfC = kopie(mit.map { $0.tr.gewichteStart })
            gfG = kopie(mit.map { Swift.min($0.tr.gewichteAnzahl, s.gewichteJeProdukt) })
            gfZeile = kopie(s.zeilen.indices.filter { s.zeilen[$0].gfIndex >= 0 })
            let gruppen = Schnellrechnung.vierergruppen(
                rStart: Array(gfR), gAnzahl: Array(gfG), cStart: Array(gfC), gewichte: s.gewichte, jahre: n - 1)
            gfVier = kopie(gruppen.vier)
            gfC4 = kopie(gruppen.c4)
            gfC4Start = kopie(gruppen.c4Start)
            gfRest = kopie(gruppen.rest)
            gfQ = nullen(mit.count * jp, 0.0)
            gfF = nullen(mit.count * jp, 0.0)
            start = nullen(n, 0)
            gebiete = nullen(n, 0)
            vProdukte = kopie(s.vierer.produkte)
            vArt = kopie(s.vierer.art)
            vWerte = kopie(s.vierer.werte)
            vFest = kopie(s.vierer.fest)
            vEinzeln = kopie(s.vierer.einzeln)
            vImKern = kopie(s.vierer.imKern)
            vMitKosten = kopie(s.vierer.mitKosten)
            vFaelleArt = kopie(s.vierer.faelleArt)
            vGf = kopie(s.vierer.gfIndex)
            var direkt = [Int](repeating: -1, count: mit.count)
            let inGruppe = Set(gruppen.vier)
            for (j, k) in s.vierer.imKern.enumerated() where s.vierer.faelleArt[j] == 2 {
                let g = s.vierer.gfIndex[j]
                if inGruppe.contains(g) { direkt[g] = s.folge[k] * (n - 1) }
            }
            gfDirekt = kopie(direkt)
        }

        deinit {
            zeilen.deallocate(); folge.deallocate(); zeilenFolge.deallocate(); fest.deallocate(); pfade.deallocate();
            gewichte.deallocate()
            effekte.deallocate(); kosten.deallocate(); aktiv.deallocate(); mkosten.deallocate()
            idxT.deallocate(); idxS.deallocate(); tarif.deallocate(); sach.deallocate()
            quoteTrend.deallocate(); fallkostenTrend.deallocate(); erstattung.deallocate(); mfaktor.deallocate()
            fkJahr.deallocate()
            klassenwerte.deallocate(); klassen.deallocate(); start.deallocate(); gebiete.deallocate()
            gfR.deallocate(); gfC.deallocate(); gfG.deallocate(); gfZeile.deallocate()
            gfVier.deallocate(); gfC4.deallocate(); gfC4Start.deallocate(); gfRest.deallocate()
            gfQ.deallocate(); gfF.deallocate()
            vProdukte.deallocate(); vArt.deallocate(); vWerte.deallocate(); vFest.deallocate()
            vEinzeln.deallocate(); vImKern.deallocate(); vMitKosten.deallocate(); vFaelleArt.deallocate()
            vGf.deallocate(); gfDirekt.deallocate()
        }
    }

    /// `J` forecast years rounded up to an even count (the stride of `Block.klassenwerte`).
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
        let n = p.n, J = n - 1, N = zeilen.count, b = w.block, B = p.modell.basisjahr
        precondition(zuschuss.count >= N * J && faelle.count >= N * J, "Schnellrechnung: Ergebnis zu kurz")
        precondition(a.tarif.count >= n && a.sachkosten.count >= n, "Schnellrechnung: Preispfad zu kurz")
        precondition(
            a.quoteTrend.count >= N && a.fallkostenTrend.count >= N && a.erstattungAnteil.count >= N,
            "Schnellrechnung: Produktwerte fehlen")
        // Which measures are active, by index into `modell.massnahmen`, and their factors on each product's rate
        // per year (looked up once per run, not per year, and only once where the measures stay fixed).
        if !(w.massnahmenFest && w.aktivGesetzt) {
            for (j, mn) in p.modell.massnahmen.enumerated() { b.aktiv[j] = a.massnahmen.contains(mn.id) }
            massnahmenfaktoren(b)
            w.aktivGesetzt = true
        }
        for t in 0..<n {
            b.tarif[t] = a.tarif[t]
            b.sach[t] = a.sachkosten[t]
            b.start[t] = kum.start[t]
            b.gebiete[t] = kum.gebiete[t]
        }
        if !w.produktwerteGezogen { produktwerte(a, b) }
        for j in 0..<b.mkosten.count { b.mkosten[j] = 0 }
        for t in 1..<n {
            b.idxT[t] = b.idxT[t - 1] * (1 + b.tarif[t])
            b.idxS[t] = b.idxS[t - 1] * (1 + b.sach[t])
            precondition(hoechstesGebiet < kum.gebiete[t], "Schnellrechnung: Gebiet fehlt in der Bevölkerung")
        }
        klassenwerte(kum, b)
        kum.gesamt.withUnsafeBufferPointer { ges in
            kum.jeGebiet.withUnsafeBufferPointer { jg in
                zuschuss.withUnsafeMutableBufferPointer { zb in
                    faelle.withUnsafeMutableBufferPointer { fb in
                        gebietsfaelle(b, faelle: fb.baseAddress!)
                        // The products in quads (`eckwert_produkte`): their cases first, then their net cost.
                        let ohneFaelleNull = w.ohneFaelleNull
                        for (j, k) in b.vImKern.enumerated() {
                            // The kind and the place of the Sozialraum cases from two small arrays: read from
                            // each product's `Zeile`, every product of every draw touched a cache line of its own.
                            let i = b.folge[k], art = Int(b.vFaelleArt[j])
                            if art == 0 && ohneFaelleNull { continue }
                            faelleSetzen(
                                i, art, b.vGf[j], b, ges, jg, kum.nc, fb.baseAddress! + i &* J)
                        }
                        eckwert_produkte(
                            b.avx2 ? 1 : 0, J, b.vArt.count, b.vProdukte.baseAddress, b.vArt.baseAddress,
                            b.vWerte.baseAddress, b.vFest.baseAddress, b.erstattung.baseAddress,
                            b.fallkostenTrend.baseAddress, b.idxT.baseAddress! + 1, b.idxS.baseAddress! + 1,
                            b.tarif.baseAddress! + 1, b.sach.baseAddress! + 1, fb.baseAddress, zb.baseAddress)
                        // Their measures' costs after (the last terms of each year, as in `produkt`).
                        for i in b.vMitKosten {
                            let z = UnsafePointer(b.zeilen.baseAddress! + i)
                            var keiner = 0.0
                            massnahmenkosten(z.pointee.kosten, b, 0, B, &keiner)
                            for t in 1..<n { massnahmenkosten(z.pointee.kosten, b, t, B, &zb[i &* J &+ t &- 1]) }
                        }
                        // The others one at a time.
                        for k in b.vEinzeln {
                            let i = b.folge[k], z = b.zeilenFolge[k]
                            let variabelI: [(Double, [Double])] =
                                z.hatVariabel
                                ? variabel[i].map {
                                    (
                                        $0.koeffizient,
                                        Fortschreibungsbasis.pfad(
                                            $0.linie, n: n, tarif: a.tarif, sachkosten: a.sachkosten)
                                    )
                                } : []
                            produkt(i, z, b, variabelI, ges, jg, kum.nc, zb, fb)
                        }
                    }
                }
            }
        }
        investitionenBuchen(a, zuschuss: &zuschuss)
    }

    /// The per-product values of `a` (quote trend, Fallkosten trend, Erstattung share, 0 where a product has
    /// none) into the block, where `rechnen` reads them.
    private func produktwerte(_ a: Rechenannahmen, _ b: Block) {
        for i in 0..<zeilen.count {
            b.quoteTrend[i] = a.quoteTrend[i]
            b.fallkostenTrend[i] = a.fallkostenTrend[i]
            b.erstattung[i] = a.erstattungAnteil[i] ?? 0
        }
    }

    /// For a caller that draws the per-product values into `w.block` itself before each `rechnen`
    /// (`Unsicherheit.ziehen`): those of `a` (the values it does not draw) put there once, and `rechnen` told not to
    /// copy them again.
    func produktwerteSetzen(_ a: Rechenannahmen, _ w: inout Arbeitsbereich) {
        precondition(
            a.quoteTrend.count >= zeilen.count && a.fallkostenTrend.count >= zeilen.count
                && a.erstattungAnteil.count >= zeilen.count, "Schnellrechnung: Produktwerte fehlen")
        produktwerte(a, w.block)
        w.produktwerteGezogen = true
    }

    /// Investments add to their product's net cost after it is set (as before, product by product): the values
    /// of `Investitionsrechnung.buchung`, with its Folgekosten computed here as it computes them (from the year of
    /// Inbetriebnahme, growing with the run's prices, times the share of the year in use) without building a
    /// `Buchung` per run.
    func investitionenBuchen(_ a: Rechenannahmen, zuschuss: inout [Double]) {
        let n = p.n, J = n - 1, B = p.modell.basisjahr
        for (k, x) in anlagen.enumerated() {
            var fk = 0.0
            for t in 0..<n {
                var folge = 0.0
                if let jaehrlich = x.jaehrlich {
                    if B + t == x.beginn {
                        fk = jaehrlich
                    } else if B + t > x.beginn {
                        fk *= 1 + a.sachkosten[t]
                    }
                    folge = fk * anlageAnteil[k * n + t]
                }
                guard t >= 1 else { continue }
                zuschuss[x.produkt * J + t - 1] +=
                    x.vzAfa * anlageAfa[k * n + t] + x.vzSop * anlageSop[k * n + t] + x.vzFolge * folge
            }
        }
    }

    /// Per product and year index, the product of its active measures' factors on the rate, in the order of its
    /// effects from 1 (1 where none is active; year index 0 is not read).
    private func massnahmenfaktoren(_ b: Block) {
        let n = p.n, B = p.modell.basisjahr
        for i in 0..<b.zeilen.count {
            let bereich = b.zeilen[i].effekte
            for t in 1..<n {
                var m = 1.0
                for e in bereich where b.aktiv[b.effekte[e].massnahme] { m *= b.effekte[e].faktor(B + t) }
                b.mfaktor[i * n + t] = m
            }
        }
    }

    /// The reference population of every Klasse per Sozialraum and forecast year: what a driver's reference
    /// population in Sozialraum g is (0 + the sexes' differences in order), read directly (`eckwert_klassenwerte`,
    /// four Sozialräume per vector; in Swift the row of Sozialräume was added one value at a time).
    private func klassenwerte(_ kum: Kumuliert, _ b: Block) {
        let n = p.n, G = gewichteJeProdukt, jp = Self.gepaart(n - 1), nc = kum.nc
        for t in 1..<n { precondition(G <= kum.gebiete[t], "Schnellrechnung: Gebiet fehlt in der Bevölkerung") }
        guard G > 0, !klassen.isEmpty else { return }
        kum.jeGebiet.withUnsafeBufferPointer { j in
            eckwert_klassenwerte(
                b.avx2 ? 1 : 0, klassen.count, b.klassen.baseAddress, n, G, jp, nc, b.start.baseAddress,
                b.gebiete.baseAddress, j.baseAddress, b.klassenwerte.baseAddress)
        }
    }

    /// Sozialraum cases (spec section 13) of every product with weights into `b.gfF`: per forecast year
    /// Σ_g (c · r̃_g · R_g(t)) · (trend · measures), computed as (Σ_g c · R) · q with the Sozialräume added in
    /// order from 0 (`eckwert_gebietsfaelle`: four products side by side per year where they share their reference
    /// population, else several years per vector and two products side by side, so that the processor overlaps
    /// their sums). The factor q is applied once to the sum rather than to each Sozialraum's term (as the
    /// forecast's Sozialraum rows are): one multiplication per term instead of two, which had bound the loop to
    /// the processor's multipliers; the two differ by rounding only (about 10⁻¹⁶ of the value).
    private func gebietsfaelle(_ b: Block, faelle ff: UnsafeMutablePointer<Double>) {
        let n = p.n, jp = Self.gepaart(n - 1), anzahl = b.gfZeile.count
        guard anzahl > 0 else { return }
        for k in 0..<anzahl {
            let i = b.gfZeile[k], qT = b.quoteTrend[i], mf = i &* n, qk = k &* jp
            var trendFaktor = 1.0
            for t in 1..<n {
                trendFaktor *= 1 + qT
                b.gfQ[qk &+ t &- 1] = trendFaktor * b.mfaktor[mf &+ t]
            }
        }
        eckwert_gebietsfaelle(
            b.avx2 ? 1 : 0, anzahl, jp, b.klassenwerte.baseAddress, b.gfR.baseAddress, b.gewichte.baseAddress,
            b.gfC.baseAddress, b.gfG.baseAddress, b.gfQ.baseAddress, b.gfF.baseAddress, n - 1,
            b.gfVier.count / 4, b.gfVier.baseAddress, b.gfC4.baseAddress, b.gfC4Start.baseAddress, b.gfRest.count,
            b.gfRest.baseAddress, ff, b.gfDirekt.baseAddress)
    }

    /// The products with Sozialraum weights (k = 0 ..< rStart.count: where their reference population starts,
    /// how many Sozialräume they add, where their weights start in `gewichte`) in groups of four that share the
    /// reference population and the count — in the order of k, each group formed once its fourth member comes —
    /// and the others in the order of k, for `eckwert_gebietsfaelle`: a group adds four products in the lanes of
    /// one vector per year, where two products each take a vector of four years and one of the remaining two (with
    /// five forecast years: ten multiplications per Sozialraum for four products instead of sixteen). c4 holds each
    /// group's weights four side by side per Sozialraum, from c4Start[j]. Groups only for 1 … 8 forecast years.
    static func vierergruppen(
        rStart: [Int], gAnzahl: [Int], cStart: [Int], gewichte: [Double], jahre: Int
    ) -> (
        vier: [Int], c4: [Double], c4Start: [Int], rest: [Int]
    ) {
        guard (1...8).contains(jahre) else { return ([], [], [], Array(rStart.indices)) }
        struct Schluessel: Hashable { let r: Int, g: Int }
        let (gruppen, rest) = zuVieren(Array(rStart.indices)) { Schluessel(r: rStart[$0], g: gAnzahl[$0]) }
        var vier: [Int] = [], c4: [Double] = [], c4Start: [Int] = []
        for liste in gruppen {
            c4Start.append(c4.count)
            for g in 0..<gAnzahl[liste[0]] { for l in liste { c4.append(gewichte[cStart[l] + g]) } }
            vier += liste
        }
        return (vier, c4, c4Start, rest)
    }

    /// `elemente` in groups of four with the same key, each group formed once its fourth member comes (in the
    /// order of `elemente`), and the elements left over, in their order.
    static func zuVieren<Schluessel: Hashable>(
        _ elemente: [Int], schluessel: (Int) -> Schluessel
    ) -> (gruppen: [[Int]], rest: [Int]) {
        var offen: [Schluessel: [Int]] = [:], gruppen: [[Int]] = []
        var inGruppe = Set<Int>()
        for e in elemente {
            let s = schluessel(e)
            var liste = offen[s, default: []]
            liste.append(e)
            if liste.count == 4 {
                gruppen.append(liste)
                inGruppe.formUnion(liste)
                liste = []
            }
            offen[s] = liste
        }
        return (gruppen, elemente.filter { !inGruppe.contains($0) })
    }

    /// Product i's net cost and cases per forecast year (its Sozialraum cases already in `b.gfF`); `ges`, `jg`
    /// are the run's `Kumuliert.gesamt` and `jeGebiet` (`nc` cuts). Written straight into the product's rows of
    /// `zuschuss` and `faelle` one term at a time for all years: each year's net cost still adds its terms in the
    /// order of the formula (prices, fixed lines, variable lines, cases · Fallkosten, refund, measures), but the
    /// per-year loops carry no chains besides the running Fallkosten and no branches on the product's kind.
    @inline(__always)
    private func produkt(
        _ i: Int, _ z: Zeile, _ b: Block, _ variabelI: [(Double, [Double])], _ ges: UnsafeBufferPointer<Double>,
        _ jg: UnsafeBufferPointer<Double>, _ nc: Int, _ zuschuss: UnsafeMutableBufferPointer<Double>,
        _ faelle: UnsafeMutableBufferPointer<Double>
    ) {
        let n = p.n, J = n &- 1, B = p.modell.basisjahr
        let zz = zuschuss.baseAddress! + i &* J, ff = faelle.baseAddress! + i &* J
        let idxT = b.idxT.baseAddress! + 1, idxS = b.idxS.baseAddress! + 1
        let bT = z.bT, bS = z.bS, bK = z.bK
        for t in 0..<J { zz[t] = bT * idxT[t] + bS * idxS[t] + bK }
        if z.festO >= 0 {
            let fest = b.fest.baseAddress! + (z.festO &+ 1)
            for t in 0..<J { zz[t] += fest[t] }
        }
        for (v, pfad) in variabelI { for t in 0..<J { zz[t] += v * pfad[t &+ 1] } }
        faelleSetzen(i, z.art, z.gfIndex, b, ges, jg, nc, ff)
        if z.art != 0 && z.hatKB {
            let tr = z.tr, pa = tr.personalanteil, pb = 1 - pa, fkT = 1 + b.fallkostenTrend[i]
            let tarif = b.tarif.baseAddress! + 1, sach = b.sach.baseAddress! + 1
            // The running Fallkosten: the only chain from year to year.
            let fkJahr = b.fkJahr.baseAddress!
            var fk = z.kB
            for t in 0..<J {
                fk *= (1 + pa * tarif[t] + pb * sach[t]) * fkT
                fkJahr[t] = fk
            }
            let vK = tr.vzKonto
            if tr.hatErstattung {
                let vE = tr.vzErstattung, erst = b.erstattung[i]
                for t in 0..<J {
                    let A = ff[t] * fkJahr[t]
                    zz[t] = zz[t] + vK * A + vE * A * erst
                }
            } else {
                for t in 0..<J { zz[t] += vK * (ff[t] * fkJahr[t]) }
            }
        }
        if !z.kosten.isEmpty {
            // The measures' running costs in the Basisjahr (they start there when a measure began before).
            var keiner = 0.0
            massnahmenkosten(z.kosten, b, 0, B, &keiner)
            for t in 1..<n { massnahmenkosten(z.kosten, b, t, B, &zz[t &- 1]) }
        }
    }

    /// Product i's cases per forecast year into ff[t − 1] by its kind (`Zeile.art`): 0 without a driver, its
    /// Sozialraum cases (`b.gfF` at place `gfIndex`), or `faelleOhneGewichte`.
    @inline(__always)
    private func faelleSetzen(
        _ i: Int, _ art: Int, _ gfIndex: Int, _ b: Block, _ ges: UnsafeBufferPointer<Double>,
        _ jg: UnsafeBufferPointer<Double>, _ nc: Int, _ ff: UnsafeMutablePointer<Double>
    ) {
        let J = p.n &- 1
        switch art {
        case 0: for t in 0..<J { ff[t] = 0 }
        case 2:
            // Written here by the kernel already (`gfDirekt`), else copied from `gfF`.
            guard b.gfDirekt[gfIndex] < 0 else { return }
            let gf = b.gfF.baseAddress! + gfIndex &* Self.gepaart(J)
            for t in 0..<J { ff[t] = gf[t] }
        default: faelleOhneGewichte(i, b, ges, jg, nc, ff)
        }
    }

    /// The cases of a product with a driver but without Sozialraum weights into ff[t − 1], t = 1 ..< n: rate
    /// (Ist rate · running trend, or the path) · measures, times the reference population. The product's `Zeile`
    /// is read in place (`b.zeilen[i]`): passed by value to this function, which is not inlined, the 280 bytes were
    /// copied for every product of every draw (memmove, ~2.5 % of the draws' samples).
    @inline(never)
    private func faelleOhneGewichte(
        _ i: Int, _ b: Block, _ ges: UnsafeBufferPointer<Double>, _ jg: UnsafeBufferPointer<Double>,
        _ nc: Int, _ ff: UnsafeMutablePointer<Double>
    ) {
        let z = UnsafePointer(b.zeilen.baseAddress! + i)
        let n = p.n, tr = z.pointee.tr, qT = b.quoteTrend[i]
        let s0 = z.pointee.s0, s1 = z.pointee.s1, gebiet = z.pointee.gebiet
        var trendFaktor = 1.0
        for t in 1..<n {
            trendFaktor *= 1 + qT
            let m = b.mfaktor[i * n + t]
            // The reference population: 0 + each sex's difference of the cumulative sums.
            var R = 0.0
            if !tr.gebietUnbekannt {
                for s in s0...s1 {
                    if gebiet >= 0 {
                        let Gt = b.gebiete[t], o = b.start[t] + s * nc * Gt + gebiet
                        R += jg[o + tr.bisSchnitt * Gt] - jg[o + tr.vonSchnitt * Gt]
                    } else {
                        let o = (t * 2 + s) * nc
                        R += ges[o + tr.bisSchnitt] - ges[o + tr.vonSchnitt]
                    }
                }
            }
            var r = tr.quoteIst ? tr.rB * trendFaktor : b.pfade[tr.pfad + t]
            r *= m
            ff[t - 1] = r * R
        }
    }

    /// The running costs of the product's active measures in year index t (each starts with its yearly amount in
    /// its first year and grows with the prices after), each added to `z` in order from year index 1 on.
    @inline(__always)
    private func massnahmenkosten(_ bereich: Range<Int>, _ b: Block, _ t: Int, _ B: Int, _ z: inout Double) {
        for j in bereich where b.aktiv[b.kosten[j].index] && B + t >= b.kosten[j].ab {
            let mn = b.kosten[j]
            b.mkosten[j] = B + t == mn.ab ? mn.jaehrlich : b.mkosten[j] * (1 + b.sach[t])
            if t >= 1 { z += mn.vz * b.mkosten[j] }
        }
    }
}
