/// One planning model, loaded and validated: everything the projection and the reports read.
/// Immutable once the loader has built it; every array is in a stable order (file order).
public struct Planungsmodell: Sendable {
    /// The folder name, e.g. `musterstadt`; used for report folders.
    public var name: String
    public var kommune: String
    /// Last year with Ist data (B).
    public var basisjahr: Int
    /// The year being budgeted (default B + 2).
    public var haushaltsjahr: Int
    /// Last forecast year (default B + 5).
    public var horizont: Int
    public var kontenrahmen: Kontenrahmen
    public var rundung: Rundung
    public var altersgruppen: [Altersgruppe]
    public var produkte: [Produkt]
    public var produktgruppen: [Gliederung]
    public var produktbereiche: [Gliederung]
    public var budgetbereiche: [Budgetbereich]
    public var kennzahlen: [Kennzahl]
    public var ziele: [Ziel]
    public var massnahmen: [Massnahme]
    public var investitionen: [Investition]
    public var geheimhaltung: Geheimhaltung
    public var strategischeZiele: [StrategischesZiel]
    public var abc: ABCGrenzen
    /// Budget variants for the steuerbare products in the Eckwerte (default −5 % and +5 %).
    public var budgetvarianten: [Double]
    /// Default cost per place for indicative investments that close a capacity gap.
    public var platzkosten: Platzkosten
    /// Allgemeine Deckungsmittel (taxes, Schlüsselzuweisungen) allotted to this budget per year, for the
    /// Haushaltsausgleich check of a Teilhaushalt; nil = none (the check then shows the Zuschussbedarf as deficit).
    public var deckungsmittel: Zeitpfad?
    /// Scenarios with inheritance from `status-quo` already applied; order: best, status-quo, worst, then others
    /// in file order.
    public var szenarien: [Szenario]
    public var bevoelkerung: Bevoelkerung
    public var ist: IstDaten
    public var sterbetafel: Sterbetafel?
    public var fruchtbarkeit: Fruchtbarkeit?
    public var wanderung: Wanderungsprofil?
    public var vorausberechnung: Vorausberechnung?
    public var ansatz: Ansatz?
    public var bevoelkerungHistorie: BevoelkerungHistorie?
    /// Sozialraum names, cases, indicators, Sozialindex, allocations and map (spec section 13); empty without them.
    public var sozialraum = Sozialraumdaten()
    /// SHA-256 over the model's files (names and bytes, in name order): the model's identity in every report.
    public var pruefsumme: String
    /// Reference date for documents (31.12. of the Basisjahr unless `stand:` is given), never the clock.
    public var stand: Datum
    /// Stage of the budget cycle (`stufe:`), printed beside `stand` on every document; nil = not given.
    public var stufe: Planstufe? = nil
    /// The council's frames (`eckwertebeschluss.yaml`), when the model has them.
    public var eckwertebeschluss: Eckwertebeschluss? = nil
    /// In-year Ist (`ist_unterjaehrig.csv`) for controlling, when the model has it.
    public var istUnterjaehrig: IstUnterjaehrig? = nil
    /// The Kämmerei's mittelfristige Ergebnisplanung (`planung.csv`): shown beside the forecast, never mixed in.
    public var planung: Jahreswerte? = nil
    /// One-off amounts contained in the Ist (`sondereffekte.csv`), taken out before the Ist is a base.
    public var sondereffekte: Jahreswerte? = nil
    /// Whether the Zuschussbedarf includes the internal service lines (ILV); default without.
    public var zuschussbedarf: Zuschussdefinition = .ohneILV
    /// Thresholds of the plausibility warnings.
    public var plausibilitaet: Plausibilitaetsgrenzen = Plausibilitaetsgrenzen()

    /// "Entwurf, Stand 31.03.2026" (or "Stand …" without a stufe): the state of the plan on every document.
    public var planstand: String {
        func zwei(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        let datum = "Stand \(zwei(stand.tag)).\(zwei(stand.monat)).\(stand.jahr)"
        return stufe.map { "\($0.bezeichnung), \(datum)" } ?? datum
    }
    /// Forecast years B+1 ... Horizont.
    public var prognosejahre: ClosedRange<Int> { (basisjahr + 1)...horizont }

    public func produkt(_ nr: String) -> Produkt? { produkte.first { $0.nr == nr } }
    public func szenario(_ name: String) -> Szenario? { szenarien.first { $0.name == name } }
    public func kennzahl(_ id: String) -> Kennzahl? { kennzahlen.first { $0.id == id } }

    /// The products a reference covers: the product with that number, or every product of that declared
    /// Produktgruppe / Produktbereich (any level, see `Produktnummerung`).
    public func produkte(unter id: String) -> [Produkt] {
        produkte.filter { Self.umfasst(id, $0) }
    }

    /// Whether a reference (a product number or a declared level) covers the product.
    public static func umfasst(_ id: String, _ p: Produkt) -> Bool { p.nr == id || p.ebenen.contains(id) }

    /// The numbering of this model's declared levels.
    public var nummerung: Produktnummerung {
        Produktnummerung(produktgruppen: produktgruppen.map(\.nr), produktbereiche: produktbereiche.map(\.nr))
    }

    /// The Produktbereich of a Produktgruppe: the one of its products, else the declared Bereich its number
    /// begins with.
    public func bereich(vonGruppe nr: String) -> String? {
        if let p = produkte.first(where: { $0.produktgruppe == nr }) { return p.produktbereich }
        return nummerung.bereich(von: nr)
    }
}

public struct Datum: Sendable, Hashable {
    public var jahr: Int, monat: Int, tag: Int
    public init(jahr: Int, monat: Int, tag: Int) { self.jahr = jahr; self.monat = monat; self.tag = tag }
}

public enum Rundung: String, Sendable, Hashable, CaseIterable {
    case euro
    case tsdEuro = "tsd-euro"
}

public struct Altersgruppe: Sendable, Hashable {
    public var name: String
    public var von: Int
    public var bis: Int
    public init(name: String, von: Int, bis: Int) { self.name = name; self.von = von; self.bis = bis }
}

/// A Produktgruppe or Produktbereich: a number prefix and its name.
public struct Gliederung: Sendable, Hashable {
    public var nr: String
    public var name: String
    public init(nr: String, name: String) { self.nr = nr; self.name = name }
}

public enum Produktart: String, Sendable, Hashable {
    /// gesetzlich, fremdbestimmt
    case pflicht
    /// steuerbar
    case freiwillig
}

public struct Produkt: Sendable {
    public var nr: String
    public var name: String
    public var verantwortlich: String?
    public var gremium: String?
    public var zielgruppe: String?
    public var beschreibung: String?
    public var art: Produktart
    public var fallzahl: Fallzahl?
    public var fallkosten: Fallkosten?
    public var erstattung: Erstattung?
    public var kapazitaet: Kapazitaet?
    /// Score 0...3 per strategic goal id.
    public var wirkungsbeitrag: [String: Int]
    public var ort: SourceLocation?
    /// The base of the lines without a driver as written (`basis:`); nil = not given: `ist`, or `ansatz` for a
    /// product without any Ist in the Basisjahr but with an Ansatz.
    public var basis: Planbasis?
    /// Fortschreibung per line, overriding the scheme's default.
    public var fortschreibung: [String: Fortschreibungsart] = [:]
    /// Former numbers of this product whose Ist it continues (a renumbered or merged product).
    public var vorgaenger: [String] = []
    /// The product's Produktgruppe and Produktbereich (written on the product or by the prefix rule of
    /// `Produktnummerung`), nil when none is declared.
    public var produktgruppe: String?
    public var produktbereich: String?
    /// Whether `produktgruppe:` / `produktbereich:` were written on the product (they win over the prefix rule).
    public var produktgruppeAngegeben = false
    public var produktbereichAngegeben = false
    /// Every declared level the product lies under: a reference to any of them covers the product.
    public var ebenen: Set<String> = []

    public init(nr: String, name: String, art: Produktart) {
        self.nr = nr
        self.name = name
        self.art = art
        self.wirkungsbeitrag = [:]
    }
}

/// The base of a product's lines without a driver (modellformat.md section 15).
public enum Planbasis: String, Sendable, Hashable {
    /// The Ist of the Basisjahr (after Sondereffekte).
    case ist
    /// The Ansatz in each year that has one; from the last such year on its Fortschreibung.
    case ansatz
}

/// How a line without a driver is carried forward: the scheme's three kinds, or the line's own Ist trend.
public enum Fortschreibungsart: String, Sendable, Hashable {
    case tarif, sachkosten, keine
    /// The geometric mean yearly growth of the line's Ist (after Sondereffekte) over up to five years.
    case trend

    public init(_ f: Kontenrahmen.Fortschreibung) {
        switch f {
        case .tarif: self = .tarif
        case .sachkosten: self = .sachkosten
        case .keine: self = .keine
        }
    }
}

/// What the Zuschussbedarf includes (modell.yaml `zuschussbedarf`).
public enum Zuschussdefinition: String, Sendable, Hashable {
    /// ordentliche Aufwendungen − ordentliche Erträge (the default).
    case ohneILV = "ohne_ilv"
    /// plus Aufwendungen − Erträge aus internen Leistungsbeziehungen.
    case mitILV = "mit_ilv"
}

/// Thresholds of the plausibility warnings (modell.yaml `plausibilitaet`).
public struct Plausibilitaetsgrenzen: Sendable, Hashable {
    /// Largest relative difference of the forecast for Basisjahr + 1 from its Ansatz without a warning.
    public var abweichung: Double
    public init(abweichung: Double = 0.10) { self.abweichung = abweichung }
}

/// The population a caseload refers to.
public struct Bezug: Sendable, Hashable {
    public var von: Int
    public var bis: Int
    /// The Altersgruppe name when the model used one.
    public var gruppe: String?
    public var geschlecht: Geschlecht?
    public var gebiet: String?
    public init(von: Int, bis: Int, gruppe: String? = nil, geschlecht: Geschlecht? = nil, gebiet: String? = nil) {
        self.von = von; self.bis = bis; self.gruppe = gruppe; self.geschlecht = geschlecht; self.gebiet = gebiet
    }
}

public enum Quote: Sendable, Hashable {
    /// r(B) = faelle_B / R(B), then the scenario's quote_trend.
    case ist
    /// Per 1.000 of the reference population; constant or a path (policy: no trend applies).
    case je1000(Zeitpfad)
}

public struct Fallzahl: Sendable, Hashable {
    public var bezug: Bezug
    public var quote: Quote
    /// Smoothing of the small-area rates where the product has cases per Sozialraum (spec section 13).
    public var glaettung: Glaettung
    public init(bezug: Bezug, quote: Quote, glaettung: Glaettung = .auto) {
        self.bezug = bezug; self.quote = quote; self.glaettung = glaettung
    }
}

public enum Fallkostenbasis: Sendable, Hashable {
    case ist
    case betrag(Double)
}

public struct Fallkosten: Sendable, Hashable {
    public var basis: Fallkostenbasis
    public var konto: String
    public var personalanteil: Double
    public init(basis: Fallkostenbasis, konto: String, personalanteil: Double) {
        self.basis = basis; self.konto = konto; self.personalanteil = personalanteil
    }
}

public struct Erstattung: Sendable, Hashable {
    public var anteil: Double
    public var konto: String
    public init(anteil: Double, konto: String) { self.anteil = anteil; self.konto = konto }
}

public struct Kapazitaet: Sendable, Hashable {
    /// Places in the whole city, or per Sozialraum (gebiet id → places).
    public var plaetze: Double
    public var plaetzeJeGebiet: [String: Double]?
    /// Cost per place for an indicative new build / extension; nil → model default (`platzkosten`).
    public var kostenJePlatz: Double?
    /// Yearly running cost per added place (Folgekosten) of an indicative investment; nil → none estimated.
    public var folgekostenJePlatz: Double?
    public init(
        plaetze: Double, plaetzeJeGebiet: [String: Double]? = nil, kostenJePlatz: Double? = nil,
        folgekostenJePlatz: Double? = nil
    ) {
        self.plaetze = plaetze; self.plaetzeJeGebiet = plaetzeJeGebiet
        self.kostenJePlatz = kostenJePlatz; self.folgekostenJePlatz = folgekostenJePlatz
    }
}

/// DJI 2017 defaults: 36.000 € per place new build, 18.000 € extension.
public struct Platzkosten: Sendable, Hashable {
    public var neubau: Double
    public var erweiterung: Double
    public init(neubau: Double = 36_000, erweiterung: Double = 18_000) {
        self.neubau = neubau; self.erweiterung = erweiterung
    }
}

public struct Budgetbereich: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Produkt numbers or prefixes.
    public var produkte: [String]
    public init(id: String, name: String, produkte: [String]) {
        self.id = id; self.name = name; self.produkte = produkte
    }
}

public enum Richtung: String, Sendable, Hashable {
    case sinkend, steigend
}

public struct Kennzahl: Sendable {
    public var id: String
    public var name: String
    public var einheit: String?
    public var formel: String
    public var ausdruck: Ausdruck
    public var richtung: Richtung?
    public var quelle: String?
    public var ort: SourceLocation?
    public init(
        id: String, name: String, einheit: String?, formel: String, ausdruck: Ausdruck,
        richtung: Richtung?, quelle: String?
    ) {
        self.id = id; self.name = name; self.einheit = einheit; self.formel = formel; self.ausdruck = ausdruck
        self.richtung = richtung; self.quelle = quelle
    }
}

public enum Zielfeld: String, Sendable, Hashable, CaseIterable {
    case wirkung, leistung, prozess, ressourcen
    public var bezeichnung: String {
        switch self {
        case .wirkung: "Wirkung"
        case .leistung: "Leistung"
        case .prozess: "Prozess/Struktur"
        case .ressourcen: "Ressourcen"
        }
    }
}

public enum Zielwert: Sendable, Hashable {
    /// Relative change against the Basisjahr value (−0.10 = 10 % lower).
    case relativ(Double)
    case absolut(Double)
}

/// The level a Ziel is set on: a product, or (the Eckwertebeschluss's aggregate targets) a Produktgruppe or a
/// Budgetbereich.
public enum Zielebene: String, Sendable, Hashable, CaseIterable {
    case produkt, produktgruppe, budgetbereich
    public var bezeichnung: String {
        switch self {
        case .produkt: "Produkt"
        case .produktgruppe: "Produktgruppe"
        case .budgetbereich: "Budgetbereich"
        }
    }
}

public struct Ziel: Sendable {
    public var id: String
    /// The unit the Ziel belongs to: a Produkt number, a Produktgruppe number or a Budgetbereich id (see `ebene`).
    public var produkt: String
    public var ebene: Zielebene = .produkt
    /// The higher Ziel (a Ziel id) or strategisches Ziel (its id) this Ziel serves; nil = a root of the tree.
    public var oberziel: String?
    /// Zwischenziele: target values of years before `bis` (from a `zielwert` path).
    public var zwischenziele: [Int: Zielwert] = [:]
    public var zielfeld: Zielfeld
    public var text: String
    public var kennzahl: String?
    public var zielwert: Zielwert?
    public var bis: Int?
    public var verantwortlich: String?
    /// Optional: the measure meant to reach it (an extension: modellformat.md section 9, A).
    public var massnahme: String?
    /// Optional: the Sozialraum the Ziel is about (its Kennzahl then usually names the same gebiet).
    public var gebiet: String?
    public var ort: SourceLocation?
    public init(id: String, produkt: String, zielfeld: Zielfeld, text: String) {
        self.id = id; self.produkt = produkt; self.zielfeld = zielfeld; self.text = text
    }
}

public struct Massnahme: Sendable, Hashable {
    public struct Kosten: Sendable, Hashable {
        public var ab: Int
        public var jaehrlich: Double
        public var konto: String
        public init(ab: Int, jaehrlich: Double, konto: String) {
            self.ab = ab; self.jaehrlich = jaehrlich; self.konto = konto
        }
    }
    public struct Wirkung: Sendable, Hashable {
        public var produkt: String
        public var quote: Double
        public var ab: Int
        public var rampe: Int
        public init(produkt: String, quote: Double, ab: Int, rampe: Int) {
            self.produkt = produkt; self.quote = quote; self.ab = ab; self.rampe = rampe
        }
        /// `1 + quote · min(1, (t − ab + 1) / rampe)` for t ≥ ab, else 1 (modellformat.md section 6).
        public func faktor(_ jahr: Int) -> Double { Self.faktor(quote: quote, ab: ab, rampe: rampe, jahr: jahr) }
        /// The ramp formula itself, on plain values (the lean Monte-Carlo engine calls it in its draw loop).
        @inline(__always)
        static func faktor(quote: Double, ab: Int, rampe: Int, jahr: Int) -> Double {
            guard jahr >= ab else { return 1 }
            return 1 + quote * min(1, Double(jahr - ab + 1) / Double(max(rampe, 1)))
        }
    }
    public var id: String
    public var name: String
    public var produkt: String
    public var kosten: Kosten
    public var wirkung: [Wirkung]
    public init(id: String, name: String, produkt: String, kosten: Kosten, wirkung: [Wirkung]) {
        self.id = id; self.name = name; self.produkt = produkt; self.kosten = kosten; self.wirkung = wirkung
    }
}

public struct Investition: Sendable, Hashable {
    public struct Foerderung: Sendable, Hashable {
        public var programm: String
        public var quote: Double
        public init(programm: String, quote: Double) { self.programm = programm; self.quote = quote }
    }
    public struct Folgekosten: Sendable, Hashable {
        public var jaehrlich: Double
        public var konto: String
        public init(jaehrlich: Double, konto: String) { self.jaehrlich = jaehrlich; self.konto = konto }
    }
    public var id: String
    public var name: String
    public var produkt: String
    public var auszahlungen: [Int: Double]
    public var foerderung: Foerderung?
    public var nutzungsdauer: Int
    /// Year of Inbetriebnahme; `monat` 1...12 (1 = full first year).
    public var inbetriebnahmeJahr: Int
    public var inbetriebnahmeMonat: Int
    public var folgekosten: Folgekosten?
    public var plaetze: Double?
    /// The Sozialraum the places serve (optional).
    public var gebiet: String?
    public init(
        id: String, name: String, produkt: String, auszahlungen: [Int: Double], foerderung: Foerderung?,
        nutzungsdauer: Int, inbetriebnahmeJahr: Int, inbetriebnahmeMonat: Int = 1,
        folgekosten: Folgekosten?, plaetze: Double?, gebiet: String? = nil
    ) {
        self.id = id; self.name = name; self.produkt = produkt; self.auszahlungen = auszahlungen
        self.foerderung = foerderung; self.nutzungsdauer = nutzungsdauer
        self.inbetriebnahmeJahr = inbetriebnahmeJahr; self.inbetriebnahmeMonat = inbetriebnahmeMonat
        self.folgekosten = folgekosten; self.plaetze = plaetze; self.gebiet = gebiet
    }
}

public struct Geheimhaltung: Sendable, Hashable {
    public var mindestfallzahl: Int
    public init(mindestfallzahl: Int = 3) { self.mindestfallzahl = mindestfallzahl }
}

public struct StrategischesZiel: Sendable, Hashable {
    public var id: String
    public var name: String
    public var gewicht: Double
    public init(id: String, name: String, gewicht: Double) { self.id = id; self.name = name; self.gewicht = gewicht }
}

public struct ABCGrenzen: Sendable, Hashable {
    public var a: Double
    public var b: Double
    public init(a: Double = 0.8, b: Double = 0.95) { self.a = a; self.b = b }
}

// MARK: - Scenarios

public enum Bevoelkerungsmethode: String, Sendable, Hashable {
    case kohorten
    case vorausberechnung
}

public struct Szenario: Sendable {
    public struct Bevoelkerungsannahmen: Sendable, Hashable {
        public var methode: Bevoelkerungsmethode
        public var variante: String?
        /// TFR; nil → fruchtbarkeit.csv as given (its own sum).
        public var geburtenziffer: Double?
        public var sterblichkeit: Double
        public var wanderungssaldo: Zeitpfad
        public init(
            methode: Bevoelkerungsmethode, variante: String? = nil, geburtenziffer: Double? = nil,
            sterblichkeit: Double = 1, wanderungssaldo: Zeitpfad = Zeitpfad(konstant: 0)
        ) {
            self.methode = methode; self.variante = variante; self.geburtenziffer = geburtenziffer
            self.sterblichkeit = sterblichkeit; self.wanderungssaldo = wanderungssaldo
        }
    }
    public struct Preise: Sendable, Hashable {
        /// Yearly wage growth (TVöD).
        public var tarif: Zeitpfad
        /// Yearly price growth.
        public var sachkosten: Zeitpfad
        public init(tarif: Zeitpfad = Zeitpfad(konstant: 0), sachkosten: Zeitpfad = Zeitpfad(konstant: 0)) {
            self.tarif = tarif; self.sachkosten = sachkosten
        }
    }
    /// Per-product assumptions of a scenario.
    public struct ProduktAnnahmen: Sendable, Hashable {
        /// Yearly relative change of the rate (only with `quote: ist`).
        public var quoteTrend: Double?
        /// Overrides the product's Erstattung share.
        public var erstattungAnteil: Double?
        /// Yearly real change of the cost per case, on top of wage and price growth (extension).
        public var fallkostenTrend: Double?
        public init(quoteTrend: Double? = nil, erstattungAnteil: Double? = nil, fallkostenTrend: Double? = nil) {
            self.quoteTrend = quoteTrend; self.erstattungAnteil = erstattungAnteil;
            self.fallkostenTrend = fallkostenTrend
        }
    }
    public var name: String
    public var beschreibung: String?
    public var bevoelkerung: Bevoelkerungsannahmen
    public var preise: Preise
    public var produkte: [String: ProduktAnnahmen]
    /// Ids of the measures active in this scenario.
    public var massnahmen: [String]
    public var ort: SourceLocation?
    /// Where this scenario itself writes a product override (inherited overrides are not listed).
    public var eigeneProduktOrte: [String: SourceLocation] = [:]
    public init(
        name: String, beschreibung: String?, bevoelkerung: Bevoelkerungsannahmen, preise: Preise,
        produkte: [String: ProduktAnnahmen], massnahmen: [String]
    ) {
        self.name = name; self.beschreibung = beschreibung; self.bevoelkerung = bevoelkerung; self.preise = preise
        self.produkte = produkte; self.massnahmen = massnahmen
    }
}
