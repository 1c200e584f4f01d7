import CSpeicher
import Foundation

/// Monte-Carlo uncertainty: every assumption is drawn from a triangular distribution between
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
    /// What `ziehen` needs of the three scenarios, looked up once for all draws: the status-quo assumptions and
    /// the (best, mode, worst) triples of every drawn value (paths per year index, products per product).
    struct Ziehungsbasis: Sendable {
        /// A triangular distribution with what `Dreiecksverteilung.quantil` derives from its three values worked
        /// out once: the same operations per draw on the same values, so the same results bit for bit.
        struct Dreieck: Sendable {
            let best: Double, modus: Double, worst: Double
            /// Lower and upper end, b − a, c − a, b − c and the mode's quantile (c − a) / (b − a).
            private let a: Double, b: Double, ba: Double, ca: Double, bc: Double, fc: Double
            /// b > a (else every quantile is the mode).
            private let breit: Bool

            init(best: Double, modus: Double, worst: Double) {
                self.best = best
                self.modus = modus
                self.worst = worst
                let a = min(best, worst, modus), b = max(best, worst, modus), c = modus
                self.a = a
                self.b = b
                ba = b - a
                ca = c - a
                bc = b - c
                fc = (c - a) / (b - a)
                breit = b > a
            }

            /// Below the mode's quantile a + √(u · (b − a) · (c − a)), else b − √((1 − u) · (b − a) · (b − c)): the
            /// operands chosen by a bit mask and one root taken, without a branch on u (which is random, so the
            /// processor guessed it wrong every other time, for about 3,000 triangles per draw of the benchmark
            /// model; the compiler turns a plain `?:` back into that branch). Each side's operations are those of
            /// `Dreiecksverteilung.quantil`, in its order.
            @inline(__always)
            func quantil(_ u: Double) -> Double {
                guard breit else { return modus }
                let m = 0 &- UInt64(truncatingIfNeeded: (u < fc ? 1 : 0) as UInt8)
                @inline(__always) func wahl(_ x: Double, _ y: Double) -> Double {
                    Double(bitPattern: (x.bitPattern & m) | (y.bitPattern & ~m))
                }
                let r = (wahl(u, 1 - u) * ba * wahl(ca, bc)).squareRoot()
                return wahl(a + r, b - r)
            }
        }
        var annahmen: Rechenannahmen
        /// nil where the status quo gives no TFR (then none is drawn).
        var geburtenziffer: Dreieck?
        var sterblichkeit: Dreieck
        /// Per year index (0 = Basisjahr).
        var wanderungssaldo: [Dreieck], tarif: [Dreieck], sachkosten: [Dreieck]
        var quoteTrend: [Dreieck]
        /// nil where the product has no Erstattung (then no value is drawn for it).
        var erstattung: [Dreieck?]
        var fallkostenTrend: [Dreieck]

        init(_ m: Planungsmodell, best: Szenario, sq: Szenario, worst: Szenario) {
            annahmen = Rechenannahmen(modell: m, szenario: sq)
            let bb = best.bevoelkerung, sb = sq.bevoelkerung, wb = worst.bevoelkerung
            geburtenziffer = sb.geburtenziffer.map {
                Dreieck(best: bb.geburtenziffer ?? $0, modus: $0, worst: wb.geburtenziffer ?? $0)
            }
            sterblichkeit = Dreieck(best: bb.sterblichkeit, modus: sb.sterblichkeit, worst: wb.sterblichkeit)
            let jahre = m.basisjahr...m.horizont
            func pfad(_ b: Zeitpfad, _ s: Zeitpfad, _ w: Zeitpfad) -> [Dreieck] {
                jahre.map { Dreieck(best: b.wert($0), modus: s.wert($0), worst: w.wert($0)) }
            }
            wanderungssaldo = pfad(bb.wanderungssaldo, sb.wanderungssaldo, wb.wanderungssaldo)
            tarif = pfad(best.preise.tarif, sq.preise.tarif, worst.preise.tarif)
            sachkosten = pfad(best.preise.sachkosten, sq.preise.sachkosten, worst.preise.sachkosten)
            quoteTrend = []; erstattung = []; fallkostenTrend = []
            for p in m.produkte {
                let b = best.produkte[p.nr], s = sq.produkte[p.nr], wo = worst.produkte[p.nr]
                let qs = s?.quoteTrend ?? 0
                quoteTrend.append(Dreieck(best: b?.quoteTrend ?? qs, modus: qs, worst: wo?.quoteTrend ?? qs))
                if let e = p.erstattung {
                    let es = s?.erstattungAnteil ?? e.anteil
                    erstattung.append(
                        Dreieck(best: b?.erstattungAnteil ?? es, modus: es, worst: wo?.erstattungAnteil ?? es))
                } else {
                    erstattung.append(nil)
                }
                let fs = s?.fallkostenTrend ?? 0
                fallkostenTrend.append(
                    Dreieck(best: b?.fallkostenTrend ?? fs, modus: fs, worst: wo?.fallkostenTrend ?? fs))
            }
        }
    }

    /// One draw's assumptions: the population parameters and prices into `a`, which starts as `basis.annahmen`
    /// and is reused from draw to draw (every drawn value is overwritten), the net migration per year index into
    /// `saldo` (the path `a.bevoelkerung.wanderungssaldo` stands for; it is not rebuilt), and the per-product values
    /// (quote trend, Erstattung share, Fallkosten trend) straight into the lean engine's block `b`, where `rechnen`
    /// reads them (`Schnellrechnung.produktwerteSetzen` put the undrawn ones there once; `a`'s arrays of them keep
    /// the status quo), rather than into `a` and from there copied to the block (3,000 values per draw of the
    /// benchmark model). Returns the first uniform number of the draw.
    static func ziehen(
        _ basis: Ziehungsbasis, _ a: inout Rechenannahmen, saldo: inout [Double],
        rng: inout SplitMix64, in b: Schnellrechnung.Block
    ) -> Double {
        var erstes = -1.0
        func u() -> Double {
            let x = rng.gleich()
            if erstes < 0 { erstes = x }
            return x
        }
        if let g = basis.geburtenziffer { a.bevoelkerung.geburtenziffer = g.quantil(u()) }
        a.bevoelkerung.sterblichkeit = basis.sterblichkeit.quantil(u())
        let uw = u()
        for t in saldo.indices { saldo[t] = basis.wanderungssaldo[t].quantil(uw) }
        let ut = u()
        for t in a.tarif.indices { a.tarif[t] = basis.tarif[t].quantil(ut) }
        let us = u()
        for t in a.sachkosten.indices { a.sachkosten[t] = basis.sachkosten[t].quantil(us) }
        let N = basis.quoteTrend.count, qt = b.quoteTrend, er = b.erstattung, fk = b.fallkostenTrend
        precondition(
            basis.erstattung.count == N && basis.fallkostenTrend.count == N && qt.count >= N && er.count >= N
                && fk.count >= N, "Unsicherheit.ziehen: Produktwerte passen nicht zum Block")
        for i in 0..<N {
            qt[i] = basis.quoteTrend[i].quantil(u())
            if let e = basis.erstattung[i] { er[i] = e.quantil(u()) }
            fk[i] = basis.fallkostenTrend[i].quantil(u())
        }
        return erstes
    }

    /// Population of a draw: cohort projection with the drawn parameters, or, for an official projection, each
    /// cell drawn between the best and worst variants' values (mode: status quo) with the draw's quantile.
    static func bevoelkerung(
        _ p: Projektion, _ a: Rechenannahmen, u: Double,
        sqPop: [Bevoelkerung], bestPop: [Bevoelkerung], worstPop: [Bevoelkerung]
    ) -> [Bevoelkerung] {
        switch a.bevoelkerung.methode {
        case .kohorten: return p.bevoelkerung(a.bevoelkerung).jahre
        case .vorausberechnung:
            return sqPop.indices.map { t in
                var x = sqPop[t]
                for c in x.werte.indices {
                    x.werte[c] = Dreiecksverteilung.quantil(
                        u, best: bestPop[t].werte[c], modus: sqPop[t].werte[c], worst: worstPop[t].werte[c])
                }
                return x
            }
        }
    }

    /// What a draw's cohort projection needs besides the drawn parameters; nil where the draws take the general
    /// path (an official projection, or a model without the cohort data, whose population stays the base).
    static func kohortendaten(
        _ m: Planungsmodell, _ a: Rechenannahmen
    )
        -> (Sterbetafel, Fruchtbarkeit, Wanderungsprofil)?
    {
        guard a.bevoelkerung.methode == .kohorten, let st = m.sterbetafel, let fr = m.fruchtbarkeit,
            let wa = m.wanderung, m.horizont > m.basisjahr,
            m.bevoelkerung.werte.count == m.bevoelkerung.gebiete.count * 2 * Alter.count
        else { return nil }
        return (st, fr, wa)
    }

    /// Runs `ziehungen` draws. `fortschritt(done, total)` is called now and then (from the calling thread).
    /// From `fensterAb` draws on, the bands are selected without keeping every draw (`Fensterauswahl`): the same
    /// values, in far less memory.
    public static func rechnen(
        _ p: Projektion, ziehungen: Int, seed: UInt64,
        fortschritt: (@Sendable (Int, Int) -> Void)? = nil
    ) -> Unsicherheitsergebnis? {
        rechnen(
            p, ziehungen: ziehungen, seed: seed, probe: ziehungen >= fensterAb ? probe(ziehungen) : nil,
            fortschritt: fortschritt)
    }

    /// For measuring only (`eckwert-bench run`): computes the same `ziehungen` draws as `rechnen` — population,
    /// every product, every unit's sums per draw, on the same threads and in the same tiles — but keeps none and
    /// selects no band. What `rechnen` takes beyond this is the keeping and selecting. False without the three
    /// scenarios (as `rechnen` gives nil then).
    public static func nurZiehen(_ p: Projektion, ziehungen: Int, seed: UInt64) -> Bool {
        let m = p.modell
        guard ziehungen > 0, let best = m.szenario("best"), let sq = m.szenario("status-quo"),
            let worst = m.szenario("worst")
        else { return false }
        let lauf = Ziehungslauf(p, best: best, sq: sq, worst: worst, ziehungen: ziehungen, seed: seed)
        lauf.ziehen(von: 0, bis: ziehungen, zaehler: Zaehler(), fortschritt: nil) { _, _, _, _ in }
        return true
    }

    /// Draws from which the bands are selected in windows instead of from every stored draw.
    static let fensterAb = 5000

    /// The sample that places the windows: about (6.6 · n)^(2/3) draws, which keeps sample plus windows smallest
    /// (whole tiles, at most half of the draws).
    static func probe(_ n: Int) -> Int {
        let ziel = Swift.max(kachel, Swift.min(n / 2, Int(pow(6.6 * Double(n), 2.0 / 3.0))))
        return (ziel + kachel - 1) / kachel * kachel
    }

    /// The same with the sample size of the windows given (nil: every draw is kept and selected from).
    static func rechnen(
        _ p: Projektion, ziehungen: Int, seed: UInt64, probe: Int?,
        fortschritt: (@Sendable (Int, Int) -> Void)?
    ) -> Unsicherheitsergebnis? {
        let m = p.modell
        guard ziehungen > 0, let best = m.szenario("best"), let sq = m.szenario("status-quo"),
            let worst = m.szenario("worst")
        else { return nil }
        let lauf = Ziehungslauf(p, best: best, sq: sq, worst: worst, ziehungen: ziehungen, seed: seed)
        var q: [Double]?
        if let probe, probe > 0, probe < ziehungen, probe % kachel == 0 {
            q = lauf.quantileInFenstern(probe: probe, fortschritt: fortschritt)
        }
        // Without windows, or where they did not hold the band (NaN or −0 among the draws, or a band outside its
        // window): every draw kept, as the windows' results are defined.
        let werte = q ?? lauf.quantileVoll(fortschritt: fortschritt)
        let jahre = lauf.jahre
        var zb: [Unsicherheitsergebnis.Band] = [], fb: [Unsicherheitsergebnis.Band?] = []
        for ei in m.einheiten.indices {
            var z = Unsicherheitsergebnis.Band(p10: [], p50: [], p90: []), f = z
            for t in 0..<jahre {
                let o = (ei * jahre + t) * 2 * 3
                z.p10.append(werte[o]); z.p50.append(werte[o + 1]); z.p90.append(werte[o + 2])
                f.p10.append(werte[o + 3]); f.p50.append(werte[o + 4]); f.p90.append(werte[o + 5])
            }
            zb.append(z)
            fb.append(lauf.summen.fallplatz[ei] >= 0 ? f : nil)
        }
        fortschritt?(ziehungen, ziehungen)
        return Unsicherheitsergebnis(
            ziehungen: ziehungen, seed: seed, jahre: Array((m.basisjahr + 1)...m.horizont),
            einheiten: m.einheiten, zuschuss: zb, faelle: fb)
    }

    /// Nearest rank ⌈p·n⌉ − 1 (0-based) of the sorted draws.
    static func rang(_ p: Double, _ n: Int) -> Int { Swift.min(n, Swift.max(1, Int((p * Double(n)).rounded(.up)))) - 1 }

    /// Draws per tile of the result storage (16 Floats: one cache line per value and tile).
    static let kachel = 16
    /// Vector width of `summieren` (years); the per-product arrays carry this many values of padding.
    static let rand = 8

    /// The units of a draw's sums (members glied[start[e] ..< start[e + 1]], in `einheiten` order; `fallplatz`:
    /// each unit's place among those with cases, or −1) and how `eckwert_einheitensummen` goes through them: the
    /// units that do not have exactly one member (summed two side by side), then runs of units of one member each
    /// whose members follow each other (e0, n, g0: units e0 ..< e0 + n, members g0 ..< g0 + n), then the runs among
    /// those whose places among the units with cases follow each other too (p0, n, g0). A unit of one member sums to
    /// 0 + its product's value, so a run is one conversion of consecutive values — in the benchmark model every
    /// product's own unit, 1,000 of 1,126, where each had taken ten scattered stores.
    struct Summenplan: Sendable {
        let start: [Int], glied: [Int], fallplatz: [Int]
        /// The largest product index in `glied` (0 without any).
        let letzter: Int
        let plan: [Int]
        let nMehr: Int, nLauf: Int, nFall: Int

        init(start: [Int], glied: [Int], fallplatz: [Int]) {
            self.start = start
            self.glied = glied
            self.fallplatz = fallplatz
            letzter = glied.max() ?? 0
            let nE = start.count - 1
            var mehr: [Int] = [], laeufe: [Int] = [], faelle: [Int] = []
            func einzeln(_ e: Int) -> Bool { start[e + 1] - start[e] == 1 }
            var e = 0
            while e < nE {
                guard einzeln(e) else {
                    mehr.append(e)
                    e += 1
                    continue
                }
                // The run of units of one member with consecutive members from e on.
                var n = 1
                while e + n < nE && einzeln(e + n) && glied[start[e + n]] == glied[start[e]] + n { n += 1 }
                laeufe += [e, n, glied[start[e]]]
                // Within it, the runs of units with cases at consecutive places.
                var i = e
                while i < e + n {
                    guard fallplatz[i] >= 0 else {
                        i += 1
                        continue
                    }
                    var m = 1
                    while i + m < e + n && fallplatz[i + m] == fallplatz[i] + m { m += 1 }
                    faelle += [fallplatz[i], m, glied[start[i]]]
                    i += m
                }
                e += n
            }
            plan = mehr + laeufe + faelle
            nMehr = mehr.count
            nLauf = laeufe.count / 3
            nFall = faelle.count / 3
        }
    }

    /// Net cost and cases of every unit (see `Summenplan`) for one draw, as Float into z[k · schritt] with
    /// k = unit · years + year, and the cases of the units with a place among those with cases into
    /// f[(place · years + year) · schritt]; each sum runs over the unit's products in order, starting at 0. Up to
    /// eight years (the arrays padded by `rand` values) in the C kernel `eckwert_einheitensummen` (the years side
    /// by side in vectors, two units at once; AVX2 where `avx2`, the same bits either way), else year by year.
    static func summieren(
        _ s: Summenplan, _ pz: [Double], _ pf: [Double], _ sz: inout [Double], _ sf: inout [Double],
        _ z: UnsafeMutablePointer<Float>, _ f: UnsafeMutablePointer<Float>?, schritt: Int, jahre: Int,
        avx2: Bool = Prozessor.avx2
    ) {
        let start = s.start, glied = s.glied, fallplatz = s.fallplatz
        let nE = start.count - 1
        // Vectors only where every read stays inside both arrays.
        if jahre <= rand && s.letzter * jahre + rand <= min(pz.count, pf.count) {
            start.withUnsafeBufferPointer { st in
                glied.withUnsafeBufferPointer { gl in
                    fallplatz.withUnsafeBufferPointer { fp in
                        s.plan.withUnsafeBufferPointer { pl in
                            eckwert_einheitensummen(
                                avx2 ? 1 : 0, st.baseAddress, gl.baseAddress, fp.baseAddress, pz, pf, z, f, jahre,
                                schritt, pl.baseAddress, s.nMehr, s.nLauf, s.nFall)
                        }
                    }
                }
            }
            return
        }
        for ei in 0..<nE {
            let fp = f != nil ? fallplatz[ei] : -1
            let o = ei * jahre * schritt, of = fp * jahre * schritt
            for t in 0..<jahre { sz[t] = 0; sf[t] = 0 }
            for k in start[ei]..<start[ei + 1] {
                let o = glied[k] * jahre
                for t in 0..<jahre { sz[t] += pz[o + t]; sf[t] += pf[o + t] }
            }
            for t in 0..<jahre { z[o + t * schritt] = Float(sz[t]) }
            if let f, fp >= 0 {
                for t in 0..<jahre { f[of + t * schritt] = Float(sf[t]) }
            }
        }
    }

    /// P10, P50, P90 of every value k < K over the draws, from the tile-major storage of `rechnen`, into
    /// q[ziel(k) + 0…2]. The values are split between two threads; each gathers a group of values from every tile
    /// into one contiguous run per value (whole runs of the tiles are read, not one value per cache line) and
    /// selects in it.
    static func quantileJeWert(
        _ werte: [Float], ziehungen n: Int, K: Int, in q: inout [Double], ziel: @Sendable (Int) -> Int
    ) {
        let threads = 2, gruppe = 16, kachel = Self.kachel
        werte.withUnsafeBufferPointer { wb in
            q.withUnsafeMutableBufferPointer { qb in
                let quelle = UnsafeSendable(UnsafeMutableBufferPointer(mutating: wb))
                let qbp = UnsafeSendable(qb)
                let gruppen = (K + gruppe - 1) / gruppe
                let teil = (gruppen + threads - 1) / threads
                DispatchQueueBridge.parallel(threads) { thread in
                    var lauf = [Float](repeating: 0, count: gruppe * n)
                    var puffer: [Float] = []
                    var eimer = Eimerauswahl()
                    for gr in (thread * teil)..<min(gruppen, (thread + 1) * teil) {
                        let k0 = gr * gruppe, k1 = min(K, k0 + gruppe)
                        lauf.withUnsafeMutableBufferPointer { l in
                            var j0 = 0
                            while j0 < n {
                                let w = min(kachel, n - j0), basis = j0 * K
                                for k in k0..<k1 {
                                    let von = basis + k * w, nach = (k - k0) * n + j0
                                    for d in 0..<w { l[nach + d] = quelle.wert[von + d] }
                                }
                                j0 += w
                            }
                        }
                        for k in k0..<k1 {
                            let r: (Double, Double, Double) = lauf.withUnsafeBufferPointer { l in
                                let werte = UnsafeBufferPointer(rebasing: l[((k - k0) * n)..<((k - k0 + 1) * n)])
                                if let schnell = eimer.quantile(werte) { return schnell }
                                puffer = Array(werte)
                                return quantile(&puffer)
                            }
                            let z = ziel(k)
                            qbp.wert[z] = r.0; qbp.wert[z + 1] = r.1; qbp.wert[z + 2] = r.2
                        }
                    }
                }
            }
        }
    }

    /// P10, P50, P90 by the nearest-rank rule on the sorted draws (rank ⌈q·n⌉). The three order statistics are
    /// found by selection (linear time) rather than a full sort; they are the same values. Only where NaN or −0
    /// occurs (whose place among equals depends on the algorithm) the draws are sorted as before.
    static func quantile(_ x: inout [Float]) -> (Double, Double, Double) {
        let n = x.count
        func rang(_ p: Double) -> Int { min(n, max(1, Int((p * Double(n)).rounded(.up)))) - 1 }
        let k1 = rang(0.1), k2 = rang(0.5), k3 = rang(0.9)
        if x.contains(where: { $0.isNaN || ($0 == 0 && $0.sign == .minus) }) {
            x.sort()
        } else {
            x.withUnsafeMutableBufferPointer { a in
                auswaehlen(a, k2, 0, n - 1)
                if k1 < k2 { auswaehlen(a, k1, 0, k2 - 1) }
                if k3 > k2 { auswaehlen(a, k3, k2 + 1, n - 1) }
            }
        }
        return (Double(x[k1]), Double(x[k2]), Double(x[k3]))
    }

    /// The same three order statistics as `quantile`, found without moving the draws: a histogram of the values
    /// over [min, max] in equal-width buckets (a monotone map, so the k-th smallest lies in the bucket where the
    /// running count passes k), then only the values of the (at most three) buckets concerned are sorted.
    /// nil where that does not apply (few draws, NaN, −0, infinite values or range); then `quantile` is used.
    struct Eimerauswahl {
        var zaehler: [Int32] = []
        var eimerNr: [UInt16] = []
        var inhalt: [[Float]] = [[], [], []]

        mutating func quantile(_ x: UnsafeBufferPointer<Float>) -> (Double, Double, Double)? {
            let n = x.count
            guard n >= 256 else { return nil }
            // Without branches, so that the compiler vectorises it: NaN (v != v) and −0 (its bit pattern) are
            // counted; lo and hi take the comparisons of Swift.min and Swift.max.
            var lo = x[0], hi = x[0], sonder: UInt32 = 0
            for v in x {
                lo = v < lo ? v : lo
                hi = v >= hi ? v : hi
                sonder |= (v != v ? 1 : 0) | (v.bitPattern == 0x8000_0000 ? 1 : 0)
            }
            guard sonder == 0, lo.isFinite, hi.isFinite else { return nil }
            func rang(_ p: Double) -> Int { Swift.min(n, Swift.max(1, Int((p * Double(n)).rounded(.up)))) - 1 }
            let k = [rang(0.1), rang(0.5), rang(0.9)]
            if lo == hi { return (Double(lo), Double(lo), Double(lo)) }
            let dlo = Double(lo), spanne = Double(hi) - dlo
            let nb = Swift.min(4096, n / 4)
            let skala = Double(nb) / spanne
            guard spanne.isFinite, skala.isFinite, skala > 0 else { return nil }
            if zaehler.count != nb {
                zaehler = [Int32](repeating: 0, count: nb)
            } else {
                for b in 0..<nb { zaehler[b] = 0 }
            }
            if eimerNr.count != n { eimerNr = [UInt16](repeating: 0, count: n) }
            zaehler.withUnsafeMutableBufferPointer { z in
                eimerNr.withUnsafeMutableBufferPointer { e in
                    for i in 0..<n {
                        let b = Swift.min(nb - 1, Int((Double(x[i]) - dlo) * skala))
                        e[i] = UInt16(b)
                        z[b] += 1
                    }
                }
            }
            // Bucket and rank within it of each of the three ranks (k ascending).
            var ziel = [(eimer: Int, rest: Int)](repeating: (0, 0), count: 3)
            var kum = 0, j = 0
            for b in 0..<nb where j < 3 {
                let c = Int(zaehler[b])
                while j < 3, k[j] < kum + c { ziel[j] = (b, k[j] - kum); j += 1 }
                kum += c
            }
            guard j == 3 else { return nil }
            for m in 0..<3 { inhalt[m].removeAll(keepingCapacity: true) }
            let e0 = UInt16(ziel[0].eimer), e1 = UInt16(ziel[1].eimer), e2 = UInt16(ziel[2].eimer)
            eimerNr.withUnsafeBufferPointer { e in
                for i in 0..<n {
                    let b = e[i]
                    if b == e0 { inhalt[0].append(x[i]) }
                    if b == e1, e1 != e0 { inhalt[1].append(x[i]) }
                    if b == e2, e2 != e1, e2 != e0 { inhalt[2].append(x[i]) }
                }
            }
            var werte: [Double] = []
            for m in 0..<3 {
                let quelle = ziel[m].eimer == ziel[0].eimer ? 0 : (ziel[m].eimer == ziel[1].eimer ? 1 : 2)
                if quelle == m { inhalt[m].sort() }
                werte.append(Double(inhalt[quelle][ziel[m].rest]))
            }
            return (werte[0], werte[1], werte[2])
        }
    }

    /// Puts the k-th smallest of a[lo...hi] at index k, smaller or equal values before it and greater or equal
    /// after it (Hoare's FIND with a median-of-three pivot). No NaN allowed.
    static func auswaehlen(_ a: UnsafeMutableBufferPointer<Float>, _ k: Int, _ lo0: Int, _ hi0: Int) {
        var lo = lo0, hi = hi0
        while hi > lo {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while pivot < a[j] { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
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
    func addieren(_ k: Int) -> Int {
        lock.mit {
            n += k; return n
        }
    }
}
