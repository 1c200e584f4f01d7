import Foundation
import Testing

@testable import EckwertCore

/// The number text of the long format from `Kuerzestzahl` against the same text taken from Swift's `description`
/// (`Langformat.zahlNachDescription`), on the classes of values where a shortest-digit method can go wrong.
@Suite struct KuerzestzahlTests {
    private func vergleichen(_ werte: some Sequence<Double>) -> [String] {
        var abweichungen: [String] = []
        var neu: [UInt8] = [], alt: [UInt8] = []
        for v in werte {
            neu.removeAll(keepingCapacity: true)
            alt.removeAll(keepingCapacity: true)
            Langformat.zahl(v, an: &neu)
            Langformat.zahlNachDescription(v, an: &alt)
            if neu != alt, abweichungen.count < 5 {
                abweichungen.append(
                    "\(v.bitPattern): \(String(decoding: neu, as: UTF8.self)) ≠ \(String(decoding: alt, as: UTF8.self))"
                )
            }
        }
        return abweichungen
    }

    @Test func vonHand() {
        #expect(Langformat.zahl(0.3) == "0.3")
        #expect(Langformat.zahl(2.0 / 3.0) == "0.6666666666666666")
        #expect(Langformat.zahl(.leastNonzeroMagnitude) == "0." + String(repeating: "0", count: 323) + "5")
        #expect(Langformat.zahl(1.7976931348623157e308) == "17976931348623157" + String(repeating: "0", count: 292))
        #expect(Langformat.zahl(Double(9_007_199_254_740_993 as Int64)) == "9007199254740992")
        #expect(Langformat.zahl(-123_456.78) == "-123456.78")
        #expect(Langformat.zahl(100) == "100")
        #expect(Langformat.zahl(0.1 + 0.2) == "0.30000000000000004")
    }

    /// The tables against their definition where it is easy to see: 5^0 = 2^124 scaled, ⌊2^127 / 5⌋ + 1.
    @Test func tabellen() {
        let t = Kuerzestzahl.tabellen
        #expect(t.pow5[0] == 0 && t.pow5[1] == 1 << 60)
        #expect(t.pow5[2] == 0 && t.pow5[3] == 5 << 58)
        #expect(t.pow5inv[0] == 1 && t.pow5inv[1] == 1 << 61)
        // 2^127 / 5 = 0x1999…99.9…: high word 2^63 / 5 rounded down, low word all 9s in hex then + 1.
        #expect(t.pow5inv[3] == (1 << 63) / 5 && t.pow5inv[2] == 0x9999_9999_9999_999A)
    }

    @Test func zufaelligeBitmuster() {
        var g = SplitMix64(seed: 1)
        #expect(vergleichen((0..<500_000).map { _ in Double(bitPattern: g.next()) }).isEmpty)
    }

    /// Whole numbers (below and above 2^53), cents, amounts with a few decimals.
    @Test func ganzeUndCent() {
        var g = SplitMix64(seed: 2)
        var werte: [Double] = []
        for _ in 0..<150_000 {
            let n = Int64(bitPattern: g.next()) >> Int64.random(in: 0...62, using: &g)
            werte.append(Double(n))
            werte.append(Double(n % 100_000_000_000) / 100)
            werte.append(Double(n % 1_000_000_000_000) / 1000)
        }
        for k in 50...56 {
            let p = Double(sign: .plus, exponent: k, significand: 1)
            for d in -300...300 { werte.append(p + Double(d)) }
        }
        #expect(vergleichen(werte).isEmpty)
    }

    /// Subnormals, powers of two and ten with their neighbours, short binary fractions (exact ties in decimal),
    /// the ends of the range.
    @Test func grenzfaelle() {
        var g = SplitMix64(seed: 3)
        var werte: [Double] = [
            .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.leastNonzeroMagnitude,
            Double.leastNormalMagnitude.nextDown, 1, -1, 0.5, 1e23, Double(9_007_199_254_740_993 as Int64),
        ]
        for _ in 0..<200_000 { werte.append(Double(bitPattern: g.next() & ((1 << 52) - 1))) }
        for e in -1074...1023 {
            let p = Double(sign: .plus, exponent: e, significand: 1)
            werte += [p, p.nextUp, p.nextDown, 3 * p, 5 * p, 7 * p, 0.75 * p]
        }
        for e in -323...308 {
            guard let p = Double("1e\(e)") else { continue }
            werte += [p, p.nextUp, p.nextDown, -p, 2 * p, 5 * p, 0.5 * p]
        }
        for k in 1...60 {
            for u in stride(from: 1, to: 4000, by: 2) { werte.append(Double(u) / Double(UInt64(1) << UInt64(k))) }
        }
        #expect(vergleichen(werte).isEmpty)
    }
}
