/// The stage of the budget cycle a model's figures belong to (`stufe:` in modell.yaml); every document prints it
/// beside `stand`, so that a printed page says which state of the plan it shows.
public enum Planstufe: String, Sendable, Hashable, CaseIterable {
    case anmeldung, eckwertebeschluss, entwurf, beschluss, nachtrag

    public var bezeichnung: String {
        switch self {
        case .anmeldung: "Anmeldung"
        case .eckwertebeschluss: "Eckwertebeschluss"
        case .entwurf: "Entwurf"
        case .beschluss: "Beschluss"
        case .nachtrag: "Nachtrag"
        }
    }
}

/// The council's Eckwertebeschluss (`eckwertebeschluss.yaml`): the Zuschussbedarf frame per Budgetbereich and year.
public struct Eckwertebeschluss: Sendable {
    /// Budgetbereich id → year → frame (Zuschussbedarf in EUR).
    public var rahmen: [String: [Int: Double]]
    /// Optional free text naming the decision (date, Drucksache), shown on the Deckblatt.
    public var beschluss: String?
    public init(rahmen: [String: [Int: Double]], beschluss: String? = nil) {
        self.rahmen = rahmen; self.beschluss = beschluss
    }

    public func rahmen(_ budgetbereich: String, _ jahr: Int) -> Double? { rahmen[budgetbereich]?[jahr] }
}

/// One key of `ist_unterjaehrig.csv`.
public struct UnterjaehrigSchluessel: Sendable, Hashable {
    public var jahr: Int
    public var monat: Int
    public var produkt: String
    public var groesse: String
    public init(jahr: Int, monat: Int, produkt: String, groesse: String) {
        self.jahr = jahr; self.monat = monat; self.produkt = produkt; self.groesse = groesse
    }
}

/// In-year Ist (`ist_unterjaehrig.csv`): amounts cumulative from January to the month, `faelle` the month's count.
public struct IstUnterjaehrig: Sendable {
    public var werte: [UnterjaehrigSchluessel: Double]
    /// Line of each row (for messages).
    public var zeilen: [UnterjaehrigSchluessel: Int]
    public init(werte: [UnterjaehrigSchluessel: Double] = [:], zeilen: [UnterjaehrigSchluessel: Int] = [:]) {
        self.werte = werte; self.zeilen = zeilen
    }

    public func wert(_ jahr: Int, _ monat: Int, _ produkt: String, _ groesse: String) -> Double? {
        werte[UnterjaehrigSchluessel(jahr: jahr, monat: monat, produkt: produkt, groesse: groesse)]
    }

    /// Years in the file, ascending.
    public var jahre: [Int] { Array(Set(werte.keys.map(\.jahr))).sorted() }

    /// The last month with any figure in `jahr`.
    public func letzterMonat(_ jahr: Int) -> Int? { werte.keys.filter { $0.jahr == jahr }.map(\.monat).max() }

    /// Products with figures in `jahr`, and their größen.
    public func groessen(_ jahr: Int) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for k in werte.keys where k.jahr == jahr { out[k.produkt, default: []].insert(k.groesse) }
        return out
    }
}
