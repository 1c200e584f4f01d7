import EckwertCore
import Foundation

/// An age group of a statistics table: `von...bis`, or open (`85+`: `bis` nil, meaning 85 to 100 and older).
public struct Altersspanne: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var von: Int
    public var bis: Int?

    public init(von: Int, bis: Int?) { self.von = von; self.bis = bis }

    public static func < (a: Self, b: Self) -> Bool { a.von < b.von }

    public var description: String {
        guard let bis else { return "\(von)+" }
        return bis == von ? "\(von)" : "\(von)–\(bis)"
    }

    /// `5`, `0-2`, `0–2`, `0 bis 2`, `85+`, `85 und älter`, `unter 3` (= 0–2), `3 bis unter 6` (= 3–5).
    public static func lesen(_ text: String) -> Altersspanne? {
        let t = text.lowercased().replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "jahre", with: "")
            .trimmingCharacters(in: .whitespaces)
        func zahl(_ s: Substring) -> Int? { Int(s.trimmingCharacters(in: .whitespaces)) }
        if t.hasPrefix("unter "), let b = zahl(t.dropFirst(6)), b >= 1 { return Altersspanne(von: 0, bis: b - 1) }
        for ende in ["+", " und älter", " und mehr", " u. älter"] where t.hasSuffix(ende) {
            if let v = zahl(t.dropLast(ende.count)) { return Altersspanne(von: v, bis: nil) }
        }
        if let r = t.range(of: " bis unter "), let v = zahl(t[..<r.lowerBound]), let b = zahl(t[r.upperBound...]),
            b > v
        {
            return Altersspanne(von: v, bis: b - 1)
        }
        for trenner in [" bis ", "-"] {
            if let r = t.range(of: trenner), let v = zahl(t[..<r.lowerBound]), let b = zahl(t[r.upperBound...]),
                b >= v
            {
                return Altersspanne(von: v, bis: b)
            }
        }
        if let v = zahl(t[...]) { return Altersspanne(von: v, bis: v) }
        return nil
    }
}

/// Splits counts by age group into single years 0…100 (100 = 100 and older), keeping every group's total
/// exactly (see docs/import.md, "Aufteilung auf Einzeljahre"):
/// - single years stay as they are;
/// - closed groups: Sprague's fifth-difference multipliers where all closed groups are five-year groups
///   (0–4, 5–9, …, at least five of them), otherwise a monotone cubic (Fritsch–Carlson/Brodlie) through the
///   cumulated counts at the group boundaries, whose differences are never negative;
/// - the open top group (85+, 90+, …) in proportion to the person-years L(x) of the model's Sterbetafel,
///   l(x+1) = l(x)·(1 − q(x)), L(x) = (l(x) + l(x+1)) / 2, L(100+) = l(100)·(2 − q(100)) / (2·q(100));
/// - then within each group whole persons by the largest-remainder method (negative interpolated values,
///   which Sprague can give for very small counts, are set to 0 first and the rest rescaled to the total).
public enum Altersaufteilung {
    public enum Fehler: Error, Sendable, Equatable {
        case luecke(String)
        case sterbetafelFehlt(Altersspanne)

        public var text: String {
            switch self {
            case .luecke(let t): t
            case .sterbetafelFehlt(let g):
                "für die offene Altersgruppe \(g) wird die Sterbetafel des Modells gebraucht (sterbetafel.csv fehlt)"
            }
        }
    }

    /// The method used for the closed groups, for the report.
    public enum Verfahren: String, Sendable { case einzeljahre, sprague, spline }

    /// Whole persons per single year 0…100; `qx` the Sterbetafel's q(x) of the sex (needed for an open group
    /// below 100).
    public static func aufteilen(
        _ gruppen: [Altersspanne: Int], qx: [Double]?
    )
        -> Result<(anzahl: [Int], verfahren: Verfahren), Fehler>
    {
        let g = gruppen.keys.sorted()
        var naechstes = 0
        for (i, x) in g.enumerated() {
            guard x.von == naechstes else {
                return .failure(
                    .luecke(
                        x.von > naechstes
                            ? "Altersgruppen lückenhaft: Alter \(naechstes)–\(x.von - 1) fehlt"
                            : "Altersgruppen überschneiden sich bei Alter \(x.von) (\(x))"))
            }
            if x.bis == nil && i != g.count - 1 {
                return .failure(.luecke("offene Altersgruppe \(x) ist nicht die letzte"))
            }
            if let b = x.bis, b > Alter.max { return .failure(.luecke("Altersgruppe \(x) reicht über \(Alter.max)")) }
            naechstes = (x.bis ?? Alter.max) + 1
        }
        guard naechstes > Alter.max - 1 else {
            return .failure(
                .luecke(
                    "Altersgruppen enden bei \(naechstes - 1) – erwartet bis \(Alter.max - 1) "
                        + "oder eine offene Gruppe (z. B. 85+)"))
        }
        let geschlossen = g.filter { $0.bis != nil }
        var werte = [Double](repeating: 0, count: Alter.count)
        var verfahren = Verfahren.einzeljahre
        if geschlossen.contains(where: { $0.bis != $0.von }) {
            let summen = geschlossen.map { Double(gruppen[$0] ?? 0) }
            let fuenfer = geschlossen.count >= 5 && geschlossen.allSatisfy { $0.von % 5 == 0 && $0.bis == $0.von + 4 }
            let einzeln = fuenfer ? sprague(summen) : spline(geschlossen, summen)
            for (a, v) in einzeln.enumerated() where a < Alter.count { werte[a] = v }
            verfahren = fuenfer ? .sprague : .spline
        } else {
            for x in geschlossen { werte[x.von] = Double(gruppen[x] ?? 0) }
        }
        if let offen = g.last, offen.bis == nil {
            if offen.von == Alter.max {
                werte[Alter.max] = Double(gruppen[offen] ?? 0)
            } else {
                guard let qx, qx.count == Alter.count else { return .failure(.sterbetafelFehlt(offen)) }
                let L = personenjahre(qx)
                for a in offen.von...Alter.max { werte[a] = L[a] }
            }
        }
        var anzahl = [Int](repeating: 0, count: Alter.count)
        for x in g {
            let alter = Array(x.von...(x.bis ?? Alter.max))
            let ganz = groessterRest(alter.map { werte[$0] }, summe: gruppen[x] ?? 0)
            for (i, a) in alter.enumerated() { anzahl[a] = ganz[i] }
        }
        return .success((anzahl, verfahren))
    }

    /// Person-years L(x) of the stationary population of a life table q(x), x = 0…100 (100 = 100+).
    static func personenjahre(_ qx: [Double]) -> [Double] {
        var l = [Double](repeating: 0, count: Alter.count)
        l[0] = 1
        for x in 1..<Alter.count { l[x] = l[x - 1] * (1 - min(max(qx[x - 1], 0), 1)) }
        var L = [Double](repeating: 0, count: Alter.count)
        for x in 0..<Alter.max { L[x] = (l[x] + l[x + 1]) / 2 }
        let q = min(max(qx[Alter.max], 0), 1)
        L[Alter.max] = q > 0 ? l[Alter.max] * (2 - q) / (2 * q) : l[Alter.max] * 50
        return L
    }

    /// Whole numbers ≥ 0 summing to `summe`, in proportion to `werte` (negatives count as 0): each gets the
    /// integer part of its share, the rest goes one by one to the largest remainders (ties: the younger age).
    public static func groessterRest(_ werte: [Double], summe: Int) -> [Int] {
        guard !werte.isEmpty else { return [] }
        let pos = werte.map { $0.isFinite ? max($0, 0) : 0 }
        let s = pos.reduce(0, +)
        let anteile = s > 0 ? pos.map { $0 / s * Double(summe) } : pos.map { _ in Double(summe) / Double(pos.count) }
        var ganz = anteile.map { Int($0.rounded(.down)) }
        var rest = summe - ganz.reduce(0, +)
        let reihenfolge = anteile.indices.sorted {
            let ra = anteile[$0] - Double(ganz[$0]), rb = anteile[$1] - Double(ganz[$1])
            return ra != rb ? ra > rb : $0 < $1
        }
        var i = 0
        while rest > 0 {
            ganz[reihenfolge[i % reihenfolge.count]] += 1
            rest -= 1
            i += 1
        }
        while rest < 0, let j = ganz.indices.max(by: { ganz[$0] < ganz[$1] }), ganz[j] > 0 {
            ganz[j] -= 1
            rest += 1
        }
        return ganz
    }

    /// Sprague fifth-difference multipliers (Shryock/Siegel, Methods and Materials of Demography): five panels
    /// of 5 × 5 coefficients; row = single year within the group, column = the five groups used.
    static let spragueTafeln: [[[Double]]] = [
        [
            [0.3616, -0.2768, 0.1488, -0.0336, 0], [0.2640, -0.0960, 0.0400, -0.0080, 0],
            [0.1840, 0.0400, -0.0320, 0.0080, 0], [0.1200, 0.1360, -0.0720, 0.0160, 0],
            [0.0704, 0.1968, -0.0848, 0.0176, 0],
        ],
        [
            [0.0336, 0.2272, -0.0752, 0.0144, 0], [0.0080, 0.2320, -0.0480, 0.0080, 0],
            [-0.0080, 0.2160, -0.0080, 0, 0], [-0.0160, 0.1840, 0.0400, -0.0080, 0],
            [-0.0176, 0.1408, 0.0912, -0.0144, 0],
        ],
        [
            [-0.0128, 0.0848, 0.1504, -0.0240, 0.0016], [-0.0016, 0.0144, 0.2224, -0.0416, 0.0064],
            [0.0064, -0.0336, 0.2544, -0.0336, 0.0064], [0.0064, -0.0416, 0.2224, 0.0144, -0.0016],
            [0.0016, -0.0240, 0.1504, 0.0848, -0.0128],
        ],
        [
            [0, -0.0144, 0.0912, 0.1408, -0.0176], [0, -0.0080, 0.0400, 0.1840, -0.0160],
            [0, 0, -0.0080, 0.2160, -0.0080], [0, 0.0080, -0.0480, 0.2320, 0.0080],
            [0, 0.0144, -0.0752, 0.2272, 0.0336],
        ],
        [
            [0, 0.0176, -0.0848, 0.1968, 0.0704], [0, 0.0160, -0.0720, 0.1360, 0.1200],
            [0, 0.0080, -0.0320, 0.0400, 0.1840], [0, -0.0080, 0.0400, -0.0960, 0.2640],
            [0, -0.0336, 0.1488, -0.2768, 0.3616],
        ],
    ]

    /// Sprague interpolation of n ≥ 5 consecutive five-year group totals into 5n single years (real values).
    public static func sprague(_ g: [Double]) -> [Double] {
        let n = g.count
        guard n >= 5 else { return [] }
        var aus: [Double] = []
        aus.reserveCapacity(5 * n)
        for i in 0..<n {
            let (tafel, erste): (Int, Int)
            switch i {
            case 0: (tafel, erste) = (0, 0)
            case 1: (tafel, erste) = (1, 0)
            case n - 2: (tafel, erste) = (3, n - 5)
            case n - 1: (tafel, erste) = (4, n - 5)
            default: (tafel, erste) = (2, i - 2)
            }
            for zeile in spragueTafeln[tafel] {
                var v = 0.0
                for j in 0..<5 { v += zeile[j] * g[erste + j] }
                aus.append(v)
            }
        }
        return aus
    }

    /// Single years of consecutive closed groups by a monotone cubic Hermite interpolation of the cumulated
    /// counts (slopes: Brodlie's weighted harmonic mean, 0 at a local extremum; one-sided at the ends).
    static func spline(_ gruppen: [Altersspanne], _ summen: [Double]) -> [Double] {
        var x: [Double] = [0], y: [Double] = [0]
        for (k, gr) in gruppen.enumerated() {
            x.append(Double((gr.bis ?? gr.von) + 1))
            y.append(y[k] + summen[k])
        }
        let m = x.count - 1
        let h = (0..<m).map { x[$0 + 1] - x[$0] }
        let delta = (0..<m).map { (y[$0 + 1] - y[$0]) / h[$0] }
        var d = [Double](repeating: 0, count: m + 1)
        d[0] = delta[0]
        d[m] = delta[m - 1]
        if m > 1 {
            for k in 1..<m where delta[k - 1] > 0 && delta[k] > 0 {
                let w1 = 2 * h[k] + h[k - 1], w2 = h[k] + 2 * h[k - 1]
                d[k] = (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k])
            }
        }
        func wert(_ t: Double) -> Double {
            var k = 0
            while k < m - 1 && t > x[k + 1] { k += 1 }
            let s = (t - x[k]) / h[k], s2 = s * s, s3 = s2 * s
            return y[k] * (2 * s3 - 3 * s2 + 1) + h[k] * d[k] * (s3 - 2 * s2 + s)
                + y[k + 1] * (-2 * s3 + 3 * s2) + h[k] * d[k + 1] * (s3 - s2)
        }
        let ende = Int(x[m])
        return (0..<ende).map { wert(Double($0 + 1)) - wert(Double($0)) }
    }
}
