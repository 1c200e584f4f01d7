/// Effect decomposition: the change of a product's net cost (Zuschussbedarf) from the
/// Basisjahr to year t, split into
///   - Demografie: the reference population R,
///   - Inanspruchnahme: the rate r (incl. measure effects),
///   - Preis: the cost per case k,
///   - Rest: everything else — the other Ergebnisplan lines, the Erstattung share, measures' own cost,
///     investments.
/// The driver's net cost is N = R · r · k · (1 − e) with e the Erstattung share of the driver Aufwand. Its change
/// is split among the four factors by the Shapley value (the average of the factor's marginal effect over all
/// orders of changing the factors), which is exact — the four parts add up to ΔN — and needs no logarithms,
/// so zeros are harmless. The (1 − e) part goes to Rest together with the change of every other line.
/// Rest is computed from those lines, not as a remainder, so that "adds up" is a real check.
public struct Zerlegung: Sendable {
    /// Per forecast year (index 0 = B+1).
    public var demografie: [Double]
    public var quote: [Double]
    public var preis: [Double]
    public var rest: [Double]
    /// Zuschuss(t) − Zuschuss(B), computed from the plan.
    public var gesamt: [Double]

    public static func leer(_ n: Int) -> Zerlegung {
        let z = [Double](repeating: 0, count: n)
        return Zerlegung(demografie: z, quote: z, preis: z, rest: z, gesamt: z)
    }

    public mutating func addieren(_ o: Zerlegung) {
        for t in gesamt.indices {
            demografie[t] += o.demografie[t]; quote[t] += o.quote[t]; preis[t] += o.preis[t]
            rest[t] += o.rest[t]; gesamt[t] += o.gesamt[t]
        }
    }
}

public enum Wirkungszerlegung {
    /// Shapley effects of a product of factors changing from `von` to `nach` (exact: they sum to Πnach − Πvon).
    public static func shapley(von: [Double], nach: [Double]) -> [Double] {
        var effekte = [Double](repeating: 0, count: von.count)
        let fak = fakultaeten(von.count)
        von.withUnsafeBufferPointer { v in
            nach.withUnsafeBufferPointer { w in
                effekte.withUnsafeMutableBufferPointer { shapley(von: v, nach: w, fakultaeten: fak, in: $0) }
            }
        }
        return effekte
    }

    /// 0!, 1!, …, max(1, n)!.
    static func fakultaeten(_ n: Int) -> [Double] {
        var fak = [1.0]
        for i in 1...max(1, n) { fak.append(fak[i - 1] * Double(i)) }
        return fak
    }

    /// `shapley(von:nach:)` into `effekte` (zeroed here), with the factorials of `fakultaeten(n)`: no arrays
    /// formed per call, the same arithmetic.
    static func shapley(
        von: UnsafeBufferPointer<Double>, nach: UnsafeBufferPointer<Double>, fakultaeten fak: [Double],
        in effekte: UnsafeMutableBufferPointer<Double>
    ) {
        let n = von.count
        for i in 0..<n { effekte[i] = 0 }
        for i in 0..<n {
            for maske in 0..<(1 << n) where maske & (1 << i) == 0 {
                var mitI = 1.0, ohneI = 1.0
                var groesse = 0
                for j in 0..<n {
                    let neu = maske & (1 << j) != 0
                    if neu { groesse += 1 }
                    let x = neu ? nach[j] : von[j]
                    ohneI *= x
                    mitI *= j == i ? nach[j] : x
                }
                let gewicht = fak[groesse] * fak[n - groesse - 1] / fak[n]
                effekte[i] += gewicht * (mitI - ohneI)
            }
        }
    }

    /// Decomposition for every product of a forecast run.
    public static func produkte(_ m: Planungsmodell, _ e: Rechenergebnis) -> [Zerlegung] {
        let k = m.kontenrahmen
        let zr = k.zuschussrechnung
        guard zr.definiert else { return [] }
        let n = e.jahre.count
        let koeff = zr.koeffizienten
        let vierFakultaeten = fakultaeten(4)
        return m.produkte.enumerated().map { i, p in
            let erg = e.produkte[i]
            var z = Zerlegung.leer(n - 1)
            let zuschuss = (0..<n).map { zr.jahr(erg.ergebnisplan, $0) }
            for t in 1..<n { z.gesamt[t - 1] = zuschuss[t] - zuschuss[0] }
            // Driver net cost N = A − E with its factors, where a driver exists and is well defined.
            var treiberNetto = [Double](repeating: 0, count: n)
            if let fk = p.fallkosten, let F = erg.faelle, let R = erg.bezug, let kz = k.index(fk.konto),
                R[0] > 0, F[0] > 0, let vz = koeff[fk.konto], vz != 0
            {
                let A = erg.ergebnisplan[kz]
                let ez = p.erstattung.flatMap { k.index($0.konto) }
                let E = ez.map { erg.ergebnisplan[$0] } ?? Array(repeating: 0, count: n)
                let vzE = ez.map { koeff[k.zeilen[$0].key] ?? 0 } ?? 0
                func faktoren(_ t: Int, _ f: inout [Double]) {
                    let rate = F[t] / max(R[t], .leastNonzeroMagnitude)
                    let kosten = F[t] != 0 ? A[t] / F[t] : 0
                    let anteil = A[t] != 0 ? E[t] / A[t] : 0
                    f[0] = R[t]
                    f[1] = R[t] > 0 ? rate : 0
                    f[2] = kosten
                    f[3] = 1 + (vzE / vz) * anteil
                }
                // Four factors; the arrays are formed once per product and refilled each year.
                var f0 = [Double](repeating: 0, count: 4), ft = f0, eff = f0
                faktoren(0, &f0)
                for t in 1..<n {
                    faktoren(t, &ft)
                    f0.withUnsafeBufferPointer { v in
                        ft.withUnsafeBufferPointer { w in
                            eff.withUnsafeMutableBufferPointer {
                                shapley(von: v, nach: w, fakultaeten: vierFakultaeten, in: $0)
                            }
                        }
                    }
                    z.demografie[t - 1] = vz * eff[0]
                    z.quote[t - 1] = vz * eff[1]
                    z.preis[t - 1] = vz * eff[2]
                    z.rest[t - 1] = vz * eff[3]
                }
                for t in 0..<n { treiberNetto[t] = vz * A[t] + vzE * E[t] }
            }
            // Rest: every other line's change (the plan's net cost less the driver's net).
            for t in 1..<n {
                let uebrig = (zuschuss[t] - treiberNetto[t]) - (zuschuss[0] - treiberNetto[0])
                z.rest[t - 1] += uebrig
            }
            return z
        }
    }

    /// Decomposition of a unit: the sum of its products'.
    public static func einheit(_ zerlegungen: [Zerlegung], _ produkte: [Int]) -> Zerlegung {
        var z = Zerlegung.leer(zerlegungen.first?.gesamt.count ?? 0)
        for i in produkte { z.addieren(zerlegungen[i]) }
        return z
    }
}
