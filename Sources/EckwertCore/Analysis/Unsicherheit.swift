/// Monte-Carlo uncertainty (issue 3, item 8): every assumption is drawn from a triangular distribution between
/// its best and worst value with the status-quo value as mode; each assumption has one draw per run, applied to
/// every year (a path moves as a whole). Draw d uses its own generator seeded from (seed, d), so results do not
/// depend on how draws are spread over threads.
public struct Unsicherheitsergebnis: Sendable {
    public struct Band: Sendable {
        public var p10: [Double]
        public var p50: [Double]
        public var p90: [Double]
    }
    public var ziehungen: Int
    public var seed: UInt64
    /// Forecast years (B+1 … H).
    public var jahre: [Int]
    /// Per unit (same order as `modell.einheiten`): net cost and cases.
    public var einheiten: [Einheit]
    public var zuschuss: [Band]
    public var faelle: [Band?]
}

public enum Unsicherheit {
    /// One draw's assumptions (population parameters, prices, per-product values).
    static func ziehen(_ m: Planungsmodell, best: Szenario, sq: Szenario, worst: Szenario,
                       rng: inout SplitMix64) -> (Rechenannahmen, u: [Double]) {
        var a = Rechenannahmen(modell: m, szenario: sq)
        let jahre = Array(m.basisjahr...m.horizont)
        func pfad(_ b: Zeitpfad, _ s: Zeitpfad, _ w: Zeitpfad, _ u: Double) -> [Double] {
            jahre.map { Dreiecksverteilung.quantil(u, best: b.wert($0), modus: s.wert($0), worst: w.wert($0)) }
        }
        var us: [Double] = []
        func u() -> Double { let x = rng.gleich(); us.append(x); return x }
        let bb = best.bevoelkerung, sb = sq.bevoelkerung, wb = worst.bevoelkerung
        if let s = sb.geburtenziffer {
            a.bevoelkerung.geburtenziffer = Dreiecksverteilung.quantil(u(), best: bb.geburtenziffer ?? s, modus: s, worst: wb.geburtenziffer ?? s)
        }
        a.bevoelkerung.sterblichkeit = Dreiecksverteilung.quantil(u(), best: bb.sterblichkeit, modus: sb.sterblichkeit, worst: wb.sterblichkeit)
        let w = pfad(bb.wanderungssaldo, sb.wanderungssaldo, wb.wanderungssaldo, u())
        a.bevoelkerung.wanderungssaldo = Zeitpfad(Dictionary(uniqueKeysWithValues: zip(jahre, w)))
        a.tarif = pfad(best.preise.tarif, sq.preise.tarif, worst.preise.tarif, u())
        a.sachkosten = pfad(best.preise.sachkosten, sq.preise.sachkosten, worst.preise.sachkosten, u())
        for (i, p) in m.produkte.enumerated() {
            let b = best.produkte[p.nr], s = sq.produkte[p.nr], wo = worst.produkte[p.nr]
            let qs = s?.quoteTrend ?? 0
            a.quoteTrend[i] = Dreiecksverteilung.quantil(u(), best: b?.quoteTrend ?? qs, modus: qs, worst: wo?.quoteTrend ?? qs)
            if let e = p.erstattung {
                let es = s?.erstattungAnteil ?? e.anteil
                a.erstattungAnteil[i] = Dreiecksverteilung.quantil(u(), best: b?.erstattungAnteil ?? es, modus: es,
                                                                   worst: wo?.erstattungAnteil ?? es)
            }
            let fs = s?.fallkostenTrend ?? 0
            a.fallkostenTrend[i] = Dreiecksverteilung.quantil(u(), best: b?.fallkostenTrend ?? fs, modus: fs, worst: wo?.fallkostenTrend ?? fs)
        }
        return (a, us)
    }

    /// Population of a draw: cohort projection with the drawn parameters, or, for an official projection, each
    /// cell drawn between the best and worst variants' values (mode: status quo) with the draw's quantile.
    static func bevoelkerung(_ p: Projektion, _ a: Rechenannahmen, best: Szenario, worst: Szenario, u: Double,
                             sqPop: [Bevoelkerung], bestPop: [Bevoelkerung], worstPop: [Bevoelkerung]) -> [Bevoelkerung] {
        switch a.bevoelkerung.methode {
        case .kohorten: return p.bevoelkerung(a.bevoelkerung).jahre
        case .vorausberechnung:
            return sqPop.indices.map { t in
                var x = sqPop[t]
                for c in x.werte.indices {
                    x.werte[c] = Dreiecksverteilung.quantil(u, best: bestPop[t].werte[c], modus: sqPop[t].werte[c], worst: worstPop[t].werte[c])
                }
                return x
            }
        }
    }

    /// Runs `ziehungen` draws. `fortschritt(done, total)` is called now and then (from the calling thread).
    public static func rechnen(_ p: Projektion, ziehungen: Int, seed: UInt64,
                               fortschritt: (@Sendable (Int, Int) -> Void)? = nil) -> Unsicherheitsergebnis? {
        let m = p.modell
        guard ziehungen > 0, let best = m.szenario("best"), let sq = m.szenario("status-quo"),
              let worst = m.szenario("worst") else { return nil }
        let schnell = Schnellrechnung(p)
        let einheiten = m.einheiten
        let jahre = p.n - 1
        let nE = einheiten.count
        // Storage: [einheit][jahr][ziehung] as Float (enough for quantiles of euros and cases; 4 bytes each).
        var zuschuss = [Float](repeating: 0, count: nE * jahre * ziehungen)
        var faelle = [Float](repeating: 0, count: nE * jahre * ziehungen)
        let hatFaelle = einheiten.map { e in e.produkte.contains { m.produkte[$0].fallzahl != nil } }
        let sqPop = p.bevoelkerung(sq.bevoelkerung).jahre
        let bestPop = p.bevoelkerung(best.bevoelkerung).jahre, worstPop = p.bevoelkerung(worst.bevoelkerung).jahre
        let threads = 2
        let stueck = (ziehungen + threads - 1) / threads
        zuschuss.withUnsafeMutableBufferPointer { zb in
            faelle.withUnsafeMutableBufferPointer { fb in
                let zbp = UnsafeSendable(zb), fbp = UnsafeSendable(fb)
                let fertig = Zaehler()
                DispatchQueueBridge.parallel(threads) { thread in
                    let von = thread * stueck, bis = min(ziehungen, von + stueck)
                    guard von < bis else { return }
                    var pz = [Double](repeating: 0, count: m.produkte.count * jahre)
                    var pf = pz
                    for d in von..<bis {
                        var rng = SplitMix64(seed: seed &+ UInt64(d) &* 0x9E37_79B9_7F4A_7C15)
                        let (a, us) = ziehen(m, best: best, sq: sq, worst: worst, rng: &rng)
                        let pop = bevoelkerung(p, a, best: best, worst: worst, u: us.first ?? 0.5,
                                               sqPop: sqPop, bestPop: bestPop, worstPop: worstPop)
                        schnell.rechnen(a, pop, zuschuss: &pz, faelle: &pf)
                        for (ei, e) in einheiten.enumerated() {
                            for t in 0..<jahre {
                                var sz = 0.0, sf = 0.0
                                for i in e.produkte { sz += pz[i * jahre + t]; sf += pf[i * jahre + t] }
                                let o = (ei * jahre + t) * ziehungen + d
                                zbp.wert[o] = Float(sz)
                                fbp.wert[o] = Float(sf)
                            }
                        }
                        if (d - von) % 64 == 63 || d == bis - 1 {
                            let n = fertig.addieren((d - von) % 64 + 1)
                            if thread == 0 { fortschritt?(min(n, ziehungen), ziehungen) }
                        }
                    }
                }
            }
        }
        var zb: [Unsicherheitsergebnis.Band] = [], fb: [Unsicherheitsergebnis.Band?] = []
        var puffer = [Float](repeating: 0, count: ziehungen)
        for ei in 0..<nE {
            var z = Unsicherheitsergebnis.Band(p10: [], p50: [], p90: []), f = z
            for t in 0..<jahre {
                let o = (ei * jahre + t) * ziehungen
                for d in 0..<ziehungen { puffer[d] = zuschuss[o + d] }
                let q = quantile(&puffer)
                z.p10.append(q.0); z.p50.append(q.1); z.p90.append(q.2)
                for d in 0..<ziehungen { puffer[d] = faelle[o + d] }
                let r = quantile(&puffer)
                f.p10.append(r.0); f.p50.append(r.1); f.p90.append(r.2)
            }
            zb.append(z)
            fb.append(hatFaelle[ei] ? f : nil)
        }
        fortschritt?(ziehungen, ziehungen)
        return Unsicherheitsergebnis(ziehungen: ziehungen, seed: seed, jahre: Array((m.basisjahr + 1)...m.horizont),
                                     einheiten: einheiten, zuschuss: zb, faelle: fb)
    }

    /// P10, P50, P90 by the nearest-rank rule on the sorted draws (rank ⌈q·n⌉).
    static func quantile(_ x: inout [Float]) -> (Double, Double, Double) {
        x.sort()
        let n = x.count
        func q(_ p: Double) -> Double {
            let rang = max(1, Int((p * Double(n)).rounded(.up)))
            return Double(x[min(n, rang) - 1])
        }
        return (q(0.1), q(0.5), q(0.9))
    }
}

/// A pointer wrapper that crosses into the worker closures; each worker writes disjoint indices.
struct UnsafeSendable<T>: @unchecked Sendable {
    let wert: UnsafeMutableBufferPointer<T>
    init(_ w: UnsafeMutableBufferPointer<T>) { wert = w }
}

/// A thread-safe counter for progress.
final class Zaehler: @unchecked Sendable {
    private var n = 0
    private let lock = NSLockBridge()
    func addieren(_ k: Int) -> Int { lock.mit { n += k; return n } }
}
