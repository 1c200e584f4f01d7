import CSpeicher

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
        /// Whether the ageing of the cells uses the processor's AVX2 instructions (`eckwert_altern`; the same bits
        /// either way): where it has them, unless a test asks for the baseline path.
        var avx2 = Prozessor.avx2

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
        /// (t = 1 ..< n) and fills `kum` for the years 1 ..< n. Each Sozialraum's running sums over age are carried
        /// along while the cells are computed; where a cell may be below 0, the year is clamped and summed again.
        mutating func rechnen(_ v: Kohortenmodell.Vorberechnung, saldo: [Double]) {
            let G = self.G, N = Alter.count, nc = kum.nc
            let ersteFrucht = Fruchtbarkeit.alter.lowerBound
            let (jungen, maedchen) = (Kohortenmodell.jungenanteil, Kohortenmodell.maedchenanteil)
            let ueG = [v.ueberlebenGeburt.w, v.ueberlebenGeburt.m]
            let anteilGeburt = [maedchen, jungen]
            for t in 1..<n {
                let quelle = t == 1 ? basis : alt, s0 = kum.start[t]
                // The sign bits of all cells, or-ed: set where a cell may be below 0 (then the clamping pass looks).
                var vorzeichen: UInt64 = 0
                quelle.withUnsafeBufferPointer { alt in
                    neu.withUnsafeMutableBufferPointer { neu in
                        geburten.withUnsafeMutableBufferPointer { b in
                            mg.withUnsafeMutableBufferPointer { mg in
                                lauf.withUnsafeMutableBufferPointer { c in
                                    kum.jeGebiet.withUnsafeMutableBufferPointer { j in
                                        let f = v.raten
                                        for g in 0..<G { mg[g] = saldo[t] * anteile[g] }
                                        // Births from the women at 31.12. of the year before.
                                        f.withUnsafeBufferPointer { f in
                                            Self.geburten(b.baseAddress!, alt.baseAddress! + ersteFrucht * G, f, G)
                                        }
                                        let ort = Ort(
                                            mg: UnsafePointer(mg.baseAddress!), b: UnsafePointer(b.baseAddress!),
                                            c: c.baseAddress!, j: j.baseAddress.map { $0 + s0 }, nc: nc, G: G)
                                        for s in 0..<2 {
                                            let zeile = s * N * G
                                            vorzeichen |= Self.geschlecht(
                                                s, neu.baseAddress! + zeile, alt.baseAddress! + zeile,
                                                anteilGeburt[s], ueG[s], v, ort, istSchnitt, avx2)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                if vorzeichen >> 63 != 0 {
                    // A cell may be below 0 (or is −0): clamped as in the full projection, then summed again.
                    for i in neu.indices where neu[i] < 0 { neu[i] = 0 }
                    summen(t, nc)
                } else {
                    stadtsummen(t, nc)
                }
                swap(&alt, &neu)
            }
        }

        /// Each Sozialraum's births: b[g] = 0 + f[0] · frauen[g] + f[1] · frauen[G + g] + … (the ages in order),
        /// several Sozialräume side by side in registers (eight, then four, two, one); each lane computes exactly
        /// what the scalar expression computes.
        static func geburten(
            _ b: UnsafeMutablePointer<Double>, _ frauen: UnsafePointer<Double>, _ f: UnsafeBufferPointer<Double>,
            _ G: Int
        ) {
            var g0 = 0
            while g0 &+ 8 <= G {
                geburten(SIMD8<Double>.self, b, frauen, f, G, g0)
                g0 &+= 8
            }
            if g0 &+ 4 <= G {
                geburten(SIMD4<Double>.self, b, frauen, f, G, g0)
                g0 &+= 4
            }
            if g0 &+ 2 <= G {
                geburten(SIMD2<Double>.self, b, frauen, f, G, g0)
                g0 &+= 2
            }
            if g0 < G {
                var x = 0.0
                for i in 0..<f.count { x += f[i] * frauen[i &* G &+ g0] }
                b[g0] = x
            }
        }

        @inline(__always)
        private static func geburten<V: SIMD>(
            _: V.Type, _ b: UnsafeMutablePointer<Double>, _ frauen: UnsafePointer<Double>,
            _ f: UnsafeBufferPointer<Double>, _ G: Int, _ g0: Int
        ) where V.Scalar == Double {
            var x = V()
            for i in 0..<f.count { x += f[i] * UnsafeRawPointer(frauen + (i &* G &+ g0)).loadUnaligned(as: V.self) }
            UnsafeMutableRawPointer(b + g0).storeBytes(of: x, as: V.self)
        }

        /// Where a year's cells go besides the cells: net migration and births per Sozialraum, the running sums
        /// over age `c`, and the cumulative sums of the year (`j` at the year's start; nil without Sozialräume).
        struct Ort {
            let mg: UnsafePointer<Double>, b: UnsafePointer<Double>
            let c: UnsafeMutablePointer<Double>, j: UnsafeMutablePointer<Double>?
            let nc: Int, G: Int
        }

        /// One sex of a year: ages 0, 1 … 99 and 100+ of all Sozialräume from `von` into `ziel` (the operations of
        /// `Kohortenmodell.schritt`), each Sozialraum's running sum over age from 0 carried in `ort.c` and written at
        /// the cuts; returns the or-ed sign bits of the cells.
        @inline(__always)
        private static func geschlecht(
            _ s: Int, _ ziel: UnsafeMutablePointer<Double>, _ von: UnsafePointer<Double>, _ fa: Double,
            _ ug: Double, _ v: Kohortenmodell.Vorberechnung, _ ort: Ort, _ istSchnitt: [Int], _ avx2: Bool
        ) -> UInt64 {
            let N = Alter.count, G = ort.G, sb = s * N, mg = ort.mg, c = ort.c
            var vorzeichen: UInt64 = 0
            return v.ueberleben.withUnsafeBufferPointer { ue in
                v.wanderung.withUnsafeBufferPointer { wa in
                    istSchnitt.withUnsafeBufferPointer { ist in
                        func schnitt(_ a: Int) {
                            let k = ist[a + 1]
                            guard k >= 0, let j = ort.j else { return }
                            let z = j + (s * ort.nc + k) * G
                            for g in 0..<G { z[g] = c[g] }
                        }
                        let w0 = wa[sb]
                        for g in 0..<G {
                            let x = fa * ort.b[g] * ug + mg[g] * w0
                            vorzeichen |= x.bitPattern
                            ziel[g] = x
                            c[g] = 0 + x
                        }
                        schnitt(0)
                        // Ages 1 … 99, each Sozialraum's running sum carried on and written at the cuts.
                        vorzeichen |= eckwert_altern(
                            avx2 ? 1 : 0, ziel, von, ue.baseAddress! + sb, wa.baseAddress! + sb, mg, c, G, N,
                            ist.baseAddress!, ort.j.map { $0 + s * ort.nc * G })
                        // 100+.
                        let u1 = ue[sb + N - 2], u2 = ue[sb + N - 1], w = wa[sb + N - 1], o = (N - 1) * G
                        for g in 0..<G {
                            let x = von[o - G + g] * u1 + von[o + g] * u2 + mg[g] * w
                            vorzeichen |= x.bitPattern
                            ziel[o + g] = x
                            c[g] += x
                        }
                        schnitt(N - 1)
                        return vorzeichen
                    }
                }
            }
        }

        /// The city-wide cumulative sums of year t: per sex and cut, the Sozialräume added in order 0, 1, … (a
        /// running sum starting at 0).
        private mutating func stadtsummen(_ t: Int, _ nc: Int) {
            let G = self.G, s0 = kum.start[t]
            kum.jeGebiet.withUnsafeBufferPointer { j in
                kum.gesamt.withUnsafeMutableBufferPointer { ges in
                    Self.gebietssummen(j, s0, G, 2 * nc, ges, t * 2 * nc)
                }
            }
        }

        /// `anzahl` sums of `G` values each: sum m adds von[o + m · G + g] for g = 0, 1, … in order to 0 and goes to
        /// ziel[zo + m]. Four sums are carried side by side, each in its own order, only so that the processor
        /// overlaps their chains of dependent additions; the rest one at a time.
        @inline(__always)
        static func gebietssummen(
            _ von: UnsafeBufferPointer<Double>, _ o: Int, _ G: Int, _ anzahl: Int,
            _ ziel: UnsafeMutableBufferPointer<Double>, _ zo: Int
        ) {
            precondition(o >= 0 && o + anzahl * G <= von.count && zo >= 0 && zo + anzahl <= ziel.count)
            guard let z = ziel.baseAddress else { return }
            guard G > 0, let v = von.baseAddress else {
                for m in 0..<anzahl { z[zo + m] = 0 }
                return
            }
            var m = 0
            while m &+ 4 <= anzahl {
                let p0 = v + (o &+ m &* G), p1 = p0 + G, p2 = p1 + G, p3 = p2 + G
                var x0 = 0.0, x1 = 0.0, x2 = 0.0, x3 = 0.0
                for g in 0..<G {
                    x0 += p0[g]
                    x1 += p1[g]
                    x2 += p2[g]
                    x3 += p3[g]
                }
                z[zo &+ m] = x0
                z[zo &+ m &+ 1] = x1
                z[zo &+ m &+ 2] = x2
                z[zo &+ m &+ 3] = x3
                m &+= 4
            }
            while m < anzahl {
                let p0 = v + (o &+ m &* G)
                var x = 0.0
                for g in 0..<G { x += p0[g] }
                z[zo &+ m] = x
                m &+= 1
            }
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
                                            for g in 0..<G { j[s0 + (s * nc + k) * G + g] = c[g] }
                                        }
                                    }
                                }
                                // Per sex and cut, the Sozialräume added in order 0, 1, … (a running sum from 0).
                                Self.gebietssummen(UnsafeBufferPointer(j), s0, G, 2 * nc, ges, t * 2 * nc)
                            }
                        }
                    }
                }
            }
        }
    }
}
