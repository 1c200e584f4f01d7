import CSpeicher

/// P10, P50, P90 of every value over all draws without keeping every draw, exactly the values that selecting from
/// all kept draws gives.
///
/// The first draws (the sample) are kept whole. In them, each band gets a window: from the sample's order
/// statistic `z` standard errors below the band's rank to the one `z` above (open to −∞ or +∞ where that lies
/// outside the sample; the standard error of the band's rank among the sample given all draws, hypergeometric:
/// `fensterRaenge`). Every draw, the sample's too, is then only counted against the window's bounds (below the
/// lower, equal to the lower, equal to the upper) and kept where it lies strictly inside. The band is the value of
/// nearest rank r = ⌈p·n⌉ among all n draws; with u draws below the window, e equal to its lower bound, i inside
/// and e' equal to its upper bound, it is the lower bound if u ≤ r < u + e, the (r − u − e)-th smallest inside if
/// r < u + e + i, the upper bound if r < u + e + i + e'. Without NaN and −0 (whose place among equals depends on
/// the algorithm) the value of a rank is unique, so this is the value of the full selection. Where a draw is NaN
/// or −0, or a band lies outside its window, the caller keeps every draw instead: with z = 6 (and the one rank
/// added to the standard error, and the bucket edges) a window misses its band with a probability of about
/// 10⁻¹⁰ (normal tails at 6.3–6.5 standard errors); the 27,390 windows of 10,000 draws of the benchmark model,
/// placed and narrowed once, fall back in about one run of 100,000 (with the binomial width, before the
/// finite-population factor, about one in ten million) — the same bands, about twice the time and every draw's
/// memory. Each time the draws counted have doubled, the windows are narrowed to what all of them place (the
/// window's width in ranks grows with the square root of the draws, the draws with their number), so that the
/// kept draws take about half the memory of windows placed once — as long as at least as many draws remain to be
/// counted as have been: a narrowing reads every draw kept so far, and later than that it saves less on the draws
/// still to come than it costs (10,000 draws of the benchmark model, narrowed at 3,296 only instead of at 3,296
/// and 6,592: 0.667 → 0.625 s, fifteen interleaved runs; 100,000 draws keep their narrowings at 15,168 and
/// 30,336 and drop the one at 60,672).
extension Ziehungslauf {
    /// Draws per tile while the draws after the sample are filed (`einordnenKachel`): two tiles of 16 at once.
    static let stufenkachel = 32

    /// Standard errors of the sample's band rank on either side of a window.
    static let fensterbreite = 6.0

    /// Values per piece that a thread takes at a time when the windows are placed, narrowed and read
    /// (`Stueckvergabe`).
    static let wertstueck = 128

    /// The share of band i: 0.1, 0.5, 0.9 (without an array built per value).
    @inline(__always)
    static func anteil(_ i: Int) -> Double { i == 0 ? 0.1 : (i == 1 ? 0.5 : 0.9) }

    /// q as `quantileVoll` gives it, or nil (see above). `probe`: the sample's draws, a multiple of the tile width.
    func quantileInFenstern(probe S: Int, fortschritt: (@Sendable (Int, Int) -> Void)?) -> [Double]? {
        let K = self.K, R = K + KF, threads = Self.threads
        let zaehler = Zaehler()
        let speicher = UnsafeMutablePointer<Fensterspeicher>.allocate(capacity: threads)
        for t in 0..<threads { (speicher + t).initialize(to: Fensterspeicher(fenster: R * 3)) }
        defer {
            for t in 0..<threads { speicher[t].freigeben() }
            speicher.deinitialize(count: threads)
            speicher.deallocate()
        }
        let grenzen = UnsafeMutablePointer<Float>.allocate(capacity: R * 6)
        grenzen.initialize(repeating: 0, count: R * 6)
        defer { grenzen.deallocate() }
        let sp = UnsafeSendable(UnsafeMutableBufferPointer(start: speicher, count: threads))
        // Lower bounds at f = r · 3 + band, upper bounds at R · 3 + f.
        let gr = UnsafeSendable(UnsafeMutableBufferPointer(start: grenzen, count: R * 6))
        probeZiehen(S, zaehler: zaehler, fortschritt: fortschritt, speicher: sp, grenzen: gr)
        for t in 0..<threads where speicher[t].sonder { return nil }
        // The other draws, tile by tile (each thread's rows), counted against the windows.
        let KF = self.KF
        // In stages that double the draws counted so far, while at least as many remain after the stage, then the
        // rest in one; after each (but the last) the windows are narrowed to what all draws so far place, so that
        // fewer draws are kept from then on (and filing them writes less).
        var von = S
        while von < ziehungen {
            let bis = 4 * von <= ziehungen ? 2 * von : ziehungen
            ziehen(von: von, bis: bis, breite: Self.stufenkachel, zaehler: zaehler, fortschritt: fortschritt) {
                thread, _, w, z in
                // Each row: the draw's net costs, then its cases.
                let lo = UnsafePointer(gr.wert.baseAddress!), hi = lo + R * 3
                sp.wert[thread].einordnenKachel(0, K, z, zeile: R, w, lo, hi)
                sp.wert[thread].einordnenKachel(K, KF, z + K, zeile: R, w, lo, hi)
            }
            for t in 0..<threads where speicher[t].sonder { return nil }
            if bis < ziehungen { eingrenzen(gezogen: bis, speicher: sp, grenzen: gr) }
            von = bis
        }
        return auswaehlen(speicher: sp, grenzen: gr)
    }

    /// Narrows the windows of every value whose three windows are disjoint and in order (the usual case) to the
    /// ranks that the first `gezogen` draws, all counted, place for all draws (as the sample placed them, with
    /// `gezogen` draws instead of the sample's): a new bound is the value of its rank among the draws so far
    /// where that lies inside the window, else the old bound stays. Each thread's kept draws are then sorted
    /// into the narrower windows (those below counted below). Every draw so far is thus counted against the
    /// new bounds as the later draws are, so the bands stay those of the full selection.
    private func eingrenzen(
        gezogen n1: Int, speicher sp: UnsafeSendable<Fensterspeicher>, grenzen gr: UnsafeSendable<Float>
    ) {
        let R = K + KF, n = ziehungen, threads = Self.threads
        // The bounds before narrowing, as the draws so far were counted against them.
        let alt = UnsafeMutablePointer<Float>.allocate(capacity: R * 6)
        alt.initialize(from: gr.wert.baseAddress!, count: R * 6)
        defer { alt.deallocate() }
        let neu = UnsafeMutablePointer<Bool>.allocate(capacity: R)
        neu.initialize(repeating: false, count: R)
        defer { neu.deallocate() }
        let np = UnsafeSendable(UnsafeMutableBufferPointer(start: neu, count: R))
        let ap = UnsafeSendable(UnsafeMutableBufferPointer(start: alt, count: R * 6))
        let vergabe = Stueckvergabe(R, stueck: Self.wertstueck), hoechstens = Self.hoechstensBehalten(0..<R, sp)
        DispatchQueueBridge.parallel(threads) { _ in
            let lo = gr.wert.baseAddress!, hi = lo + R * 3
            let alo = UnsafePointer(ap.wert.baseAddress!), ahi = alo + R * 3
            var teilung = Bandteilung(hoechstens: hoechstens)
            defer { teilung.freigeben() }
            while let bereich = vergabe.naechstes() {
                for r in bereich {
                    let f0 = r * 3
                    guard Fensterspeicher.geordnet(alo + f0, ahi + f0) else { continue }
                    Self.aufteilen(f0, sp, alo, ahi, in: &teilung)
                    var verengt = false
                    for i in 0..<3 {
                        let p = Self.anteil(i)
                        let f = f0 + i
                        var u = 0
                        for t in 0..<threads { u += sp.wert[t].zahl(f, 0) }
                        if let (l, h) = Self.engereGrenzen(
                            p, n: n, gezogen: n1, unter: u, innen: teilung.anzahl(i), lo: alo[f], hi: ahi[f],
                            umfassend: { ka, kb in teilung.kanten(ka, kb, i, hi: ahi[f]) })
                        {
                            lo[f] = l
                            hi[f] = h
                            verengt = true
                        }
                    }
                    // The value's draws that the narrower windows keep, from the split just made (in the cache),
                    // where reading every chain again had been a second pass through memory.
                    if verengt {
                        np.wert[r] = true
                        Self.neuSchreiben(f0, sp, lo + f0, hi + f0, teilung)
                    }
                }
            }
        }
        // Each thread cuts its own chains of the narrowed values to what they now hold.
        DispatchQueueBridge.parallel(threads) { t in
            for r in 0..<R where np.wert[r] { sp.wert[t].kuerzen(r * 3) }
        }
    }

    /// The draws of the value with first window f0 (ordered windows, split into `teilung` by `aufteilen`) that
    /// its narrower windows lo[0…2], hi[0…2] (inside the old ones) keep, written back over its kept draws in the
    /// threads' chains (there are at most as many); a draw below its window's new lower bound is
    /// counted below that window (in the first thread's counts: the bands read the threads' sums), one above its
    /// new upper bound is dropped. Writes only the value's own chunks and counts, so that the threads may narrow
    /// different values at once (no chain grows, nothing is mapped); each thread's `kuerzen` then hands back the
    /// chunks its chain of the value no longer needs. Overwrites the draws of `teilung`.
    static func neuSchreiben(
        _ f0: Int, _ sp: UnsafeSendable<Fensterspeicher>, _ lo: UnsafePointer<Float>, _ hi: UnsafePointer<Float>,
        _ teilung: Bandteilung
    ) {
        let erster = sp.wert[0]
        var m = 0
        for i in 0..<3 {
            var unter = 0
            let w = teilung.werte + i * teilung.kapazitaet
            let c = eckwert_fenster_filtern(w, teilung.anzahl(i), lo[i], hi[i], &unter)
            // Behind the windows before (window i's draws lie further on: m ≤ the draws of the windows before).
            if i > 0 && c > 0 {
                UnsafeMutableRawPointer(teilung.werte + m).copyMemory(
                    from: w, byteCount: c * MemoryLayout<Float>.stride)
            }
            m += c
            erster.zahlen[erster.platz(f0 + i, 0)] += unter
        }
        // Starting with a thread that changes from value to value, so that the chunks given back (and those then
        // still in use) are about evenly shared: each thread's chains grow again with its own draws.
        var x = UnsafePointer(teilung.werte), rest = m
        let T = sp.wert.count
        for j in 0..<T {
            let k = sp.wert[(f0 / 3 + j) % T].zurueckschreiben(f0, x, rest)
            x += k
            rest -= k
        }
        precondition(rest == 0, "neuSchreiben: mehr Ziehungen behalten als zuvor")
    }

    /// The sample (draws 0 ..< S) kept whole, each value's windows placed in it, and its draws counted.
    private func probeZiehen(
        _ S: Int, zaehler: Zaehler, fortschritt: (@Sendable (Int, Int) -> Void)?,
        speicher sp: UnsafeSendable<Fensterspeicher>, grenzen gr: UnsafeSendable<Float>
    ) {
        let K = self.K, KF = self.KF, R = K + KF, n = ziehungen, kachel = Unsicherheit.kachel
        precondition(kachel == Probespeicher.breite, "probeZiehen: eine Kachel ist ein Wertblock breit")
        let probe = Probespeicher(probe: S, K: K, KF: KF)
        // What no thread's chains took over (all of it where the placing stopped early) is handed back.
        defer { probe.restFreigeben() }
        ziehen(von: 0, bis: S, zaehler: zaehler, fortschritt: fortschritt) { _, j0, w, zeilen in
            // Each value block's 16 values of the tile's 16 draws (w is 16: the sample is whole tiles).
            for b in 0..<probe.bloecke {
                let (r0, m) = probe.werte(b)
                Self.kachelAblegen(zeilen, R: R, w: w, von: r0, anzahl: m, nach: probe.kachel(b, j0 / kachel))
            }
        }
        let vergabe = Stueckvergabe(R, stueck: Self.wertstueck)
        DispatchQueueBridge.parallel(Self.threads) { thread in
            // Up to one value block at a time: its values' draws gathered into one run each (the block's tiles
            // lie one after the other, 1 KB each).
            let puffer = UnsafeMutablePointer<Float>.allocate(capacity: Probespeicher.breite * S)
            puffer.initialize(repeating: 0, count: Probespeicher.breite * S)
            defer { puffer.deallocate() }
            let lo = gr.wert.baseAddress!, hi = lo + R * 3
            while let bereich = vergabe.naechstes() {
                let ende = bereich.upperBound
                var r0 = bereich.lowerBound
                while r0 < ende {
                    let (b, spur) = probe.block(r0)
                    let m = Swift.min(Probespeicher.breite - spur, ende - r0, r0 < K ? K - r0 : R - r0)
                    let von = UnsafeRawPointer(probe.kachel(b, 0) + spur * kachel)
                    for t in 0..<(S / kachel) {
                        for v in 0..<m {
                            let lauf = von.loadUnaligned(
                                fromByteOffset: (t * Probespeicher.breite * kachel + v * kachel) * 4,
                                as: SIMD16<Float>.self)
                            UnsafeMutableRawPointer(puffer + v * S + t * kachel).storeBytes(
                                of: lauf, as: SIMD16<Float>.self)
                        }
                    }
                    for v in 0..<m {
                        let r = r0 + v, x = UnsafeMutableBufferPointer(start: puffer + v * S, count: S)
                        sp.wert[thread].einordnenPruefen(x.baseAddress!, S)
                        if sp.wert[thread].sonder { return }
                        Self.fensterSetzen(x, n: n, lo: lo + r * 3, hi: hi + r * 3)
                        sp.wert[thread].einordnen(r, x.baseAddress!, S, lo, hi)
                    }
                    // Memory of the sample that no value needs any more serves this thread's chains next.
                    sp.wert[thread].vorrat += probe.platziert(b, m)
                    r0 += m
                }
            }
        }
    }

    /// The three windows of one value from its sample `x` (reordered only where it has fewer than 64 values or
    /// all are equal), for n draws in all: window i from the lower edge of the histogram bucket that holds the
    /// sample's order statistic at the rank `fensterRaenge` gives below the band to the upper edge of the one that
    /// holds the rank above (`eckwert_probe_fenster`: two passes over the sample, and at most a bucket wider than
    /// the order statistics themselves — 1,024 buckets over the sample's range, about 2 of the 117 ranks either
    /// side of the median's window at 10,000 draws). Any bounds would give the same bands (every draw is counted
    /// against them); these only have to lie about where the order statistics do. Selecting the order statistics
    /// exactly (a histogram, a copy of the ranks' buckets and a selection in it) had taken a third more of the
    /// sample's placing. With fewer than 64 values or all equal, the order statistics themselves.
    static func fensterSetzen(
        _ x: UnsafeMutableBufferPointer<Float>, n: Int, lo: UnsafeMutablePointer<Float>, hi: UnsafeMutablePointer<Float>
    ) {
        let S = x.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 6) { r in
            for i in 0..<3 { (r[2 * i], r[2 * i + 1]) = fensterRaenge(anteil(i), n: n, probe: S) }
            let gesetzt = withUnsafeTemporaryAllocation(of: Int32.self, capacity: 1024) { z in
                eckwert_probe_fenster(x.baseAddress, S, r.baseAddress, z.baseAddress, lo, hi, Prozessor.avx2 ? 1 : 0)
            }
            if gesetzt != 0 { return }
            let raenge = Array(Set(r.filter { $0 >= 0 && $0 < S })).sorted()
            mehrereAuswaehlen(x, raenge[...], 0, S - 1)
            for i in 0..<3 {
                let a = r[2 * i], b = r[2 * i + 1]
                lo[i] = a < 0 ? -.infinity : (a >= S ? .infinity : x[a])
                hi[i] = b >= S ? .infinity : (b < 0 ? -.infinity : x[b])
            }
        }
    }

    /// The narrower bounds of one window (band p of n draws, disjoint from the value's others, in order) after
    /// `gezogen` draws: `unter` below its lower bound `lo`, `innen` inside (reordered). A bound moves to about the
    /// value of its rank (`fensterRaenge` with all draws so far as the sample; `umfassend`: that value or one a
    /// little further out) where that lies inside; nil where neither moves or the window would close to a point.
    static func engereGrenzen(
        _ p: Double, n: Int, gezogen n1: Int, unter u: Int, innen werte: inout [Float], lo: Float, hi: Float
    ) -> (Float, Float)? {
        engereGrenzen(p, n: n, gezogen: n1, unter: u, innen: werte.count, lo: lo, hi: hi) { ka, kb in
            werte.withUnsafeMutableBufferPointer { w in umfassend(ka, kb, in: w) }
        }
    }

    /// The same with `m` draws inside, of which `umfassend(ka, kb)` gives bounds as `umfassend(_:_:in:)` does.
    @inline(__always)
    static func engereGrenzen(
        _ p: Double, n: Int, gezogen n1: Int, unter u: Int, innen m: Int, lo: Float, hi: Float,
        umfassend: (Int, Int) -> (Float, Float)
    ) -> (Float, Float)? {
        let (a, b) = fensterRaenge(p, n: n, probe: n1)
        let ka = a - u, kb = b - u
        let unten = ka >= 0 && ka < m, oben = kb >= 0 && kb < m
        guard unten || oben else { return nil }
        let (l, h) = umfassend(unten ? ka : 0, oben ? kb : m - 1)
        let neu = (unten ? l : lo, oben ? h : hi)
        return neu.0 < neu.1 && (neu.0 != lo || neu.1 != hi) ? neu : nil
    }

    /// A value at most the ka-th smallest and one at least the kb-th smallest of `w` (0-based, ka ≤ kb, finite
    /// values; may be reordered), both values of `w`: the smallest value of the histogram bucket (as in `kleinstes`)
    /// that holds rank ka and the largest of the one that holds rank kb; the exact order statistics where there are
    /// few values or all are equal. Cheaper than selecting the two ranks, and wider by less than a bucket each.
    static func umfassend(_ ka: Int, _ kb: Int, in w: UnsafeMutableBufferPointer<Float>) -> (Float, Float) {
        guard let karte = Eimerkarte(w) else {
            mehrereAuswaehlen(w, (ka == kb ? [ka] : [ka, kb])[...], 0, w.count - 1)
            return (w[ka], w[kb])
        }
        return karte.zaehlen(w) { z in
            let a = Eimerkarte.eimer(mitRang: ka, z, ab: (0, 0))
            let b = Eimerkarte.eimer(mitRang: kb, z, ab: a).0
            var l = Float.infinity, h = -Float.infinity
            for v in w {
                let e = karte.eimer(v)
                l = e == a.0 && v < l ? v : l
                h = e == b && v > h ? v : h
            }
            return (l, h)
        }
    }

    /// The 0-based ranks among `S` draws (a sample of all n) between which the band p of all n draws is sought:
    /// its rank scaled to S, ± `z` standard errors (floor and ceiling; outside 0 ..< S where the window is open).
    ///
    /// The standard error is that of the band's rank among the sample, given all n draws: the draws are
    /// independent and identically distributed, so the first S are a random subset of the n, and how many of them
    /// lie below the band (the r-th smallest of n, r/n ≈ p) is hypergeometric, with variance
    /// S · p · (1 − p) · (n − S) / (n − 1) — the binomial variance S · p · (1 − p) times the finite-population
    /// factor, which the windows once left out (making them wider than their z by 1/√((n − S)/(n − 1)): 1.09 for
    /// the sample of 10,000 draws, 1.22 at its narrowing after 3,296). Plus one rank for the rounding.
    static func fensterRaenge(_ p: Double, n: Int, probe S: Int, z: Double = fensterbreite) -> (Int, Int) {
        let mitte = Double(Unsicherheit.rang(p, n)) * Double(S) / Double(n)
        let endlich = n > 1 ? Double(Swift.max(0, n - S)) / Double(n - 1) : 0
        let se = (Double(S) * p * (1 - p) * endlich).squareRoot() + 1
        return (Int((mitte - z * se).rounded(.down)), Int((mitte + z * se).rounded(.up)))
    }

    /// Puts the order statistics of the sorted, distinct ranks `raenge` (inside lo…hi) at their places.
    static func mehrereAuswaehlen(
        _ a: UnsafeMutableBufferPointer<Float>, _ raenge: ArraySlice<Int>, _ lo: Int, _ hi: Int
    ) {
        guard !raenge.isEmpty else { return }
        let mitte = raenge.startIndex + raenge.count / 2, k = raenge[mitte]
        Unsicherheit.auswaehlen(a, k, lo, hi)
        mehrereAuswaehlen(a, raenge[raenge.startIndex..<mitte], lo, k - 1)
        mehrereAuswaehlen(a, raenge[(mitte + 1)...], k + 1, hi)
    }

    /// The most draws that one of the values r in `bereich` keeps (its first window's chains, all threads).
    static func hoechstensBehalten(_ bereich: Range<Int>, _ sp: UnsafeSendable<Fensterspeicher>) -> Int {
        var groesste = 0
        for r in bereich {
            var m = 0
            for t in 0..<sp.wert.count { m += sp.wert[t].zahl(r * 3, 3) }
            groesste = Swift.max(groesste, m)
        }
        return groesste
    }

    /// The kept draws of the value with first window f0 (ordered windows lo[f0 …], hi[f0 …]; every thread's
    /// chain) split into its three windows in one pass (`Bandteilung`).
    static func aufteilen(
        _ f0: Int, _ sp: UnsafeSendable<Fensterspeicher>, _ lo: UnsafePointer<Float>, _ hi: UnsafePointer<Float>,
        in teilung: inout Bandteilung
    ) {
        var m = 0
        for t in 0..<sp.wert.count { m += sp.wert[t].zahl(f0, 3) }
        teilung.beginnen(lo + f0, hi + f0, anzahl: m)
        // The next value's first chunks asked for meanwhile (values are split in order).
        for t in 0..<sp.wert.count where f0 + 3 < sp.wert[t].anzahl * 3 { sp.wert[t].ersteVorauslesen(f0 + 3) }
        for t in 0..<sp.wert.count { sp.wert[t].aufteilen(f0, in: teilung) }
    }

    /// Every band from its window's counts and values (see the type's note); nil where one lies outside.
    private func auswaehlen(
        speicher sp: UnsafeSendable<Fensterspeicher>, grenzen gr: UnsafeSendable<Float>
    )
        -> [Double]?
    {
        let R = K + KF, n = ziehungen, threads = Self.threads
        var q = [Double](repeating: 0, count: K * 2 * 3)
        let ausserhalb = Zaehler()
        q.withUnsafeMutableBufferPointer { qb in
            let qp = UnsafeSendable(qb)
            let vergabe = Stueckvergabe(R, stueck: Self.wertstueck), hoechstens = Self.hoechstensBehalten(0..<R, sp)
            DispatchQueueBridge.parallel(threads) { _ in
                var werte: [Float] = []
                let lo = gr.wert.baseAddress!, hi = lo + R * 3
                // Ordered windows (the usual case): the value's chains split into its three windows in one pass;
                // others read window by window.
                var teilung = Bandteilung(hoechstens: hoechstens)
                defer { teilung.freigeben() }
                while let bereich = vergabe.naechstes() {
                    for r in bereich {
                        let ziel = zielplatz(r), f0 = r * 3
                        let geordnet = Fensterspeicher.geordnet(lo + f0, hi + f0)
                        if geordnet { Self.aufteilen(f0, sp, lo, hi, in: &teilung) }
                        for i in 0..<3 {
                            let f = f0 + i, rang = Unsicherheit.rang(Self.anteil(i), n)
                            var u = 0, e = 0, e2 = 0
                            werte.removeAll(keepingCapacity: true)
                            for t in 0..<threads {
                                let z = sp.wert[t]
                                u += z.zahl(f, 0); e += z.zahl(f, 1); e2 += z.zahl(f, 2)
                                if !geordnet { z.werte(f, in: &werte) }
                            }
                            let band =
                                geordnet
                                ? Self.band(
                                    rang: rang, unter: u, gleichLo: e, gleichHi: e2, innen: teilung.anzahl(i),
                                    lo: lo[f],
                                    hi: hi[f], kleinstes: { teilung.kleinstes($0, i) })
                                : Self.band(
                                    rang: rang, unter: u, gleichLo: e, gleichHi: e2, innen: &werte, lo: lo[f], hi: hi[f]
                                )
                            guard let v = band else {
                                _ = ausserhalb.addieren(1)
                                return
                            }
                            qp.wert[ziel + i] = Double(v)
                        }
                    }
                }
            }
        }
        return ausserhalb.addieren(0) == 0 ? q : nil
    }
}

extension Ziehungslauf {
    /// The value of 0-based rank `rang` among all draws from one window: `unter` draws below its lower bound `lo`,
    /// `gleichLo` equal to it, `innen` strictly inside (reordered), `gleichHi` equal to its upper bound `hi`;
    /// nil where the rank lies outside the window.
    static func band(
        rang: Int, unter: Int, gleichLo: Int, gleichHi: Int, innen: inout [Float], lo: Float, hi: Float
    ) -> Float? {
        band(rang: rang, unter: unter, gleichLo: gleichLo, gleichHi: gleichHi, innen: innen.count, lo: lo, hi: hi) {
            k in innen.withUnsafeMutableBufferPointer { kleinstes(k, in: $0) }
        }
    }

    /// The same with `innen` draws strictly inside, of which `kleinstes(k)` gives the k-th smallest (0-based).
    @inline(__always)
    static func band(
        rang: Int, unter: Int, gleichLo: Int, gleichHi: Int, innen m: Int, lo: Float, hi: Float,
        kleinstes: (Int) -> Float
    ) -> Float? {
        var k = rang - unter
        if k < 0 { return nil }
        if k < gleichLo { return lo }
        k -= gleichLo
        if k < m { return kleinstes(k) }
        k -= m
        return k < gleichHi ? hi : nil
    }
}

extension Ziehungslauf {
    /// The k-th smallest (0-based) of `w` (finite values, no NaN; reordered and overwritten): a histogram over
    /// [min, max] in equal-width buckets (a monotone map, so the k-th smallest lies in the bucket where the running
    /// count passes k), then that bucket's values moved to the front and the rank selected among them. Without
    /// branches per value, unlike selecting by partitions.
    static func kleinstes(_ k: Int, in w: UnsafeMutableBufferPointer<Float>) -> Float {
        let n = w.count
        guard let karte = Eimerkarte(w) else {
            Unsicherheit.auswaehlen(w, k, 0, n - 1)
            return w[k]
        }
        return karte.zaehlen(w) { z in
            let (b, kum) = Eimerkarte.eimer(mitRang: k, z, ab: (0, 0))
            var m = 0
            for i in 0..<n {
                let v = w[i]
                w[m] = v
                m &+= karte.eimer(v) == b ? 1 : 0
            }
            let teil = UnsafeMutableBufferPointer(rebasing: w[0..<m])
            Unsicherheit.auswaehlen(teil, k - kum, 0, m - 1)
            return teil[k - kum]
        }
    }
}

/// Equal-width buckets over [min, max] of some values, a monotone map (the k-th smallest lies in the bucket where
/// the running count passes k), for `kleinstes` and `umfassend`.
struct Eimerkarte {
    let dlo: Double, skala: Double, nb: Int

    /// nil where buckets do not apply: fewer than 64 values, all equal, or a range that is not finite.
    init?(_ w: UnsafeMutableBufferPointer<Float>) {
        let n = w.count
        guard n >= 64 else { return nil }
        var lo = w[0], hi = w[0]
        for v in w {
            lo = v < lo ? v : lo
            hi = v > hi ? v : hi
        }
        dlo = Double(lo)
        nb = Swift.min(1024, n / 4)
        skala = Double(nb) / (Double(hi) - dlo)
        guard lo < hi, skala.isFinite, skala > 0 else { return nil }
    }

    @inline(__always)
    func eimer(_ v: Float) -> Int { Swift.min(nb - 1, Int((Double(v) - dlo) * skala)) }

    /// `rumpf` with the count of the values of `w` per bucket.
    func zaehlen<T>(_ w: UnsafeMutableBufferPointer<Float>, _ rumpf: (UnsafeMutableBufferPointer<Int32>) -> T) -> T {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: nb) { z in
            z.initialize(repeating: 0)
            for v in w { z[eimer(v)] &+= 1 }
            return rumpf(z)
        }
    }

    /// The bucket that holds rank k and the count of the values before it, walking the counts `z` from a bucket
    /// and the count before it (`ab`, at or before the result).
    static func eimer(mitRang k: Int, _ z: UnsafeMutableBufferPointer<Int32>, ab: (Int, Int)) -> (Int, Int) {
        var (b, kum) = ab
        while kum + Int(z[b]) <= k {
            kum += Int(z[b])
            b += 1
        }
        return (b, kum)
    }
}

/// One thread's windows: per window f (value r, band i: f = r · 3 + i) the draws below its lower bound, equal to
/// it, equal to the upper bound (`zahl(f, 0…2)`) and how many are kept in its chain (`zahl(f, 3)`), in chunks of
/// `stueck` values (chunk c at `bloecke[c / jeBlock]`, followed by chunk `naechster[c]`; the chain's first and
/// current chunk at `kette[kplatz(f, 0/1)]`, −1 while it keeps none). Window f's chain holds the draws
/// strictly inside it; where a value's three windows are disjoint and in order (`geordnet`), the chain of its
/// first window holds the draws inside any of the three instead (the window of each follows from its bounds), so
/// that a tile of draws is appended to one place per value, and the other two chains stay empty (`innen`).
struct Fensterspeicher {
    static let stueck = 128, jeBlock = 4096
    /// Cache lines per chunk.
    static let stueckZeilen = stueck * MemoryLayout<Float>.stride / 64
    /// The counts, at `platz(f, k)`.
    let zahlen: UnsafeMutablePointer<Int>
    /// Values (three windows each).
    let anzahl: Int
    /// Staging places of `einordnen`: 16 per window and 16 for the draws above the last.
    let stufe: UnsafeMutablePointer<Float>
    /// A block of `sammelWerte` values' draws of a tile (two halves of 16 for a tile of 32), turned from the draws'
    /// rows (`einordnenKachel`).
    let sammel: UnsafeMutablePointer<Float>
    static let sammelWerte = 64
    let kette: UnsafeMutablePointer<Int>
    var naechster: [Int] = []
    /// Chunks given back by `kuerzen`, taken before new ones.
    var freieStuecke: [Int] = []
    /// Mapped from the system (handed back whole when freed) rather than taken from malloc, whose worker-thread
    /// arenas would keep the freed memory and add it to what the documents need afterwards.
    var bloecke: [Grossspeicher<Float>] = []
    /// Blocks for later (the sample's memory once its values are placed: `Probespeicher`), taken before new ones
    /// are mapped; freed by `freigeben` where unused.
    var vorrat: [Grossspeicher<Float>] = []
    /// NaN or −0 among the draws.
    var sonder = false

    /// `fenster`: three per value.
    init(fenster: Int) {
        anzahl = (fenster + 2) / 3
        zahlen = .allocate(capacity: anzahl * 12)
        zahlen.initialize(repeating: 0, count: anzahl * 12)
        kette = .allocate(capacity: anzahl * 6)
        kette.initialize(repeating: -1, count: anzahl * 6)
        stufe = .allocate(capacity: 64)
        stufe.initialize(repeating: 0, count: 64)
        sammel = .allocate(capacity: 2 * Self.sammelWerte * Unsicherheit.kachel)
        sammel.initialize(repeating: 0, count: 2 * Self.sammelWerte * Unsicherheit.kachel)
    }

    /// Where count k of window f lies in `zahlen` (k: 0 below the lower bound, 1 equal to it, 2 equal to the upper
    /// bound, 3 kept in the chain). What ordered windows use while draws are filed (below each of a value's
    /// windows, kept in its first window's chain) lies first, four per value side by side, the values in order;
    /// the other counts after them. So filing a tile reads and writes one short run instead of scattered places.
    @inline(__always)
    func platz(_ f: Int, _ k: Int) -> Int {
        let r = f / 3, i = f - r * 3
        if k == 0 { return r &* 4 &+ i }
        if k == 3 && i == 0 { return r &* 4 &+ 3 }
        return anzahl &* 4 &+ r &* 8 &+ (k == 1 ? i : k == 2 ? 3 &+ i : 5 &+ i)
    }

    /// Where window f's first (j = 0) or current (j = 1) chunk lies in `kette`: the current chunk of each value's
    /// first window (the one ordered windows file into) first, one per value in order, then the others.
    @inline(__always)
    func kplatz(_ f: Int, _ j: Int) -> Int {
        let r = f / 3, i = f - r * 3
        if j == 1 && i == 0 { return r }
        return anzahl &+ r &* 5 &+ (j == 0 ? i : 2 &+ i)
    }

    /// Count k of window f (see `platz`).
    func zahl(_ f: Int, _ k: Int) -> Int { zahlen[platz(f, k)] }

    /// Frees the storage (once).
    func freigeben() {
        zahlen.deallocate()
        kette.deallocate()
        stufe.deallocate()
        sammel.deallocate()
        for b in bloecke + vorrat { b.freigeben() }
    }

    /// Marks NaN and −0 among x[0 ..< w].
    mutating func einordnenPruefen(_ x: UnsafePointer<Float>, _ w: Int) {
        var s: UInt32 = 0
        for d in 0..<w {
            let v = x[d]
            s |= (v != v ? 1 : 0) | (v.bitPattern == 0x8000_0000 ? 1 : 0)
        }
        if s != 0 { sonder = true }
    }

    /// Counts the draws x[0 ..< w] of value r against its three windows and keeps those inside: per block of 16
    /// draws without branches (each draw is written to a window's staging place, which advances only where the
    /// draw lies inside), then the staged draws appended to their windows.
    mutating func einordnen(
        _ r: Int, _ x: UnsafePointer<Float>, _ w: Int, _ lo: UnsafePointer<Float>, _ hi: UnsafePointer<Float>
    ) {
        einordnenPruefen(x, w)
        let f = r * 3
        let l0 = lo[f], l1 = lo[f + 1], l2 = lo[f + 2], h0 = hi[f], h1 = hi[f + 1], h2 = hi[f + 2]
        // Disjoint windows in order (the usual case): each draw's region found with vectors. The windows then
        // include their bounds (nothing is counted as equal to them), which the band's rank accounts for alike.
        if Self.geordnet(lo + f, hi + f) {
            einordnenGeordnet(f, x, w, (l0, h0, l1, h1, l2, h2))
            return
        }
        // The upper bound as compared for equality: NaN (never equal) where it is the lower bound (counted there).
        let g0 = h0 != l0 ? h0 : .nan, g1 = h1 != l1 ? h1 : .nan, g2 = h2 != l2 ? h2 : .nan
        var u0 = 0, u1 = 0, u2 = 0, e0 = 0, e1 = 0, e2 = 0, o0 = 0, o1 = 0, o2 = 0
        let st = stufe
        var b0 = 0
        while b0 < w {
            let m = Swift.min(16, w - b0)
            var c0 = 0, c1 = 16, c2 = 32
            for d in 0..<m {
                let v = x[b0 + d]
                u0 &+= v < l0 ? 1 : 0; e0 &+= v == l0 ? 1 : 0; o0 &+= v == g0 ? 1 : 0
                u1 &+= v < l1 ? 1 : 0; e1 &+= v == l1 ? 1 : 0; o1 &+= v == g1 ? 1 : 0
                u2 &+= v < l2 ? 1 : 0; e2 &+= v == l2 ? 1 : 0; o2 &+= v == g2 ? 1 : 0
                st[c0] = v; c0 &+= l0 < v && v < h0 ? 1 : 0
                st[c1] = v; c1 &+= l1 < v && v < h1 ? 1 : 0
                st[c2] = v; c2 &+= l2 < v && v < h2 ? 1 : 0
            }
            if c0 > 0 { anhaengen(f, st, c0) }
            if c1 > 16 { anhaengen(f + 1, st + 16, c1 - 16) }
            if c2 > 32 { anhaengen(f + 2, st + 32, c2 - 32) }
            b0 += m
        }
        zahlen[platz(f, 0)] &+= u0; zahlen[platz(f, 1)] &+= e0; zahlen[platz(f, 2)] &+= o0
        zahlen[platz(f + 1, 0)] &+= u1; zahlen[platz(f + 1, 1)] &+= e1; zahlen[platz(f + 1, 2)] &+= o1
        zahlen[platz(f + 2, 0)] &+= u2; zahlen[platz(f + 2, 1)] &+= e2; zahlen[platz(f + 2, 2)] &+= o2
    }

    /// `einordnen` for the values r0 ..< r0 + anzahl of one tile of w draws (value r0 + j of draw d at
    /// x + d · zeile + j, the draws' rows), in one call: blocks of values turned into runs of w draws per value
    /// (`eckwert_kachel`, in the staging buffer `sammel`), then full tiles of values with ordered windows take
    /// `einordnen16`. The next block's rows and the end of the chain of the value a few ahead (where `einordnen16`
    /// writes) are asked for ahead with prefetch hints, which, unlike reads, do not hold up the work meanwhile.
    mutating func einordnenKachel(
        _ r0: Int, _ anzahl: Int, _ x: UnsafePointer<Float>, zeile: Int, _ w: Int, _ lo: UnsafePointer<Float>,
        _ hi: UnsafePointer<Float>
    ) {
        let voraus = 8, block = Self.sammelWerte, avx2: Int32 = Prozessor.avx2 ? 1 : 0
        // Tiles of 32 draws as two halves of 16 (each turned and filed as a tile of 16), one after the other per
        // value: the end of the value's chain, a cache line of its own, is then fetched once for 32 draws.
        // Half h's values at sammel + h · haelfte (value jj of the block at jj · hw within it).
        let haelften = w == 2 * Unsicherheit.kachel ? 2 : 1, hw = w / haelften
        let haelfte = Self.sammelWerte * Unsicherheit.kachel
        var j0 = 0
        while j0 < anzahl {
            let m = Swift.min(block, anzahl - j0)
            for h in 0..<haelften { eckwert_kachel(avx2, x + h * hw * zeile + j0, zeile, hw, m, sammel + h * haelfte) }
            if j0 + block < anzahl {
                for d in 0..<w {
                    for c in stride(from: block, to: Swift.min(2 * block, anzahl - j0), by: 16) {
                        eckwert_vorausladen(x + d * zeile + j0 + c)
                    }
                }
            }
            for jj in 0..<m {
                let j = j0 + jj, f = (r0 + j) * 3
                if j + voraus < anzahl {
                    let rv = r0 + j + voraus, c = kette[rv]
                    if c >= 0 { eckwert_vorausladen(adresse(c) + (zahlen[rv * 4 + 3] & (Self.stueck - 1))) }
                }
                let geordnet16 = hw == 16 && Self.geordnet(lo + f, hi + f)
                for h in 0..<haelften {
                    let v = UnsafePointer(sammel + h * haelfte + jj * hw)
                    if geordnet16 {
                        einordnen16(r0 + j, v, lo + f, hi + f, avx2)
                    } else {
                        einordnen(r0 + j, v, hw, lo, hi)
                    }
                }
            }
            j0 += m
        }
    }

    /// `einordnenGeordnet` for the 16 draws at v (bounds lo[0…2], hi[0…2]) in one call of C
    /// (`eckwert_einordnen16`, AVX2 where `avx2`: the same comparisons either way): NaN and −0 marked, the draws
    /// below each window counted, the kept draws written straight to the end of the chain where its last chunk has
    /// room for 16. (In Swift, built for baseline x86-64, each eight-lane comparison was two and the counts vector
    /// sums: perf samples of the filing 601 → 296 for 10,000 draws of the benchmark model.)
    @inline(__always)
    private mutating func einordnen16(
        _ r: Int, _ v: UnsafePointer<Float>, _ lo: UnsafePointer<Float>, _ hi: UnsafePointer<Float>, _ avx2: Int32
    ) {
        // The value's counts at z[0…3] (below each window, kept; see `platz`), its current chunk at kette[r].
        let z = zahlen + r * 4, a = z[3], im = a & (Self.stueck - 1)
        let direkt = im != 0 && im <= Self.stueck - 16
        let ziel = direkt ? adresse(kette[r]) + im : stufe
        var s: Int32 = 0
        let c = eckwert_einordnen16(v, lo, hi, ziel, z, &s, avx2)
        if s != 0 { sonder = true }
        if direkt {
            z[3] = a + c
        } else if c > 0 {
            anhaengen(r * 3, stufe, c)
        }
    }

    /// Whether a value's three windows (bounds lo[0…2], hi[0…2]) are disjoint and in order: then each includes
    /// its bounds (see `einordnen`). Narrowing such windows inside themselves keeps them so.
    static func geordnet(_ lo: UnsafePointer<Float>, _ hi: UnsafePointer<Float>) -> Bool {
        lo[0] < hi[0] && hi[0] < lo[1] && lo[1] < hi[1] && hi[1] < lo[2] && lo[2] < hi[2]
    }

    /// Writes up to `anzahl` draws from x over window f's kept draws, chunk by chunk from the start of its chain,
    /// and makes that its count; returns how many (at most its count before). Writes only f's chunks and count (see
    /// `Ziehungslauf.neuSchreiben`); `kuerzen` then fits the chain to the count.
    func zurueckschreiben(_ f: Int, _ x: UnsafePointer<Float>, _ anzahl: Int) -> Int {
        let k = Swift.min(anzahl, zahlen[platz(f, 3)])
        var c = kette[kplatz(f, 0)], i = 0
        while i < k {
            let m = Swift.min(Self.stueck, k - i)
            adresse(c).update(from: x + i, count: m)
            i += m
            c = naechster[c]
        }
        zahlen[platz(f, 3)] = k
        return k
    }

    /// Cuts window f's chain to the chunks its count needs: the last of them becomes the current chunk (the chain
    /// is emptied where the count is 0), the others are kept for reuse by `anhaengen`.
    mutating func kuerzen(_ f: Int) {
        let a = zahlen[platz(f, 3)]
        var frei = kette[kplatz(f, 0)]
        guard frei >= 0 else { return }
        if a > 0 {
            var letzter = frei
            for _ in 1..<((a + Self.stueck - 1) / Self.stueck) { letzter = naechster[letzter] }
            frei = naechster[letzter]
            naechster[letzter] = -1
            kette[kplatz(f, 1)] = letzter
        } else {
            kette[kplatz(f, 0)] = -1
            kette[kplatz(f, 1)] = -1
        }
        while frei >= 0 {
            let weiter = naechster[frei]
            naechster[frei] = -1
            freieStuecke.append(frei)
            frei = weiter
        }
    }

    /// Appends window f's kept draws to `ziel` (bounds of all windows in lo, hi): its chain's, or, where its
    /// value's windows are disjoint and in order, those of the value's chain that lie in its closed bounds.
    func innen(_ f: Int, _ lo: UnsafePointer<Float>, _ hi: UnsafePointer<Float>, in ziel: inout [Float]) {
        let f0 = f - f % 3
        guard Self.geordnet(lo + f0, hi + f0) else {
            werte(f, in: &ziel)
            return
        }
        var alle: [Float] = []
        werte(f0, in: &alle)
        Self.filtern(alle, lo[f], hi[f], in: &ziel)
    }

    /// Appends the values of `alle` in [l, h] to `ziel`, in their order (without branches per value).
    static func filtern(_ alle: [Float], _ l: Float, _ h: Float, in ziel: inout [Float]) {
        let n0 = ziel.count
        ziel.append(contentsOf: repeatElement(0, count: alle.count))
        let m = ziel.withUnsafeMutableBufferPointer { z in
            alle.withUnsafeBufferPointer { a in
                var m = n0
                for v in a {
                    z[m] = v
                    m &+= (l <= v ? 1 : 0) & (v <= h ? 1 : 0)
                }
                return m
            }
        }
        ziel.removeLast(ziel.count - m)
    }

    private func adresse(_ c: Int) -> UnsafeMutablePointer<Float> {
        bloecke[c / Self.jeBlock].zeiger + (c % Self.jeBlock) * Self.stueck
    }

    /// `einordnen` for disjoint windows in order, each including its bounds: a draw's region is the number of
    /// bounds it has passed (v ≥ lower, v > upper), 0 below the first window, 2k + 1 inside window k; eight draws
    /// per vector. Each draw is written to the staging place, which advances only inside a window (odd region);
    /// the staged draws go to the chain of the first window f.
    private mutating func einordnenGeordnet(
        _ f: Int, _ x: UnsafePointer<Float>, _ w: Int, _ g: (Float, Float, Float, Float, Float, Float)
    ) {
        typealias V = SIMD8<Float>
        typealias I = SIMD8<Int32>
        let L0 = V(repeating: g.0), H0 = V(repeating: g.1), L1 = V(repeating: g.2), H1 = V(repeating: g.3)
        let L2 = V(repeating: g.4), H2 = V(repeating: g.5), eins = I(repeating: 1)
        var ab0 = I.zero, ab1 = I.zero, ab2 = I.zero
        var rest = (0, 0, 0)
        let st = stufe
        var c = 0, b0 = 0
        while b0 + 8 <= w {
            let v = UnsafeRawPointer(x + b0).loadUnaligned(as: V.self)
            let m0 = I.zero.replacing(with: eins, where: v .>= L0)
            let m1 = I.zero.replacing(with: eins, where: v .>= L1)
            let m2 = I.zero.replacing(with: eins, where: v .>= L2)
            let o0 = I.zero.replacing(with: eins, where: v .> H0)
            let o1 = I.zero.replacing(with: eins, where: v .> H1)
            let o2 = I.zero.replacing(with: eins, where: v .> H2)
            let drin = (m0 &+ o0 &+ m1 &+ o1 &+ m2 &+ o2) & eins
            ab0 &+= m0
            ab1 &+= m1
            ab2 &+= m2
            for d in 0..<8 {
                st[c] = v[d]
                c &+= Int(truncatingIfNeeded: drin[d])
            }
            b0 += 8
            // At most 47 staged before eight more (of 64 places).
            if c >= 48 {
                anhaengen(f, st, c)
                c = 0
            }
        }
        while b0 < w {
            let v = x[b0]
            let m0 = v >= g.0 ? 1 : 0, m1 = v >= g.2 ? 1 : 0, m2 = v >= g.4 ? 1 : 0
            let b = m0 + m1 + m2 + (v > g.1 ? 1 : 0) + (v > g.3 ? 1 : 0) + (v > g.5 ? 1 : 0)
            rest.0 += m0
            rest.1 += m1
            rest.2 += m2
            st[c] = v
            c += b & 1
            b0 += 1
            if c >= 48 {
                anhaengen(f, st, c)
                c = 0
            }
        }
        if c > 0 { anhaengen(f, st, c) }
        // Below window k: the draws that have not reached its lower bound.
        zahlen[platz(f, 0)] &+= w - Int(ab0.wrappedSum()) - rest.0
        zahlen[platz(f + 1, 0)] &+= w - Int(ab1.wrappedSum()) - rest.1
        zahlen[platz(f + 2, 0)] &+= w - Int(ab2.wrappedSum()) - rest.2
    }

    /// A block of `jeBlock` chunks (2 MiB), from `Grossspeicher`: filing writes to the end of every value's chain,
    /// a place in a different 4 KiB page per value, and one page-table entry per block instead of 512 spares a page
    /// walk on most of them.
    private mutating func blockHolen() {
        bloecke.append(vorrat.popLast() ?? Grossspeicher(Self.jeBlock * Self.stueck))
    }

    /// Appends x[0 ..< c] to window f.
    private mutating func anhaengen(_ f: Int, _ x: UnsafePointer<Float>, _ c: Int) {
        var a = zahlen[platz(f, 3)], i = 0
        while i < c {
            let im = a & (Self.stueck - 1)
            if im == 0 {
                let neu: Int
                if let x = freieStuecke.popLast() {
                    neu = x
                } else {
                    neu = naechster.count
                    naechster.append(-1)
                    if neu % Self.jeBlock == 0 { blockHolen() }
                }
                if a == 0 { kette[kplatz(f, 0)] = neu } else { naechster[kette[kplatz(f, 1)]] = neu }
                kette[kplatz(f, 1)] = neu
            }
            let ch = kette[kplatz(f, 1)], k = Swift.min(Self.stueck - im, c - i)
            (adresse(ch) + im).update(from: x + i, count: k)
            a += k
            i += k
        }
        zahlen[platz(f, 3)] = a
    }

    /// Adds the draws kept for the value with first window f (ordered windows: one chain) to `teilung`.
    func aufteilen(_ f: Int, in teilung: Bandteilung) {
        var c = kette[kplatz(f, 0)], rest = zahlen[platz(f, 3)]
        while rest > 0 {
            let m = Swift.min(Self.stueck, rest)
            // The next chunk asked for while this one is split: the chunks of a chain lie scattered over the
            // blocks, and each one's first lines had waited for memory.
            if rest > m { eckwert_vorauslesen(adresse(naechster[c]), Self.stueckZeilen) }
            teilung.hinzufuegen(UnsafePointer(adresse(c)), m)
            rest -= m
            c = naechster[c]
        }
    }

    /// Asks for the first chunk of window f's chain (see `aufteilen`), before the value is split.
    func ersteVorauslesen(_ f: Int) {
        let c = kette[kplatz(f, 0)]
        if c >= 0 && zahlen[platz(f, 3)] > 0 { eckwert_vorauslesen(adresse(c), Self.stueckZeilen) }
    }

    /// Appends window f's kept values to `ziel`.
    func werte(_ f: Int, in ziel: inout [Float]) {
        var c = kette[kplatz(f, 0)], rest = zahlen[platz(f, 3)]
        while rest > 0 {
            let m = Swift.min(Self.stueck, rest)
            let p = bloecke[c / Self.jeBlock].zeiger + (c % Self.jeBlock) * Self.stueck
            ziel.append(contentsOf: UnsafeBufferPointer(start: p, count: m))
            rest -= m
            c = naechster[c]
        }
    }
}

/// The draws kept for one value with ordered windows (disjoint, in order, each including its bounds), split into
/// its three windows in one pass, each draw also counted in a bucket of its window: equal-width buckets over the
/// window's bounds (a monotone map, as `Eimerkarte` over the values' range; one bucket where a bound is not finite).
/// Then the k-th smallest of a window needs only the draws of the bucket that holds rank k, moved to the front.
/// Replaces reading every chain into an array, filtering it per window and finding each window's range: two
/// passes over the kept draws instead of about seven (10,000 draws of the benchmark model, five interleaved runs
/// with timestamps: the two narrowings 0.048–0.055 → 0.038–0.047 s and 0.069–0.073 → 0.056–0.065 s, the final
/// selection 0.054–0.058 → 0.036–0.041 s). The loops are C (`fenster.h`).
struct Bandteilung {
    /// Per window i: its draws at werte + i · kapazitaet, `zahl[i]` of them; its bucket counts at
    /// eimer + i · eimerHoechstens.
    let werte: UnsafeMutablePointer<Float>
    let kapazitaet: Int
    let eimer: UnsafeMutablePointer<Int32>
    static let eimerHoechstens = 1024
    /// The draws per window (three used).
    let zahl: UnsafeMutablePointer<Int>
    var nb = 1
    /// Per window i: the bucket of v is `eckwert_eimer(v, dlo, skala, nb − 1)` with dlo at parameter[i] and
    /// skala at parameter[4 + i] (skala 0: one bucket).
    let parameter: UnsafeMutablePointer<Double>
    /// The upper bounds of the first two windows: a draw above h0 lies in window 1 or 2, above h1 in window 2.
    var h0: Float = 0, h1: Float = 0

    /// For values that keep at most `hoechstens` draws.
    init(hoechstens: Int) {
        kapazitaet = Swift.max(1, hoechstens)
        werte = .allocate(capacity: 3 * kapazitaet)
        eimer = .allocate(capacity: 3 * Self.eimerHoechstens)
        parameter = .allocate(capacity: 8)
        parameter.initialize(repeating: 0, count: 8)
        zahl = .allocate(capacity: 4)
        zahl.initialize(repeating: 0, count: 4)
    }

    func freigeben() {
        werte.deallocate()
        eimer.deallocate()
        parameter.deallocate()
        zahl.deallocate()
    }

    /// Starts a value: windows lo[0…2], hi[0…2] (ordered), `anzahl` kept draws in all.
    mutating func beginnen(_ lo: UnsafePointer<Float>, _ hi: UnsafePointer<Float>, anzahl: Int) {
        precondition(anzahl <= kapazitaet, "Bandteilung: mehr Ziehungen als angekündigt")
        for i in 0..<3 { zahl[i] = 0 }
        nb = Swift.max(1, Swift.min(Self.eimerHoechstens, anzahl / 12))
        h0 = hi[0]
        h1 = hi[1]
        for i in 0..<3 {
            let l = Double(lo[i]), h = Double(hi[i])
            let s = Double(nb) / (h - l)
            let endlich = l.isFinite && h.isFinite && l < h && s.isFinite && s > 0
            parameter[i] = endlich ? l : 0
            parameter[4 + i] = endlich ? s : 0
        }
        for i in 0..<3 { (eimer + i * Self.eimerHoechstens).initialize(repeating: 0, count: nb) }
    }

    /// Adds c draws (each inside one of the windows).
    @inline(__always)
    func hinzufuegen(_ x: UnsafePointer<Float>, _ c: Int) {
        eckwert_fenster_aufteilen(
            x, c, h0, h1, parameter, Double(nb - 1), werte, werte + kapazitaet, werte + 2 * kapazitaet, zahl, eimer,
            Self.eimerHoechstens)
    }

    /// The bucket that holds rank k of window i and the count of the draws before it, from bucket b0 with kum0
    /// draws before it on.
    func eimerMitRang(_ k: Int, _ i: Int, ab: (Int, Int) = (0, 0)) -> (Int, Int) {
        Eimerkarte.eimer(
            mitRang: k, UnsafeMutableBufferPointer(start: eimer + i * Self.eimerHoechstens, count: nb), ab: ab)
    }

    /// As `Ziehungslauf.umfassend` for window i's draws: the smallest draw of the bucket that holds rank ka and the
    /// largest of the one that holds rank kb (ka ≤ kb < its count).
    func umfassend(_ ka: Int, _ kb: Int, _ i: Int) -> (Float, Float) {
        let a = eimerMitRang(ka, i), b = eimerMitRang(kb, i, ab: a).0
        var l: Float = 0, h: Float = 0
        eckwert_fenster_umfassend(
            werte + i * kapazitaet, zahl[i], a.0, b, parameter[i], parameter[4 + i], Double(nb - 1), &l, &h)
        return (l, h)
    }

    /// Bounds about ranks ka and kb of window i's draws (ka ≤ kb < its count; hi its upper bound): the lower
    /// edge of the bucket that holds rank ka and the upper edge of the one that holds rank kb (hi for the last),
    /// at most a bucket wider than the draws of those ranks and found from the counts alone — as the sample's
    /// windows are placed (`eckwert_probe_fenster`), where `umfassend` read the window's draws once more for the
    /// smallest and largest of the two buckets. `umfassend` where the window has one bucket (a bound not finite).
    func kanten(_ ka: Int, _ kb: Int, _ i: Int, hi: Float) -> (Float, Float) {
        let dlo = parameter[i], skala = parameter[4 + i]
        guard skala > 0 else { return umfassend(ka, kb, i) }
        let a = eimerMitRang(ka, i), b = eimerMitRang(kb, i, ab: a).0
        return (eckwert_kante_unten(dlo, skala, a.0), eckwert_kante_oben(dlo, skala, b, nb, hi))
    }

    /// Draws in window i.
    func anzahl(_ i: Int) -> Int { zahl[i] }

    /// The k-th smallest (0-based) of window i's draws. Overwrites them (the bucket's draws moved to the front over
    /// the others): once per window and value.
    func kleinstes(_ k: Int, _ i: Int) -> Float {
        let w = werte + i * kapazitaet
        let (b, kum) = eimerMitRang(k, i)
        let c = eckwert_fenster_eimerwahl(w, zahl[i], b, parameter[i], parameter[4 + i], Double(nb - 1))
        let teil = UnsafeMutableBufferPointer(start: w, count: c)
        Unsicherheit.auswaehlen(teil, k - kum, 0, c - 1)
        return teil[k - kum]
    }
}

/// The sample's draws, kept whole until the windows are placed in them, value block by value block: a block is
/// `breite` values of one kind (net costs r < K, or cases), all S draws — per tile of 16 draws its values' draws
/// one after the other (value v of the block at v · 16) — so that a block's draws lie together (103 KB for the
/// benchmark model), where draws kept tile by tile across all values had each value's 16 draws of a tile 360 KB from
/// the next tile's. Mapped as 2 MiB regions (`Grossspeicher`, cut with `teilen`), and a region whose blocks are all
/// placed is handed to the chains of the thread that placed the last of its values (`platziert`): the chains grow
/// into memory already touched instead of fresh pages, which the kernel must clear (on the benchmark machine at
/// about 1 GB/s, in some sittings slower: 0.15 s of CPU time for the draws' 100 MiB of fresh memory).
final class Probespeicher: @unchecked Sendable {
    static let breite = 16
    /// Floats per 2 MiB region: a block of the chains (`Fensterspeicher`), which a placed region becomes.
    static let region = Fensterspeicher.jeBlock * Fensterspeicher.stueck
    let K: Int, KF: Int
    /// Value blocks of net costs, then of cases.
    let bloeckeK: Int, bloecke: Int
    /// Floats per value block.
    let jeBlock: Int
    private let basis: UnsafeMutablePointer<Float>
    /// The 2 MiB regions, and per region the values of its blocks not yet placed and whether it was handed on.
    private let bereiche: [Grossspeicher<Float>]
    private var offen: [Int], vergeben: [Bool]
    /// Where the memory could not be cut into regions (not mapped): held whole and handed back at the end.
    private let ganz: Grossspeicher<Float>?
    private let lock = NSLockBridge()

    init(probe S: Int, K: Int, KF: Int) {
        let b = Self.breite
        self.K = K
        self.KF = KF
        bloeckeK = (K + b - 1) / b
        bloecke = bloeckeK + (KF + b - 1) / b
        jeBlock = S * b
        let speicher = Grossspeicher<Float>(Swift.max(1, bloecke * jeBlock))
        let teile = speicher.gemappt ? speicher.teilen(in: Self.region) : []
        precondition(!speicher.gemappt || !teile.isEmpty, "Probespeicher: Regionen von 2 MiB")
        basis = speicher.zeiger
        bereiche = teile
        ganz = teile.isEmpty ? speicher : nil
        offen = [Int](repeating: 0, count: teile.count)
        vergeben = [Bool](repeating: false, count: teile.count)
        for blk in 0..<bloecke {
            for i in regionen(blk) { offen[i] += werte(blk).1 }
        }
    }

    /// The regions that value block `blk` lies in (none without regions).
    private func regionen(_ blk: Int) -> Range<Int> {
        guard !bereiche.isEmpty else { return 0..<0 }
        return (blk * jeBlock / Self.region)..<(((blk + 1) * jeBlock - 1) / Self.region + 1)
    }

    /// The first value (r) and the count of values of value block `blk`.
    func werte(_ blk: Int) -> (Int, Int) {
        let b = Self.breite
        return blk < bloeckeK
            ? (blk * b, Swift.min(b, K - blk * b)) : (K + (blk - bloeckeK) * b, Swift.min(b, KF - (blk - bloeckeK) * b))
    }

    /// Value r's block and its place in it.
    func block(_ r: Int) -> (Int, Int) {
        let b = Self.breite
        return r < K ? (r / b, r % b) : (bloeckeK + (r - K) / b, (r - K) % b)
    }

    /// Where tile t (draws 16 · t …) of value block `blk` starts.
    func kachel(_ blk: Int, _ t: Int) -> UnsafeMutablePointer<Float> {
        basis + blk * jeBlock + t * Self.breite * Self.breite
    }

    /// Marks `anzahl` values of block `blk` placed; returns the regions that no value needs any more (each once).
    func platziert(_ blk: Int, _ anzahl: Int) -> [Grossspeicher<Float>] {
        lock.mit {
            var frei: [Grossspeicher<Float>] = []
            for i in regionen(blk) {
                offen[i] -= anzahl
                if offen[i] == 0 && !vergeben[i] {
                    vergeben[i] = true
                    frei.append(bereiche[i])
                }
            }
            return frei
        }
    }

    /// Hands back what was not handed on (once, after the placing).
    func restFreigeben() {
        lock.mit {
            for i in bereiche.indices where !vergeben[i] {
                vergeben[i] = true
                bereiche[i].freigeben()
            }
            ganz?.freigeben()
        }
    }
}
