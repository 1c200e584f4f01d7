/// The aggregation levels of modellformat.md section 11.
public enum Ebene: String, Sendable, Hashable, CaseIterable, Comparable {
    case produkt, produktgruppe, produktbereich, budgetbereich, gesamt, gebiet

    public var rang: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Ebene, b: Ebene) -> Bool { a.rang < b.rang }

    public var bezeichnung: String {
        switch self {
        case .produkt: "Produkt"
        case .produktgruppe: "Produktgruppe"
        case .produktbereich: "Produktbereich"
        case .budgetbereich: "Budgetbereich"
        case .gesamt: "Gesamthaushalt"
        case .gebiet: "Sozialraum"
        }
    }
}

/// One unit of aggregation: a product, a Produktgruppe, a Produktbereich, a Budgetbereich or the whole budget,
/// with the indices of the products it sums.
public struct Einheit: Sendable, Hashable {
    public var ebene: Ebene
    public var nr: String
    public var name: String
    public var produkte: [Int]
}

extension Planungsmodell {
    /// Every unit, in report order: Gesamthaushalt, Budgetbereiche, Produktbereiche, Produktgruppen, Produkte
    /// (each in model order).
    public var einheiten: [Einheit] {
        // The index of what each number covers, formed once for the three levels that read it.
        let index = umfassungsindex
        return [Ebene.gesamt, .budgetbereich, .produktbereich, .produktgruppe, .produkt].flatMap {
            einheiten($0, index: index)
        }
    }

    /// The units of one level, in the order of `einheiten`.
    public func einheiten(_ ebene: Ebene) -> [Einheit] {
        switch ebene {
        case .budgetbereich, .produktbereich, .produktgruppe: einheiten(ebene, index: umfassungsindex)
        case .gesamt, .produkt, .gebiet: einheiten(ebene, index: [:])
        }
    }

    /// The units of one level; `index`: `umfassungsindex` (read for Budgetbereiche, Produktbereiche and -gruppen).
    private func einheiten(_ ebene: Ebene, index: [String: [Int]]) -> [Einheit] {
        switch ebene {
        case .gesamt:
            return [
                Einheit(
                    ebene: .gesamt, nr: "", name: "Gesamthaushalt (\(kommune))", produkte: Array(produkte.indices))
            ]
        case .budgetbereich:
            return budgetbereiche.map { b in
                var drin = [Bool](repeating: false, count: produkte.count)
                for id in b.produkte { for i in index[id] ?? [] { drin[i] = true } }
                return Einheit(
                    ebene: .budgetbereich, nr: b.id, name: b.name, produkte: produkte.indices.filter { drin[$0] })
            }
        case .produktbereich:
            return produktbereiche.map {
                Einheit(ebene: .produktbereich, nr: $0.nr, name: $0.name, produkte: index[$0.nr] ?? [])
            }
        case .produktgruppe:
            return produktgruppen.map {
                Einheit(ebene: .produktgruppe, nr: $0.nr, name: $0.name, produkte: index[$0.nr] ?? [])
            }
        case .produkt:
            return produkte.enumerated().map { Einheit(ebene: .produkt, nr: $1.nr, name: $1.name, produkte: [$0]) }
        case .gebiet:
            return []
        }
    }

    /// Every product number and declared level → the products it covers (`umfasst`), ascending: one pass over
    /// the products instead of one per level.
    var umfassungsindex: [String: [Int]] {
        var out: [String: [Int]] = [:]
        for (i, p) in produkte.enumerated() {
            out[p.nr, default: []].append(i)
            for e in p.ebenen where e != p.nr && out[e]?.last != i { out[e, default: []].append(i) }
        }
        return out
    }

    /// The products a reference covers (a product number or any declared level).
    /// (`umfasst` read through the array in place: copying each product to test two of its fields cost more
    /// than the test.)
    public func produktIndizes(unter id: String) -> [Int] {
        produkte.indices.filter { produkte[$0].nr == id || produkte[$0].ebenen.contains(id) }
    }

    public func produktIndizes(budgetbereich b: Budgetbereich) -> [Int] {
        produkte.indices.filter { i in
            b.produkte.contains { produkte[i].nr == $0 || produkte[i].ebenen.contains($0) }
        }
    }

    public func budgetbereich(von produkt: String) -> Budgetbereich? {
        guard let p = self.produkt(produkt) else { return nil }
        return budgetbereiche.first { $0.produkte.contains { Self.umfasst($0, p) } }
    }
}

/// The Ergebnisplan and Finanzplan rows of every product of a run in one array (product by product, line by line,
/// year by year), for the plans of many units of the run (`Langformat` forms one for each of ~1,100 units): summing
/// a unit's products from it reads no product's row arrays, each of which is otherwise retained and released for
/// every unit above the product. nil where a product's rows are not the scheme's lines of one value a year.
public struct Planzeilen: Sendable {
    let werte: [Double]
    let n: Int, nz: Int, nf: Int, anzahl: Int

    public init?(_ e: Rechenergebnis, modell m: Planungsmodell) {
        self.init(e, zeilen: m.kontenrahmen.zeilen.count, finanzzeilen: m.kontenrahmen.finanzplan.count)
    }

    init?(_ e: Rechenergebnis, zeilen nz: Int, finanzzeilen nf: Int) {
        let n = e.jahre.count, breite = (nz + nf) * n
        var w = [Double](repeating: 0, count: e.produkte.count * breite)
        let vollstaendig = w.withUnsafeMutableBufferPointer { w -> Bool in
            var o = 0
            func kopieren(_ reihen: [[Double]], _ anzahl: Int) -> Bool {
                guard reihen.count == anzahl else { return false }
                for reihe in reihen {
                    guard reihe.count == n else { return false }
                    for x in reihe {
                        w[o] = x
                        o += 1
                    }
                }
                return true
            }
            for i in e.produkte.indices {
                guard kopieren(e.produkte[i].ergebnisplan, nz), kopieren(e.produkte[i].finanzplan, nf) else {
                    return false
                }
            }
            return true
        }
        guard vollstaendig else { return nil }
        werte = w
        self.n = n
        self.nz = nz
        self.nf = nf
        anzahl = e.produkte.count
    }

    /// The Ergebnisplan and Finanzplan rows of the products `indizes` summed: each value from 0, each product
    /// added in the order given (as `Teilplan` adds the products' rows).
    func summen(_ indizes: [Int]) -> (ergebnisplan: [[Double]], finanzplan: [[Double]]) {
        let breite = (nz + nf) * n
        var summe = [Double](repeating: 0, count: breite)
        werte.withUnsafeBufferPointer { w in
            summe.withUnsafeMutableBufferPointer { s in
                for i in indizes {
                    let b = i * breite
                    for c in 0..<breite { s[c] += w[b + c] }
                }
            }
        }
        let n = n
        return (
            (0..<nz).map { z in Array(summe[(z * n)..<(z * n + n)]) },
            (nz..<(nz + nf)).map { z in Array(summe[(z * n)..<(z * n + n)]) }
        )
    }
}

/// Sums of products' figures for a unit.
public struct Teilplan: Sendable {
    public var ergebnisplan: [[Double]]
    public var finanzplan: [[Double]]
    public var faelle: [Double]?
    /// Σ driver Aufwand (F·k) of the driven products, for `fallkosten` of a group.
    public var fallkostenAufwand: [Double]?
    public var plaetze: [Double]?
    public var luecke: [Double]?

    public init(_ e: Rechenergebnis, _ indizes: [Int], modell m: Planungsmodell) {
        self.init(e, indizes, zeilen: m.kontenrahmen.zeilen.count, finanzzeilen: m.kontenrahmen.finanzplan.count)
    }

    /// The same plan, its Ergebnisplan and Finanzplan lines summed from `planzeilen` (the run's product rows in
    /// one array, see ``Planzeilen``): the same additions, for many units of one run.
    public init(_ e: Rechenergebnis, _ indizes: [Int], modell m: Planungsmodell, planzeilen: Planzeilen?) {
        self.init(
            e, indizes, zeilen: m.kontenrahmen.zeilen.count, finanzzeilen: m.kontenrahmen.finanzplan.count,
            planzeilen: planzeilen)
    }

    /// As `init(_:_:modell:)` for a scheme of `nz` Ergebnisplan and `nf` Finanzplan lines.
    init(_ e: Rechenergebnis, _ indizes: [Int], zeilen nz: Int, finanzzeilen nf: Int, planzeilen: Planzeilen? = nil) {
        let n = e.jahre.count
        if indizes.count == 1, let einzeln = Self(einzeln: e, indizes[0], n: n, nz: nz, nf: nf) {
            self = einzeln
            return
        }
        var ep: [[Double]], fp: [[Double]]
        if let pz = planzeilen, pz.n == n, pz.nz == nz, pz.nf == nf, pz.anzahl == e.produkte.count {
            (ep, fp) = pz.summen(indizes)
        } else {
            ep = Array(repeating: Array(repeating: 0.0, count: n), count: nz)
            fp = Array(repeating: Array(repeating: 0.0, count: n), count: nf)
            for i in indizes {
                Self.addieren(&ep, e.produkte[i].ergebnisplan, nz, n)
                Self.addieren(&fp, e.produkte[i].finanzplan, nf, n)
            }
        }
        var faelle: [Double]?, aufw: [Double]?, plaetze: [Double]?, luecke: [Double]?
        func add(_ x: inout [Double]?, _ y: [Double]) {
            if x == nil { x = Array(repeating: 0, count: n) }
            for t in 0..<min(n, y.count) { x![t] += y[t] }
        }
        // Each product's rows read in place (a copy of the whole Produktergebnis would retain and release each
        // of its arrays, for every unit above the product).
        for i in indizes {
            if let f = e.produkte[i].faelle {
                add(&faelle, f)
                if let k = e.produkte[i].fallkosten { add(&aufw, zip(f, k).map { $0 * $1 }) }
            }
            if let k = e.produkte[i].kapazitaet { add(&plaetze, k.plaetze); add(&luecke, k.luecke) }
        }
        ergebnisplan = ep
        finanzplan = fp
        self.faelle = faelle
        fallkostenAufwand = aufw
        self.plaetze = plaetze
        self.luecke = luecke
    }

    /// Adds a product's lines row by row (a whole row at a time: no per-cell copy checks).
    static func addieren(_ summe: inout [[Double]], _ teil: [[Double]], _ zeilen: Int, _ n: Int) {
        for z in 0..<zeilen {
            teil[z].withUnsafeBufferPointer { quelle in
                summe[z].withUnsafeMutableBufferPointer { ziel in
                    for t in 0..<n { ziel[t] += quelle[t] }
                }
            }
        }
    }

    /// The plan of one product, sharing its rows instead of adding them to zeros: the same values as the sum
    /// (0 + x = x) except for −0 (0 + −0 = +0), so nil where a row holds a −0 or is not n years long (then the
    /// sum is formed).
    private init?(einzeln e: Rechenergebnis, _ i: Int, n: Int, nz: Int, nf: Int) {
        let minusNull = (-0.0).bitPattern
        func passt(_ reihe: [Double]) -> Bool {
            reihe.count == n
                && reihe.withUnsafeBufferPointer { w in
                    for x in w where x.bitPattern == minusNull { return false }
                    return true
                }
        }
        guard e.produkte[i].ergebnisplan.count == nz, e.produkte[i].finanzplan.count == nf,
            e.produkte[i].ergebnisplan.allSatisfy(passt), e.produkte[i].finanzplan.allSatisfy(passt)
        else { return nil }
        var aufw: [Double]?
        if let f = e.produkte[i].faelle {
            guard passt(f) else { return nil }
            if let k = e.produkte[i].fallkosten {
                let fk = zip(f, k).map { $0 * $1 }
                guard passt(fk) else { return nil }
                aufw = fk
            }
        }
        if let k = e.produkte[i].kapazitaet { guard passt(k.plaetze), passt(k.luecke) else { return nil } }
        ergebnisplan = e.produkte[i].ergebnisplan
        finanzplan = e.produkte[i].finanzplan
        faelle = e.produkte[i].faelle
        fallkostenAufwand = aufw
        plaetze = e.produkte[i].kapazitaet?.plaetze
        luecke = e.produkte[i].kapazitaet?.luecke
    }

    /// Zuschussbedarf (net cost) = ordentliche Aufwendungen − ordentliche Erträge, per year.
    public func zuschuss(_ k: Kontenrahmen) -> [Double] { zuschuss(k.zuschussrechnung) }

    /// The same with the scheme's coefficients prepared once (for many plans of one model).
    public func zuschuss(_ zr: Zuschussrechnung) -> [Double] { zr.reihe(ergebnisplan) ?? [] }

    /// `Teilplan(e, indizes, modell:).zeile(key, k)` without forming the other lines: the same additions (from 0,
    /// each product in order), for one line of many products.
    static func zeile(_ e: Rechenergebnis, _ indizes: [Int], _ key: String, _ k: Kontenrahmen) -> [Double]? {
        let n = e.jahre.count
        let reihe: (Produktergebnis) -> [Double]
        if let z = k.index(key) {
            reihe = { $0.ergebnisplan[z] }
        } else if let z = k.finanzplan.firstIndex(where: { $0.key == key }) {
            reihe = { $0.finanzplan[z] }
        } else {
            return nil
        }
        var summe = [Double](repeating: 0, count: n)
        for i in indizes {
            let r = reihe(e.produkte[i])
            for t in 0..<n { summe[t] += r[t] }
        }
        return summe
    }

    public func zeile(_ key: String, _ k: Kontenrahmen) -> [Double]? {
        if let i = k.index(key) { return ergebnisplan[i] }
        if let i = k.finanzplan.firstIndex(where: { $0.key == key }) { return finanzplan[i] }
        return nil
    }
}
