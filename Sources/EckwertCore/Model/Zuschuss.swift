/// The one home of the Zuschussbedarf (net cost) arithmetic: ordentliche Aufwendungen − ordentliche Erträge under
/// a scheme, plus Aufwendungen − Erträge aus internen Leistungsbeziehungen when the model says
/// `zuschussbedarf: mit_ilv` (`Kontenrahmen.zuschussMitILV`). Two equivalent forms, both defined here and nowhere else:
/// - from a computed plan (lines × years): the scheme's sum line `aufwendungen` minus its sum line `ertraege`;
/// - from Buchungszeilen alone (Ansatz, Ist, the lean Monte-Carlo engine): Σ coefficient · line, where the
///   coefficient is +1 for an Aufwand line within the Aufwendungen, −1 for an Ertrag line within the Erträge, else 0.
public struct Zuschussrechnung: Sendable {
    /// Row indices of the two sum lines in the Ergebnisplan; nil when the scheme lacks either.
    public let aufwendungen: Int?, ertraege: Int?
    /// Row indices of the ILV Buchungszeilen when the Zuschussbedarf includes them.
    public let ilv: (aufwendungen: Int, ertraege: Int)?
    /// Coefficient per Buchungszeile key (missing key: 0).
    public let koeffizienten: [String: Double]
    /// The non-zero coefficients in ascending key order: a fixed order, so the same sum every run.
    let terme: [(key: String, koeffizient: Double)]

    public init(_ k: Kontenrahmen) {
        aufwendungen = k.index(k.aufwendungen)
        ertraege = k.index(k.ertraege)
        var koeff = k.expandiert(k.aufwendungen)
        for (key, v) in k.expandiert(k.ertraege) { koeff[key, default: 0] -= v }
        if k.zuschussMitILV, let a = k.ilvAufwendungen, let e = k.ilvErtraege,
            let ia = k.index(a), let ie = k.index(e)
        {
            ilv = (ia, ie)
            koeff[a, default: 0] += 1
            koeff[e, default: 0] -= 1
        } else {
            ilv = nil
        }
        koeffizienten = koeff
        terme = koeff.sorted { $0.key < $1.key }.filter { $0.value != 0 }.map { ($0.key, $0.value) }
    }

    /// Whether the scheme defines both sum lines (else a plan has no Zuschussbedarf).
    public var definiert: Bool { aufwendungen != nil && ertraege != nil }

    /// The coefficient of a Buchungszeile (0 for a line outside the Zuschussbedarf or unknown).
    @inline(__always)
    public func koeffizient(_ key: String) -> Double { koeffizienten[key] ?? 0 }

    /// Zuschussbedarf of a plan (Ergebnisplan lines × years) in year index `t`; 0 when the scheme lacks the sums.
    @inline(__always)
    public func jahr(_ ergebnisplan: [[Double]], _ t: Int) -> Double {
        guard let a = aufwendungen, let e = ertraege else { return 0 }
        if let i = ilv {
            return (ergebnisplan[a][t] + ergebnisplan[i.aufwendungen][t])
                - (ergebnisplan[e][t] + ergebnisplan[i.ertraege][t])
        }
        return ergebnisplan[a][t] - ergebnisplan[e][t]
    }

    /// As `jahr` on the plan of one year as a column (`spalte[zeile]`), same arithmetic.
    @inline(__always)
    public func spalte(_ spalte: [Double]) -> Double {
        guard let a = aufwendungen, let e = ertraege else { return 0 }
        if let i = ilv { return (spalte[a] + spalte[i.aufwendungen]) - (spalte[e] + spalte[i.ertraege]) }
        return spalte[a] - spalte[e]
    }

    /// Zuschussbedarf of a plan per year; nil when the scheme lacks the sums.
    public func reihe(_ ergebnisplan: [[Double]]) -> [Double]? {
        guard let a = aufwendungen, let e = ertraege else { return nil }
        if ilv != nil { return ergebnisplan[a].indices.map { jahr(ergebnisplan, $0) } }
        return zip(ergebnisplan[a], ergebnisplan[e]).map { $0 - $1 }
    }

    /// Adds Σ coefficient · line over Buchungszeilen (`wert(key)`, nil = no value) to `summe` in fixed key order;
    /// returns whether any line had a value. Several products can be added into one running sum.
    @discardableResult
    public func addieren(_ summe: inout Double, _ wert: (String) -> Double?) -> Bool {
        var irgendwas = false
        for (key, v) in terme {
            if let x = wert(key) { summe += v * x; irgendwas = true }
        }
        return irgendwas
    }

    /// Σ coefficient · line over Buchungszeilen; nil when no line has a value.
    public func summe(_ wert: (String) -> Double?) -> Double? {
        var s = 0.0
        return addieren(&s, wert) ? s : nil
    }
}

extension Kontenrahmen {
    /// The Zuschussbedarf arithmetic of this scheme.
    public var zuschussrechnung: Zuschussrechnung { Zuschussrechnung(self) }

    /// The net cost as coefficients on Buchungszeilen (see `Zuschussrechnung`).
    public var zuschussKoeffizienten: [String: Double] { zuschussrechnung.koeffizienten }

    /// A line as a signed sum of Buchungszeilen.
    public func expandiert(_ key: String) -> [String: Double] {
        guard let z = zeile(key) else { return [:] }
        guard case let .summe(terme) = z.art else { return [key: 1] }
        var out: [String: Double] = [:]
        for t in terme { for (k, v) in expandiert(t.key) { out[k, default: 0] += t.vorzeichen * v } }
        return out
    }
}
