/// A line scheme (Kontenrahmen) of the Ergebnisplan and Finanzplan, kept as data: which lines exist, which are
/// Ertrag / Aufwand (stored positive), how each sum line is formed and which account groups feed a line. The
/// schemes of several Länder are built in (YAML files under `Ressourcen/kontenrahmen`, see
/// `Kontenrahmen.eingebaut(_:)`); a model may supply its own scheme file in the same YAML form.
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
        /// The line number as printed in the Land's Muster: "15", or "16.1" / "161" for a sub-line.
        public var nr: String
        public var key: String
        public var name: String
        public var art: Art
        public var fortschreibung: Fortschreibung
        /// False for lines without cash flow (Abschreibungen); used to derive the Finanzplan.
        public var zahlungswirksam: Bool
        /// Other keys a model may use for this line (e.g. the Land's own wording); resolved when the model loads.
        public var aliase: [String]
        /// Account-group prefixes (Kontengruppen/-arten of the Land's Kontenrahmen) booked to this line.
        public var kontengruppen: [String]
        /// False when number, name or position of the line could not be checked against the official Muster.
        public var geprueft: Bool
        public var istSumme: Bool { if case .summe = art { true } else { false } }
        public init(
            nr: String, key: String, name: String, art: Art, fortschreibung: Fortschreibung = .keine,
            zahlungswirksam: Bool = true, aliase: [String] = [], kontengruppen: [String] = [],
            geprueft: Bool = true
        ) {
            self.nr = nr; self.key = key; self.name = name; self.art = art
            self.fortschreibung = fortschreibung; self.zahlungswirksam = zahlungswirksam
            self.aliase = aliase; self.kontengruppen = kontengruppen; self.geprueft = geprueft
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
    /// Lines of the internal service relations (Erträge / Aufwendungen aus internen Leistungsbeziehungen), where
    /// the scheme has them.
    public var ilvErtraege: String?
    public var ilvAufwendungen: String?
    /// The Land, and the regulation or Muster the scheme follows (name, version, Anlage).
    public var land: String?
    public var quelle: String?
    /// False when the account groups could not be checked against the Land's published Kontenrahmen.
    public var kontengruppenGeprueft: Bool
    /// Whether the Zuschussbedarf includes the ILV lines (set from modell.yaml `zuschussbedarf: mit_ilv`).
    public var zuschussMitILV = false

    public init(
        id: String, name: String, zeilen: [Zeile], finanzplan: [Zeile], sonderposten: String,
        abschreibungen: String, ertraege: String, aufwendungen: String, ausgleich: String,
        investitionszuwendungen: String? = nil, baumassnahmen: String? = nil,
        einzahlungenVerwaltung: String? = nil, auszahlungenVerwaltung: String? = nil,
        ilvErtraege: String? = nil, ilvAufwendungen: String? = nil, land: String? = nil,
        quelle: String? = nil, kontengruppenGeprueft: Bool = true
    ) {
        self.id = id; self.name = name; self.zeilen = zeilen; self.finanzplan = finanzplan
        self.sonderposten = sonderposten; self.abschreibungen = abschreibungen
        self.ertraege = ertraege; self.aufwendungen = aufwendungen; self.ausgleich = ausgleich
        self.investitionszuwendungen = investitionszuwendungen; self.baumassnahmen = baumassnahmen
        self.einzahlungenVerwaltung = einzahlungenVerwaltung; self.auszahlungenVerwaltung = auszahlungenVerwaltung
        self.ilvErtraege = ilvErtraege; self.ilvAufwendungen = ilvAufwendungen
        self.land = land; self.quelle = quelle; self.kontengruppenGeprueft = kontengruppenGeprueft
    }

    /// The line of a key or alias, Ergebnisplan first.
    public func zeile(_ key: String) -> Zeile? {
        if let z = zeilen.first(where: { $0.key == key }) ?? finanzplan.first(where: { $0.key == key }) { return z }
        guard let k = aliasZiel(key) else { return nil }
        return zeilen.first { $0.key == k } ?? finanzplan.first { $0.key == k }
    }
    /// Index in `zeilen` of an Ergebnisplan key or alias.
    public func index(_ key: String) -> Int? {
        if let i = zeilen.firstIndex(where: { $0.key == key }) { return i }
        guard let k = aliasZiel(key) else { return nil }
        return zeilen.firstIndex { $0.key == k }
    }
    /// Keys of the Ergebnisplan lines that hold amounts (not sums), in print order.
    public var buchungszeilen: [String] { zeilen.filter { !$0.istSumme }.map(\.key) }
    /// True for an Ergebnisplan line (key or alias) that holds amounts.
    public func istBuchungszeile(_ key: String) -> Bool {
        if zeilen.contains(where: { $0.key == key && !$0.istSumme }) { return true }
        guard let k = aliasZiel(key) else { return false }
        return zeilen.contains { $0.key == k && !$0.istSumme }
    }
    /// The key of the line (either plan) that has `alias` among its aliases.
    func aliasZiel(_ alias: String) -> String? {
        (zeilen.first { $0.aliase.contains(alias) } ?? finanzplan.first { $0.aliase.contains(alias) })?.key
    }
    /// Lines (both plans) whose number, name or position is not verified against the official Muster.
    public var ungeprueft: [Zeile] { (zeilen + finanzplan).filter { !$0.geprueft } }
    /// The unverified lines as printed numbers per plan, e.g. "Ergebnisplan 7, 8; Finanzplan 9, 16": the two plans
    /// number their lines independently, so one bare list of numbers would be ambiguous.
    public var ungepruefteNummern: String {
        [("Ergebnisplan", zeilen), ("Finanzplan", finanzplan)].compactMap { name, plan -> String? in
            let nummern = plan.filter { !$0.geprueft }.map(\.nr)
            return nummern.isEmpty ? nil : "\(name) \(nummern.joined(separator: ", "))"
        }.joined(separator: "; ")
    }
    /// True when every line and the account groups are verified.
    public var geprueft: Bool { ungeprueft.isEmpty && kontengruppenGeprueft }
}
