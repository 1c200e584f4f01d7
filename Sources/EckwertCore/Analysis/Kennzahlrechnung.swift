/// Evaluates Kennzahl formulas on a run (Ist or a scenario), per year. `nil` = "n. v." (not available: a value
/// missing, a division by zero).
public enum Kennzahlrechnung {
    /// id → value per year index of the run.
    public static func werte(_ m: Planungsmodell, _ e: Rechenergebnis) -> [String: [Double?]] {
        werte(m, e, ebenen: nil)
    }

    /// As `werte(_:_:)`; `ebenen` is `m.umfassungsindex` when already formed (one for several runs).
    static func werte(_ m: Planungsmodell, _ e: Rechenergebnis, ebenen: [String: [Int]]?) -> [String: [Double?]] {
        let cache = Teilplancache(m, e, ebenen: ebenen)
        var out: [String: [Double?]] = [:]
        for j in m.kennzahlen.indices {
            let id = m.kennzahlen[j].id
            out[id] = e.jahre.indices.map { t in
                Kontext(cache: cache, t: t, tiefe: 0).kennzahl(id)
            }
        }
        return out
    }

    /// What a run's formulas look up, computed once per run: sums per prefix, the products under a prefix,
    /// Kennzahlen by id, population sums per year and selection.
    final class Teilplancache {
        let m: Planungsmodell
        let e: Rechenergebnis
        /// What a prefix sums: one product's own rows (read as 0 + x, the sum of one term, see `Quelle`) or the
        /// rows of several products.
        var quellen: [String: Quelle] = [:]
        var indizes: [String: [Int]] = [:]
        /// id → index of its first Kennzahl (as `Planungsmodell.kennzahl(_:)` finds it).
        let kennzahlIndex: [String: Int]
        /// The formula of each Kennzahl (model order), the scheme and its line counts: read without copying
        /// a Kennzahl or the model per evaluation.
        let ausdruecke: [Ausdruck]
        let k: Kontenrahmen
        let zeilen: Int, finanzzeilen: Int
        struct BevSchluessel: Hashable { var t: Int; var auswahl: BevAuswahl }
        var bevWerte: [BevSchluessel: Double?] = [:]

        /// Where `aufwand` and `ertrag` read: the row of the scheme's sum line (see `zeilenort`).
        let aufwandOrt: Zeilenort?, ertragOrt: Zeilenort?

        init(_ m: Planungsmodell, _ e: Rechenergebnis, ebenen: [String: [Int]]? = nil) {
            self.m = m
            self.e = e
            aufwandOrt = Self.zeilenort(m.kontenrahmen.aufwendungen, m.kontenrahmen)
            ertragOrt = Self.zeilenort(m.kontenrahmen.ertraege, m.kontenrahmen)
            kennzahlIndex = Dictionary(m.kennzahlen.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            ausdruecke = m.kennzahlen.map(\.ausdruck)
            k = m.kontenrahmen
            zeilen = k.zeilen.count
            finanzzeilen = k.finanzplan.count
            if let ebenen { ebenenIndex = ebenen }
        }
        /// Every product number and every declared level → the products it covers, in model order (as
        /// `Planungsmodell.produktIndizes(unter:)`).
        lazy var ebenenIndex: [String: [Int]] = m.umfassungsindex
        func produktIndizes(_ id: String) -> [Int] {
            if let i = indizes[id] { return i }
            let i = ebenenIndex[id] ?? []
            indizes[id] = i
            return i
        }
        func quelle(_ prefix: String) -> Quelle? {
            if let q = quellen[prefix] { return q }
            let idx = produktIndizes(prefix)
            guard !idx.isEmpty else { return nil }
            let q: Quelle
            if idx.count == 1 && Self.einzelnLesbar(e.produkte[idx[0]], n: e.jahre.count, nz: zeilen, nf: finanzzeilen)
            {
                q = .einzeln(idx[0])
            } else {
                q = .gruppe(gruppen.count)
                gruppen.append(idx)
            }
            quellen[prefix] = q
            return q
        }

        /// The products of each `Quelle.gruppe`.
        var gruppen: [[Int]] = []
        /// Rows of groups formed so far.
        var gruppenreihen: [Gruppenreihe: [Double]?] = [:]
        /// A row of a group's `Teilplan`.
        struct Gruppenreihe: Hashable {
            enum Art: Hashable { case ergebnisplan(Int), finanzplan(Int), faelle, fallkostenAufwand, plaetze, luecke }
            var gruppe: Int
            var art: Art
        }

        /// Row `art` of group g as `Teilplan(e, gruppen[g], …)` forms it (from 0, each product added in order;
        /// the optional rows nil where no product has them, else added up to each product's own length), formed
        /// on first use.
        func reihe(_ g: Int, _ art: Gruppenreihe.Art) -> [Double]? {
            let schluessel = Gruppenreihe(gruppe: g, art: art)
            if let r = gruppenreihen[schluessel] { return r }
            let n = e.jahre.count
            var summe: [Double]?
            func add(_ y: [Double]) {
                if summe == nil { summe = Array(repeating: 0, count: n) }
                for t in 0..<min(n, y.count) { summe![t] += y[t] }
            }
            switch art {
            case .ergebnisplan, .finanzplan: summe = Array(repeating: 0, count: n)
            default: break
            }
            for i in gruppen[g] {
                let p = e.produkte[i]
                switch art {
                case .ergebnisplan(let z): add(p.ergebnisplan[z])
                case .finanzplan(let z): add(p.finanzplan[z])
                case .faelle: if let f = p.faelle { add(f) }
                case .fallkostenAufwand:
                    if let f = p.faelle, let k = p.fallkosten { add(zip(f, k).map { $0 * $1 }) }
                case .plaetze: if let k = p.kapazitaet { add(k.plaetze) }
                case .luecke: if let k = p.kapazitaet { add(k.luecke) }
                }
            }
            gruppenreihen[schluessel] = summe
            return summe
        }

        /// Whether one product's rows have the shape the sum of `Teilplan` reads (every plan row, the cases and
        /// the capacity rows at least n years), so that reading them as 0 + x gives that sum.
        static func einzelnLesbar(_ p: Produktergebnis, n: Int, nz: Int, nf: Int) -> Bool {
            p.ergebnisplan.count == nz && p.finanzplan.count == nf && p.ergebnisplan.allSatisfy { $0.count >= n }
                && p.finanzplan.allSatisfy { $0.count >= n }
        }

        /// A line of the Ergebnisplan (row index) or, where no line has the key, of the Finanzplan, as
        /// `Teilplan.zeile(_:_:)` finds it.
        enum Zeilenort { case ergebnisplan(Int), finanzplan(Int) }
        static func zeilenort(_ key: String, _ k: Kontenrahmen) -> Zeilenort? {
            if let i = k.index(key) { return .ergebnisplan(i) }
            if let i = k.finanzplan.firstIndex(where: { $0.key == key }) { return .finanzplan(i) }
            return nil
        }
        func ausdruck(_ id: String) -> Ausdruck? { kennzahlIndex[id].map { ausdruecke[$0] } }
    }

    /// The figures under a prefix. A `Teilplan` of one product is the sum 0 + x of each of its values: the value
    /// itself except that −0 becomes +0, and 0 beyond a row's end. `einzeln` reads exactly that from the product's
    /// own rows instead of forming the plan.
    enum Quelle {
        case einzeln(Int)
        /// Several products (index into `Teilplancache.gruppen`): their rows summed as `Teilplan` does, each row
        /// only when a formula reads it.
        case gruppe(Int)

        /// Year t of a one-term sum of `reihe` (as `Teilplan` forms `faelle`, `plaetze`, `luecke`).
        @inline(__always)
        static func summand(_ reihe: [Double]?, _ t: Int) -> Double? {
            reihe.map { t < $0.count ? 0 + $0[t] : 0 }
        }
    }

    struct Kontext: Formelkontext {
        let cache: Teilplancache
        let t: Int
        let tiefe: Int

        private func wert(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
        private var k: Kontenrahmen { cache.k }

        func faelle(_ p: String) -> Double? {
            switch cache.quelle(p) {
            case nil: nil
            case .einzeln(let i)?: wert(Quelle.summand(cache.e.produkte[i].faelle, t))
            case .gruppe(let g)?: wert(cache.reihe(g, .faelle)?[t])
            }
        }
        func aufwand(_ p: String) -> Double? { zeile(p, cache.aufwandOrt) }
        func ertrag(_ p: String) -> Double? { zeile(p, cache.ertragOrt) }
        func fallkosten(_ p: String) -> Double? {
            switch cache.quelle(p) {
            case nil: return nil
            case .einzeln(let i)?:
                let prod = cache.e.produkte[i]
                guard let f = prod.faelle, let k = prod.fallkosten, t < min(f.count, k.count), 0 + f[t] != 0 else {
                    return nil
                }
                return wert(k[t])
            case .gruppe(let g)?:
                guard let a = cache.reihe(g, .fallkostenAufwand)?[t], let f = cache.reihe(g, .faelle)?[t], f != 0
                else { return nil }
                let indizes = cache.gruppen[g]
                if indizes.count == 1, let i = indizes.first { return wert(cache.e.produkte[i].fallkosten?[t]) }
                return wert(a / f)
            }
        }
        func zeile(_ p: String, _ key: String) -> Double? { zeile(p, Teilplancache.zeilenort(key, k)) }
        private func zeile(_ p: String, _ ort: Teilplancache.Zeilenort?) -> Double? {
            guard let ort, let q = cache.quelle(p) else { return nil }
            switch (q, ort) {
            case (.einzeln(let i), .ergebnisplan(let z)): return wert(0 + cache.e.produkte[i].ergebnisplan[z][t])
            case (.einzeln(let i), .finanzplan(let z)): return wert(0 + cache.e.produkte[i].finanzplan[z][t])
            case (.gruppe(let g), .ergebnisplan(let z)): return wert(cache.reihe(g, .ergebnisplan(z))?[t])
            case (.gruppe(let g), .finanzplan(let z)): return wert(cache.reihe(g, .finanzplan(z))?[t])
            }
        }
        func bev(_ a: BevAuswahl) -> Double? {
            let schluessel = Teilplancache.BevSchluessel(t: t, auswahl: a)
            if let w = cache.bevWerte[schluessel] { return w }
            let w = bevRechnen(a)
            cache.bevWerte[schluessel] = w
            return w
        }
        private func bevRechnen(_ a: BevAuswahl) -> Double? {
            let erg = cache.e
            guard t < erg.bevoelkerung.count, let pop = erg.bevoelkerung[t] else { return nil }
            var von = 0, bis = Alter.max
            switch a.alter {
            case let .bereich(x, y)?: von = x; bis = y
            case let .gruppe(g)?:
                guard let ag = cache.m.altersgruppen.first(where: { $0.name == g }) else { return nil }
                von = ag.von; bis = ag.bis
            case nil: break
            }
            return pop.summe(von: von, bis: bis, geschlecht: a.geschlecht, gebiet: a.gebiet)
        }
        /// Ist: `faelle_gebiete.csv` of the year; forecast: the Sozialraum forecast. Summed over the products under
        /// `p` that have cases per Sozialraum; n. v. when none has.
        func faelle(_ p: String, gebiet: String) -> Double? {
            let e = cache.e, m = cache.m
            guard t < e.jahre.count, let g = m.bevoelkerung.gebietIndex(gebiet) else { return nil }
            var summe: Double?
            for i in cache.produktIndizes(p) {
                let x: Double? =
                    e.szenario == "ist"
                    ? m.sozialraum.faelle(e.jahre[t], gebiet, m.produkte[i].nr)
                    : e.produkte[i].gebietsfaelle.flatMap { g < $0.count ? $0[g][t] : nil }
                if let x { summe = (summe ?? 0) + x }
            }
            return wert(summe)
        }
        /// The indicator of the run's year (Ist data only; forecast years have none: n. v.).
        func indikator(_ id: String, gebiet: String?) -> Double? {
            let e = cache.e, s = cache.m.sozialraum
            guard t < e.jahre.count else { return nil }
            if let gebiet { return wert(s.indikator(e.jahre[t], gebiet, id)) }
            let alle = cache.m.bevoelkerung.gebiete.compactMap { s.indikator(e.jahre[t], $0, id) }
            return alle.isEmpty ? nil : wert(alle.reduce(0, +) / Double(alle.count))
        }
        func plaetze(_ p: String) -> Double? {
            switch cache.quelle(p) {
            case nil: nil
            case .einzeln(let i)?: wert(Quelle.summand(cache.e.produkte[i].kapazitaet?.plaetze, t))
            case .gruppe(let g)?: wert(cache.reihe(g, .plaetze)?[t])
            }
        }
        func luecke(_ p: String) -> Double? {
            switch cache.quelle(p) {
            case nil: nil
            case .einzeln(let i)?: wert(Quelle.summand(cache.e.produkte[i].kapazitaet?.luecke, t))
            case .gruppe(let g)?: wert(cache.reihe(g, .luecke)?[t])
            }
        }
        func kennzahl(_ id: String) -> Double? {
            guard tiefe < 50, let ausdruck = cache.ausdruck(id) else { return nil }
            return ausdruck.wert(in: Kontext(cache: cache, t: t, tiefe: tiefe + 1))
        }
    }
}

extension Kennzahlrechnung {
    /// Warnings for Kennzahlen that are "n. v." in every Ist year and in every status-quo forecast year (a
    /// division by zero or missing data): the formula is valid, but the Kennzahl will never show a value.
    /// (Capacity Kennzahlen have no Ist; the forecast keeps them from being flagged.)
    public static func pruefen(_ m: Planungsmodell) -> [Diagnostic] {
        pruefen(m, ist: Istrechnung.rechnen(m), statusQuo: m.szenario("status-quo").map { Projektion(m).rechnen($0) })
    }

    /// As `pruefen(_:)` on runs already computed (the Ist and the status-quo forecast).
    public static func pruefen(
        _ m: Planungsmodell, ist istlauf: Rechenergebnis, statusQuo: Rechenergebnis?
    ) -> [Diagnostic] {
        pruefen(m, istWerte: werte(m, istlauf), statusQuoWerte: statusQuo.map { werte(m, $0) })
    }

    /// As `pruefen(_:ist:statusQuo:)` on the Kennzahl values of those runs, already computed by `werte`.
    public static func pruefen(
        _ m: Planungsmodell, istWerte ist: [String: [Double?]], statusQuoWerte: [String: [Double?]]?
    ) -> [Diagnostic] {
        let prognose = statusQuoWerte ?? [:]
        return m.kennzahlen.compactMap { k in
            let reihe = (ist[k.id] ?? []) + (prognose[k.id] ?? [])
            guard !reihe.isEmpty, reihe.allSatisfy({ $0 == nil }) else { return nil }
            return .warning(
                k.ort,
                "Kennzahl \(k.id) ist in keinem Jahr berechenbar (n. v.: Division durch 0 oder fehlende Werte) – Formel \(k.formel)"
            )
        }
    }
}
