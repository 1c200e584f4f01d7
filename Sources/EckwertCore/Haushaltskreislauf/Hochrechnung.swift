/// The Hochrechnung of an in-year figure to the year end (spec section 14, Controlling).
public enum Hochrechnung {
    /// How a figure was projected to the year end.
    public enum Methode: Sendable, Hashable {
        /// `HR = kum(m) / share(m)`, `share(m) = Σ_y kum_y(m) / Σ_y jahr_y` over the earlier years `jahre`.
        case saisonal(jahre: [Int], anteil: Double)
        /// `HR = kum(m) · 12 / m`.
        case linear
        /// Cases: the mean of the monthly counts so far.
        case mittelwert(monate: Int)
    }

    public struct Ergebnis: Sendable, Hashable {
        public var wert: Double
        public var methode: Methode
        /// Why the seasonal method could not be used although earlier years were given (German), else nil.
        public var hinweis: String?
    }

    /// One earlier year: the cumulative figure at month m and the year's Ist.
    public struct Vorjahr: Sendable, Hashable {
        public var jahr: Int
        public var kumuliert: Double
        public var jahreswert: Double
        public init(jahr: Int, kumuliert: Double, jahreswert: Double) {
            self.jahr = jahr; self.kumuliert = kumuliert; self.jahreswert = jahreswert
        }
    }

    /// The year-end projection of a cumulative amount `kumuliert` at month `monat` (1…12), from the earlier years
    /// that have both figures. Without such years, or where their year total (or their month-m total) is 0, the
    /// projection is linear; the latter with a note.
    public static func betrag(kumuliert: Double, monat: Int, vorjahre: [Vorjahr]) -> Ergebnis {
        let m = max(1, min(12, monat))
        let linear = kumuliert * 12 / Double(m)
        guard !vorjahre.isEmpty else { return Ergebnis(wert: linear, methode: .linear, hinweis: nil) }
        let jahre = vorjahre.map(\.jahr).sorted()
        let summeJahr = vorjahre.reduce(0) { $0 + $1.jahreswert }
        let summeKum = vorjahre.reduce(0) { $0 + $1.kumuliert }
        let liste = jahre.map(String.init).joined(separator: ", ")
        guard summeJahr != 0 else {
            return Ergebnis(
                wert: linear, methode: .linear,
                hinweis: "Jahressumme der Vorjahre (\(liste)) ist 0 – linear hochgerechnet (× 12 / \(m))")
        }
        let anteil = summeKum / summeJahr
        guard anteil > 0, anteil.isFinite else {
            return Ergebnis(
                wert: linear, methode: .linear,
                hinweis: "Vorjahre (\(liste)) bis Monat \(m) ohne Buchungen oder mit anderem Vorzeichen – "
                    + "linear hochgerechnet (× 12 / \(m))")
        }
        return Ergebnis(wert: kumuliert / anteil, methode: .saisonal(jahre: jahre, anteil: anteil), hinweis: nil)
    }

    /// Cases: the mean of the monthly counts given so far (months 1…m that have a count); nil without any.
    public static func faelle(_ monatswerte: [Double]) -> Ergebnis? {
        guard !monatswerte.isEmpty else { return nil }
        return Ergebnis(
            wert: monatswerte.reduce(0, +) / Double(monatswerte.count),
            methode: .mittelwert(monate: monatswerte.count), hinweis: nil)
    }
}
