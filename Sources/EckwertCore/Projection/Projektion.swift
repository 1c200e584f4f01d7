/// The forecasting engine (modellformat.md sections 4–7): population → caseloads → costs → Ergebnisplan and Finanzplan
/// lines, per product, for the years Basisjahr … Horizont. Everything unrounded.
///
/// A `Projektion` precomputes what does not depend on the scenario (base lines, base rates and costs, measure
/// and investment lookups) once; `rechnen` then runs one set of assumptions.
public struct Projektion: Sendable {
    public let modell: Planungsmodell
    let schema: Kontenrahmen
    let n: Int  // number of years incl. B
    let zeilenIndex: [String: Int]
    let finanzIndex: [String: Int]
    let basis: [[Double]]  // per product: Buchungszeilen at B (index by line), the Ist as booked
    /// The base and Fortschreibung of every line without a driver (Sondereffekte out, Ansatz years, trend).
    public let fortschreibung: Fortschreibungsbasis
    let faelleB: [Double?]
    let kB: [Double?]  // cost per case at B
    let rB: [Double?]  // rate at B (quote: ist)
    let bezugB: [Double?]
    /// Per product: the smoothed small-area rates where it has Sozialraum cases (spec section 13), else nil.
    public let kleinraum: [Kleinraum.Raten?]
    /// Per product: which measure effects act on it.
    let wirkungen: [[(massnahme: String, wirkung: Massnahme.Wirkung)]]
    /// As `wirkungen`, each effect with its measure's index in the model (what `Massnahmenschalter` is read by).
    let wirkungsindex: [[(massnahme: Int, wirkung: Massnahme.Wirkung)]]
    /// Per product: the rows of its Fallkosten and Erstattung Konten (−1: none, or not a line of the scheme);
    /// per measure: the row of its cost Konto. Resolved once, not looked up by key per product and run.
    let fallkostenzeile: [Int]
    let erstattungszeile: [Int]
    let massnahmenzeile: [Int]
    /// Per product with small-area rates: their weights `Kleinraum.Raten.gewichte` (formed once, not per run);
    /// empty for the others.
    let kleinraumgewichte: [[Double]]
    let produktIndex: [String: Int]
    /// Which reference-population sums the drivers read (see `Bezugssummen`).
    let bezugsverzeichnis: Bezugssummen.Verzeichnis
    /// How the scheme's sum lines are formed, as row indices (see `Summen.Plan`).
    let summenplan: Summen.Plan
    let finanzsummenplan: Summen.Plan
    /// How the Finanzplan follows from the Ergebnisplan, as row indices (see `Finanzrechnung.Plan`).
    let finanzrechnung: Finanzrechnung.Plan
    /// Per Ergebnisplan line: whether it is a sum line.
    let summenzeile: [Bool]
    /// The model's Ist by year, product and line.
    let isttabelle: Isttabelle
    /// Per product: the indices of the measures booked on it and of its investments, in model order.
    let eigeneMassnahmen: [[Int]]
    let eigeneInvestitionen: [[Int]]

    public init(_ m: Planungsmodell) { self.init(m, Isttabelle(m), Bezugssummen.Verzeichnis(m)) }

    /// As `init(_:)` on the model's Ist already in a table (so that the Ist run can start beside the rest) and its
    /// reference-population selections already formed (shared with the populations' sums); `basissummen`, when
    /// given, are `Bezugssummen(verzeichnis, [m.bevoelkerung])` formed once for this and the scenarios' year 0.
    init(
        _ m: Planungsmodell, _ ist: Isttabelle, _ verzeichnis: Bezugssummen.Verzeichnis,
        basissummen gegeben: Bezugssummen? = nil
    ) {
        modell = m
        schema = m.kontenrahmen
        n = m.horizont - m.basisjahr + 1
        zeilenIndex = Dictionary(uniqueKeysWithValues: m.kontenrahmen.zeilen.enumerated().map { ($1.key, $0) })
        finanzIndex = Dictionary(uniqueKeysWithValues: m.kontenrahmen.finanzplan.enumerated().map { ($1.key, $0) })
        // By index: enumerating the products would copy each whole `Produkt`.
        produktIndex = Dictionary(m.produkte.indices.map { (m.produkte[$0].nr, $0) }, uniquingKeysWith: { a, _ in a })
        // The Basisjahr cases per Sozialraum (small-area forecast) need only the model: looked up on the second
        // core while the Ist table is built.
        let basisfaelle = Nebenher { Self.basisfaelleJeGebiet(m) }
        isttabelle = ist
        fortschreibung = Fortschreibungsbasis(m, ist)
        bezugsverzeichnis = verzeichnis
        summenplan = Summen.Plan(m.kontenrahmen.zeilen)
        finanzsummenplan = Summen.Plan(m.kontenrahmen.finanzplan)
        finanzrechnung = Finanzrechnung.Plan(m.kontenrahmen, finanzIndex: finanzIndex)
        let summenzeile = m.kontenrahmen.zeilen.map(\.istSumme)
        self.summenzeile = summenzeile
        let basissummen = gegeben ?? Bezugssummen(verzeichnis, [m.bevoelkerung])
        let B = m.basisjahr
        var basis: [[Double]] = []
        var faelleB: [Double?] = [], kB: [Double?] = [], rB: [Double?] = [], bezugB: [Double?] = []
        // Every line key and `faelle` have a column of the Ist table: resolved once, not per product.
        let spalten = m.kontenrahmen.zeilen.map { ist.spalte($0.key) }
        let jB = ist.jahrIndex(B), spalteFaelle = ist.spalte("faelle")
        func istB(_ i: Int, _ spalte: Int?, _ key: String) -> Double? {
            guard let spalte else { return ist.wert(m, B, i, key) }
            return jB.flatMap { ist.wert($0, i, spalte) }
        }
        // Each product's fields read in place (a whole `Produkt` is not copied).
        for i in m.produkte.indices {
            basis.append(
                summenzeile.indices.map { z in
                    summenzeile[z] ? 0 : (istB(i, spalten[z], m.kontenrahmen.zeilen[z].key) ?? 0)
                })
            let f = istB(i, spalteFaelle, "faelle")
            faelleB.append(f)
            if let fk = m.produkte[i].fallkosten {
                switch fk.basis {
                case .betrag(let b): kB.append(b)
                case .ist:
                    if let f, f != 0 { kB.append((ist.wert(m, B, i, fk.konto) ?? 0) / f) } else { kB.append(nil) }
                }
            } else {
                kB.append(nil)
            }
            if let fz = m.produkte[i].fallzahl {
                let R = basissummen.produkt(i, fz.bezug, 0)
                bezugB.append(R)
                switch fz.quote {
                case .ist: rB.append(f.flatMap { R > 0 ? $0 / R : nil })
                case .je1000(let pfad): rB.append(pfad.wert(B) / 1000)
                }
            } else {
                bezugB.append(nil)
                rB.append(nil)
            }
        }
        self.basis = basis
        self.faelleB = faelleB
        self.kB = kB
        self.rB = rB
        self.bezugB = bezugB
        let jeGebiet = basisfaelle.ergebnis()
        let kleinraum = m.produkte.indices.map { i in
            Self.kleinraum(m, i, i < jeGebiet.count ? jeGebiet[i] : nil, faelleB[i], bezugB[i], basissummen)
        }
        self.kleinraum = kleinraum
        kleinraumgewichte = kleinraum.map { $0?.gewichte ?? [] }
        var w = Array(repeating: [(massnahme: String, wirkung: Massnahme.Wirkung)](), count: m.produkte.count)
        var wi = Array(repeating: [(massnahme: Int, wirkung: Massnahme.Wirkung)](), count: m.produkte.count)
        let idx = produktIndex
        for (k, mn) in m.massnahmen.enumerated() {
            for x in mn.wirkung {
                if let i = idx[x.produkt] {
                    w[i].append((mn.id, x))
                    wi[i].append((k, x))
                }
            }
        }
        wirkungen = w
        wirkungsindex = wi
        let zeilenIndex = zeilenIndex
        fallkostenzeile = m.produkte.indices.map { i in
            m.produkte[i].fallkosten.flatMap { zeilenIndex[$0.konto] } ?? -1
        }
        erstattungszeile = m.produkte.indices.map { i in
            m.produkte[i].erstattung.flatMap { zeilenIndex[$0.konto] } ?? -1
        }
        massnahmenzeile = m.massnahmen.indices.map { k in zeilenIndex[m.massnahmen[k].kosten.konto] ?? -1 }
        var jeNummer: [String: [Int]] = [:]
        for i in m.produkte.indices { jeNummer[m.produkte[i].nr, default: []].append(i) }
        func zuordnen(_ produkte: [String]) -> [[Int]] {
            var eigene = [[Int]](repeating: [], count: m.produkte.count)
            for (k, nr) in produkte.enumerated() { for i in jeNummer[nr] ?? [] { eigene[i].append(k) } }
            return eigene
        }
        eigeneMassnahmen = zuordnen(m.massnahmen.map(\.produkt))
        eigeneInvestitionen = zuordnen(m.investitionen.map(\.produkt))
    }

    public var jahre: [Int] { Array(modell.basisjahr...modell.horizont) }

    /// Per product: its Basisjahr case number in every Sozialraum of bevoelkerung.csv (`faelle_gebiete.csv`)
    /// when it has `quote: ist` and a city-wide reference population; nil otherwise or where one is missing.
    /// Read from the raster of the cases (a block per product and year, a value per Sozialraum position): the one
    /// the loader built for its checks while the model keeps it, else one built here. A Sozialraum is read at its
    /// id's first position; every value is the one `Sozialraumdaten.faelle(_:_:_:)` returns.
    static func basisfaelleJeGebiet(_ m: Planungsmodell) -> [[Double]?] {
        guard !m.sozialraum.faelle.isEmpty else { return Array(repeating: nil, count: m.produkte.count) }
        let gebiete = m.bevoelkerung.gebiete, G = gebiete.count, B = m.basisjahr
        let r =
            m.sozialraum.faelleraster(gebiete: gebiete)
            ?? Gebietsfallraster(gebiete: gebiete, faelle: m.sozialraum.faelle)
        return m.produkte.indices.map { i -> [Double]? in
            guard let fz = m.produkte[i].fallzahl, fz.quote == .ist, fz.bezug.gebiet == nil,
                let p = r.produktIndex[m.produkte[i].nr], let block = r.block(p, B)
            else { return nil }
            var f: [Double] = []
            f.reserveCapacity(G)
            for g in 0..<G {
                guard let v = r.wert(block, g) else { return nil }
                f.append(v)
            }
            return f
        }
    }

    /// The smoothed rates of product i when it has `quote: ist`, a city-wide reference population and a Basisjahr
    /// case number for every Sozialraum in `faelle_gebiete.csv` (`f`, from `basisfaelleJeGebiet`); otherwise nil
    /// (section 5 holds unchanged).
    static func kleinraum(
        _ m: Planungsmodell, _ i: Int, _ f: [Double]?, _ faelleB: Double?, _ bezugB: Double?, _ summen: Bezugssummen
    ) -> Kleinraum.Raten? {
        guard let fz = m.produkte[i].fallzahl, let f, let F_B = faelleB, let R_B = bezugB else { return nil }
        let R = f.indices.map { summen.gebiet(i, $0, 0) }
        return Kleinraum.raten(f: f, R: R, faelleStadt: F_B, bezugStadt: R_B, glaettung: fz.glaettung)
    }

    // MARK: - Population

    /// Population for every year B … H under the assumptions (index 0 = the base population).
    public func bevoelkerung(_ a: Szenario.Bevoelkerungsannahmen) -> (jahre: [Bevoelkerung], warnungen: [Diagnostic]) {
        Self.bevoelkerung(modell, a)
    }

    /// As `bevoelkerung(_:)`, from the model alone (so that it can run before the `Projektion` is formed).
    static func bevoelkerung(
        _ m: Planungsmodell, _ a: Szenario.Bevoelkerungsannahmen
    ) -> (jahre: [Bevoelkerung], warnungen: [Diagnostic]) {
        let n = m.horizont - m.basisjahr + 1
        switch a.methode {
        case .vorausberechnung:
            let v = a.variante.flatMap { m.vorausberechnung?.varianten[$0] } ?? [:]
            var out = [m.bevoelkerung]
            for j in (m.basisjahr + 1)...m.horizont { out.append(v[j] ?? out[out.count - 1]) }
            return (out, [])
        case .kohorten:
            guard let st = m.sterbetafel, let fr = m.fruchtbarkeit, let wa = m.wanderung else {
                return (Array(repeating: m.bevoelkerung, count: n), [])
            }
            let ann = Kohortenannahmen(
                sterbetafel: st, fruchtbarkeit: fr, geburtenziffer: a.geburtenziffer,
                sterblichkeit: a.sterblichkeit, wanderungssaldo: a.wanderungssaldo,
                wanderungsprofil: wa)
            let r = Kohortenmodell.projektion(
                basis: m.bevoelkerung, basisjahr: m.basisjahr, bis: m.horizont, annahmen: ann)
            return ([m.bevoelkerung] + r.jahre, r.klemmungen.map(\.diagnostic))
        }
    }

    // MARK: - One run

    /// Runs one scenario. With `teile` > 1 its products are computed in that many pieces side by side (each
    /// product depends on nothing but its own inputs, so the result is the same): for a caller that runs one
    /// scenario at a time while the other cores wait (`eckwert forecast`).
    public func rechnen(_ s: Szenario, teile: Int = 1) -> Rechenergebnis {
        let pop = bevoelkerung(s.bevoelkerung)
        let a = Rechenannahmen(modell: modell, szenario: s)
        guard teile > 1, modell.produkte.count >= teile else {
            return rechnen(name: s.name, annahmen: a, bevoelkerung: pop.jahre, warnungen: pop.warnungen)
        }
        let summen = bezugssummen(pop.jahre), P = modell.produkte.count
        var stuecke = parallelAbbilden(teile) { t in self.produkte((P * t / teile)..<(P * (t + 1) / teile), a, summen) }
        // The first piece is taken over (not copied), the others appended to it.
        var produkte: [Produktergebnis] = []
        swap(&produkte, &stuecke[0])
        for t in 1..<teile { produkte += stuecke[t] }
        return Rechenergebnis(
            szenario: s.name, jahre: jahre, bevoelkerung: pop.jahre, produkte: produkte, warnungen: pop.warnungen)
    }

    /// Runs a set of assumptions on a given population path (so that runs that differ only in measures or prices
    /// share one population projection).
    public func rechnen(
        name: String, annahmen a: Rechenannahmen, bevoelkerung pop: [Bevoelkerung],
        warnungen: [Diagnostic] = []
    ) -> Rechenergebnis {
        rechnen(name: name, annahmen: a, bevoelkerung: pop, summen: bezugssummen(pop), warnungen: warnungen)
    }

    /// As `rechnen(name:annahmen:bevoelkerung:warnungen:)` with the population's sums already formed.
    func rechnen(
        name: String, annahmen a: Rechenannahmen, bevoelkerung pop: [Bevoelkerung], summen: Bezugssummen,
        warnungen: [Diagnostic]
    ) -> Rechenergebnis {
        Rechenergebnis(
            szenario: name, jahre: jahre, bevoelkerung: pop, produkte: produkte(modell.produkte.indices, a, summen),
            warnungen: warnungen)
    }

    /// The results of the products in `bereich` (model order) under one set of assumptions: each product's
    /// result depends on nothing but its own inputs, so ranges may be computed apart and joined.
    func produkte(_ bereich: Range<Int>, _ a: Rechenannahmen, _ summen: Bezugssummen) -> [Produktergebnis] {
        var produkte: [Produktergebnis] = []
        produkte.reserveCapacity(bereich.count)
        // One row of zeros for the piece's zero lines (see `Produktergebnis.zeilen`) and one set of work rows;
        // per piece, so that the workers do not count references on one shared array.
        var platz = Arbeitsplatz(self, a)
        for i in bereich { produkte.append(produkt(i, a, summen, &platz)) }
        return produkte
    }

    /// What the products of one run share: the zero row, the flat plans being computed (overwritten product by
    /// product instead of allocated each time) and which measures are active, by measure index (the set of
    /// ids is asked once per run instead of once per product, effect and year).
    struct Arbeitsplatz {
        let null: [Double]
        var ep: [Double]
        var fp: [Double]
        var sonderposten: [Double]
        let aktiv: [Bool]

        init(_ p: Projektion, _ a: Rechenannahmen) {
            null = [Double](repeating: 0, count: p.n)
            ep = [Double](repeating: 0, count: p.summenzeile.count * p.n)
            fp = [Double](repeating: 0, count: p.schema.finanzplan.count * p.n)
            sonderposten = null
            aktiv = Self.aktiv(p.modell, a)
        }

        /// Per measure of the model: whether the assumptions include it.
        static func aktiv(_ m: Planungsmodell, _ a: Rechenannahmen) -> [Bool] {
            m.massnahmen.indices.map { a.massnahmen.contains(m.massnahmen[$0].id) }
        }
    }

    /// The reference-population sums of a population path (index = year index), for `produkt`.
    func bezugssummen(_ pop: [Bevoelkerung]) -> Bezugssummen { Bezugssummen(bezugsverzeichnis, pop) }

    /// The combined effect factor of the active measures on product i in year index t.
    func wirkungsfaktor(_ i: Int, _ a: Rechenannahmen, _ t: Int) -> Double {
        var f = 1.0
        for w in wirkungen[i] where a.massnahmen.contains(w.massnahme) { f *= w.wirkung.faktor(modell.basisjahr + t) }
        return f
    }

    /// As `wirkungsfaktor(_:_:_:)` with the active measures by index (`Arbeitsplatz.aktiv`): the same factors
    /// multiplied in the same order.
    @inline(__always)
    func wirkungsfaktor(_ i: Int, _ aktiv: [Bool], _ t: Int) -> Double {
        var f = 1.0
        for w in wirkungsindex[i] where aktiv[w.massnahme] { f *= w.wirkung.faktor(modell.basisjahr + t) }
        return f
    }

    // swiftlint:disable:next function_body_length
    /// Product i under one set of assumptions. Its fields are read from the model in place: a whole `Produkt`
    /// copied per product and run costs more than the arithmetic.
    /// `null` (n zeros) is the row the zero lines share; without it the product forms its own.
    func produkt(_ i: Int, _ a: Rechenannahmen, _ summen: Bezugssummen) -> Produktergebnis {
        var platz = Arbeitsplatz(self, a)
        return produkt(i, a, summen, &platz)
    }

    /// As `produkt(_:_:_:)` in the work rows of `platz` (a run's products one after the other).
    func produkt(
        _ i: Int, _ a: Rechenannahmen, _ summen: Bezugssummen, _ platz: inout Arbeitsplatz
    ) -> Produktergebnis {
        let m = modell, B = m.basisjahr
        let L = summenzeile.count, n = n
        // Both plans flat and line-major (`[zeile · n + t]`) while they are computed; rows at the end. The work
        // rows start at zero as fresh ones would.
        precondition(platz.ep.count == L * n && platz.fp.count == schema.finanzplan.count * n, "Arbeitsplatz: Längen")
        platz.ep.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        platz.fp.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        platz.sonderposten.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        buchungszeilen(i, a, &platz.ep)
        var erg = Produktergebnis(nr: m.produkte[i].nr, ergebnisplan: [], finanzplan: [])
        // Driver.
        if m.produkte[i].fallzahl != nil {
            treiber(i, a, summen, platz.aktiv, &platz.ep, &erg)
        }
        // Measures' own cost, booked on their product; fields read in place.
        for k in eigeneMassnahmen[i] where platz.aktiv[k] {
            let kz = massnahmenzeile[k]
            guard kz >= 0 else { continue }
            let ab = m.massnahmen[k].kosten.ab, jaehrlich = m.massnahmen[k].kosten.jaehrlich
            var c = 0.0
            for t in 0..<n where B + t >= ab {
                c = B + t == ab ? jaehrlich : c * (1 + a.sachkosten[t])
                if t >= 1 { platz.ep[kz * n + t] += c }  // the Basisjahr column is Ist
            }
        }
        // Investments.
        for k in eigeneInvestitionen[i] {
            let inv = m.investitionen[k]
            let b = Investitionsrechnung.buchung(inv, basisjahr: B, n: n, sachkosten: a.sachkosten)
            Investitionsrechnung.buchen(
                b, inv, schema: schema, zeilenIndex: zeilenIndex, finanzIndex: finanzIndex,
                ep: &platz.ep, fp: &platz.fp)
            for t in 0..<n { platz.sonderposten[t] += b.sonderposten[t] }
        }
        summenplan.anwenden(flach: &platz.ep, n: n)
        finanzrechnung.ableiten(ep: platz.ep, fp: &platz.fp, n: n, sonderposten: platz.sonderposten)
        erg.ergebnisplan = Produktergebnis.zeilen(platz.ep, anzahl: L, n: n, null: platz.null)
        erg.finanzplan = Produktergebnis.zeilen(platz.fp, anzahl: schema.finanzplan.count, n: n, null: platz.null)
        return erg
    }

    /// The Buchungszeilen of product i into the flat `ep`: the Ist of B as booked; then from its base
    /// (Sondereffekte out) or the Ansatz years. A line's fixed years are read only where it has any.
    private func buchungszeilen(_ i: Int, _ a: Rechenannahmen, _ ep: inout [Double]) {
        let n = n
        precondition(a.tarif.count >= n && a.sachkosten.count >= n, "Projektion: Jahresraten zu kurz")
        fortschreibung.linien[i].withUnsafeBufferPointer { linien in
            basis[i].withUnsafeBufferPointer { basis in
                summenzeile.withUnsafeBufferPointer { summenzeile in
                    a.tarif.withUnsafeBufferPointer { tarif in
                        a.sachkosten.withUnsafeBufferPointer { sachkosten in
                            ep.withUnsafeMutableBufferPointer { ep in
                                precondition(linien.count >= summenzeile.count && basis.count >= summenzeile.count)
                                for z in summenzeile.indices where !summenzeile[z] {
                                    var x = linien[z].start
                                    ep[z * n] = basis[z]
                                    let art = linien[z].art, wachstum = linien[z].wachstum
                                    if let fest = linien[z].fest {
                                        for t in 1..<n {
                                            if let f = fest[t] {
                                                x = f
                                            } else {
                                                x *= Fortschreibungsbasis.faktor(
                                                    art, wachstum, tarif: tarif[t], sachkosten: sachkosten[t])
                                            }
                                            ep[z * n + t] = x
                                        }
                                    } else {
                                        for t in 1..<n {
                                            x *= Fortschreibungsbasis.faktor(
                                                art, wachstum, tarif: tarif[t], sachkosten: sachkosten[t])
                                            ep[z * n + t] = x
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The driver of product i (modellformat.md section 5): reference population, rate, cases, cost per case
    /// and Erstattung into the flat Ergebnisplan `ep`, the quantities and capacity into `erg`. The product's
    /// fields are read in place; `aktiv` are the run's measures by index (`Arbeitsplatz.aktiv`).
    private func treiber(
        _ i: Int, _ a: Rechenannahmen, _ summen: Bezugssummen, _ aktiv: [Bool],
        _ ep: inout [Double], _ erg: inout Produktergebnis
    ) {
        let B = modell.basisjahr, n = n
        guard let bezug = modell.produkte[i].fallzahl?.bezug else { return }
        var R = [Double](repeating: 0, count: n), r = R, F = R
        if kleinraum[i] != nil {
            // F(t): the Sozialräume's cases summed in their order, starting from 0.
            let jeGebiet = gebietsfaelle(i, a, summen, aktiv, summe: &F)
            for t in 0..<n {
                R[t] = summen.produkt(i, bezug, t)
                r[t] = R[t] > 0 ? F[t] / R[t] : 0
            }
            erg.gebietsfaelle = jeGebiet
        } else {
            let rB = rB[i] ?? 0, trend = 1 + a.quoteTrend[i]
            for t in 0..<n {
                R[t] = summen.produkt(i, bezug, t)
                let basisquote: Double
                if case .je1000(let pfad)? = modell.produkte[i].fallzahl?.quote {
                    basisquote = pfad.wert(B + t) / 1000
                } else {
                    basisquote = rB * pow1(trend, t)
                }
                r[t] = basisquote * (t == 0 ? 1 : wirkungsfaktor(i, aktiv, t))
                F[t] = r[t] * R[t]
            }
        }
        if let f0 = faelleB[i] { F[0] = f0 }
        erg.bezug = R
        erg.quote = r
        erg.faelle = F
        let kz = fallkostenzeile[i]
        if let k0 = kB[i], kz >= 0, let personalanteil = modell.produkte[i].fallkosten?.personalanteil {
            var k = [Double](repeating: k0, count: n)
            let trend = 1 + a.fallkostenTrend[i]
            for t in 1..<n {
                k[t] =
                    k[t - 1] * (1 + personalanteil * a.tarif[t] + (1 - personalanteil) * a.sachkosten[t]) * trend
            }
            erg.fallkosten = k
            for t in 1..<n { ep[kz * n + t] = F[t] * k[t] }
            if modell.produkte[i].fallkosten?.basis != .ist { ep[kz * n] = basis[i][kz] }
            let ez = erstattungszeile[i]
            if ez >= 0, let anteilModell = modell.produkte[i].erstattung?.anteil {
                let anteil = a.erstattungAnteil[i] ?? anteilModell
                for t in 1..<n { ep[ez * n + t] = ep[kz * n + t] * anteil }
            }
        }
        if let kap = modell.produkte[i].kapazitaet {
            erg.kapazitaet = kapazitaet(i, modell.produkte[i].nr, kap, r, F, summen, jeGebiet: erg.gebietsfaelle)
        }
    }

    /// Cases per Sozialraum `[gebiet][t]`: `F_g(t) = (c · r̃_g · R_g(t)) · (trend(t) · measures(t))`, in the
    /// order of bevoelkerung.csv; their sum is the city's cases, and in the Basisjahr it equals the Ist.
    /// Nil unless product i has small-area rates.
    func gebietsfaelle(_ i: Int, _ a: Rechenannahmen, _ summen: Bezugssummen) -> Reihentabelle? {
        guard kleinraum[i] != nil else { return nil }
        var summe = [Double](repeating: 0, count: n)
        return gebietsfaelle(i, a, summen, Arbeitsplatz.aktiv(modell, a), summe: &summe)
    }

    /// As `gebietsfaelle(_:_:_:)` for a product with small-area rates, each year's cases also added to `summe[t]`
    /// Sozialraum by Sozialraum in their order (one year after the other, each year's sum kept in a register).
    func gebietsfaelle(
        _ i: Int, _ a: Rechenannahmen, _ summen: Bezugssummen, _ aktiv: [Bool], summe: inout [Double]
    ) -> Reihentabelle {
        let gewichte = kleinraumgewichte[i]
        let G = modell.bevoelkerung.gebiete.count, n = n
        var q = [Double](repeating: 0, count: n)
        for t in 0..<n { q[t] = pow1(1 + a.quoteTrend[i], t) * (t == 0 ? 1 : wirkungsfaktor(i, aktiv, t)) }
        precondition(gewichte.count >= G && summe.count >= n, "Projektion.gebietsfaelle: Längen")
        let werte = summen.gebietsblock(i) { block in
            precondition(block.count >= G * n, "Projektion.gebietsfaelle: Bezugssummen zu kurz")
            return gewichte.withUnsafeBufferPointer { gewichte in
                q.withUnsafeBufferPointer { q in
                    summe.withUnsafeMutableBufferPointer { summe in
                        [Double](unsafeUninitializedCapacity: G * n) { w, anzahl in
                            // Year by year: each year's sum is one running total in a register, added Sozialraum
                            // by Sozialraum in their order as before, and the year's sums are read in a row.
                            for t in 0..<n {
                                let qt = q[t], zeile = t * G
                                var s = summe[t]
                                for g in 0..<G {
                                    let v = gewichte[g] * block[zeile + g] * qt
                                    w[g * n + t] = v
                                    s += v
                                }
                                summe[t] = s
                            }
                            anzahl = G * n
                        }
                    }
                }
            }
        }
        return Reihentabelle(werte, anzahl: G, laenge: n)
    }

    func kapazitaet(
        _ i: Int, _ nr: String, _ kap: Kapazitaet, _ r: [Double], _ F: [Double],
        _ summen: Bezugssummen, jeGebiet: Reihentabelle? = nil
    ) -> Kapazitaetsergebnis {
        let m = modell, B = m.basisjahr
        // The product's investments (those of its number, in model order) by index: only the three fields read
        // here, not a copy of each `Investition` per filter.
        let invs = m.investitionen.indices.filter { m.investitionen[$0].produkt == nr }
        let ab = invs.map { m.investitionen[$0].inbetriebnahmeJahr }
        let plaetzeInv = invs.map { m.investitionen[$0].plaetze ?? 0 }
        let gebietInv = invs.map { m.investitionen[$0].gebiet }
        // The places added by year index t (in Sozialraum `gebiet`, or all): summed from 0 in model order, the
        // additions of the former filter-and-reduce, without an array per call.
        func zusatz(_ t: Int, gebiet: String?) -> Double {
            var s = 0.0
            for k in invs.indices where B + t >= ab[k] && (gebiet == nil || gebietInv[k] == gebiet) {
                s += plaetzeInv[k]
            }
            return s
        }
        var gebiete: [Kapazitaetsergebnis.Gebiet] = []
        var plaetze = (0..<n).map { kap.plaetze + zusatz($0, gebiet: nil) }
        var luecke = (0..<n).map { max(0, F[$0] - plaetze[$0]) }
        if let je = kap.plaetzeJeGebiet {
            luecke = Array(repeating: 0, count: n)
            plaetze = Array(repeating: 0, count: n)
            for (gi, g) in m.bevoelkerung.gebiete.enumerated() {
                let basisP = je[g] ?? 0
                let bedarf = jeGebiet.map { Array($0[gi]) } ?? (0..<n).map { t in r[t] * summen.gebiet(i, gi, t) }
                let pl = (0..<n).map { basisP + zusatz($0, gebiet: g) }
                let lu = (0..<n).map { max(0, bedarf[$0] - pl[$0]) }
                for t in 0..<n { luecke[t] += lu[t]; plaetze[t] += pl[t] }
                gebiete.append(.init(gebiet: g, bedarf: bedarf, plaetze: pl, luecke: lu))
            }
            // Places of investments without a Sozialraum count for the whole city.
            for t in 0..<n {
                var s = 0.0
                for k in invs.indices where B + t >= ab[k] && gebietInv[k] == nil { s += plaetzeInv[k] }
                plaetze[t] += s
            }
        }
        return Kapazitaetsergebnis(bedarf: F, plaetze: plaetze, luecke: luecke, gebiete: gebiete)
    }
}

/// x^t for small whole t, exactly as repeated multiplication (so hand calculations match bit for bit).
@inline(__always)
func pow1(_ x: Double, _ t: Int) -> Double {
    var r = 1.0
    for _ in 0..<max(0, t) { r *= x }
    return r
}
