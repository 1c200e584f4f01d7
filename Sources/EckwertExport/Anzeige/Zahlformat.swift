import Foundation
import EckwertCore

/// German number display for documents and terminal tables: thousands dot, decimal comma, minus sign "-".
/// Rounding is half away from zero, once, at presentation.
public enum Zahlformat {
    /// Rounds half away from zero to `stellen` decimals.
    public static func runden(_ v: Double, _ stellen: Int = 0) -> Double {
        var f = 1.0
        for _ in 0..<max(0, stellen) { f *= 10 }
        return (v * f).rounded(.toNearestOrAwayFromZero) / f
    }

    /// "1.234.567" (whole), "1.234,57" (2 decimals); "n. v." for nil or non-finite.
    public static func zahl(_ v: Double?, stellen: Int = 0) -> String {
        guard let v, v.isFinite else { return "n. v." }
        let r = runden(v, stellen)
        let neg = r < 0 && r != 0
        let a = abs(r)
        var ganz = a.rounded(.towardZero)
        var bruch = ""
        if stellen > 0 {
            var f = 1.0
            for _ in 0..<stellen { f *= 10 }
            var nach = ((a - ganz) * f).rounded(.toNearestOrAwayFromZero)
            if nach >= f { nach -= f; ganz += 1 }
            let s = String(Int64(nach))
            bruch = "," + String(repeating: "0", count: max(0, stellen - s.count)) + s
        }
        let ziffern = ganz < 9.0e18 ? String(Int64(ganz)) : String(format: "%.0f", ganz)
        var gruppiert = ""
        for (i, c) in ziffern.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { gruppiert.append(".") }
            gruppiert.append(c)
        }
        return (neg ? "-" : "") + String(gruppiert.reversed()) + bruch
    }

    public static func euro(_ v: Double?) -> String { v == nil ? "n. v." : zahl(v) + " €" }

    /// "12,3 %" from 0.123.
    public static func prozent(_ v: Double?, stellen: Int = 1) -> String {
        guard let v, v.isFinite else { return "n. v." }
        return zahl(v * 100, stellen: stellen) + " %"
    }
}

/// Rounds a column of parts so that the shown total equals the sum of the shown parts (design rule): parts are
/// rounded half away from zero, the total is their sum.
public enum Summenrundung {
    public static func teile(_ teile: [Double], stellen: Int = 0) -> (teile: [Double], summe: Double) {
        let r = teile.map { Zahlformat.runden($0, stellen) }
        return (r, r.reduce(0, +))
    }
}
