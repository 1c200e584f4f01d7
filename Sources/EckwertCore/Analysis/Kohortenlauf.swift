extension Schnellrechnung {
    /// The cohort projection of one Monte-Carlo draw, carried straight into the cumulative sums that the lean
    /// engine reads (`Kumuliert`), without building a `Bevoelkerung` per year: one workspace per thread, reused
    /// for every draw (no allocation per draw).
    ///
    /// Every cell is computed with the very operations of `Kohortenmodell.schritt`, in the same order, and every
    /// running sum as `Kumuliert.init` forms it, so the values are bit for bit those of projecting and then
    /// summing; only the storage differs: the cells of a year lie sex-, then age-major with the Sozialräume
    /// innermost, `(s · 101 + a) · G + g`, so that one age of all Sozialräume is one contiguous run (the
    /// processor handles several Sozialräume per instruction, and each Sozialraum's sums still add the ages
    /// 0, 1, … in order). Cells below 0 are clamped as in the full projection (without recording them: the draws
    /// report no warnings).
    struct Kohortenlauf {
        let G: Int
        /// Years incl. the Basisjahr.
        let n: Int
        /// Cumulative index a + 1 → position in `schnitte`, or −1 where no driver reads it.
        let istSchnitt: [Int]
        /// Each Sozialraum's share of the base population (`Kohortenmodell.gebietsanteile`), computed once.
        let anteile: [Double]
        /// The base population in the layout above.
        let basis: [Double]
        private var alt: [Double], neu: [Double]
        private var geburten: [Double], mg: [Double], lauf: [Double]
        var kum: Kumuliert

        init(_ basis: Bevoelkerung, jahre n: Int, schnitte: [Int]) {
            let G = basis.gebiete.count, N = Alter.count
            precondition(basis.werte.count == G * 2 * N, "Bevoelkerung: werte passt nicht zu gebiete")
            self.G = G
            self.n = n
            var ist = [Int](repeating: -1, count: N + 1)
            for (k, c) in schnitte.enumerated() where c >= 0 && c <= N { ist[c] = k }
            istSchnitt = ist
            anteile = Kohortenmodell.gebietsanteile(basis)
            var b = [Double](repeating: 0, count: G * 2 * N)
            for g in 0..<G {
                for z in 0..<(2 * N) { b[z * G + g] = basis.werte[g * 2 * N + z] }
            }
            self.basis = b
            alt = b
            neu = b
            geburten = [Double](repeating: 0, count: G)
            mg = geburten
            lauf = geburten
            kum = Kumuliert(jahre: n, gebiete: G, schnitte: schnitte)
        }

        /// Projects the base population with `v` and the net migration `saldo[t]` of the step to year index t
        /// (t = 1 ..< n) and fills `kum` for the years 1 ..< n.
        mutating func rechnen(_ v: Kohortenmodell.Vorberechnung, saldo: [Double]) {
            let G = self.G, N = Alter.count, nc = kum.nc
            let ersteFrucht = Fruchtbarkeit.alter.lowerBound
            let (jungen, maedchen) = (Kohortenmodell.jungenanteil, Kohortenmodell.maedchenanteil)
            let ueG = [v.ueberlebenGeburt.w, v.ueberlebenGeburt.m]
            let anteilGeburt = [maedchen, jungen]
            for t in 1..<n {
                let quelle = t == 1 ? basis : alt
                // The sign bits of all cells, or-ed: set where a cell may be below 0 (then the clamping pass looks).
                var vorzeichen: UInt64 = 0
                quelle.withUnsafeBufferPointer { alt in
                    neu.withUnsafeMutableBufferPointer { neu in
                        geburten.withUnsafeMutableBufferPointer { b in
                            mg.withUnsafeMutableBufferPointer { mg in
                                v.ueberleben.withUnsafeBufferPointer { ue in
                                    v.wanderung.withUnsafeBufferPointer { wa in
                                        v.raten.withUnsafeBufferPointer { f in
                                            anteile.withUnsafeBufferPointer { anteile in
                                                for g in 0..<G { mg[g] = saldo[t] * anteile[g]; b[g] = 0 }
                                                // Births from the women at 31.12. of the year before.
                                                for i in 0..<f.count {
                                                    let o = (ersteFrucht + i) * G, fi = f[i]
                                                    for g in 0..<G { b[g] += fi * alt[o + g] }
                                                }
                                                for s in 0..<2 {
                                                    let sb = s * N, zeile = s * N * G
                                                    let fa = anteilGeburt[s], ug = ueG[s], w0 = wa[sb]
                                                    let ziel = neu.baseAddress! + zeile, von = alt.baseAddress! + zeile
                                                    let mgp = mg.baseAddress!, bp = b.baseAddress!
                                                    for g in 0..<G {
                                                        let x = fa * bp[g] * ug + mgp[g] * w0
                                                        vorzeichen |= x.bitPattern
                                                        ziel[g] = x
                                                    }
                                                    for a in 1..<(N - 1) {
                                                        vorzeichen |= Self.altern(
                                                            ziel + a * G, von + (a - 1) * G, ue[sb + a - 1], mgp,
                                                            wa[sb + a], G)
                                                    }
                                                    // 100+.
                                                    let u1 = ue[sb + N - 2], u2 = ue[sb + N - 1], w = wa[sb + N - 1],
                                                        o = (N - 1) * G
                                                    for g in 0..<G {
                                                        let x = von[o - G + g] * u1 + von[o + g] * u2 + mgp[g] * w
                                                        vorzeichen |= x.bitPattern
                                                        ziel[o + g] = x
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
                if vorzeichen >> 63 != 0 {
                    for i in neu.indices where neu[i] < 0 { neu[i] = 0 }
                }
                summen(t, nc)
                swap(&alt, &neu)
            }
        }

        /// One age of all Sozialräume: ziel[g] = von[g] · u + mg[g] · w; returns the or-ed sign bits (a plain loop
        /// over pointers, which the compiler turns into vector instructions).
        @inline(__always)
        static func altern(
            _ ziel: UnsafeMutablePointer<Double>, _ von: UnsafePointer<Double>, _ u: Double,
            _ mg: UnsafePointer<Double>, _ w: Double, _ G: Int
        ) -> UInt64 {
            var v: UInt64 = 0
            for g in 0..<G {
                let x = von[g] * u + mg[g] * w
                v |= x.bitPattern
                ziel[g] = x
            }
            return v
        }

        /// The running sums over age of year t per (Sozialraum, sex) at the cut points, then the city-wide ones.
        private mutating func summen(_ t: Int, _ nc: Int) {
            let G = self.G, N = Alter.count
            let s0 = kum.start[t]
            neu.withUnsafeBufferPointer { w in
                lauf.withUnsafeMutableBufferPointer { c in
                    istSchnitt.withUnsafeBufferPointer { ist in
                        kum.jeGebiet.withUnsafeMutableBufferPointer { j in
                            kum.gesamt.withUnsafeMutableBufferPointer { ges in
                                for s in 0..<2 {
                                    let cp = c.baseAddress!
                                    for g in 0..<G { cp[g] = 0 }
                                    for a in 0..<N {
                                        let o = (s * N + a) * G
                                        let wp = w.baseAddress! + o
                                        for g in 0..<G { cp[g] += wp[g] }
                                        let k = ist[a + 1]
                                        if k >= 0 {
                                            for g in 0..<G { j[s0 + (g * 2 + s) * nc + k] = c[g] }
                                        }
                                    }
                                    // Per cut, the Sozialräume added in order 0, 1, … (a running sum starting at 0).
                                    let ziel = (t * 2 + s) * nc
                                    for k in 0..<nc {
                                        var x = 0.0
                                        for g in 0..<G { x += j[s0 + (g * 2 + s) * nc + k] }
                                        ges[ziel + k] = x
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
