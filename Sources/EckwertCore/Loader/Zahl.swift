/// Numbers as German and English spreadsheet exports write them.
///
/// ``parse(_:)`` reads a decimal number by this rule, which never guesses:
/// - Surrounding spaces, tabs and line breaks are ignored; an optional leading `-` or `+`; an optional
///   exponent `e`/`E` with optional sign and at least one digit (`1,5e3` = 1500).
/// - Both `.` and `,` occur: the one that occurs **last** is the decimal separator and must occur once;
///   the other is the thousands separator and must form valid groups (1–3 digits, then groups of exactly 3):
///   `1.234,56` = 1234.56, `1,234.56` = 1234.56, `1.234.567,8` = 1234567.8; `12.34,5` is rejected.
/// - Only `,` occurs: it is a decimal comma and must occur once: `1,5` = 1.5, `1,234` = 1.234 (never
///   one thousand two hundred thirty-four); `1,234,567` is rejected.
/// - Only `.` occurs: a single `.` is a decimal point: `1234.56` = 1234.56 and `1.234` = 1.234.
///   Two or more dots are thousands separators and must form valid groups: `1.234.567` = 1234567;
///   `1.2.3` is rejected.
/// - A decimal separator must be followed by at least one digit (`5,` is rejected, `,5` = 0.5).
/// - No other characters: spaces inside the number, currency signs, `NaN`, `inf`, hexadecimal and the empty
///   string are rejected, as is any value that is not finite (`1e400`).
public enum Zahl {
    /// The number in `s` by the rule above, or nil.
    public static func parse(_ s: String) -> Double? {
        if let r = s.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0) }) { return r }
        let a = Array(s.utf8)
        return a.withUnsafeBufferPointer { parse(bytes: $0) }
    }

    /// A whole number: optional sign and decimal digits only (no separators, no fraction, no exponent),
    /// surrounding blanks ignored; nil when it does not fit into `Int`.
    public static func parseInt(_ s: String) -> Int? {
        if let r = s.utf8.withContiguousStorageIfAvailable({ parseInt(bytes: $0) }) { return r }
        let a = Array(s.utf8)
        return a.withUnsafeBufferPointer { parseInt(bytes: $0) }
    }

    @inline(__always)
    private static func istZiffer(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always)
    private static func istBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Bounds of `b` without surrounding blanks.
    private static func grenzen(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var lo = 0, hi = b.count
        while lo < hi && istBlank(b[lo]) { lo += 1 }
        while hi > lo && istBlank(b[hi - 1]) { hi -= 1 }
        return (lo, hi)
    }

    static func parseInt(bytes b: UnsafeBufferPointer<UInt8>) -> Int? {
        var (lo, hi) = grenzen(b)
        var negativ = false
        if lo < hi && (b[lo] == 0x2D || b[lo] == 0x2B) {
            negativ = b[lo] == 0x2D
            lo += 1
        }
        guard lo < hi else { return nil }
        var wert = 0
        for k in lo..<hi {
            let c = b[k]
            guard istZiffer(c) else { return nil }
            let (m, o1) = wert.multipliedReportingOverflow(by: 10)
            let (s, o2) =
                negativ ? m.subtractingReportingOverflow(Int(c &- 0x30)) : m.addingReportingOverflow(Int(c &- 0x30))
            if o1 || o2 { return nil }
            wert = s
        }
        return wert
    }

    /// Powers of ten exactly representable as Double.
    private static let zehnerpotenzen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Double? {
        if let v = schlicht(b) { return v }
        return allgemein(b)
    }

    /// The common spelling in one pass: an optional `-`, then at most 15 digits with at most one `,` or `.` and
    /// nothing else (no blank, `+`, exponent or thousands separator). Its value is the one ``allgemein(_:)``
    /// gives: the digits as an exact integer, then that path's one IEEE operation (× 1, or ÷ 10^k for k digits
    /// after the separator). nil where the spelling is another: the general path decides, also whether it is
    /// valid at all (`5,`).
    @inline(__always)
    private static func schlicht(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let negativ = !b.isEmpty && b[0] == 0x2D
        var mantisse: UInt64 = 0
        var ziffern = 0
        // Digits after the separator; -1 while there is none.
        var nachkomma = -1
        for i in (negativ ? 1 : 0)..<b.count {
            let c = b[i]
            if c &- 0x30 < 10 {
                mantisse = mantisse &* 10 &+ UInt64(c &- 0x30)
                ziffern += 1
                if nachkomma >= 0 { nachkomma += 1 }
            } else if (c == 0x2C || c == 0x2E) && nachkomma < 0 {
                nachkomma = 0
            } else {
                return nil
            }
        }
        guard ziffern > 0, ziffern <= 15, nachkomma != 0 else { return nil }
        let m = Double(mantisse)
        let wert = nachkomma < 0 ? m * zehnerpotenzen[0] : m / zehnerpotenzen[nachkomma]
        return negativ ? -wert : wert
    }

    /// ``parse(bytes:)`` by the full rule (every spelling; the reference of the one-pass path).
    static func allgemein(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var (lo, hi) = grenzen(b)
        var negativ = false
        if lo < hi && (b[lo] == 0x2D || b[lo] == 0x2B) {
            negativ = b[lo] == 0x2D
            lo += 1
        }
        guard lo < hi else { return nil }

        // Split off the exponent.
        var mantEnde = hi
        var exponent = 0
        var k = lo
        while k < hi {
            let c = b[k]
            if c == 0x65 || c == 0x45 { mantEnde = k; break }
            guard istZiffer(c) || c == 0x2E || c == 0x2C else { return nil }
            k += 1
        }
        if mantEnde < hi {
            var e = mantEnde + 1
            var expNegativ = false
            if e < hi && (b[e] == 0x2D || b[e] == 0x2B) {
                expNegativ = b[e] == 0x2D
                e += 1
            }
            guard e < hi else { return nil }
            while e < hi {
                guard istZiffer(b[e]) else { return nil }
                // Saturate: anything this large over- or underflows anyway.
                if exponent < 100_000 { exponent = exponent * 10 + Int(b[e] &- 0x30) }
                e += 1
            }
            if expNegativ { exponent = -exponent }
        }

        // Separators in the mantissa.
        var punkte = 0, kommas = 0, letzterPunkt = -1, letztesKomma = -1
        for j in lo..<mantEnde {
            if b[j] == 0x2E { punkte += 1; letzterPunkt = j } else if b[j] == 0x2C { kommas += 1; letztesKomma = j }
        }
        var dezimal = -1  // index of the decimal separator, or -1
        var tausender: UInt8 = 0  // the thousands separator, or 0
        if punkte > 0 && kommas > 0 {
            if letzterPunkt > letztesKomma {
                guard punkte == 1 else { return nil }
                dezimal = letzterPunkt
                tausender = 0x2C
            } else {
                guard kommas == 1 else { return nil }
                dezimal = letztesKomma
                tausender = 0x2E
            }
        } else if kommas > 0 {
            guard kommas == 1 else { return nil }
            dezimal = letztesKomma
        } else if punkte == 1 {
            dezimal = letzterPunkt
        } else if punkte > 1 {
            tausender = 0x2E
        }
        let ganzEnde = dezimal >= 0 ? dezimal : mantEnde
        if tausender != 0 {
            // Groups: 1–3 digits, then exactly 3 after each separator.
            var gruppe = 0
            var erste = true
            for j in lo..<ganzEnde {
                if b[j] == tausender {
                    if erste {
                        guard gruppe >= 1 && gruppe <= 3 else { return nil }
                    } else {
                        guard gruppe == 3 else { return nil }
                    }
                    erste = false
                    gruppe = 0
                } else {
                    gruppe += 1
                }
            }
            guard !erste && gruppe == 3 else { return nil }
        }
        if dezimal >= 0 { guard dezimal + 1 < mantEnde else { return nil } }

        // Collect the digits: mantissa as integer, scale as power of ten.
        var mantisse: UInt64 = 0
        var signifikant = 0
        var skala = 0
        var irgendeineZiffer = false
        for j in lo..<mantEnde {
            let c = b[j]
            guard istZiffer(c) else { continue }
            irgendeineZiffer = true
            if j > dezimal && dezimal >= 0 { skala -= 1 }
            if signifikant == 0 && c == 0x30 { continue }
            signifikant += 1
            if signifikant <= 19 { mantisse = mantisse &* 10 &+ UInt64(c &- 0x30) }
        }
        guard irgendeineZiffer else { return nil }
        let e10 = skala + exponent
        var wert: Double
        if signifikant == 0 {
            wert = 0
        } else if signifikant <= 15 && e10 >= -22 && e10 <= 22 {
            // Exact: both operands are exact doubles, so one IEEE operation rounds correctly.
            let m = Double(mantisse)
            wert = e10 >= 0 ? m * zehnerpotenzen[e10] : m / zehnerpotenzen[-e10]
        } else {
            // Rare (more than 15 significant digits or a large exponent): let the standard library round.
            var ziffern: [UInt8] = []
            ziffern.reserveCapacity(signifikant)
            for j in lo..<mantEnde where istZiffer(b[j]) && (!ziffern.isEmpty || b[j] != 0x30) { ziffern.append(b[j]) }
            var text = String(decoding: ziffern, as: UTF8.self)
            text += "e\(e10)"
            guard let d = Double(text) else { return nil }
            wert = d
        }
        guard wert.isFinite else { return nil }
        return negativ ? -wert : wert
    }
}
