/// What a model says about its Sozialräume beyond the population: names, cases from the Fachverfahren,
/// context indicators, the Sozialindex, allocations and the map. Everything optional; an empty value means
/// the model plans city-wide only.
public struct Sozialraumdaten: Sendable {
    /// `gebiete.csv`: gebiet id → name (and further columns, e.g. `stadtbezirk`), in file order.
    public var namen: [Gebietsname] = []
    /// `faelle_gebiete.csv`: cases per (jahr, gebiet, produkt).
    public var faelle: [GebietsfallSchluessel: Double] = [:] { didSet { faelleStand &+= 1 } }
    /// Counts the changes of `faelle`, so that a raster built from them is used only while they are unchanged.
    private(set) var faelleStand = 0
    /// The loader's raster of `faelle` (built for its checks) and the `faelleStand` it was built at.
    private var raster: (werte: Gebietsfallraster, stand: Int)?
    /// `indikatoren:` of modell.yaml, in file order.
    public var indikatoren: [Indikator] = []
    /// `indikatoren.csv`: value per (jahr, gebiet, indikator).
    public var indikatorwerte: [IndikatorSchluessel: Double] = [:]
    /// `sozialindex:` of modell.yaml.
    public var sozialindex: Sozialindexangabe?
    /// `verteilungen:` of modell.yaml.
    public var verteilungen: [Verteilung] = []
    /// The polygons of `karte:` (read from the GeoJSON file of the model folder).
    public var karte: Karte?
    /// The file name of `karte:` (for messages and documents).
    public var kartendatei: String?
    /// The line of each value in `faelle_gebiete.csv` / `indikatoren.csv` (for the loader's messages).
    var faelleZeilen: [GebietsfallSchluessel: Int] = [:]
    var indikatorZeilen: [IndikatorSchluessel: Int] = [:]

    public init() {}

    /// Keeps `raster`, built from `faelle` as they were at `stand`, if they have not changed since.
    mutating func rasterUebernehmen(_ raster: Gebietsfallraster, stand: Int) {
        if stand == faelleStand { self.raster = (raster, stand) }
    }

    /// The raster of `faelle` on the Sozialräume `gebiete` (in this order), while the loader's is still that of
    /// the cases and Sozialräume as they are now; nil otherwise (the caller reads `faelle` itself).
    func faelleraster(gebiete: [String]) -> Gebietsfallraster? {
        guard let r = raster, r.stand == faelleStand, r.werte.gebiete == gebiete else { return nil }
        return r.werte
    }

    /// The name of a Sozialraum, or its id where `gebiete.csv` does not name it.
    public func name(_ gebiet: String) -> String { namen.first { $0.gebiet == gebiet }?.name ?? gebiet }

    /// Products with Sozialraum cases (in any year).
    public var produkteMitFaellen: Set<String> { Set(faelle.keys.map(\.produkt)) }

    public func faelle(_ jahr: Int, _ gebiet: String, _ produkt: String) -> Double? {
        faelle[GebietsfallSchluessel(jahr: jahr, gebiet: gebiet, produkt: produkt)]
    }

    public func indikator(_ jahr: Int, _ gebiet: String, _ id: String) -> Double? {
        indikatorwerte[IndikatorSchluessel(jahr: jahr, gebiet: gebiet, indikator: id)]
    }

    /// Years with values of an indicator, ascending.
    public func jahre(indikator id: String) -> [Int] {
        Array(Set(indikatorwerte.keys.filter { $0.indikator == id }.map(\.jahr))).sorted()
    }
}

public struct Gebietsname: Sendable, Hashable {
    public var gebiet: String
    public var name: String
    /// Further columns of `gebiete.csv` (column name → value), e.g. `stadtbezirk`.
    public var weitere: [String: String]
    public init(gebiet: String, name: String, weitere: [String: String] = [:]) {
        self.gebiet = gebiet; self.name = name; self.weitere = weitere
    }
}

public struct GebietsfallSchluessel: Sendable, Hashable {
    public var jahr: Int
    public var gebiet: String
    public var produkt: String
    public init(jahr: Int, gebiet: String, produkt: String) {
        self.jahr = jahr; self.gebiet = gebiet; self.produkt = produkt
    }
}

public struct IndikatorSchluessel: Sendable, Hashable {
    public var jahr: Int
    public var gebiet: String
    public var indikator: String
    public init(jahr: Int, gebiet: String, indikator: String) {
        self.jahr = jahr; self.gebiet = gebiet; self.indikator = indikator
    }
}

/// A context indicator of the Statistikstelle (SGB-II-Quote, Anteil Alleinerziehender, …).
public struct Indikator: Sendable, Hashable {
    public enum Richtung: String, Sendable, Hashable {
        /// A higher value means more burden (SGB-II-Quote).
        case belastend
        /// A higher value means less burden (Anteil mit Abitur).
        case entlastend
    }
    public var id: String
    public var name: String
    public var einheit: String?
    public var richtung: Richtung
    public init(id: String, name: String, einheit: String?, richtung: Richtung) {
        self.id = id; self.name = name; self.einheit = einheit; self.richtung = richtung
    }
}

/// `sozialindex: {jahr: 2025, indikatoren: [{id: sgb2_quote, gewicht: 2}, …]}`.
public struct Sozialindexangabe: Sendable, Hashable {
    public var jahr: Int
    public var indikatoren: [(id: String, gewicht: Double)]
    public init(jahr: Int, indikatoren: [(id: String, gewicht: Double)]) {
        self.jahr = jahr; self.indikatoren = indikatoren
    }
    public static func == (a: Self, b: Self) -> Bool {
        a.jahr == b.jahr && a.indikatoren.map(\.id) == b.indikatoren.map(\.id)
            && a.indikatoren.map(\.gewicht) == b.indikatoren.map(\.gewicht)
    }
    public func hash(into h: inout Hasher) { h.combine(jahr); h.combine(indikatoren.map(\.id)) }
}

/// An amount shared out over the Sozialräume by a reference population weighted with the Sozialindex
/// (`verteilungen:`): `gewicht_g = R_g · max(0, 1 + staerke · index_g)`, euros by the largest remainder.
public struct Verteilung: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Whole euros.
    public var betrag: Double
    /// The year the amount is for (display only; the shares use the Basisjahr population and the Sozialindex).
    public var jahr: Int?
    public var bezug: Bezug
    /// α: how strongly the Sozialindex tilts the shares (0 = by population only).
    public var staerke: Double
    public init(id: String, name: String, betrag: Double, jahr: Int?, bezug: Bezug, staerke: Double) {
        self.id = id; self.name = name; self.betrag = betrag; self.jahr = jahr; self.bezug = bezug;
        self.staerke = staerke
    }
}

/// How strongly small-area rates are pulled toward the city rate (`fallzahl.glaettung`).
public enum Glaettung: Sendable, Hashable {
    /// Marshall's global moment estimator (the default).
    case auto
    /// A given strength k in persons of the reference population; 0 = the raw rates.
    case staerke(Double)
}

/// The polygons of the Sozialräume, WGS84 longitude/latitude in degrees.
public struct Karte: Sendable, Hashable {
    /// One Sozialraum's area: one or more polygons, each an outer ring followed by its holes.
    public struct Flaeche: Sendable, Hashable {
        public var gebiet: String
        /// `[polygon][ring][point]`; ring 0 is the outer ring. Rings are closed (first point = last point).
        public var polygone: [[[Punkt]]]
        public init(gebiet: String, polygone: [[[Punkt]]]) { self.gebiet = gebiet; self.polygone = polygone }
    }
    public struct Punkt: Sendable, Hashable {
        /// Longitude λ and latitude φ in degrees.
        public var lon: Double, lat: Double
        public init(lon: Double, lat: Double) { self.lon = lon; self.lat = lat }
    }
    public var flaechen: [Flaeche]
    public init(flaechen: [Flaeche]) { self.flaechen = flaechen }
    public func flaeche(_ gebiet: String) -> Flaeche? { flaechen.first { $0.gebiet == gebiet } }
}
