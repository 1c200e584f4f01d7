/// A line scheme (Kontenrahmen) of the Ergebnisplan and Finanzplan, kept as data: which lines exist, which are
/// Ertrag / Aufwand (stored positive) and how each sum line is formed. The NKF scheme is built in
/// (`Kontenrahmen.nkfQuelltext`); a model may supply its own scheme file in the same YAML form.
public struct Kontenrahmen: Sendable {
    public enum Art: Sendable, Hashable {
        case ertrag
        case aufwand
        /// Signed sum of other lines of the same plan, in the scheme's order.
        case summe([Summand])
    }

    public struct Summand: Sendable, Hashable {
        public var vorzeichen: Double
        public var key: String
        public init(vorzeichen: Double, key: String) { self.vorzeichen = vorzeichen; self.key = key }
    }

    /// How a line is carried forward from the Basisjahr when no driver writes it (modellformat.md section 5).
    public enum Fortschreibung: String, Sendable, Hashable {
        case tarif, sachkosten, keine
    }

    public struct Zeile: Sendable, Hashable {
        public var nr: Int
        public var key: String
        public var name: String
        public var art: Art
        public var fortschreibung: Fortschreibung
        /// False for lines without cash flow (Abschreibungen); used to derive the Finanzplan.
        public var zahlungswirksam: Bool
        public var istSumme: Bool { if case .summe = art { true } else { false } }
        public init(nr: Int, key: String, name: String, art: Art, fortschreibung: Fortschreibung = .keine,
                    zahlungswirksam: Bool = true) {
            self.nr = nr; self.key = key; self.name = name; self.art = art
            self.fortschreibung = fortschreibung; self.zahlungswirksam = zahlungswirksam
        }
    }

    public var id: String
    public var name: String
    /// Ergebnisplan lines in print order.
    public var zeilen: [Zeile]
    /// Finanzplan lines in print order (may be empty for a scheme that defines none).
    public var finanzplan: [Zeile]
    /// Line for the Auflösung von Sonderposten (NKF: zuwendungen_umlagen).
    public var sonderposten: String
    /// Line for bilanzielle Abschreibungen.
    public var abschreibungen: String
    /// Sum lines that define the Zuschussbedarf (net cost) = aufwendungen − ertraege.
    public var ertraege: String
    public var aufwendungen: String
    /// The line whose balance decides the Haushaltsausgleich (NKF: ordentliches_ergebnis).
    public var ausgleich: String
    /// Finanzplan keys for investments (empty when the scheme has no Finanzplan).
    public var investitionszuwendungen: String?
    public var baumassnahmen: String?
    /// Finanzplan keys that receive the zahlungswirksame Ertrag / Aufwand lines of the Ergebnisplan (Ein- and
    /// Auszahlungen aus laufender Verwaltungstätigkeit); nil when the scheme derives no Finanzplan.
    public var einzahlungenVerwaltung: String?
    public var auszahlungenVerwaltung: String?
    /// Buchungszeilen of the internal service relations (ILV); nil when the scheme has none.
    public var ilvErtraege: String?
    public var ilvAufwendungen: String?
    /// Whether the Zuschussbedarf includes the ILV lines (set from modell.yaml `zuschussbedarf: mit_ilv`).
    public var zuschussMitILV = false

    public init(id: String, name: String, zeilen: [Zeile], finanzplan: [Zeile], sonderposten: String,
                abschreibungen: String, ertraege: String, aufwendungen: String, ausgleich: String,
                investitionszuwendungen: String? = nil, baumassnahmen: String? = nil,
                einzahlungenVerwaltung: String? = nil, auszahlungenVerwaltung: String? = nil) {
        self.id = id; self.name = name; self.zeilen = zeilen; self.finanzplan = finanzplan
        self.sonderposten = sonderposten; self.abschreibungen = abschreibungen
        self.ertraege = ertraege; self.aufwendungen = aufwendungen; self.ausgleich = ausgleich
        self.investitionszuwendungen = investitionszuwendungen; self.baumassnahmen = baumassnahmen
        self.einzahlungenVerwaltung = einzahlungenVerwaltung; self.auszahlungenVerwaltung = auszahlungenVerwaltung
    }

    public func zeile(_ key: String) -> Zeile? { zeilen.first { $0.key == key } ?? finanzplan.first { $0.key == key } }
    public func index(_ key: String) -> Int? { zeilen.firstIndex { $0.key == key } }
    /// Keys of the Ergebnisplan lines that hold amounts (not sums).
    public var buchungszeilen: [String] { zeilen.filter { !$0.istSumme }.map(\.key) }
    public func istBuchungszeile(_ key: String) -> Bool { zeilen.contains { $0.key == key && !$0.istSumme } }
}
