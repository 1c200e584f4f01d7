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

/// Sozialraum cases of 1 to 13 products for 2 to 12 years (padded to even, the padding year's R 0 as `Block`
/// keeps it): f[t] = 0 + (c[0] · R[t]) · q[t] + (c[1] · R[jp + t]) · q[t] + …, in order of the Sozialräume; with q
/// exactly 1 (the multiplication left out) and not. Products share one of three reference populations, so that
/// groups of four form (`Schnellrechnung.vierergruppen`, up to eight years) besides pairs, a single one left and a
/// pair whose Sozialraum counts differ; without groups (all in the rest) the same bits.
@Test func gebietsfaelleGleichEinzelnAddiert() {
    var rng = SplitMix64(seed: 5)
    let G = 13
    var gruppen = 0
    for J in 1...12 {
        let jp = J + (J & 1)
        for anzahl in 1...13 {
            var R = werte(3 * G * jp, &rng)
            for i in R.indices where i % jp >= J { R[i] = 0 }
            let c = werte(anzahl * G, &rng)
            let rStart = (0..<anzahl).map { ($0 % 3) * G * jp }, cStart = (0..<anzahl).map { $0 * G }
            let gAnzahl = (0..<anzahl).map { $0 == 3 ? G - 4 : G }
            let eins: [UInt8] = (0..<anzahl).map { $0 % 2 == 0 ? 1 : 0 }
            let q = (0..<(anzahl * jp)).map { i -> Double in
                i % jp >= J ? 0 : (eins[i / jp] == 1 ? 1.0 : 1 + (rng.gleich() - 0.5) * 0.1)
            }
            var erwartet = [Double](repeating: 0, count: anzahl * jp)
            for k in 0..<anzahl {
                for t in 0..<J {
                    var x = 0.0
                    for g in 0..<gAnzahl[k] { x = x + c[cStart[k] + g] * R[rStart[k] + g * jp + t] * q[k * jp + t] }
                    erwartet[k * jp + t] = x
                }
            }
            let mit = Schnellrechnung.vierergruppen(
                rStart: rStart, gAnzahl: gAnzahl, cStart: cStart, gewichte: c, jahre: J)
            let ohne = (vier: [Int](), c4: [Double](), c4Start: [Int](), rest: Array(0..<anzahl))
            #expect(Set(mit.vier + mit.rest) == Set(0..<anzahl) && mit.vier.count + mit.rest.count == anzahl)
            gruppen += mit.vier.count / 4
            for pfad in pfade {
                for aufteilung in [mit, ohne] {
                    var f = [Double](repeating: .nan, count: anzahl * jp + 1)
                    eckwert_gebietsfaelle(
                        pfad, anzahl, jp, R, rStart, c, cStart, gAnzahl, eins, q, &f, J, aufteilung.vier.count / 4,
                        aufteilung.vier, aufteilung.c4, aufteilung.c4Start, aufteilung.rest.count, aufteilung.rest)
                    #expect(
                        f.prefix(anzahl * jp).map(\.bitPattern) == erwartet.map(\.bitPattern),
                        "\(J) \(anzahl) \(pfad) \(aufteilung.vier.count)")
                    #expect(f[anzahl * jp].isNaN, "nothing written past the products")
                }
            }
        }
    }
    #expect(gruppen > 20)  // the groups were taken, not only the pairs
    // Groups only where four share R and the count, each formed when its fourth member comes, in order of k.
    let g = Schnellrechnung.vierergruppen(
        rStart: [0, 5, 0, 0, 5, 0, 0], gAnzahl: [2, 2, 2, 2, 2, 2, 2], cStart: [0, 2, 4, 6, 8, 10, 12],
        gewichte: (0..<14).map(Double.init), jahre: 5)
    #expect(g.vier == [0, 2, 3, 5] && g.rest == [1, 4, 6] && g.c4Start == [0])
    #expect(g.c4 == [0, 4, 6, 10, 1, 5, 7, 11])
    #expect(
        Schnellrechnung.vierergruppen(
            rStart: [0, 0, 0, 0], gAnzahl: [1, 1, 1, 1], cStart: [0, 1, 2, 3],
            gewichte: [1, 2, 3, 4], jahre: 9
        ).rest == [0, 1, 2, 3])
    // By hand: two Sozialräume, q = 2 and 1: (0.5 · 10) · 2 + (0.25 · 4) · 2 = 12 and (0.5 · 20 + 0.25 · 8) = 12.
    for pfad in pfade {
        var f = [0.0, 0.0]
        eckwert_gebietsfaelle(
            pfad, 1, 2, [10, 20, 4, 8], [0], [0.5, 0.25], [0], [2], [0], [2, 1], &f, 2, 0, nil, nil, nil, 1, [0])
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

/// Sixteen draws filed against three ordered windows (`eckwert_einordnen16`) on every path this processor has,
/// against the rule written out here: kept in order where a draw lies in a window's closed bounds, counted below a
/// window where it is under its lower bound, NaN and −0 marked — with draws on every bound.
@Test func einordnen16GleichDerRegel() {
    var rng = SplitMix64(seed: 21)
    let lo: [Float] = [-3, 1, 4], hi: [Float] = [-1, 2, 7]
    let stellen: [Float] = [-3, -1, 1, 2, 4, 7, -5, 0, 3, 9, -2, 1.5, 5.5]
    for fall in 0..<400 {
        var v = (0..<16).map { _ in stellen[Int(rng.gleich() * 13) % 13] + (rng.gleich() < 0.3 ? 0.25 : 0) }
        if fall % 50 == 7 { v[Int(rng.gleich() * 16) % 16] = .nan }
        if fall % 50 == 9 { v[Int(rng.gleich() * 16) % 16] = -0.0 }
        let drin = v.filter { x in (0..<3).contains { x >= lo[$0] && x <= hi[$0] } }
        let unter = (0..<3).map { k in v.filter { !($0 >= lo[k]) }.count }
        let sonder = v.contains { $0.isNaN || $0.bitPattern == 0x8000_0000 }
        for pfad in pfade {
            var ziel = [Float](repeating: .infinity, count: 16), zahl = [5, 6, 7], s: Int32 = 0
            let c = eckwert_einordnen16(v, lo, hi, &ziel, &zahl, &s, pfad)
            #expect(Array(ziel.prefix(c)).map(\.bitPattern) == drin.map(\.bitPattern), "\(fall) \(pfad)")
            #expect(zahl == [5 + unter[0], 6 + unter[1], 7 + unter[2]], "\(fall) \(pfad)")
            #expect((s != 0) == sonder, "\(fall) \(pfad)")
        }
    }
}
