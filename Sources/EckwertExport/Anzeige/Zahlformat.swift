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
        var nach: Int64 = 0
        if stellen > 0 {
            var f = 1.0
            for _ in 0..<stellen { f *= 10 }
            var n = ((a - ganz) * f).rounded(.toNearestOrAwayFromZero)
            if n >= f { n -= f; ganz += 1 }
            nach = Int64(n)
        }
        let ziffern = ganz < 9.0e18 ? dezimal(UInt64(ganz)) : Array(String(format: "%.0f", ganz).utf8)
        let nachZiffern = stellen > 0 ? dezimal(UInt64(nach)) : []
        let laenge =
            (neg ? 1 : 0) + ziffern.count + (ziffern.count - 1) / 3
            + (stellen > 0 ? 1 + max(stellen, nachZiffern.count) : 0)
        return String(unsafeUninitializedCapacity: laenge) { puffer in
            var i = 0
            func schreib(_ b: UInt8) { puffer[i] = b; i += 1 }
            if neg { schreib(UInt8(ascii: "-")) }
            for (k, z) in ziffern.enumerated() {
                if k > 0 && (ziffern.count - k) % 3 == 0 { schreib(UInt8(ascii: ".")) }
                schreib(z)
            }
            if stellen > 0 {
                schreib(UInt8(ascii: ","))
                for _ in 0..<max(0, stellen - nachZiffern.count) { schreib(UInt8(ascii: "0")) }
                for z in nachZiffern { schreib(z) }
            }
            return i
        }
    }

    /// The decimal digits of `x` as ASCII, most significant first ("0" for 0).
    static func dezimal(_ x: UInt64) -> [UInt8] {
        var x = x
        var umgekehrt: [UInt8] = []
        umgekehrt.reserveCapacity(20)
        repeat {
            umgekehrt.append(UInt8(ascii: "0") + UInt8(x % 10))
            x /= 10
        } while x > 0
        return umgekehrt.reversed()
    }

    /// An integer as text, as `String(x)` writes it.
    static func ganzzahl(_ x: Int) -> String {
        let z = dezimal(UInt64(x.magnitude))
        return String(unsafeUninitializedCapacity: z.count + 1) { puffer in
            var i = 0
            if x < 0 { puffer[0] = UInt8(ascii: "-"); i = 1 }
            for b in z { puffer[i] = b; i += 1 }
            return i
        }
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
