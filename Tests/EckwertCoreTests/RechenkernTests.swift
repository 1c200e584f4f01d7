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
/// keeps it): f[t] = (0 + c[0] · R[t] + c[1] · R[jp + t] + …) · q[t], in order of the Sozialräume; with q exactly 1
/// and not. Products share one of three reference populations, so that
/// groups of four form (`Schnellrechnung.vierergruppen`, up to eight years) besides pairs, a single one left and a
/// pair whose Sozialraum counts differ; without groups (all in the rest) the same bits; products of the groups
/// written straight into the caller's rows (`ff`, `ffPlatz`) the same bits too.
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
                    for g in 0..<gAnzahl[k] { x = x + c[cStart[k] + g] * R[rStart[k] + g * jp + t] }
                    erwartet[k * jp + t] = x * q[k * jp + t]
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
                        pfad, anzahl, jp, R, rStart, c, cStart, gAnzahl, q, &f, J, aufteilung.vier.count / 4,
                        aufteilung.vier, aufteilung.c4, aufteilung.c4Start, aufteilung.rest.count, aufteilung.rest,
                        nil, nil)
                    #expect(
                        f.prefix(anzahl * jp).map(\.bitPattern) == erwartet.map(\.bitPattern),
                        "\(J) \(anzahl) \(pfad) \(aufteilung.vier.count)")
                    #expect(f[anzahl * jp].isNaN, "nothing written past the products")
                }
                // Every other product of the groups straight into rows of J years of their own (in reverse
                // order, without padding): there the same bits, its padded row left alone; the others as before.
                guard J <= 8 else { continue }
                var f = [Double](repeating: .nan, count: anzahl * jp), ff = [Double](repeating: .nan, count: anzahl * J)
                let platz = (0..<anzahl).map { k in mit.vier.contains(k) && k % 2 == 0 ? (anzahl - 1 - k) * J : -1 }
                eckwert_gebietsfaelle(
                    pfad, anzahl, jp, R, rStart, c, cStart, gAnzahl, q, &f, J, mit.vier.count / 4, mit.vier, mit.c4,
                    mit.c4Start, mit.rest.count, mit.rest, &ff, platz)
                for k in 0..<anzahl {
                    let soll = erwartet[(k * jp)..<(k * jp + J)].map(\.bitPattern)
                    if platz[k] >= 0 {
                        #expect(ff[platz[k]..<(platz[k] + J)].map(\.bitPattern) == soll, "\(J) \(anzahl) \(k)")
                        #expect(f[(k * jp)..<(k * jp + jp)].allSatisfy { $0.isNaN }, "\(J) \(anzahl) \(k)")
                    } else {
                        #expect(f[(k * jp)..<(k * jp + J)].map(\.bitPattern) == soll, "\(J) \(anzahl) \(k)")
                    }
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
    // By hand: two Sozialräume, q = 2 and 1: (0.5 · 10 + 0.25 · 4) · 2 = 12 and (0.5 · 20 + 0.25 · 8) · 1 = 12.
    for pfad in pfade {
        var f = [0.0, 0.0]
        eckwert_gebietsfaelle(
            pfad, 1, 2, [10, 20, 4, 8], [0], [0.5, 0.25], [0], [2], [2, 1], &f, 2, 0, nil, nil, nil, 1, [0], nil, nil)
        #expect(f == [12, 12])
    }
    // The factor applies to the sum, not to each term: c = 0.1, 0.2, R = 1, 1, q = 10 give 1 + 2 = 3 term-wise,
    // but (0.1 + 0.2) · 10 = 0.30000000000000004 · 10 = 3.0000000000000004 on the sum (Python: (0.1+0.2)*10).
    for pfad in pfade {
        var f = [0.0, 0.0]
        eckwert_gebietsfaelle(
            pfad, 1, 2, [1, 0, 1, 0], [0], [0.1, 0.2], [0], [2], [10, 0], &f, 1, 0, nil, nil, nil, 1, [0], nil, nil)
        #expect(f[0] == 3.0000000000000004 && f[1] == 0)
    }
}

/// The cohort kernel (`eckwert_kohorten`) by hand on every path this processor has: one Sozialraum, four ages
/// (N = 4), one forecast year, births from age 1 at rate 0.5, cuts after ages 0 and 2 and after 100+ (index 3).
/// Women 10, 20, 30, 40, men 1, 2, 3, 4; survival 0.5 everywhere, birth survival 1, shares 0.5/0.5, migration
/// 8 · share 0.5 = 4 spread 0.25 to every age and sex: births 0 + 0.5 · 20 = 10; women: age 0 0.5 · 10 · 1 + 4 · 0.25
/// = 6, age 1 10 · 0.5 + 1 = 6, age 2 20 · 0.5 + 1 = 11, 100+ 30 · 0.5 + 40 · 0.5 + 1 = 36; running sums 6, 12,
/// 23, 59. Men: 6, 1.5, 2, 4.5; sums 6, 7.5, 9.5, 14. Then with migration −400 (−200 · 0.25 = −50 per cell) every
/// cell is below 0 (the largest, 35 − 50) and clamped to 0: all sums 0.
@Test func kohortenkernVonHand() {
    let basis: [Double] = [10, 20, 30, 40, 1, 2, 3, 4].flatMap { [$0, 0, 0, 0, 0, 0, 0, 0] }
    let ue = [Double](repeating: 0.5, count: 8), wa = [Double](repeating: 0.25, count: 8)
    let anteil: [Double] = [0.5, 0, 0, 0, 0, 0, 0, 0], ist = [-1, 0, -1, 1, 2]
    for pfad in pfade {
        for (saldo, erwartet) in [(8.0, [6.0, 23, 59, 6, 9.5, 14]), (-400, [0, 0, 0, 0, 0, 0])] {
            var alt = [Double](repeating: .nan, count: 64), neu = alt
            var j = [Double](repeating: .nan, count: 6)
            eckwert_kohorten(
                pfad, 1, 4, 2, basis, &alt, &neu, ue, wa, [0.5], 1, 1, 1, 1, 0.5, 0.5, [0, saldo], anteil, ist, &j,
                [0, 0], 3)
            #expect(j == erwartet, "\(pfad) \(saldo)")
        }
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
