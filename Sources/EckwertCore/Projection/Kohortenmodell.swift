/// Cohort-component population projection, modellformat.md section 4.1 (exact convention).

/// The demographic assumptions of one scenario for `methode: kohorten`.
public struct Kohortenannahmen: Sendable, Hashable {
    public var sterbetafel: Sterbetafel
    public var fruchtbarkeit: Fruchtbarkeit
    /// TFR; the fertility rates are scaled so that their sum equals it. nil → the rates as given (factor 1).
    public var geburtenziffer: Double?
    /// m, a factor on every qx; m·q is capped at 1.
    public var sterblichkeit: Double
    /// Net migration: the step from 31.12.t to 31.12.t+1 uses `wanderungssaldo.wert(t + 1)`.
    public var wanderungssaldo: Zeitpfad
    public var wanderungsprofil: Wanderungsprofil

    public init(
        sterbetafel: Sterbetafel,
        fruchtbarkeit: Fruchtbarkeit,
        geburtenziffer: Double?,
        sterblichkeit: Double,
        wanderungssaldo: Zeitpfad,
        wanderungsprofil: Wanderungsprofil
    ) {
        self.sterbetafel = sterbetafel
        self.fruchtbarkeit = fruchtbarkeit
        self.geburtenziffer = geburtenziffer
        self.sterblichkeit = sterblichkeit
        self.wanderungssaldo = wanderungssaldo
        self.wanderungsprofil = wanderungsprofil
    }
}

/// A cell that would have gone below 0 and was set to 0 (modellformat.md 4.1 step 4).
public struct Klemmung: Sendable, Hashable {
    public var gebiet: String
    public var geschlecht: Geschlecht
    public var alter: Int
    /// The year of the 31.12. population the cell belongs to (t + 1 of the step).
    public var jahr: Int
    /// The negative value before clamping.
    public var wert: Double

    public init(gebiet: String, geschlecht: Geschlecht, alter: Int, jahr: Int, wert: Double) {
        self.gebiet = gebiet
        self.geschlecht = geschlecht
        self.alter = alter
        self.jahr = jahr
        self.wert = wert
    }
}

extension Klemmung {
    /// "Bevölkerung unter 0 auf 0 gesetzt: Gebiet S03, w, Alter 23, Jahr 2027 (Wert −12,4)", without location.
    public var diagnostic: Diagnostic {
        .warning(
            nil,
            "Bevölkerung unter 0 auf 0 gesetzt: Gebiet \(gebiet), \(geschlecht.rawValue), Alter \(alter), Jahr \(jahr) (Wert \(Self.formatiere(wert)))"
        )
    }

    /// German number format with one decimal (more if that would show 0), thousands dots and a real minus sign.
    static func formatiere(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "−∞" : "∞") }
        let betrag = Swift.abs(x)
        var stellen = 1
        var skala = 10.0
        while stellen < 6, betrag > 0, (betrag * skala).rounded() == 0 {
            stellen += 1
            skala *= 10
        }
        let gerundet = (betrag * skala).rounded()
        guard gerundet < 9e15 else { return (x < 0 ? "−" : "") + "\(betrag)" }
        let n = UInt64(gerundet)
        let teiler = UInt64(skala.rounded())
        let ganz = n / teiler
        var bruch = String(n % teiler)
        while bruch.count < stellen { bruch = "0" + bruch }
        var ziffern = Array(String(ganz))
        var ganzText = ""
        while ziffern.count > 3 {
            ganzText = "." + String(ziffern.suffix(3)) + ganzText
            ziffern.removeLast(3)
        }
        ganzText = String(ziffern) + ganzText
        return (x < 0 && n > 0 ? "−" : "") + ganzText + "," + bruch
    }
}

public enum Kohortenmodell {
    /// Share of boys among births.
    public static let jungenanteil = 0.512
    /// Share of girls among births.
    public static let maedchenanteil = 0.488

    /// One step 31.12.(jahr − 1) → 31.12.jahr. `jahr` is the target year t + 1: the net migration is
    /// `annahmen.wanderungssaldo.wert(jahr)` and Klemmungen carry `jahr`.
    /// `gebietsanteile`: each gebiet's share of the total population at 31.12. of the Basisjahr (sum 1),
    /// in the order of `p.gebiete`.
    public static func schritt(
        _ p: Bevoelkerung, nach jahr: Int, annahmen: Kohortenannahmen, gebietsanteile: [Double]
    ) -> (Bevoelkerung, [Klemmung]) {
        let v = Vorberechnung(annahmen)
        var klemmungen: [Klemmung] = []
        let ergebnis = schritt(
            p, nach: jahr, v: v, wanderung: annahmen.wanderungssaldo.wert(jahr),
            gebietsanteile: gebietsanteile, klemmungen: &klemmungen)
        return (ergebnis, klemmungen)
    }

    /// Base population at 31.12.basisjahr → populations at 31.12. of basisjahr+1 ... bis
    /// (array index 0 = basisjahr+1; empty if bis ≤ basisjahr). Gebietsanteile are computed once from `basis`.
    public static func projektion(
        basis: Bevoelkerung, basisjahr: Int, bis: Int, annahmen: Kohortenannahmen
    ) -> (jahre: [Bevoelkerung], klemmungen: [Klemmung]) {
        guard bis > basisjahr else { return ([], []) }
        let v = Vorberechnung(annahmen)
        let anteile = gebietsanteile(basis)
        var jahre: [Bevoelkerung] = []
        jahre.reserveCapacity(bis - basisjahr)
        var klemmungen: [Klemmung] = []
        var p = basis
        for jahr in (basisjahr + 1)...bis {
            p = schritt(
                p, nach: jahr, v: v, wanderung: annahmen.wanderungssaldo.wert(jahr),
                gebietsanteile: anteile, klemmungen: &klemmungen)
            jahre.append(p)
        }
        return (jahre, klemmungen)
    }

    /// Each gebiet's share of the total population; evenly split if the total is 0.
    public static func gebietsanteile(_ p: Bevoelkerung) -> [Double] {
        let n = p.gebiete.count
        guard n > 0 else { return [] }
        let zellen = 2 * Alter.count
        var summen = [Double](repeating: 0, count: n)
        p.werte.withUnsafeBufferPointer { w in
            for g in 0..<n {
                let basis = g * zellen
                var s = 0.0
                for i in 0..<min(zellen, Swift.max(0, w.count - basis)) { s += w[basis + i] }
                summen[g] = s
            }
        }
        var gesamt = 0.0
        for s in summen { gesamt += s }
        if gesamt == 0 { return [Double](repeating: 1 / Double(n), count: n) }
        return summen.map { $0 / gesamt }
    }

    /// Everything that does not change from step to step, flat by sex·101 + age.
    struct Vorberechnung: Sendable {
        /// 1 − min(1, m·q(a)) per sex and age.
        var ueberleben: [Double]
        /// 1 − min(1, m·q(0)) / 2 per sex: survival of the births of the year.
        var ueberlebenGeburt: (w: Double, m: Double)
        /// f'(a) for ages 15...49 (index 0 = age 15); empty if there are no births.
        var raten: [Double]
        /// Migration shares per sex and age.
        var wanderung: [Double]

        init(_ a: Kohortenannahmen) {
            let n = Alter.count
            let m = a.sterblichkeit
            var ueberleben = [Double](repeating: 1, count: 2 * n)
            var wanderung = [Double](repeating: 0, count: 2 * n)
            var geburt: [Double] = [1, 1]
            for s in 0..<2 {
                let qx = s < a.sterbetafel.qx.count ? a.sterbetafel.qx[s] : []
                let anteile = s < a.wanderungsprofil.anteile.count ? a.wanderungsprofil.anteile[s] : []
                for alter in 0..<n {
                    let q = alter < qx.count ? Swift.min(1, m * qx[alter]) : 0
                    ueberleben[s * n + alter] = 1 - q
                    if alter == 0 { geburt[s] = 1 - q / 2 }
                    if alter < anteile.count { wanderung[s * n + alter] = anteile[alter] }
                }
            }
            let f = a.fruchtbarkeit.raten.prefix(Fruchtbarkeit.alter.count)
            var summe = 0.0
            for r in f { summe += r }
            var raten: [Double] = []
            if summe != 0 {
                let faktor = a.geburtenziffer.map { $0 / summe } ?? 1
                raten = f.map { $0 * faktor }
            }
            self.ueberleben = ueberleben
            self.ueberlebenGeburt = (geburt[0], geburt[1])
            self.raten = raten
            self.wanderung = wanderung
        }
    }

    static func schritt(
        _ p: Bevoelkerung, nach jahr: Int, v: Vorberechnung, wanderung saldo: Double,
        gebietsanteile: [Double], klemmungen: inout [Klemmung]
    ) -> Bevoelkerung {
        let n = Alter.count
        let anzahlGebiete = p.gebiete.count
        precondition(p.werte.count == anzahlGebiete * 2 * n, "Bevoelkerung: werte passt nicht zu gebiete")
        precondition(gebietsanteile.count == anzahlGebiete, "Kohortenmodell: ein Gebietsanteil je Gebiet")
        let anzahl = p.werte.count
        var kleinster = 0.0
        var ergebnis = [Double](unsafeUninitializedCapacity: anzahl) { neu, fertig in
            kleinster = p.werte.withUnsafeBufferPointer { alt in
                v.ueberleben.withUnsafeBufferPointer { ue in
                    v.wanderung.withUnsafeBufferPointer { wa in
                        v.raten.withUnsafeBufferPointer { f in
                            zellen(
                                alt: alt, neu: neu, ue: ue, wa: wa, f: f, v: v, saldo: saldo,
                                gebietsanteile: gebietsanteile, anzahlGebiete: anzahlGebiete)
                        }
                    }
                }
            }
            fertig = anzahl
        }
        if kleinster < 0 {
            // Rare: a second pass in storage order (gebiet, sex, age) records and clamps.
            for i in ergebnis.indices where ergebnis[i] < 0 {
                let gs = i / n
                klemmungen.append(
                    Klemmung(
                        gebiet: p.gebiete[gs / 2], geschlecht: gs % 2 == 0 ? .w : .m,
                        alter: i % n, jahr: jahr, wert: ergebnis[i]))
                ergebnis[i] = 0
            }
        }
        return Bevoelkerung(gebiete: p.gebiete, werte: ergebnis)
    }

    /// The cell loop: writes every cell of `neu` (unclamped) and returns the smallest value written (or 0).
    @inline(__always)
    private static func zellen(
        alt: UnsafeBufferPointer<Double>, neu: UnsafeMutableBufferPointer<Double>,
        ue: UnsafeBufferPointer<Double>, wa: UnsafeBufferPointer<Double>, f: UnsafeBufferPointer<Double>,
        v: Vorberechnung, saldo: Double, gebietsanteile: [Double], anzahlGebiete: Int
    ) -> Double {
        let n = Alter.count
        let ersteFrucht = Fruchtbarkeit.alter.lowerBound
        let (jungen, maedchen) = (Kohortenmodell.jungenanteil, Kohortenmodell.maedchenanteil)
        var kleinster = 0.0
        for g in 0..<anzahlGebiete {
            let mg = saldo * gebietsanteile[g]
            // Births from the women at 31.12.t.
            let wBasis = g * 2 * n
            var b = 0.0
            for i in 0..<f.count { b += f[i] * alt[wBasis + ersteFrucht + i] }
            for s in 0..<2 {
                let basis = (g * 2 + s) * n
                let sb = s * n
                // Age 0: births of that sex, half-year mortality.
                let geburten = s == 0 ? maedchen * b * v.ueberlebenGeburt.w : jungen * b * v.ueberlebenGeburt.m
                var x = geburten + mg * wa[sb]
                kleinster = Swift.min(kleinster, x)
                neu[basis] = x
                // Ages 1...99. Two running minima (odd and even ages) instead of one, so that the comparisons
                // do not wait on each other; the smallest value is the same whichever way it is taken.
                var kleinster2 = kleinster
                var a = 1
                while a + 1 < n - 1 {
                    let x1 = alt[basis + a - 1] * ue[sb + a - 1] + mg * wa[sb + a]
                    let x2 = alt[basis + a] * ue[sb + a] + mg * wa[sb + a + 1]
                    kleinster = Swift.min(kleinster, x1)
                    kleinster2 = Swift.min(kleinster2, x2)
                    neu[basis + a] = x1
                    neu[basis + a + 1] = x2
                    a += 2
                }
                while a < n - 1 {
                    x = alt[basis + a - 1] * ue[sb + a - 1] + mg * wa[sb + a]
                    kleinster = Swift.min(kleinster, x)
                    neu[basis + a] = x
                    a += 1
                }
                kleinster = Swift.min(kleinster, kleinster2)
                // 100+.
                x = alt[basis + n - 2] * ue[sb + n - 2] + alt[basis + n - 1] * ue[sb + n - 1] + mg * wa[sb + n - 1]
                kleinster = Swift.min(kleinster, x)
                neu[basis + n - 1] = x
            }
        }
        return kleinster
    }
}
