/// Evaluates Kennzahl formulas on a run (Ist or a scenario), per year. `nil` = "n. v." (not available: a value
/// missing, a division by zero).
public enum Kennzahlrechnung {
    /// id → value per year index of the run.
    public static func werte(_ m: Planungsmodell, _ e: Rechenergebnis) -> [String: [Double?]] {
        let cache = Teilplancache(m, e)
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
        var plaene: [String: Teilplan] = [:]
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

        init(_ m: Planungsmodell, _ e: Rechenergebnis) {
            self.m = m
            self.e = e
            kennzahlIndex = Dictionary(m.kennzahlen.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            ausdruecke = m.kennzahlen.map(\.ausdruck)
            k = m.kontenrahmen
            zeilen = k.zeilen.count
            finanzzeilen = k.finanzplan.count
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
        func plan(_ prefix: String) -> Teilplan? {
            if let p = plaene[prefix] { return p }
            let idx = produktIndizes(prefix)
            guard !idx.isEmpty else { return nil }
            let p = Teilplan(e, idx, zeilen: zeilen, finanzzeilen: finanzzeilen)
            plaene[prefix] = p
            return p
        }
        func ausdruck(_ id: String) -> Ausdruck? { kennzahlIndex[id].map { ausdruecke[$0] } }
    }

    struct Kontext: Formelkontext {
        let cache: Teilplancache
        let t: Int
        let tiefe: Int

        private func wert(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
        private var k: Kontenrahmen { cache.k }

        func faelle(_ p: String) -> Double? { wert(cache.plan(p)?.faelle?[t]) }
        func aufwand(_ p: String) -> Double? { wert(cache.plan(p)?.zeile(k.aufwendungen, k)?[t]) }
        func ertrag(_ p: String) -> Double? { wert(cache.plan(p)?.zeile(k.ertraege, k)?[t]) }
        func fallkosten(_ p: String) -> Double? {
            guard let plan = cache.plan(p), let a = plan.fallkostenAufwand?[t], let f = plan.faelle?[t], f != 0 else {
                return nil
            }
            let indizes = cache.produktIndizes(p)
            if indizes.count == 1, let i = indizes.first {
                return wert(cache.e.produkte[i].fallkosten?[t])
            }
            return wert(a / f)
        }
        func zeile(_ p: String, _ key: String) -> Double? { wert(cache.plan(p)?.zeile(key, k)?[t]) }
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
        func plaetze(_ p: String) -> Double? { wert(cache.plan(p)?.plaetze?[t]) }
        func luecke(_ p: String) -> Double? { wert(cache.plan(p)?.luecke?[t]) }
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
