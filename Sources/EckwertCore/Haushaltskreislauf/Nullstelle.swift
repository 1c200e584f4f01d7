/// Root finding on a monotone (or at least bracketing) function of one lever, for the inverse planning.
public enum Nullstelle {
    public enum Ergebnis: Sendable, Equatable {
        /// f(x) is within the tolerance of 0.
        case gefunden(x: Double, fx: Double)
        /// f does not change sign on the interval: the best value the lever can reach (smallest |f|), and f there.
        case nichtErreichbar(bestesX: Double, fx: Double)
        /// f is the same at both ends: the lever does not move the target.
        case wirkungslos(fx: Double)
    }

    /// Finds x in [a, b] with |f(x)| ≤ ftol, by bracketing and regula falsi with the Illinois modification (which
    /// keeps the bracket and converges superlinearly), falling back to bisection; stops when the bracket is narrower
    /// than `xtol`: then the end with the smaller |f| counts as found when f is within 1000 × ftol of 0 (a
    /// continuous f), else the target jumps there and cannot be met exactly (`nichtErreichbar`).
    public static func suchen(
        von a0: Double, bis b0: Double, ftol: Double, xtol: Double = 1e-12,
        maxSchritte: Int = 200, _ f: (Double) -> Double
    ) -> Ergebnis {
        var a = a0, b = b0
        var fa = f(a), fb = f(b)
        // An end where the target is n. v. (a ratio whose divisor the lever drives to zero at the edge of the range)
        // moves inward to the nearest point where the target is defined: the lever acts inside the range and must be
        // searched there, not reported as without effect.
        if !fa.isFinite && fb.isFinite { (a, fa) = definiert(von: a, richtung: b, fb, f) }
        if !fb.isFinite && fa.isFinite { (b, fb) = definiert(von: b, richtung: a, fa, f) }
        if abs(fa) <= ftol { return .gefunden(x: a, fx: fa) }
        if abs(fb) <= ftol { return .gefunden(x: b, fx: fb) }
        if !fa.isFinite || !fb.isFinite { return .wirkungslos(fx: fa.isFinite ? fa : fb) }
        // A target that is n. v. inside the range (division by zero) stops the search at the last finite value.
        if abs(fa - fb) <= ftol * 1e-3 && fa.sign == fb.sign { return .wirkungslos(fx: fa) }
        guard fa.sign != fb.sign else {
            return abs(fa) <= abs(fb) ? .nichtErreichbar(bestesX: a, fx: fa) : .nichtErreichbar(bestesX: b, fx: fb)
        }
        var seite = 0
        for schritt in 0..<maxSchritte {
            // Every fourth step a bisection step, so that a badly curved function still shrinks the bracket.
            var x = schritt % 4 == 3 ? (a + b) / 2 : (a * fb - b * fa) / (fb - fa)
            if !x.isFinite || x <= min(a, b) || x >= max(a, b) { x = (a + b) / 2 }
            let fx = f(x)
            guard fx.isFinite else { break }
            if abs(fx) <= ftol { return .gefunden(x: x, fx: fx) }
            if fx.sign == fb.sign {
                b = x; fb = fx
                if seite == -1 { fa /= 2 }
                seite = -1
            } else {
                a = x; fa = fx
                if seite == 1 { fb /= 2 }
                seite = 1
            }
            if abs(b - a) <= xtol { break }
        }
        let (ga, gb) = (f(a), f(b))
        let (x, fx) = abs(ga) <= abs(gb) || gb.isNaN ? (a, ga) : (b, gb)
        return abs(fx) <= 1000 * ftol ? .gefunden(x: x, fx: fx) : .nichtErreichbar(bestesX: x, fx: fx)
    }

    /// The point nearest to x where f is finite, found by bisection between x (f not finite) and `ziel` (f finite)
    /// down to 2⁻⁴⁰ of their distance, with f there.
    static func definiert(
        von x: Double, richtung ziel: Double, _ fZiel: Double, _ f: (Double) -> Double
    ) -> (Double, Double) {
        var aussen = x, innen = ziel, fInnen = fZiel
        for _ in 0..<40 {
            let p = (aussen + innen) / 2
            let fp = f(p)
            if fp.isFinite { (innen, fInnen) = (p, fp) } else { aussen = p }
        }
        return (innen, fInnen)
    }
}
