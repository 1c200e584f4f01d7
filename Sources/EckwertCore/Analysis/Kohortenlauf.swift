import CSpeicher

extension Schnellrechnung {
    /// The cohort projection of one Monte-Carlo draw, carried straight into the cumulative sums that the lean
    /// engine reads (`Kumuliert`), without building a `Bevoelkerung` per year: one workspace per thread, reused
    /// for every draw (no allocation per draw).
    ///
    /// Every cell is computed with the very operations of `Kohortenmodell.schritt`, in the same order, and every
    /// running sum as `Kumuliert.init` forms it, so the values are bit for bit those of projecting and then
    /// summing; only the storage and the order of the work differ: the Sozialräume go in blocks of eight, one per
    /// lane, and each block is carried through all years before the next (`eckwert_kohorten`, C with AVX2 where the
    /// processor has it): the Sozialräume are independent of each other once each one's share of the migration is
    /// fixed, and a block's cells (2 · 101 · 8 values, twice) stay in the first-level cache, where the whole city's
    /// year (97 KB, twice) did not. Each Sozialraum's sums still add the ages 0, 1, … in order. Cells below 0 are
    /// clamped as in the full projection (without recording them: the draws report no warnings).
    struct Kohortenlauf {
        let G: Int
        /// Years incl. the Basisjahr.
        let n: Int
        /// Cumulative index a + 1 → position in `schnitte`, or −1 where no driver reads it.
        let istSchnitt: [Int]
        /// The kernel's memory (`Zellen`). A class: copies of a `Kohortenlauf` share it, so each thread makes its
        /// own run (as `Ziehungslauf` does) rather than copying one.
        private let zellen: Zellen
        var kum: Kumuliert
        /// Whether the projection uses the processor's AVX2 instructions (`eckwert_kohorten`; the same bits either
        /// way): where it has them, unless a test asks for the baseline path.
        var avx2 = Prozessor.avx2

        init(_ basis: Bevoelkerung, jahre n: Int, schnitte: [Int]) {
            let G = basis.gebiete.count, N = Alter.count
            precondition(basis.werte.count == G * 2 * N, "Bevoelkerung: werte passt nicht zu gebiete")
            self.G = G
            self.n = n
            var ist = [Int](repeating: -1, count: N + 1)
            for (k, c) in schnitte.enumerated() where c >= 0 && c <= N { ist[c] = k }
            istSchnitt = ist
            zellen = Zellen(basis)
            kum = Kumuliert(jahre: n, gebiete: G, schnitte: schnitte)
        }

        /// Projects the base population with `v` and the net migration `saldo[t]` of the step to year index t
        /// (t = 1 ..< n) and fills `kum` for the years 1 ..< n: each block of eight Sozialräume through all years
        /// (`eckwert_kohorten`: its cells stay in the first-level cache, each Sozialraum's running sums over age
        /// are carried along and written at the cuts, a year with a cell below 0 clamped and summed again), then
        /// the city-wide sums of every year.
        mutating func rechnen(_ v: Kohortenmodell.Vorberechnung, saldo: [Double]) {
            let G = self.G, N = Alter.count, nc = kum.nc, n = self.n
            precondition(saldo.count >= n, "Kohortenlauf: Wanderungssaldo zu kurz")
            precondition(v.ueberleben.count == 2 * N && v.wanderung.count == 2 * N, "Kohortenlauf: Raten")
            let avx2: Int32 = self.avx2 ? 1 : 0
            let (ugW, ugM) = v.ueberlebenGeburt
            let z = zellen
            kum.jeGebiet.withUnsafeMutableBufferPointer { j in
                kum.start.withUnsafeBufferPointer { start in
                    v.raten.withUnsafeBufferPointer { f in
                        guard let jb = j.baseAddress else { return }
                        eckwert_kohorten(
                            avx2, G, N, n, z.basis.baseAddress, z.alt.baseAddress, z.neu.baseAddress,
                            v.ueberleben, v.wanderung, f.baseAddress, f.count, Fruchtbarkeit.alter.lowerBound, ugW,
                            ugM, Kohortenmodell.maedchenanteil, Kohortenmodell.jungenanteil, saldo,
                            z.anteile.baseAddress, istSchnitt, jb, start.baseAddress, nc)
                    }
                }
            }
            for t in 1..<n { stadtsummen(t, nc) }
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

        /// What the kernel reads and writes besides the sums, at cache-line boundaries (`ausgerichtet`; in a
        /// Swift array half of the cells' vectors straddled two lines): each Sozialraum's share of the base
        /// population (`Kohortenmodell.gebietsanteile`), computed once; the base population in blocks of eight
        /// Sozialräume (see `eckwert_kohorten`); one block's cells of the year before and of the year
        /// (2 · 101 · 8 each), reused block by block. Zero past G up to a multiple of 8.
        final class Zellen {
            let anteile: UnsafeMutableBufferPointer<Double>, basis: UnsafeMutableBufferPointer<Double>
            let alt: UnsafeMutableBufferPointer<Double>, neu: UnsafeMutableBufferPointer<Double>

            init(_ b: Bevoelkerung) {
                let G = b.gebiete.count, N = Alter.count, GP = (G + 7) / 8 * 8
                anteile = .ausgerichtet(GP)
                _ = anteile.initialize(from: Kohortenmodell.gebietsanteile(b) + [Double](repeating: 0, count: GP - G))
                basis = .ausgerichtet(GP * 2 * N)
                basis.initialize(repeating: 0)
                for g in 0..<G {
                    let o = (g / 8) * 8 * 2 * N + g % 8
                    for z in 0..<(2 * N) { basis[o + z * 8] = b.werte[g * 2 * N + z] }
                }
                alt = .ausgerichtet(2 * N * 8)
                alt.initialize(repeating: 0)
                neu = .ausgerichtet(2 * N * 8)
                neu.initialize(repeating: 0)
            }

            deinit {
                anteile.deallocate(); basis.deallocate(); alt.deallocate(); neu.deallocate()
            }
        }

        /// `anzahl` sums of `G` values each: sum m adds von[o + m · G + g] for g = 0, 1, … in order to 0 and goes to
        /// ziel[zo + m]. Eight sums are carried side by side, each in its own order, only so that the processor
        /// overlaps their chains of dependent additions (perf samples of the cohort run outside its kernel 372 → 315
        /// against four); the rest one at a time.
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
            while m &+ 8 <= anzahl {
                let p0 = v + (o &+ m &* G), p1 = p0 + G, p2 = p1 + G, p3 = p2 + G
                let p4 = p3 + G, p5 = p4 + G, p6 = p5 + G, p7 = p6 + G
                var x0 = 0.0, x1 = 0.0, x2 = 0.0, x3 = 0.0, x4 = 0.0, x5 = 0.0, x6 = 0.0, x7 = 0.0
                for g in 0..<G {
                    x0 += p0[g]
                    x1 += p1[g]
                    x2 += p2[g]
                    x3 += p3[g]
                    x4 += p4[g]
                    x5 += p5[g]
                    x6 += p6[g]
                    x7 += p7[g]
                }
                z[zo &+ m] = x0
                z[zo &+ m &+ 1] = x1
                z[zo &+ m &+ 2] = x2
                z[zo &+ m &+ 3] = x3
                z[zo &+ m &+ 4] = x4
                z[zo &+ m &+ 5] = x5
                z[zo &+ m &+ 6] = x6
                z[zo &+ m &+ 7] = x7
                m &+= 8
            }
            while m < anzahl {
                let p0 = v + (o &+ m &* G)
                var x = 0.0
                for g in 0..<G { x += p0[g] }
                z[zo &+ m] = x
                m &+= 1
            }
        }
    }
}
