#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSpeicher
import EckwertTestSupport
import Testing
@testable import EckwertCore

// The draws' result storage (tile-major, as `Unsicherheit.rechnen` writes it) and the unit sums written into it,
// each checked against a plain computation inside the test: the values laid out by the documented formula, the
// quantiles by sorting, the sums by adding the products one after the other.

/// A deterministic spread of values with ties and both signs (value k of draw d).
private func wert(_ k: Int, _ d: Int) -> Float {
    var g = SplitMix64(seed: UInt64(k * 100_003 + d))
    return Float(Int(g.next() % 2001) - 1000) * (k % 3 == 0 ? 0.5 : 1.25) + Float(k)
}

/// Nearest rank ⌈q·n⌉ of the sorted values.
private func rang(_ q: Double, _ n: Int) -> Int { min(n, max(1, Int((q * Double(n)).rounded(.up)))) - 1 }

@Test(arguments: [40, 1000, 1007])
func quantileAusDerKachelablage(ziehungen n: Int) {
    // 37 values per draw: not a multiple of the group of 16 values nor of a tile.
    let K = 37, kachel = Unsicherheit.kachel
    var ablage = [Float](repeating: .nan, count: K * n)
    for d in 0..<n {
        let j0 = d / kachel * kachel, w = min(kachel, n - j0)
        for k in 0..<K { ablage[j0 * K + k * w + (d - j0)] = wert(k, d) }
    }
    #expect(!ablage.contains { $0.isNaN })  // every place written exactly by the formula
    var q = [Double](repeating: .nan, count: K * 3 + 1)
    Unsicherheit.quantileJeWert(ablage, ziehungen: n, K: K, in: &q) { k in k * 3 + 1 }
    #expect(q[0].isNaN)  // nothing outside the places named by `ziel`
    for k in 0..<K {
        let sortiert = (0..<n).map { wert(k, $0) }.sorted()
        #expect(q[k * 3 + 1] == Double(sortiert[rang(0.1, n)]), "P10 von \(k)")
        #expect(q[k * 3 + 2] == Double(sortiert[rang(0.5, n)]), "P50 von \(k)")
        #expect(q[k * 3 + 3] == Double(sortiert[rang(0.9, n)]), "P90 von \(k)")
    }
}

/// Years 1 to 9: the C kernel of `summieren` (six and eight lanes, on the baseline path and, where the processor
/// has it, the AVX2 path; into every fifth place and into consecutive ones) and its scalar path, against the sums
/// formed here; and the plan by hand.
@Test(arguments: [1, 3, 5, 6, 7, 8, 9])
func einheitensummenInDieKachel(jahre J: Int) {
    // 7 products; units: one product, three products out of order, none, all seven, then single products: 0, 1, 2
    // (members in order), 5, 6 (in order again after a gap).
    let nP = 7
    let glieder: [[Int]] = [[4], [6, 0, 3], [], Array(0..<nP), [0], [1], [2], [5], [6]]
    var start = [0], glied: [Int] = []
    for g in glieder { glied += g; start.append(glied.count) }
    var pz = [Double](repeating: 0, count: nP * J + Unsicherheit.rand), pf = pz
    for i in 0..<(nP * J) {
        pz[i] = 1e8 / Double(i + 3) + 0.1
        pf[i] = Double(i) * 0.37 - 2
    }
    // −0 alone in a unit sums to 0 (0 + −0), as it does among others.
    pz[J - 1] = -0.0
    // Places among the units with cases: runs broken by a unit without cases and by a gap in the places.
    let fallplatz = [1, -1, -1, 0, 2, 4, -1, 3, 5]
    let plan = Unsicherheit.Summenplan(start: start, glied: glied, fallplatz: fallplatz)
    #expect(plan.plan == [1, 2, 3, 0, 1, 4, 4, 3, 0, 7, 2, 5, 1, 1, 4, 2, 1, 0, 4, 1, 1, 3, 1, 5, 5, 1, 6])
    #expect(plan.nMehr == 3 && plan.nLauf == 3 && plan.nFall == 5 && plan.letzter == 6)
    var sz = [Double](repeating: 0, count: J), sf = sz
    for schritt in [5, 1] {
        let lane = schritt == 1 ? 0 : 2
        var z = [Float](repeating: .nan, count: glieder.count * J * schritt)
        var f = [Float](repeating: .nan, count: 6 * J * schritt)
        z.withUnsafeMutableBufferPointer { zb in
            f.withUnsafeMutableBufferPointer { fb in
                Unsicherheit.summieren(
                    plan, pz, pf, &sz, &sf, zb.baseAddress! + lane, fb.baseAddress! + lane, schritt: schritt,
                    jahre: J, avx2: false)
            }
        }
        // The AVX2 path, where the processor has it, gives the same bits.
        if Prozessor.avx2 {
            var z2 = [Float](repeating: .nan, count: z.count), f2 = [Float](repeating: .nan, count: f.count)
            z2.withUnsafeMutableBufferPointer { zb in
                f2.withUnsafeMutableBufferPointer { fb in
                    Unsicherheit.summieren(
                        plan, pz, pf, &sz, &sf, zb.baseAddress! + lane, fb.baseAddress! + lane, schritt: schritt,
                        jahre: J, avx2: true)
                }
            }
            #expect(z2.elementsEqual(z) { $0.bitPattern == $1.bitPattern })
            #expect(f2.elementsEqual(f) { $0.bitPattern == $1.bitPattern })
        }
        for (e, g) in glieder.enumerated() {
            for t in 0..<J {
                var s = 0.0, c = 0.0
                for i in g {
                    s += pz[i * J + t]
                    c += pf[i * J + t]
                }
                #expect(
                    z[(e * J + t) * schritt + lane].bitPattern == Float(s).bitPattern,
                    "Einheit \(e), Jahr \(t), Schritt \(schritt)")
                if fallplatz[e] >= 0 {
                    #expect(f[(fallplatz[e] * J + t) * schritt + lane].bitPattern == Float(c).bitPattern)
                }
            }
        }
        // Only the lane of the draw is written.
        #expect(z.enumerated().allSatisfy { ($0.offset % schritt == lane) != $0.element.isNaN })
        #expect(f.enumerated().allSatisfy { ($0.offset % schritt == lane) != $0.element.isNaN })
    }
}

/// The draws' fused cohort projection (`Kohortenlauf`) against the full projection summed afterwards
/// (`Kumuliert` of `Projektion.bevoelkerung`): the same cumulative sums, bit for bit, in every scenario of
/// Musterstadt, with the scenario's own and with a strongly negative migration.
@Test func kohortenlaufGleichVollerProjektion() throws {
    let m = try #require(Musterstadt.modell)
    let p = Projektion(m)
    let schnell = Schnellrechnung(p)
    for s in m.szenarien {
        var a = Rechenannahmen(modell: m, szenario: s)
        let (st, fr, wa) = try #require(Unsicherheit.kohortendaten(m, a))
        for faktor in [1.0, -40.0] {
            let jahre = Array(m.basisjahr...m.horizont)
            let saldo = jahre.map { a.bevoelkerung.wanderungssaldo.wert($0) * faktor }
            a.bevoelkerung.wanderungssaldo = Zeitpfad(Dictionary(uniqueKeysWithValues: zip(jahre, saldo)))
            let voll = Schnellrechnung.Kumuliert(p.bevoelkerung(a.bevoelkerung).jahre, schnitte: schnell.schnitte)
            var lauf = Schnellrechnung.Kohortenlauf(m.bevoelkerung, jahre: p.n, schnitte: schnell.schnitte)
            let b = a.bevoelkerung
            lauf.rechnen(
                Kohortenmodell.Vorberechnung(
                    Kohortenannahmen(
                        sterbetafel: st, fruchtbarkeit: fr, geburtenziffer: b.geburtenziffer,
                        sterblichkeit: b.sterblichkeit, wanderungssaldo: Zeitpfad(konstant: 0),
                        wanderungsprofil: wa)),
                saldo: saldo)
            #expect(lauf.kum.jeGebiet.map(\.bitPattern) == voll.jeGebiet.map(\.bitPattern), "\(s.name) \(faktor)")
            #expect(lauf.kum.gesamt.map(\.bitPattern) == voll.gesamt.map(\.bitPattern), "\(s.name) \(faktor)")
        }
    }
}

/// The city-wide sums of the cohort run, eight carried side by side (`Kohortenlauf.gebietssummen`), against each sum
/// added one at a time in order of the Sozialräume: bit for bit, for counts of sums that are not a multiple of
/// eight, for 0 and 1 Sozialraum, read and written at offsets (the values outside are left alone). The values span
/// many magnitudes; a hand-made case shows the order of the additions kept.
@Test(arguments: [(13, 7), (60, 9), (13, 17), (1, 5), (0, 3), (5, 4), (7, 1)])
func gebietssummenGleichEinzelnAddiert(gebiete G: Int, summen anzahl: Int) {
    let o = 3, zo = 2
    var zustand: UInt64 = 0x9E37_79B9_7F4A_7C15
    let von = (0..<(o + anzahl * G + 2)).map { _ -> Double in
        zustand = zustand &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let x = Double(zustand >> 11) / Double(1 << 53)
        let stufe = (0..<Int(zustand % 17)).reduce(1e-8) { s, _ in s * 10 }
        return (x - 0.3) * stufe
    }
    var erwartet = [Double](repeating: -1, count: zo + anzahl + 2)
    for m in 0..<anzahl {
        var x = 0.0
        for g in 0..<G { x += von[o + m * G + g] }
        erwartet[zo + m] = x
    }
    var ziel = [Double](repeating: -1, count: erwartet.count)
    von.withUnsafeBufferPointer { v in
        ziel.withUnsafeMutableBufferPointer { z in
            Schnellrechnung.Kohortenlauf.gebietssummen(v, o, G, anzahl, z, zo)
        }
    }
    #expect(ziel.map(\.bitPattern) == erwartet.map(\.bitPattern))
    // Added in order, 1e16 + 1 + 1 − 1e16 is 0 (each 1 is lost against 1e16); the 1s added first would give 2.
    let hand: [Double] = (0..<9).flatMap { _ -> [Double] in [1e16, 1, 1, -1e16] }
    var null = [Double](repeating: -1, count: 9)
    hand.withUnsafeBufferPointer { v in
        null.withUnsafeMutableBufferPointer { z in Schnellrechnung.Kohortenlauf.gebietssummen(v, 0, 4, 9, z, 0) }
    }
    #expect(null == [Double](repeating: 0, count: 9))
}

/// The bands selected in windows (only a sample kept) are the bands selected from every kept draw, bit for bit;
/// with a sample of a nineteenth to a half of the draws (three narrowings, one, one, none) and tiles cut at the end.
@Test(arguments: [(1200, 64), (600, 96), (1007, 160), (1000, 496)])
func fensterauswahlGleichDerVollenAuswahl(ziehungen n: Int, probe: Int) throws {
    let m = try #require(Musterstadt.modell)
    let p = Projektion(m)
    let lauf = Ziehungslauf(
        p, best: try #require(m.szenario("best")), sq: try #require(m.szenario("status-quo")),
        worst: try #require(m.szenario("worst")), ziehungen: n, seed: 11)
    #expect(lauf.KF > 0)  // the cases are covered too
    let voll = lauf.quantileVoll(fortschritt: nil)
    let fenster = try #require(lauf.quantileInFenstern(probe: probe, fortschritt: nil))
    #expect(fenster.map(\.bitPattern) == voll.map(\.bitPattern))
    // The public entry with windows gives the same bands as without.
    let a = try #require(Unsicherheit.rechnen(p, ziehungen: n, seed: 11, probe: probe, fortschritt: nil))
    let b = try #require(Unsicherheit.rechnen(p, ziehungen: n, seed: 11, probe: nil, fortschritt: nil))
    for i in a.zuschuss.indices {
        #expect(a.zuschuss[i].p10 == b.zuschuss[i].p10 && a.zuschuss[i].p90 == b.zuschuss[i].p90)
        #expect(a.faelle[i]?.p50 == b.faelle[i]?.p50)
    }
}

/// The three windows (lower and upper bounds) that the first S of the draws `x` place for n draws.
private func fensterAusDerProbe(_ x: [Float], probe S: Int, n: Int) -> ([Float], [Float]) {
    var lo = [Float](repeating: 0, count: 3), hi = lo
    var probe = Array(x[0..<S])
    probe.withUnsafeMutableBufferPointer { pr in
        lo.withUnsafeMutableBufferPointer { l in
            hi.withUnsafeMutableBufferPointer { h in
                Ziehungslauf.fensterSetzen(pr, n: n, lo: l.baseAddress!, hi: h.baseAddress!)
            }
        }
    }
    return (lo, hi)
}

/// Narrows value r's ordered windows (all bounds: altLo, altHi before, lo, hi after, three per value) in the
/// storages `sp` as `Ziehungslauf.eingrenzen` does: the value's kept draws of every storage split into its windows,
/// the survivors written back over them (`neuSchreiben`), then each storage's chain cut to its count (`kuerzen`).
private func verengen(
    _ sp: inout [Fensterspeicher], _ r: Int, altLo: [Float], altHi: [Float], lo: [Float], hi: [Float]
) {
    let f0 = r * 3
    var teilung = Bandteilung(hoechstens: sp.reduce(0) { $0 + $1.zahl(f0, 3) })
    defer { teilung.freigeben() }
    sp.withUnsafeMutableBufferPointer { b in
        let s = UnsafeSendable(b)
        altLo.withUnsafeBufferPointer { al in
            altHi.withUnsafeBufferPointer { ah in
                Ziehungslauf.aufteilen(f0, s, al.baseAddress!, ah.baseAddress!, in: &teilung)
            }
        }
        lo.withUnsafeBufferPointer { l in
            hi.withUnsafeBufferPointer { h in
                Ziehungslauf.neuSchreiben(f0, s, l.baseAddress! + f0, h.baseAddress! + f0, teilung)
            }
        }
    }
    for t in sp.indices { sp[t].kuerzen(f0) }
}

/// Windows placed in a sample and every draw counted against them give the order statistics of sorting, with
/// ties (art 0), all draws equal (art 1); a sample that does not represent the draws (art 2: the draws ascending,
/// so the sample holds only the smallest) gives no P90 rather than a wrong one.
@Test(arguments: [0, 1, 2])
func fensterGleichSortierung(art: Int) {
    let n = 3000, S = 480
    for k in 0..<12 {
        var x = (0..<n).map { d -> Float in
            switch art {
            case 0: return wert(k, d)
            case 1: return Float(k) - 5
            default: return Float(d / 3) * 0.25 - 100
            }
        }
        let (lo, hi) = fensterAusDerProbe(x, probe: S, n: n)
        var sp = Fensterspeicher(fenster: 3)
        x.withUnsafeBufferPointer { xb in
            // Pieces of 13 draws: eight in a vector and five one by one.
            for j0 in stride(from: 0, to: n, by: 13) {
                sp.einordnen(0, xb.baseAddress! + j0, min(13, n - j0), lo, hi)
            }
        }
        #expect(!sp.sonder)
        x.sort()
        var gezaehlt = 0
        for (i, p) in [0.1, 0.5, 0.9].enumerated() {
            var innen: [Float] = []
            sp.innen(i, lo, hi, in: &innen)
            gezaehlt += innen.count
            let v = Ziehungslauf.band(
                rang: rang(p, n), unter: sp.zahl(i, 0), gleichLo: sp.zahl(i, 1),
                gleichHi: sp.zahl(i, 2), innen: &innen, lo: lo[i], hi: hi[i])
            if art == 2 && i == 2 {
                #expect(v == nil)
            } else if art == 2 {
                #expect(v == nil || v == x[rang(p, n)])
            } else {
                #expect(v == x[rang(p, n)], "\(art) \(k) P\(Int(p * 100))")
                if art == 0 { #expect(innen.count < n / 2) }  // the windows hold only part of the draws
            }
        }
        // Every kept draw belongs to one window (one chain for ordered windows, one per window else).
        #expect(sp.zahl(0, 3) + sp.zahl(1, 3) + sp.zahl(2, 3) == gezaehlt)
        sp.freigeben()
    }
}

/// Windows narrowed after a third of the draws (`engereGrenzen`, then `verengen`) and the other
/// draws counted against the narrower ones give the order statistics of sorting, keep fewer draws than the windows
/// placed once, and the chunks they give back are taken again before new ones.
@Test func eingegrenzteFensterGleichSortierung() {
    let n = 6000, S = 480, n1 = 2000
    var verengt = 0, wiederverwendet = 0
    for k in 0..<12 {
        let x = (0..<n).map { wert(k, $0) }
        var (lo, hi) = fensterAusDerProbe(x, probe: S, n: n)
        let loFest = lo, hiFest = hi
        func einordnen(_ sp: inout Fensterspeicher, _ von: Int, _ bis: Int, _ lo: [Float], _ hi: [Float]) {
            x.withUnsafeBufferPointer { xb in
                for j0 in stride(from: von, to: bis, by: 13) {
                    sp.einordnen(0, xb.baseAddress! + j0, min(13, bis - j0), lo, hi)
                }
            }
        }
        var sp = Fensterspeicher(fenster: 3), fest = Fensterspeicher(fenster: 3)
        einordnen(&sp, 0, n1, lo, hi)
        #expect(Fensterspeicher.geordnet(lo, hi), "\(k)")
        let (altLo, altHi) = (lo, hi)
        for (i, p) in [0.1, 0.5, 0.9].enumerated() {
            var innen: [Float] = []
            sp.innen(i, altLo, altHi, in: &innen)
            if let (l, h) = Ziehungslauf.engereGrenzen(
                p, n: n, gezogen: n1, unter: sp.zahl(i, 0), innen: &innen, lo: lo[i], hi: hi[i])
            {
                #expect(lo[i] <= l && l < h && h <= hi[i])
                lo[i] = l
                hi[i] = h
                verengt += 1
            }
        }
        var eins = [sp]
        verengen(&eins, 0, altLo: altLo, altHi: altHi, lo: lo, hi: hi)
        sp = eins[0]
        #expect(Fensterspeicher.geordnet(lo, hi))
        let frei = sp.freieStuecke.count
        einordnen(&sp, n1, n, lo, hi)
        wiederverwendet += frei - sp.freieStuecke.count
        einordnen(&fest, 0, n, loFest, hiFest)
        let sortiert = x.sorted()
        var behalten = 0, behaltenFest = 0
        for (i, p) in [0.1, 0.5, 0.9].enumerated() {
            var innen: [Float] = [], fensterFest: [Float] = []
            sp.innen(i, lo, hi, in: &innen)
            fest.innen(i, loFest, hiFest, in: &fensterFest)
            #expect(innen.allSatisfy { lo[i] <= $0 && $0 <= hi[i] })
            #expect(innen.sorted() == x.filter { lo[i] <= $0 && $0 <= hi[i] }.sorted())
            behalten += innen.count
            behaltenFest += fensterFest.count
            let v = Ziehungslauf.band(
                rang: rang(p, n), unter: sp.zahl(i, 0), gleichLo: sp.zahl(i, 1),
                gleichHi: sp.zahl(i, 2), innen: &innen, lo: lo[i], hi: hi[i])
            #expect(v == sortiert[rang(p, n)], "\(k) P\(Int(p * 100))")
        }
        #expect(behalten < behaltenFest)
        sp.freigeben()
        fest.freigeben()
    }
    #expect(verengt >= 30)
    #expect(wiederverwendet > 0)
}

/// Draws to select from: spread with ties, one far outlier (most values in one bucket), all equal, and fewer than
/// the buckets need.
private let auswahlfaelle: [[Float]] = [
    (0..<1100).map { wert(7, $0) },
    (0..<500).map { $0 == 17 ? 1e30 : wert(2, $0) },
    [Float](repeating: 3.5, count: 300),
    (0..<40).map { wert(5, $0) },
]

/// The windows a sample places (`fensterSetzen`) enclose the sample's order statistics at the ranks that
/// `fensterRaenge` gives, each bound at most one histogram bucket (the sample's range / min(1024, S / 2)) beyond its
/// order statistic, and open (±∞) where the rank lies outside the sample; with all values equal or fewer than 64,
/// the order statistics themselves. With ties, and with one far outlier, whose bucket width makes the windows
/// wide but still enclosing.
@Test func probefensterUmDieRaenge() {
    for (i, x) in auswahlfaelle.enumerated() {
        let s = x.sorted(), S = x.count, n = 10 * S
        var y = x, lo = [Float](repeating: 0, count: 3), hi = lo
        y.withUnsafeMutableBufferPointer { pr in
            lo.withUnsafeMutableBufferPointer { l in
                hi.withUnsafeMutableBufferPointer { h in
                    Ziehungslauf.fensterSetzen(pr, n: n, lo: l.baseAddress!, hi: h.baseAddress!)
                }
            }
        }
        let breite = (s[S - 1] - s[0]) / Float(min(1024, S / 2))
        var offen = 0
        for (j, p) in [0.1, 0.5, 0.9].enumerated() {
            let (a, b) = Ziehungslauf.fensterRaenge(p, n: n, probe: S)
            if a < 0 {
                #expect(lo[j] == -.infinity)
                offen += 1
            } else {
                #expect(lo[j] <= s[a], "Fall \(i) P\(Int(p * 100))")
                if i == 0 { #expect(lo[j] >= s[a] - breite * 1.0001) }
                if i >= 2 { #expect(lo[j] == s[a]) }
            }
            if b >= S {
                #expect(hi[j] == .infinity)
                offen += 1
            } else {
                #expect(hi[j] >= s[b], "Fall \(i) P\(Int(p * 100))")
                if i == 0 { #expect(hi[j] <= s[b] + breite * 1.0001) }
                if i >= 2 { #expect(hi[j] == s[b]) }
            }
        }
        // 1,100 values hold every window; 40 leave four sides open (P10 below, P50 both, P90 above).
        if i == 0 { #expect(offen == 0) }
        if i == 3 { #expect(offen == 4) }
    }
}

/// The AVX2 path of the sample's windows gives the bounds of the baseline path, bit for bit: random samples of
/// 64 to 3,000 values (lengths that are no multiple of the vectors), with ties and with negative values.
@Test func probefensterGleichOhneAVX2() {
    var g = SplitMix64(seed: 77)
    for fall in 0..<200 {
        let S = 64 + Int(g.next() % 2937)
        let x: [Float] = (0..<S).map { _ in fall % 3 == 0 ? gestuft(&g) : Float(g.gleich() * 200 - 50) }
        let r = [S / 20, S / 20 + 30, S / 3, S / 2, S - 40, S + 5]
        var z = [Int32](repeating: 0, count: 1024)
        var ergebnis: [[UInt32]] = []
        for avx2: Int32 in Prozessor.avx2 ? [0, 1] : [0] {
            var lo = [Float](repeating: 0, count: 3), hi = lo
            let gesetzt = eckwert_probe_fenster(x, S, r, &z, &lo, &hi, avx2)
            #expect(gesetzt == 1)
            ergebnis.append((lo + hi).map(\.bitPattern))
        }
        #expect(ergebnis.allSatisfy { $0 == ergebnis[0] }, "Fall \(fall)")
    }
}

/// The bounds that `umfassend` gives enclose the two ranks (at most the ka-th, at least the kb-th smallest of the
/// sorted values), are values of the draws, and in spread values lie close to the ranks: with ties, one far
/// outlier, all equal, and below the size where it selects exactly.
@Test func umfassendeGrenzenUmDieRaenge() {
    for (i, x) in auswahlfaelle.enumerated() {
        let s = x.sorted(), n = x.count
        for (ka, kb) in [(0, n - 1), (n / 10, n / 5), (n / 2, n / 2), (n * 4 / 5, n - 1)] {
            var y = x
            let (l, h) = y.withUnsafeMutableBufferPointer { Ziehungslauf.umfassend(ka, kb, in: $0) }
            #expect(x.contains(l) && x.contains(h), "Fall \(i)")
            #expect(l <= s[ka] && h >= s[kb], "Fall \(i), Ränge \(ka) \(kb)")
            if i == 0 {
                #expect(x.filter { $0 < l }.count >= ka - n / 20)
                #expect(x.filter { $0 > h }.count >= n - 1 - kb - n / 20)
            }
            if i == 3 { #expect(l == s[ka] && h == s[kb]) }
        }
    }
}

/// The k-th smallest by histogram is the k-th of the sorted values: with ties, one far outlier (most values in one
/// bucket), all equal, and below the size where it selects by partitions.
@Test func kleinstesGleichSortierung() {
    for (i, x) in auswahlfaelle.enumerated() {
        let sortiert = x.sorted()
        for k in [0, x.count / 10, x.count / 2, x.count - 1] {
            var y = x
            let v = y.withUnsafeMutableBufferPointer { Ziehungslauf.kleinstes(k, in: $0) }
            #expect(v == sortiert[k], "Fall \(i), Rang \(k)")
        }
    }
}

/// Values with many ties on and around the windows' bounds (multiples of 0.5 in −30 … 30).
private func gestuft(_ g: inout SplitMix64) -> Float { Float(Int(g.next() % 121) - 60) * 0.5 }

/// A value's windows after draws counted in pieces of 1 to 16 draws (eight in a vector and the rest one by one),
/// the pieces shared out between two threads' storages, and narrowed several times (`verengen`: the survivors of
/// both written back over their chains) are what the draws give directly: kept are exactly the draws inside a
/// window's last bounds (bounds included), counted below are those under its lower bound, other values untouched;
/// random bounds and draws with ties exactly at the bounds, chunks of 128 values filled exactly before a narrowing
/// drops the next one, and narrowings that empty one storage's chain.
@Test func fensterspeicherGleichDemZaehlenOhneSpeicher() {
    var g = SplitMix64(seed: 2024)
    for fall in 0..<40 {
        var sp = [Fensterspeicher(fenster: 6), Fensterspeicher(fenster: 6)]
        // Value 1's three windows (f = 3 … 5), disjoint and in order, on the grid of the draws.
        var lo: [Float] = [0, 0, 0, -20, -2, 9], hi: [Float] = [0, 0, 0, -8, 3, 22]
        var alle: [Float] = []
        let stufen = fall % 4 + 1
        for stufe in 0..<stufen {
            var x = (0..<(300 + Int(g.next() % 700))).map { _ in gestuft(&g) }
            if fall % 5 == 0 && stufe == 0 {
                // Exactly 128 draws that stay kept after narrowing, then ones that are dropped.
                x = [Float](repeating: 1, count: 128) + [Float](repeating: 2.5, count: 40)
            }
            x.withUnsafeBufferPointer { xb in
                var j0 = 0
                while j0 < x.count {
                    let w = min(x.count - j0, Int(g.next() % 16) + 1)
                    // Mostly the first storage (its chain then holds more than the survivors of both).
                    sp[g.next() % 4 == 0 ? 1 : 0].einordnen(1, xb.baseAddress! + j0, w, lo, hi)
                    j0 += w
                }
            }
            alle += x
            guard stufe < stufen - 1 else { break }
            // Narrowed inside the old bounds (still disjoint and in order).
            let (altLo, altHi) = (lo, hi)
            for f in 3..<6 {
                let l = lo[f] + Float(g.next() % 3) * 0.5, h = hi[f] - Float(g.next() % 3) * 0.5
                let (nl, nh) = fall % 5 == 0 && f == 4 ? (Float(-1), Float(2)) : (l, h)
                guard nl < nh, nl >= lo[f], nh <= hi[f] else { continue }
                lo[f] = nl
                hi[f] = nh
            }
            verengen(&sp, 1, altLo: altLo, altHi: altHi, lo: lo, hi: hi)
            #expect(Fensterspeicher.geordnet(Array(lo[3...]), Array(hi[3...])))
        }
        #expect(!sp[0].sonder && !sp[1].sonder)
        var gezaehlt = 0
        for f in 3..<6 {
            var innen: [Float] = []
            for t in 0..<2 { sp[t].innen(f, lo, hi, in: &innen) }
            let erwartet = alle.filter { lo[f] <= $0 && $0 <= hi[f] }.sorted()
            gezaehlt += erwartet.count
            #expect(innen.sorted() == erwartet, "Fall \(fall), Fenster \(f)")
            #expect(sp[0].zahl(f, 0) + sp[1].zahl(f, 0) == alle.filter { $0 < lo[f] }.count, "Fall \(fall), \(f)")
            #expect(sp.allSatisfy { $0.zahl(f, 1) == 0 && $0.zahl(f, 2) == 0 })
        }
        // One chain per storage holds the kept draws of the value's three windows; each chain has as many chunks
        // as its count needs, the last of them the current one.
        #expect(sp[0].zahl(3, 3) + sp[1].zahl(3, 3) == gezaehlt, "Fall \(fall)")
        for t in 0..<2 {
            #expect(sp[t].zahl(4, 3) == 0 && sp[t].zahl(5, 3) == 0)
            for f in 0..<3 { #expect(sp[t].zahl(f, 3) == 0 && sp[t].zahl(f, 0) == 0) }
            #expect(sp[t].kettenStuecke(3) == (sp[t].zahl(3, 3) + 127) / 128, "Fall \(fall), Speicher \(t)")
            sp[t].freigeben()
        }
    }
}

/// Tiles filed in one call per tile (`einordnenKachel`: each value's draws gathered from the draws' rows, full
/// tiles of ordered windows in two vectors, written straight into the chain's last chunk) give what filing value
/// by value gives (`einordnen`) and what the draws give directly: the same counts, the same kept draws in the same
/// order; values with ordered windows, with overlapping ones and with a window closed to a point, draws with ties
/// exactly at the bounds, tiles of 16 draws, of 32 (two halves of 16) and narrower ones (1 to 15), more than 128
/// kept draws per value (chunks filled and continued), NaN and −0 marked.
@Test func kachelweiseGleichWertweise() {
    var g = SplitMix64(seed: 77)
    let R = 5
    // Values 0, 1, 3, 4: ordered windows on the grid of the draws; value 2: overlapping windows (counted as equal).
    let lo: [Float] = [-20, -2, 9, -25, -3, 7, -10, -10, 0, -30, -1, 5, -20, -2, 9]
    let hi: [Float] = [-8, 3, 22, -10, 4, 20, 5, 10, 0, -5, 2, 30, -8, 3, 22]
    for fall in 0..<12 {
        var alt = Fensterspeicher(fenster: R * 3), neu = Fensterspeicher(fenster: R * 3)
        var alle = [[Float]](repeating: [], count: R)
        for kachel in 0..<(40 + fall * 7) {
            let w = fall % 3 == 2 ? Int(g.next() % 15) + 1 : (fall % 3 == 1 ? 32 : 16)
            var x = (0..<(R * w)).map { _ in gestuft(&g) }
            if fall == 10 && kachel == 5 { x[3] = .nan }
            if fall == 11 && kachel == 8 { x[R * w - 1] = -0.0 }
            for r in 0..<R { alle[r] += x[(r * w)..<(r * w + w)] }
            // The same draws as rows (draw d: its R values side by side, then two values that are not filed).
            let zeile = R + 2
            var zeilen = [Float](repeating: 99, count: w * zeile)
            for r in 0..<R { for d in 0..<w { zeilen[d * zeile + r] = x[r * w + d] } }
            x.withUnsafeBufferPointer { xb in
                for r in 0..<R { alt.einordnen(r, xb.baseAddress! + r * w, w, lo, hi) }
            }
            zeilen.withUnsafeBufferPointer { zb in
                neu.einordnenKachel(0, 2, zb.baseAddress!, zeile: zeile, w, lo, hi)
                neu.einordnenKachel(2, R - 2, zb.baseAddress! + 2, zeile: zeile, w, lo, hi)
            }
        }
        #expect(neu.sonder == (fall >= 10) && alt.sonder == neu.sonder, "Fall \(fall)")
        for f in 0..<(R * 3) {
            for i in 0..<4 { #expect(neu.zahl(f, i) == alt.zahl(f, i), "Fall \(fall), Fenster \(f)") }
            var a: [Float] = [], b: [Float] = []
            alt.werte(f, in: &a)
            neu.werte(f, in: &b)
            #expect(a.elementsEqual(b) { $0.bitPattern == $1.bitPattern }, "Fall \(fall), Fenster \(f)")
            guard fall < 10, f / 3 != 2 else { continue }
            // Against the draws directly (ordered windows include their bounds).
            let v = alle[f / 3]
            var innen: [Float] = []
            neu.innen(f, lo, hi, in: &innen)
            #expect(innen == v.filter { lo[f] <= $0 && $0 <= hi[f] }, "Fall \(fall), Fenster \(f)")
            #expect(neu.zahl(f, 0) == v.filter { $0 < lo[f] }.count)
        }
        #expect(neu.zahl(0, 3) > 128)
        alt.freigeben()
        neu.freigeben()
    }
}

/// The places of the counts and chain ends (`platz`, `kplatz`) fill their arrays exactly once each, and the ones
/// filing ordered windows reads lie side by side per value: below windows 0, 1, 2 and kept at 4r…4r + 3, the
/// first window's current chunk at r.
@Test(arguments: [1, 2, 7])
func zaehlplaetzeEindeutigUndBeieinander(werte R: Int) {
    let sp = Fensterspeicher(fenster: R * 3)
    defer { sp.freigeben() }
    var z = Set<Int>(), k = Set<Int>()
    for f in 0..<(R * 3) {
        for i in 0..<4 { z.insert(sp.platz(f, i)) }
        for j in 0..<2 { k.insert(sp.kplatz(f, j)) }
    }
    #expect(z == Set(0..<(R * 12)))
    #expect(k == Set(0..<(R * 6)))
    for r in 0..<R {
        #expect(
            [sp.platz(r * 3, 0), sp.platz(r * 3 + 1, 0), sp.platz(r * 3 + 2, 0), sp.platz(r * 3, 3)]
                == [r * 4, r * 4 + 1, r * 4 + 2, r * 4 + 3])
        #expect(sp.kplatz(r * 3, 1) == r)
    }
}

/// The cohort run for 1, 2, 3, 5, 8, 9, 11, 16 and 17 Sozialräume (the first ones of Musterstadt, repeated where
/// it has fewer), so that full and partly filled blocks of eight (`eckwert_kohorten`) are taken, on the
/// baseline and the AVX2 path, against `Kohortenmodell.projektion` summed afterwards: the same cumulative sums, bit
/// for bit, with the scenario's migration and a strongly negative one.
@Test func kohortenlaufGleichVollerProjektionJeGebietszahl() throws {
    let m = try #require(Musterstadt.modell)
    let p = Projektion(m)
    let schnell = Schnellrechnung(p)
    let a = Rechenannahmen(modell: m, szenario: try #require(m.szenario("status-quo")))
    let (st, fr, wa) = try #require(Unsicherheit.kohortendaten(m, a))
    let zellen = 2 * Alter.count, b = a.bevoelkerung
    let jahre = Array(m.basisjahr...m.horizont)
    for G in [1, 2, 3, 5, 8, 9, 11, 16, 17] {
        let H = m.bevoelkerung.gebiete.count
        let basis = Bevoelkerung(
            gebiete: (0..<G).map { g in g < H ? m.bevoelkerung.gebiete[g] : "\(m.bevoelkerung.gebiete[g % H])-\(g)" },
            werte: (0..<G).flatMap { g in m.bevoelkerung.werte[(g % H) * zellen..<(g % H + 1) * zellen] })
        for faktor in [1.0, -40.0] {
            let saldo = jahre.map { b.wanderungssaldo.wert($0) * faktor }
            func annahmen(_ w: Zeitpfad) -> Kohortenannahmen {
                Kohortenannahmen(
                    sterbetafel: st, fruchtbarkeit: fr, geburtenziffer: b.geburtenziffer,
                    sterblichkeit: b.sterblichkeit, wanderungssaldo: w, wanderungsprofil: wa)
            }
            let pfad = Zeitpfad(Dictionary(uniqueKeysWithValues: zip(jahre, saldo)))
            let voll = Kohortenmodell.projektion(
                basis: basis, basisjahr: m.basisjahr, bis: m.horizont, annahmen: annahmen(pfad))
            let kum = Schnellrechnung.Kumuliert([basis] + voll.jahre, schnitte: schnell.schnitte)
            // The baseline path and, where the processor has it, the AVX2 path of the ageing.
            for avx2 in Prozessor.avx2 ? [false, true] : [false] {
                var lauf = Schnellrechnung.Kohortenlauf(basis, jahre: p.n, schnitte: schnell.schnitte)
                lauf.avx2 = avx2
                lauf.rechnen(Kohortenmodell.Vorberechnung(annahmen(Zeitpfad(konstant: 0))), saldo: saldo)
                #expect(lauf.kum.jeGebiet.map(\.bitPattern) == kum.jeGebiet.map(\.bitPattern), "\(G) \(faktor) \(avx2)")
                #expect(lauf.kum.gesamt.map(\.bitPattern) == kum.gesamt.map(\.bitPattern), "\(G) \(faktor) \(avx2)")
            }
            if faktor < 0 { #expect(!voll.klemmungen.isEmpty, "\(G): the negative migration clamps cells") }
        }
    }
}

/// Rows to runs (`eckwert_kachel`: full tiles of 16 rows in 8 × 8 transposes, the rest value by value): every
/// value of every row lands at its place, on the baseline path and, where the processor has it, the AVX2 path;
/// tiles of 1 to 16 rows, 0 to 40 values (blocks of eight and a rest), rows longer than the values copied.
@Test func zeilenZuLaeufen() {
    var g = SplitMix64(seed: 5)
    let zeile = 53
    for w in 1...16 {
        for anzahl in [0, 1, 7, 8, 9, 16, 23, 40] {
            let x = (0..<(16 * zeile)).map { _ in Float(g.next() % 100_000) - 50_000 }
            for avx2 in Prozessor.avx2 ? [Int32(0), 1] : [0] {
                var nach = [Float](repeating: .nan, count: 40 * 16 + 1)
                x.withUnsafeBufferPointer { xb in
                    nach.withUnsafeMutableBufferPointer { nb in
                        eckwert_kachel(avx2, xb.baseAddress! + 3, zeile, w, anzahl, nb.baseAddress!)
                    }
                }
                for k in 0..<anzahl {
                    for i in 0..<w {
                        #expect(nach[k * w + i] == x[3 + i * zeile + k], "w \(w), Wert \(k), Zeile \(i)")
                    }
                }
                #expect(nach[(anzahl * w)...].allSatisfy { $0.isNaN }, "w \(w), \(anzahl) Werte")
            }
        }
    }
}

/// `Bandteilung` (a value's kept draws split into its three ordered windows and counted in buckets over each
/// window's bounds) against sorting each window's draws: every window's count, the k-th smallest for several k, and
/// the bounds that `umfassend` gives (values of the window, at most the ka-th and at least the kb-th smallest) — with
/// draws on the bounds, a window open to −∞ (one bucket), a window with one draw, an outlier that puts most draws in
/// one bucket, and the draws added in pieces of different lengths.
@Test func bandteilungGleichSortierung() {
    // Spread, ties, draws on every bound.
    let stufen: [Float] = [-10, -2, 0, 3, 5, 9, -6.5, 1.25, 7]
    let gestreut: [Float] = (0..<3000).map { (d: Int) -> Float in stufen[d % 9] + Float(d % 7) * 0.01 }
    let fall0 = gestreut.filter { (v: Float) -> Bool in
        (v >= -10 && v <= -2) || (v >= 0 && v <= 3) || (v >= 5 && v <= 9)
    }
    // Window 0 open below (−∞: one bucket), window 2 with a single draw.
    let fall1: [Float] = (0..<900).map { (d: Int) -> Float in
        if d == 0 { return 25 }
        return d % 2 == 0 ? -1e6 + Float(d) : 10 + Float(d % 200) / 100
    }
    // One outlier at the top of window 1: nearly all its draws in its first bucket.
    let fall2: [Float] = (0..<1200).map { (d: Int) -> Float in
        if d == 5 { return 9.9e7 }
        switch d % 3 {
        case 0: return Float(d % 50)
        case 1: return 100 + Float(d % 13)
        default: return 1.5e9
        }
    }
    let faelle: [(lo: [Float], hi: [Float], x: [Float])] = [
        ([-10, 0, 5], [-2, 3, 9], fall0),
        ([-Float.infinity, 10, 20], [1, 12, 30], fall1),
        ([0, 100, 1e9], [50, 1e8, 2e9], fall2),
    ]
    for (fall, f) in faelle.enumerated() {
        let fenster = (0..<3).map { i in f.x.filter { $0 >= f.lo[i] && $0 <= f.hi[i] }.sorted() }
        #expect(fenster.map(\.count).reduce(0, +) == f.x.count, "Fall \(fall): each draw in one window")
        for k in 0..<6 {
            var t = Bandteilung(hoechstens: f.x.count)
            defer { t.freigeben() }
            f.lo.withUnsafeBufferPointer { lo in
                f.hi.withUnsafeBufferPointer { hi in t.beginnen(lo.baseAddress!, hi.baseAddress!, anzahl: f.x.count) }
            }
            f.x.withUnsafeBufferPointer { x in
                var i = 0, stueck = 1
                while i < x.count {
                    let c = min(stueck, x.count - i)
                    t.hinzufuegen(x.baseAddress! + i, c)
                    i += c
                    stueck = stueck % 130 + 7
                }
            }
            for i in 0..<3 {
                let s = fenster[i], m = s.count
                #expect(t.anzahl(i) == m, "Fall \(fall), Fenster \(i)")
                guard m > 0 else { continue }
                let ka = (m - 1) * k / 5, kb = min(m - 1, ka + m / 7)
                let (l, h) = t.umfassend(ka, kb, i)
                #expect(
                    s.contains(l) && s.contains(h) && l <= s[ka] && h >= s[kb],
                    "Fall \(fall), Fenster \(i), \(ka) \(kb)")
                // The buckets' edges (as the narrowing places bounds): around the ranks, inside the window, at most
                // a bucket beyond them; the draws' own values where a bound is not finite (one bucket).
                let (kl, kh) = t.kanten(ka, kb, i, hi: f.hi[i])
                #expect(kl <= s[ka] && kh >= s[kb] && kl >= f.lo[i] && kh <= f.hi[i], "Fall \(fall), Fenster \(i)")
                if f.lo[i].isFinite {
                    // (and a Float rounding further out)
                    let eimer = (Double(f.hi[i]) - Double(f.lo[i])) / Double(t.nb) * 1.001
                    #expect(Double(kl) >= Double(s[ka]) - eimer && Double(kh) <= Double(s[kb]) + eimer)
                } else {
                    #expect(s.contains(kl) && s.contains(kh))
                }
                // Last: selecting overwrites the window's draws.
                #expect(t.kleinstes(kb, i) == s[kb], "Fall \(fall), Fenster \(i), Rang \(kb)")
            }
        }
    }
}

extension Fensterspeicher {
    /// The chunks of window f's chain, or −1 where its current chunk is not the last of them.
    fileprivate func kettenStuecke(_ f: Int) -> Int {
        var c = kette[kplatz(f, 0)], n = 0, letzter = -1
        while c >= 0 {
            n += 1
            letzter = c
            c = naechster[c]
        }
        return n == 0 || kette[kplatz(f, 1)] == letzter ? n : -1
    }
}

/// The Klassen's reference populations (`eckwert_klassenwerte`: four Sozialräume per vector, the rest one by one)
/// against the definition summed here value by value: 0 + (j[bis] − j[von]) of each sex from s0 to s1 in order, the
/// padding year untouched. For 1 … 10 forecast years, Sozialräume in and out of whole fours, one sex and both, on
/// both paths.
@Test func klassenwerteNachDefinition() {
    var zufall = SplitMix64(seed: 41)
    for J in 1...10 {
        for G in [1, 3, 4, 7, 9] {
            let n = J + 1, jp = Schnellrechnung.gepaart(J), nc = 4
            // Year t's sums (t ≥ 1) with one more Sozialraum than G, as a year of the cohort run may have.
            let Gt = G + 1
            var start = [Int](repeating: 0, count: n), gebiete = start
            var laenge = 0
            for t in 1..<n {
                start[t] = laenge
                gebiete[t] = Gt
                laenge += 2 * nc * Gt
            }
            let j = (0..<laenge).map { _ in (zufall.gleich() * 1000).rounded() / 7 }
            let kl = [0, 2, 0, 1, 1, 3, 1, 1, 2, 3, 0, 0]
            let nK = kl.count / 4
            func erwartet(_ k: Int, _ g: Int, _ t: Int) -> Double {
                let von = kl[4 * k], bis = kl[4 * k + 1]
                var x = 0.0
                for s in kl[4 * k + 2]...kl[4 * k + 3] {
                    let o = start[t] + s * nc * Gt + g
                    x = x + (j[o + bis * Gt] - j[o + von * Gt])
                }
                return x
            }
            for avx2: Int32 in [0, 1] where avx2 == 0 || Prozessor.avx2 {
                var w = [Double](repeating: .nan, count: nK * G * jp)
                kl.withUnsafeBufferPointer { klb in
                    start.withUnsafeBufferPointer { sb in
                        gebiete.withUnsafeBufferPointer { gb in
                            j.withUnsafeBufferPointer { jb in
                                w.withUnsafeMutableBufferPointer { wb in
                                    eckwert_klassenwerte(
                                        avx2, nK, klb.baseAddress, n, G, jp, nc, sb.baseAddress, gb.baseAddress,
                                        jb.baseAddress, wb.baseAddress)
                                }
                            }
                        }
                    }
                }
                for k in 0..<nK {
                    for g in 0..<G {
                        for t in 1..<n {
                            let v = w[(k * G + g) * jp + t - 1]
                            #expect(v.bitPattern == erwartet(k, g, t).bitPattern, "J \(J) G \(G) k \(k) g \(g) t \(t)")
                        }
                        if jp > J {
                            #expect(w[(k * G + g) * jp + J].isNaN, "J \(J) G \(G): Polsterjahr")
                        }
                    }
                }
            }
        }
    }
}

/// A window's width in ranks is that of the band's rank among the sample given all n draws: the first S of n
/// independent, identically distributed draws are a random subset of them, so how many lie below the band is
/// hypergeometric, with the finite-population factor (n − S) / (n − 1) in its variance. With S = 1,000 of n = 2,000
/// and z = 2 the band lies outside its window about as often as the normal tail at the hypergeometric standard
/// error says (P50: 11.2 + 1 ranks, 2.9 %; P10: 6.7 + 1 ranks, 2.1 %; the exact probability, summed from the
/// hypergeometric probabilities here); with the binomial width it would be 0.19 % and 0.11 %. 20,000 random subsets
/// (partial shuffles) miss the window as often as the exact probability says.
@Test(arguments: [0.5, 0.1])
func fensterbreiteHypergeometrisch(p: Double) {
    let n = 2000, S = 1000, r = rang(p, n)
    let (a, b) = Ziehungslauf.fensterRaenge(p, n: n, probe: S, z: 2)
    // K sample draws below the band (r of the n lie below it), i = 1 where the band is in the sample; the band
    // lies in [sample's a-th smallest, sample's b-th smallest] iff a + 1 − i ≤ K ≤ b.
    func logC(_ m: Int, _ k: Int) -> Double {
        k < 0 || k > m ? -.infinity : lgamma(Double(m + 1)) - lgamma(Double(k + 1)) - lgamma(Double(m - k + 1))
    }
    var aussen = 0.0
    for k in 0...S {
        for i in 0...1 where S - k - i >= 0 {
            let lp = logC(r, k) + logC(n - r - 1, S - k - i) - logC(n, S)
            if k < a + 1 - i || k > b { aussen += exp(lp) }
        }
    }
    let normal = p == 0.5 ? 0.0286 : 0.0210
    #expect(abs(aussen - normal) < 0.006, "exact \(aussen)")
    // Simulated: random subsets of the ranks 0 ..< n.
    var rng = SplitMix64(seed: 99)
    var raenge = Array(0..<n)
    var daneben = 0
    let versuche = 20_000
    for _ in 0..<versuche {
        var k = 0, drin = 0
        for j in 0..<S {
            let t = j + Int(rng.next() % UInt64(n - j))
            raenge.swapAt(j, t)
            k += raenge[j] < r ? 1 : 0
            drin += raenge[j] == r ? 1 : 0
        }
        if k < a + 1 - drin || k > b { daneben += 1 }
    }
    let anteil = Double(daneben) / Double(versuche)
    let se = (aussen * (1 - aussen) / Double(versuche)).squareRoot()
    #expect(abs(anteil - aussen) < 4 * se, "simulated \(anteil), exact \(aussen)")
}
