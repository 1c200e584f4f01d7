import CSpeicher
import Testing

@testable import EckwertCore

// The C loops of the draws (Sources/CSpeicher/rechnen.h), on the baseline path and — where the processor has
// AVX2 — on the AVX2 path, each against the same sums written out one term at a time here: bit for bit.

/// The paths this processor can run: the baseline always, AVX2 where it has it.
private let pfade: [Int32] = Prozessor.avx2 ? [0, 1] : [0]

/// Values of many magnitudes and both signs.
private func werte(_ anzahl: Int, _ rng: inout SplitMix64) -> [Double] {
    let groesse = [1e-6, 1e-2, 1, 1e3, 1e7]
    return (0..<anzahl).map { _ in (rng.gleich() - 0.3) * groesse[Int(rng.gleich() * 5) % 5] }
}

/// Sozialraum cases of 1 to 7 products (pairs, a single one left, a pair whose Sozialraum counts differ) for 2 to
/// 12 years: f[t] = 0 + (c[0] · R[t]) · q[t] + (c[1] · R[jp + t]) · q[t] + …, in order of the Sozialräume; with q
/// exactly 1 (the multiplication left out) and not.
@Test func gebietsfaelleGleichEinzelnAddiert() {
    var rng = SplitMix64(seed: 5)
    let G = 13
    for jp in stride(from: 2, through: 12, by: 2) {
        for anzahl in 1...7 {
            let R = werte(3 * G * jp, &rng), c = werte(anzahl * G, &rng)
            let rStart = (0..<anzahl).map { ($0 % 3) * G * jp }, cStart = (0..<anzahl).map { $0 * G }
            let gAnzahl = (0..<anzahl).map { $0 == 3 ? G - 4 : G }
            let eins: [UInt8] = (0..<anzahl).map { $0 % 2 == 0 ? 1 : 0 }
            let q = (0..<(anzahl * jp)).map { eins[$0 / jp] == 1 ? 1.0 : 1 + (rng.gleich() - 0.5) * 0.1 }
            var erwartet = [Double](repeating: 0, count: anzahl * jp)
            for k in 0..<anzahl {
                for t in 0..<jp {
                    var x = 0.0
                    for g in 0..<gAnzahl[k] { x = x + c[cStart[k] + g] * R[rStart[k] + g * jp + t] * q[k * jp + t] }
                    erwartet[k * jp + t] = x
                }
            }
            for pfad in pfade {
                var f = [Double](repeating: .nan, count: anzahl * jp + 1)
                eckwert_gebietsfaelle(pfad, anzahl, jp, R, rStart, c, cStart, gAnzahl, eins, q, &f)
                #expect(
                    f.prefix(anzahl * jp).map(\.bitPattern) == erwartet.map(\.bitPattern), "\(jp) \(anzahl) \(pfad)")
                #expect(f[anzahl * jp].isNaN, "nothing written past the products")
            }
        }
    }
    // By hand: two Sozialräume, q = 2 and 1: (0.5 · 10) · 2 + (0.25 · 4) · 2 = 12 and (0.5 · 20 + 0.25 · 8) = 12.
    for pfad in pfade {
        var f = [0.0, 0.0]
        eckwert_gebietsfaelle(pfad, 1, 2, [10, 20, 4, 8], [0], [0.5, 0.25], [0], [2], [0], [2, 1], &f)
        #expect(f == [12, 12])
    }
}

/// Ages 1 … N − 2 of one sex for 0 to 19 and 60 Sozialräume (blocks of eight, four and single ones):
/// cell = von · u + mg · w, each Sozialraum's running sum carried on from `c` and written at the cuts, the cells'
/// bit patterns or-ed — against the loop written out here.
@Test func alternGleichEinzelnGerechnet() {
    var rng = SplitMix64(seed: 9)
    let N = Alter.count
    let ist = (0...N).map { $0 % 7 == 3 ? $0 / 7 : -1 }, schnitte = (ist.max() ?? 0) + 1
    for G in Array(0...19) + [60] {
        let von = werte(N * G, &rng).map { $0 * 1e3 }, ue = werte(N, &rng), wa = werte(N, &rng)
        let mg = werte(G, &rng), c0 = werte(G, &rng)
        var ziel = [Double](repeating: .nan, count: N * G), c = c0
        var j = [Double](repeating: .nan, count: schnitte * G)
        var zeichen: UInt64 = 0
        for a in 1..<(N - 1) {
            for g in 0..<G {
                let x = von[(a - 1) * G + g] * ue[a - 1] + mg[g] * wa[a]
                zeichen |= x.bitPattern
                ziel[a * G + g] = x
                c[g] += x
            }
            if ist[a + 1] >= 0 { for g in 0..<G { j[ist[a + 1] * G + g] = c[g] } }
        }
        for pfad in pfade {
            var z2 = [Double](repeating: .nan, count: N * G), c2 = c0
            var j2 = [Double](repeating: .nan, count: schnitte * G)
            let v = eckwert_altern(pfad, &z2, von, ue, wa, mg, &c2, G, N, ist, &j2)
            #expect(v == zeichen, "\(G) \(pfad)")
            #expect(z2.map(\.bitPattern) == ziel.map(\.bitPattern), "\(G) \(pfad)")
            #expect(c2.map(\.bitPattern) == c.map(\.bitPattern), "\(G) \(pfad)")
            #expect(j2.map(\.bitPattern) == j.map(\.bitPattern), "\(G) \(pfad)")
            // Without cumulative storage (null) the cells and sums are the same.
            var z3 = [Double](repeating: .nan, count: N * G), c3 = c0
            _ = eckwert_altern(pfad, &z3, von, ue, wa, mg, &c3, G, N, ist, nil)
            #expect(z3.map(\.bitPattern) == ziel.map(\.bitPattern) && c3.map(\.bitPattern) == c.map(\.bitPattern))
        }
    }
    // By hand, one Sozialraum and four ages: cells 1 · 0.5 + 2 · 1 = 2.5 and 3 · 0.5 + 2 · 1 = 3.5, sums 12.5, 16.
    for pfad in pfade {
        var z = [0.0, 0, 0, 0], c = [10.0], j = [0.0, 0]
        let v = eckwert_altern(
            pfad, &z, [1, 3, 5, 7], [0.5, 0.5, 0.5, 0.5], [1, 1, 1, 1], [2], &c, 1, 4, [-1, -1, 0, 1, -1], &j)
        #expect(z == [0, 2.5, 3.5, 0] && c == [16] && j == [12.5, 16] && v >> 63 == 0)
    }
}
