/// Evaluates Kennzahl formulas on a run (Ist or a scenario), per year. `nil` = "n. v." (not available: a value
/// missing, a division by zero).
public enum Kennzahlrechnung {
    /// id → value per year index of the run.
    public static func werte(_ m: Planungsmodell, _ e: Rechenergebnis) -> [String: [Double?]] {
        let cache = Teilplancache(m, e)
        var out: [String: [Double?]] = [:]
        for k in m.kennzahlen {
            out[k.id] = e.jahre.indices.map { t in
                Kontext(modell: m, erg: e, t: t, cache: cache, tiefe: 0).kennzahl(k.id)
            }
        }
        return out
    }

    /// Sums per prefix, computed once per run.
    final class Teilplancache {
        let m: Planungsmodell
        let e: Rechenergebnis
        var plaene: [String: Teilplan] = [:]
        init(_ m: Planungsmodell, _ e: Rechenergebnis) { self.m = m; self.e = e }
        func plan(_ prefix: String) -> Teilplan? {
            if let p = plaene[prefix] { return p }
            let idx = m.produktIndizes(unter: prefix)
            guard !idx.isEmpty else { return nil }
            let p = Teilplan(e, idx, modell: m)
            plaene[prefix] = p
            return p
        }
    }

    struct Kontext: Formelkontext {
        let modell: Planungsmodell
        let erg: Rechenergebnis
        let t: Int
        let cache: Teilplancache
        let tiefe: Int

        private func wert(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
        private var k: Kontenrahmen { modell.kontenrahmen }

        func faelle(_ p: String) -> Double? { wert(cache.plan(p)?.faelle?[t]) }
        func aufwand(_ p: String) -> Double? { wert(cache.plan(p)?.zeile(k.aufwendungen, k)?[t]) }
        func ertrag(_ p: String) -> Double? { wert(cache.plan(p)?.zeile(k.ertraege, k)?[t]) }
        func fallkosten(_ p: String) -> Double? {
            guard let plan = cache.plan(p), let a = plan.fallkostenAufwand?[t], let f = plan.faelle?[t], f != 0 else { return nil }
            if modell.produktIndizes(unter: p).count == 1, let i = modell.produktIndizes(unter: p).first {
                return wert(erg.produkte[i].fallkosten?[t])
            }
            return wert(a / f)
        }
        func zeile(_ p: String, _ key: String) -> Double? { wert(cache.plan(p)?.zeile(key, k)?[t]) }
        func bev(_ a: BevAuswahl) -> Double? {
            guard t < erg.bevoelkerung.count, let pop = erg.bevoelkerung[t] else { return nil }
            var von = 0, bis = Alter.max
            switch a.alter {
            case let .bereich(x, y)?: von = x; bis = y
            case let .gruppe(g)?:
                guard let ag = modell.altersgruppen.first(where: { $0.name == g }) else { return nil }
                von = ag.von; bis = ag.bis
            case nil: break
            }
            return pop.summe(von: von, bis: bis, geschlecht: a.geschlecht, gebiet: a.gebiet)
        }
        func plaetze(_ p: String) -> Double? { wert(cache.plan(p)?.plaetze?[t]) }
        func luecke(_ p: String) -> Double? { wert(cache.plan(p)?.luecke?[t]) }
        func kennzahl(_ id: String) -> Double? {
            guard tiefe < 50, let kz = modell.kennzahl(id) else { return nil }
            return kz.ausdruck.wert(in: Kontext(modell: modell, erg: erg, t: t, cache: cache, tiefe: tiefe + 1))
        }
    }
}

extension Kennzahlrechnung {
    /// Warnings for Kennzahlen that are "n. v." in every Ist year (a division by zero or missing data): the
    /// formula is valid, but the Kennzahl will show nothing.
    public static func pruefen(_ m: Planungsmodell) -> [Diagnostic] {
        let ist = Istrechnung.rechnen(m)
        let w = werte(m, ist)
        return m.kennzahlen.compactMap { k in
            guard let reihe = w[k.id], !reihe.isEmpty, reihe.allSatisfy({ $0 == nil }) else { return nil }
            return .warning(k.ort, "Kennzahl \(k.id) ist in keinem Ist-Jahr berechenbar (n. v.: Division durch 0 oder fehlende Werte) – Formel \(k.formel)")
        }
    }
}
