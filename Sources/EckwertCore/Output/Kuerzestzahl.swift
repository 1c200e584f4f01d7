/// The shortest decimal that reads back as the same Double (the digits Swift's `description` shows), computed
/// with integer arithmetic only — no String per value. The method is Ryū (Ulf Adams, "Ryū: fast float-to-string
/// conversion", PLDI 2018): the interval of decimals that round to the value is scaled by a 128-bit power of five,
/// digits are removed while the interval still holds two candidates, and of the shortest candidates the one
/// nearest to the value is taken (ties to even). The tests compare it with `description` on millions of values.
enum Kuerzestzahl {
    /// `v` (finite, not zero) as `mantisse × 10^exponent`, the mantissa without trailing zeros; sign dropped.
    static func zerlegen(_ v: Double) -> (mantisse: UInt64, exponent: Int) { zerlegen(v, tabellen) }

    /// ``zerlegen(_:)`` with the tables passed in (read once by a caller that writes many values).
    static func zerlegen(_ v: Double, _ t: Tabellen) -> (mantisse: UInt64, exponent: Int) {
        let bits = v.bitPattern
        let ieeeMantisse = bits & ((1 << 52) - 1)
        let ieeeExponent = Int((bits >> 52) & 0x7FF)
        // Whole numbers below 2^53 are their own shortest digits.
        if ieeeExponent != 0 {
            let m2 = (1 << 52) | ieeeMantisse
            let e2 = ieeeExponent - 1023 - 52
            if e2 <= 0, e2 >= -52, m2 & ((1 << UInt64(-e2)) - 1) == 0 {
                return ohneNullen(m2 >> UInt64(-e2), 0)
            }
        }
        let (m, e) = ryu(ieeeMantisse, ieeeExponent, t)
        return ohneNullen(m, e)
    }

    private static func ohneNullen(_ m: UInt64, _ e: Int) -> (mantisse: UInt64, exponent: Int) {
        var m = m, e = e
        while m != 0 {
            let q = m / 10
            if q * 10 != m { break }
            m = q
            e += 1
        }
        return (m, e)
    }

    /// The most bytes ``schreiben(_:nach:)`` writes for one value (the smallest subnormal takes 327).
    static let hoechstlaenge = 340

    /// Appends `v` as plain decimal digits (no exponent, no trailing zeros after the point, `-` when negative),
    /// the text `Langformat.zahl` writes; nothing for a value that is not finite, `0` for ±0.
    static func schreiben(_ v: Double, an s: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: hoechstlaenge) { puffer in
            guard let p = puffer.baseAddress else { return }
            let n = schreiben(v, nach: p)
            s.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        }
    }

    /// The same text written at `p` (room for ``hoechstlaenge`` bytes); returns the number of bytes written.
    static func schreiben(_ v: Double, nach p: UnsafeMutablePointer<UInt8>) -> Int {
        schreiben(v, nach: p, tabellen)
    }

    /// ``schreiben(_:nach:)`` with the tables passed in (read once by a caller that writes many values).
    static func schreiben(_ v: Double, nach p: UnsafeMutablePointer<UInt8>, _ t: Tabellen) -> Int {
        guard v.isFinite else { return 0 }
        if v == 0 { p[0] = UInt8(ascii: "0"); return 1 }
        let (m, e) = zerlegen(v, t)
        var k = 0
        if v < 0 { p[0] = UInt8(ascii: "-"); k = 1 }
        // Digits of m (at least 1): ⌊log10 m⌋ + 1 from its bit length, corrected by one comparison.
        let t10 = ((64 - m.leadingZeroBitCount) &* 1233) >> 12
        let n = t10 + (m < t.zehnHoch[t10] ? 0 : 1)
        let punkt = n + e  // digits before the point
        if e >= 0 {
            ziffern(m, n, nach: p + k)
            (p + k + n).initialize(repeating: UInt8(ascii: "0"), count: e)
            return k + n + e
        }
        if punkt > 0 {
            let teiler = t.zehnHoch[-e]
            ziffern(m / teiler, punkt, nach: p + k)
            p[k + punkt] = UInt8(ascii: ".")
            ziffern(m % teiler, -e, nach: p + k + punkt + 1)
            return k + n + 1
        }
        p[k] = UInt8(ascii: "0")
        p[k + 1] = UInt8(ascii: ".")
        (p + k + 2).initialize(repeating: UInt8(ascii: "0"), count: -punkt)
        ziffern(m, n, nach: p + k + 2 - punkt)
        return k + 2 - punkt + n
    }

    /// The last `n` decimal digits of `x` (with leading zeros) at `p`.
    @inline(__always) private static func ziffern(_ x: UInt64, _ n: Int, nach p: UnsafeMutablePointer<UInt8>) {
        var x = x
        var j = n - 1
        while j >= 0 {
            p[j] = UInt8(truncatingIfNeeded: x % 10) &+ 0x30
            x /= 10
            j -= 1
        }
    }

    // MARK: - Ryū

    /// 5^i scaled to 125 bits (`pow5`) and ⌊2^(bits(5^q) − 1 + 125) / 5^q⌋ + 1 (`pow5inv`), as (low, high)
    /// halves at [2i], [2i + 1]; computed once from these definitions with exact big-integer arithmetic.
    struct Tabellen: Sendable {
        let pow5: [UInt64]
        let pow5inv: [UInt64]
        /// 10^0 … 10^19.
        let zehnHoch: [UInt64]

        init() {
            var p: [UInt32] = [1]
            var pow5: [UInt64] = [], inv: [UInt64] = []
            pow5.reserveCapacity(2 * 326)
            inv.reserveCapacity(2 * 326)
            for i in 0..<326 {
                let laenge = Self.bitlaenge(p)
                let verschiebung = laenge - 125
                pow5.append(Self.wort64(p, ab: verschiebung))
                pow5.append(Self.wort64(p, ab: verschiebung + 64))
                let q = i == 0 ? (hi: UInt64(1) << 61, lo: UInt64(0)) : Self.kehrwert(p, laenge)
                let (lo, c) = q.lo.addingReportingOverflow(1)
                inv.append(lo)
                inv.append(q.hi &+ (c ? 1 : 0))
                var uebertrag: UInt64 = 0
                for k in p.indices {
                    let x = UInt64(p[k]) * 5 + uebertrag
                    p[k] = UInt32(truncatingIfNeeded: x)
                    uebertrag = x >> 32
                }
                if uebertrag != 0 { p.append(UInt32(uebertrag)) }
            }
            self.pow5 = pow5
            self.pow5inv = inv
            var z: [UInt64] = [1]
            for _ in 1..<20 { z.append(z[z.count - 1] &* 10) }
            self.zehnHoch = z
        }

        static func bitlaenge(_ p: [UInt32]) -> Int {
            var n = p.count
            while n > 0, p[n - 1] == 0 { n -= 1 }
            return n == 0 ? 0 : 32 * (n - 1) + 32 - p[n - 1].leadingZeroBitCount
        }

        /// Bits k ..< k + 64 of `p` (bits below 0 or above the top are zero).
        static func wort64(_ p: [UInt32], ab k: Int) -> UInt64 {
            var r: UInt64 = 0
            for b in 0..<64 {
                let pos = k + b
                guard pos >= 0, pos / 32 < p.count else { continue }
                if (p[pos / 32] >> UInt32(pos % 32)) & 1 == 1 { r |= 1 << UInt64(b) }
            }
            return r
        }

        /// ⌊2^(laenge − 1 + 125) / p⌋ for p > 1 not a power of two (so 2^(laenge − 1) < p), by restoring
        /// division: the first `laenge` bits of the dividend leave the remainder 2^(laenge − 1); 125 bits follow.
        static func kehrwert(_ p: [UInt32], _ laenge: Int) -> (hi: UInt64, lo: UInt64) {
            var rest = [UInt32](repeating: 0, count: p.count + 1)
            rest[(laenge - 1) / 32] = 1 << UInt32((laenge - 1) % 32)
            let d = p + [0]
            var hi: UInt64 = 0, lo: UInt64 = 0
            for _ in 0..<125 {
                var uebertrag: UInt32 = 0
                for k in rest.indices {
                    let neu = rest[k] << 1 | uebertrag
                    uebertrag = rest[k] >> 31
                    rest[k] = neu
                }
                var groesser = true
                for k in stride(from: rest.count - 1, through: 0, by: -1) where rest[k] != d[k] {
                    groesser = rest[k] > d[k]
                    break
                }
                hi = hi << 1 | lo >> 63
                lo <<= 1
                if groesser {
                    var borgen: Int64 = 0
                    for k in rest.indices {
                        let x = Int64(rest[k]) - Int64(d[k]) + borgen
                        rest[k] = UInt32(truncatingIfNeeded: x)
                        borgen = x < 0 ? -1 : 0
                    }
                    lo |= 1
                }
            }
            return (hi, lo)
        }
    }

    static let tabellen = Tabellen()

    @inline(__always) private static func pow5bits(_ e: Int) -> Int { ((e &* 1_217_359) >> 19) &+ 1 }
    @inline(__always) private static func log10Pow2(_ e: Int) -> Int { (e &* 78913) >> 18 }
    @inline(__always) private static func log10Pow5(_ e: Int) -> Int { (e &* 732_923) >> 20 }

    private static func vielfachVon5hoch(_ v: UInt64, _ p: Int) -> Bool {
        var v = v, n = 0
        while v != 0, v % 5 == 0 {
            v /= 5
            n += 1
            if n >= p { return true }
        }
        return n >= p
    }

    @inline(__always) private static func vielfachVon2hoch(_ v: UInt64, _ p: Int) -> Bool {
        v & ((1 << UInt64(p)) &- 1) == 0
    }

    /// ((m × (hi·2^64 + lo)) >> j) for 64 < j < 128.
    @inline(__always)
    private static func mulShift(_ m: UInt64, _ t: UnsafePointer<UInt64>, _ j: Int) -> UInt64 {
        let b0 = m.multipliedFullWidth(by: t[0])
        let b2 = m.multipliedFullWidth(by: t[1])
        let (summeLo, c) = b2.low.addingReportingOverflow(b0.high)
        let summeHi = b2.high &+ (c ? 1 : 0)
        let s = UInt64(j - 64)
        return summeHi &<< (64 &- s) | summeLo &>> s
    }

    // swiftlint:disable:next function_body_length
    private static func ryu(_ ieeeMantisse: UInt64, _ ieeeExponent: Int, _ t: Tabellen) -> (UInt64, Int) {
        let e2: Int, m2: UInt64
        if ieeeExponent == 0 {
            e2 = 1 - 1023 - 52 - 2
            m2 = ieeeMantisse
        } else {
            e2 = ieeeExponent - 1023 - 52 - 2
            m2 = (1 << 52) | ieeeMantisse
        }
        let grenzenZulassen = m2 & 1 == 0
        let mv = 4 * m2
        let mmShift: UInt64 = ieeeMantisse != 0 || ieeeExponent <= 1 ? 1 : 0
        var vr: UInt64, vp: UInt64, vm: UInt64
        let e10: Int
        var vmNullen = false, vrNullen = false
        if e2 >= 0 {
            let q = log10Pow2(e2) - (e2 > 3 ? 1 : 0)
            e10 = q
            let k = 125 + pow5bits(q) - 1
            let i = -e2 + q + k
            (vr, vp, vm) = t.pow5inv.withUnsafeBufferPointer { b in
                let z = b.baseAddress! + 2 * q
                return (mulShift(mv, z, i), mulShift(mv + 2, z, i), mulShift(mv - 1 - mmShift, z, i))
            }
            if q <= 21 {
                if mv % 5 == 0 {
                    vrNullen = vielfachVon5hoch(mv, q)
                } else if grenzenZulassen {
                    vmNullen = vielfachVon5hoch(mv - 1 - mmShift, q)
                } else if vielfachVon5hoch(mv + 2, q) {
                    vp -= 1
                }
            }
        } else {
            let q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0)
            e10 = q + e2
            let i = -e2 - q
            let k = pow5bits(i) - 125
            let j = q - k
            (vr, vp, vm) = t.pow5.withUnsafeBufferPointer { b in
                let z = b.baseAddress! + 2 * i
                return (mulShift(mv, z, j), mulShift(mv + 2, z, j), mulShift(mv - 1 - mmShift, z, j))
            }
            if q <= 1 {
                vrNullen = true
                if grenzenZulassen { vmNullen = mmShift == 1 } else { vp -= 1 }
            } else if q < 63 {
                vrNullen = vielfachVon2hoch(mv, q)
            }
        }
        var entfernt = 0
        var letzte: UInt64 = 0
        let ausgabe: UInt64
        if vmNullen || vrNullen {
            // One digit off vr, vp and vm, noting whether all digits dropped from vr so far were zeros.
            func ziffernAb() {
                vrNullen = vrNullen && letzte == 0
                letzte = vr % 10
                vr /= 10
                vp /= 10
                vm /= 10
                entfernt += 1
            }
            while vp / 10 > vm / 10 {
                vmNullen = vmNullen && vm % 10 == 0
                ziffernAb()
            }
            if vmNullen {
                while vm % 10 == 0 { ziffernAb() }
            }
            if vrNullen, letzte == 5, vr % 2 == 0 { letzte = 4 }  // exactly …50…0: to even
            let hoch = (vr == vm && (!grenzenZulassen || !vmNullen)) || letzte >= 5
            ausgabe = vr + (hoch ? 1 : 0)
        } else {
            var aufrunden = false
            if vp / 100 > vm / 100 {
                aufrunden = vr % 100 >= 50
                vr /= 100
                vp /= 100
                vm /= 100
                entfernt += 2
            }
            while vp / 10 > vm / 10 {
                aufrunden = vr % 10 >= 5
                vr /= 10
                vp /= 10
                vm /= 10
                entfernt += 1
            }
            ausgabe = vr + (vr == vm || aufrunden ? 1 : 0)
        }
        return (ausgabe, e10 + entfernt)
    }
}
