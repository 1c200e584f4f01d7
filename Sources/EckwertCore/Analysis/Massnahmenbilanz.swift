/// A measure's balance in one scenario (modellformat.md, 6): evaluated "mit/ohne" against the same scenario — the
/// scenario with the measure switched on against the scenario with it switched off, everything else equal.
public struct Massnahmenbilanz: Sendable {
    public var massnahme: String
    public var szenario: String
    /// Whether the scenario itself has the measure switched on.
    public var imSzenarioAktiv: Bool
    /// Per forecast year (B+1 … H).
    public var jahre: [Int]
    /// The measure's own cost.
    public var kosten: [Double]
    /// Net cost of the affected products without − with the measure's effect (positive: saving).
    public var minderaufwand: [Double]
    /// minderaufwand − kosten, and its running sum.
    public var netto: [Double]
    public var kumuliert: [Double]
    /// First year in which the cumulated net effect is positive; nil = "nicht im Planungszeitraum".
    public var amortisation: Int?
}

public enum Massnahmenrechnung {
    /// Balances of every measure in a scenario. `pop` is the scenario's population (shared by all runs).
    public static func bilanzen(
        _ p: Projektion, szenario s: Szenario, bevoelkerung pop: [Bevoelkerung]
    ) -> [Massnahmenbilanz] {
        bilanzen(p, szenario: s, summen: p.bezugssummen(pop))
    }

    /// As `bilanzen(_:szenario:bevoelkerung:)` with the population's sums already formed.
    static func bilanzen(_ p: Projektion, szenario s: Szenario, summen: Bezugssummen) -> [Massnahmenbilanz] {
        let m = p.modell
        let basis = Rechenannahmen(modell: m, szenario: s)
        let k = m.kontenrahmen
        let zr = k.zuschussrechnung
        guard zr.definiert else { return [] }
        var out: [Massnahmenbilanz] = []
        for mn in m.massnahmen {
            var mit = basis, ohne = basis
            mit.massnahmen.insert(mn.id)
            ohne.massnahmen.remove(mn.id)
            // Only products touched by the measure can change: its cost product and the products it acts on.
            let betroffen = Set([mn.produkt] + mn.wirkung.map(\.produkt))
            var kosten = [Double](repeating: 0, count: p.n - 1)
            var minder = kosten
            for nr in betroffen.sorted() {
                guard let i = p.produktIndex[nr] else { continue }
                let a = p.produkt(i, mit, summen), b = p.produkt(i, ohne, summen)
                for t in 1..<p.n {
                    let zMit = zr.jahr(a.ergebnisplan, t)
                    let zOhne = zr.jahr(b.ergebnisplan, t)
                    // Total difference = Minderaufwand − own cost; the own cost is known, so split it off.
                    minder[t - 1] += zOhne - zMit
                }
            }
            var c = 0.0
            for t in 0..<p.n where m.basisjahr + t >= mn.kosten.ab {
                c = m.basisjahr + t == mn.kosten.ab ? mn.kosten.jaehrlich : c * (1 + basis.sachkosten[t])
                if t >= 1 { kosten[t - 1] = c }
            }
            for t in minder.indices { minder[t] += kosten[t] }
            let netto = zip(minder, kosten).map { $0 - $1 }
            var kum: [Double] = []
            var sum = 0.0
            for x in netto { sum += x; kum.append(sum) }
            let jahre = Array((m.basisjahr + 1)...m.horizont)
            let amort = kum.firstIndex { $0 > 0 }.map { jahre[$0] }
            out.append(
                Massnahmenbilanz(
                    massnahme: mn.id, szenario: s.name, imSzenarioAktiv: s.massnahmen.contains(mn.id),
                    jahre: jahre, kosten: kosten, minderaufwand: minder, netto: netto,
                    kumuliert: kum, amortisation: amort))
        }
        return out
    }
}
