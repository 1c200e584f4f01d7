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
        let z = Zerlegung(v, stellen)
        return String(unsafeUninitializedCapacity: z.laenge) { z.schreiben(in: $0) }
    }

    /// The number of characters of `zahl(v, stellen:)`, without building the text (column widths).
    static func laenge(_ v: Double, stellen: Int = 0) -> Int {
        v.isFinite ? Zerlegung(v, stellen).laenge : 5
    }

    /// A finite number rounded once and split into sign, whole part and decimals, as `zahl` shows it.
    private struct Zerlegung {
        let neg: Bool
        let stellen: Int
        /// The whole part; `grossZiffern` holds its digits instead when it does not fit (≥ 9·10¹⁸).
        let ganz: UInt64
        let grossZiffern: [UInt8]?
        let ganzStellen: Int
        let nach: UInt64
        let nachStellen: Int

        init(_ v: Double, _ stellen: Int) {
            let r = Zahlformat.runden(v, stellen)
            neg = r < 0 && r != 0
            self.stellen = stellen
            let a = abs(r)
            var g = a.rounded(.towardZero)
            var n: Int64 = 0
            if stellen > 0 {
                var f = 1.0
                for _ in 0..<stellen { f *= 10 }
                var x = ((a - g) * f).rounded(.toNearestOrAwayFromZero)
                if x >= f { x -= f; g += 1 }
                n = Int64(x)
            }
            if g < 9.0e18 {
                ganz = UInt64(g)
                grossZiffern = nil
                ganzStellen = Zerlegung.ziffern(ganz)
            } else {
                ganz = 0
                let z = Array(String(format: "%.0f", g).utf8)
                grossZiffern = z
                ganzStellen = z.count
            }
            nach = UInt64(n)
            nachStellen = stellen > 0 ? Zerlegung.ziffern(nach) : 0
        }

        /// Decimal digits of `x` (1 for 0).
        static func ziffern(_ x: UInt64) -> Int {
            var n = 1, x = x
            while x >= 10 { x /= 10; n += 1 }
            return n
        }

        var laenge: Int {
            (neg ? 1 : 0) + ganzStellen + (ganzStellen - 1) / 3 + (stellen > 0 ? 1 + max(stellen, nachStellen) : 0)
        }

        /// Writes the text into `puffer` (at least `laenge` bytes); returns the count written.
        func schreiben(in puffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var i = 0
            if neg { puffer[0] = UInt8(ascii: "-"); i = 1 }
            // The whole part with a dot every three digits, written from its last digit backwards.
            var ende = i + ganzStellen + (ganzStellen - 1) / 3

            i = ende
            var x = ganz
            for k in 0..<ganzStellen {
                if k > 0 && k % 3 == 0 { ende -= 1; puffer[ende] = UInt8(ascii: ".") }
                ende -= 1
                if let g = grossZiffern {
                    puffer[ende] = g[ganzStellen - 1 - k]
                } else {
                    puffer[ende] = UInt8(ascii: "0") + UInt8(x % 10)
                    x /= 10
                }
            }
            if stellen > 0 {
                puffer[i] = UInt8(ascii: ",")
                i += 1
                for _ in 0..<max(0, stellen - nachStellen) { puffer[i] = UInt8(ascii: "0"); i += 1 }
                var y = nach
                for k in stride(from: nachStellen - 1, through: 0, by: -1) {
                    puffer[i + k] = UInt8(ascii: "0") + UInt8(y % 10)
                    y /= 10
                }
                i += nachStellen
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
