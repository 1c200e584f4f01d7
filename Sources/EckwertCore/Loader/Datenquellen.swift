/// When a model folder must contain a data file.
public enum Pflicht: Sendable {
    case immer
    /// Required when a scenario uses `bevoelkerung: {methode: kohorten}`.
    case methodeKohorten
    /// Required when a scenario uses `bevoelkerung: {methode: vorausberechnung}`.
    case methodeVorausberechnung
    case optional

    func gilt(fuer szenarien: [Szenario]) -> Bool {
        switch self {
        case .immer: true
        case .methodeKohorten: szenarien.contains { $0.bevoelkerung.methode == .kohorten }
        case .methodeVorausberechnung: szenarien.contains { $0.bevoelkerung.methode == .vorausberechnung }
        case .optional: false
        }
    }

    /// Appended to "Datei fehlt (…)".
    var zusatz: String {
        switch self {
        case .methodeKohorten: " für methode kohorten"
        case .methodeVorausberechnung: " für methode vorausberechnung"
        case .immer, .optional: ""
        }
    }
}

/// One data source of a model: the key under `daten:`, the default file name, when it is required, what it is
/// for, how it is read into the model and which checks belong to it.
public struct Datenquelle: Sendable {
    public let schluessel: String
    public let datei: String
    public let pflicht: Pflicht
    /// For whom and what (German, shown in "Datei fehlt (…)").
    public let wozu: String
    /// Reads the file's bytes into the model under construction; true when a value was read.
    let lesen: Dateileser
    /// Cross-file checks of this source, run after every file is read.
    let pruefungen: [Modellpruefung.Regel]
}

/// The data sources of a model, in reading order (szenarien first: whether the Kohorten tables or the
/// Vorausberechnung are required depends on the scenarios). Adding a file type is one entry here plus its reader
/// (and, for a new kind of data, its field on `Planungsmodell`).
public enum Datenquellen {
    public static let alle: [Datenquelle] = [
        Datenquelle(
            schluessel: "szenarien", datei: "szenarien.yaml", pflicht: .immer,
            wozu: "Szenarien best, status-quo, worst",
            lesen: Ladung.szenarien,
            pruefungen: []),
        Datenquelle(
            schluessel: "bevoelkerung", datei: "bevoelkerung.csv", pflicht: .immer,
            wozu: "Bevölkerung am 31.12. des Basisjahres",
            lesen: csv(Datendateien.bevoelkerung(bytes:datei:)) { $0.bevoelkerung = $1 },
            pruefungen: [Modellpruefung.bevoelkerungGelesen]),
        Datenquelle(
            schluessel: "ist", datei: "ist.csv", pflicht: .immer,
            wozu: "Ist-Daten vergangener Jahre",
            lesen: csv(Datendateien.ist(bytes:datei:)) { $0.ist = $1 },
            pruefungen: [
                Modellpruefung.istDatei, Modellpruefung.treiberBrauchenIst,
                Modellpruefung.istImBasisjahr, Modellpruefung.aufwandVorzeichen,
            ]),
        Datenquelle(
            schluessel: "sterbetafel", datei: "sterbetafel.csv", pflicht: .methodeKohorten,
            wozu: "Sterbetafel",
            lesen: csv(Datendateien.sterbetafel(bytes:datei:)) { $0.sterbetafel = $1 },
            pruefungen: [Modellpruefung.sterbetafelVollstaendig]),
        Datenquelle(
            schluessel: "fruchtbarkeit", datei: "fruchtbarkeit.csv", pflicht: .methodeKohorten,
            wozu: "Fruchtbarkeitsziffern",
            lesen: csv(Datendateien.fruchtbarkeit(bytes:datei:)) { $0.fruchtbarkeit = $1 },
            pruefungen: []),
        Datenquelle(
            schluessel: "wanderung", datei: "wanderung.csv", pflicht: .methodeKohorten,
            wozu: "Wanderungsprofil",
            lesen: csv(Datendateien.wanderung(bytes:datei:)) { $0.wanderung = $1 },
            pruefungen: []),
        Datenquelle(
            schluessel: "vorausberechnung", datei: "vorausberechnung.csv", pflicht: .methodeVorausberechnung,
            wozu: "amtliche Vorausberechnung",
            lesen: csv(Datendateien.vorausberechnung(bytes:datei:)) { $0.vorausberechnung = $1 },
            pruefungen: [Modellpruefung.vorausberechnung]),
        Datenquelle(
            schluessel: "ansatz", datei: "ansatz.csv", pflicht: .optional,
            wozu: "Haushaltsansatz des laufenden Jahres je Produkt und Zeile",
            lesen: Dateileser(vorab: { Datendateien.ansatzVorab(bytes: $0, datei: $1) }) { bytes, datei, l, vorab in
                let v = (vorab as? Datendateien.AnsatzVorab) ?? Datendateien.ansatzVorab(bytes: bytes, datei: datei)
                // Without a `jahr` column the rows are the Ansatz of Basisjahr + 1.
                guard let w = l.uebernehmen(v.ergebnis(standardjahr: l.modell.basisjahr + 1)) else { return false }
                l.modell.ansatz = w
                return true
            },
            pruefungen: [Planpruefung.ansatz]),
        Datenquelle(
            schluessel: "planung", datei: "planung.csv", pflicht: .optional,
            wozu: "mittelfristige Ergebnisplanung der Kämmerei je Jahr, Produkt und Zeile",
            lesen: csv(Datendateien.jahreswerte(bytes:datei:)) { $0.planung = $1 },
            pruefungen: [Planpruefung.planung]),
        Datenquelle(
            schluessel: "sondereffekte", datei: "sondereffekte.csv", pflicht: .optional,
            wozu: "Einmalbeträge im Ist je Jahr, Produkt und Zeile",
            lesen: csv(Datendateien.jahreswerte(bytes:datei:)) { $0.sondereffekte = $1 },
            pruefungen: [Planpruefung.sondereffekte]),
        Datenquelle(
            schluessel: "eckwertebeschluss", datei: "eckwertebeschluss.yaml", pflicht: .optional,
            wozu: "Rahmen des Eckwertebeschlusses je Budgetbereich und Jahr",
            lesen: Ladung.eckwertebeschluss,
            pruefungen: []),
        Datenquelle(
            schluessel: "ist_unterjaehrig", datei: "ist_unterjaehrig.csv", pflicht: .optional,
            wozu: "unterjähriges Ist (kumuliert je Monat) für Hochrechnung und Controlling",
            lesen: csv(Kreislaufdateien.istUnterjaehrig(bytes:datei:)) { $0.istUnterjaehrig = $1 },
            pruefungen: [Kreislaufdateien.istUnterjaehrigZeilen]),
        Datenquelle(
            schluessel: "bevoelkerung_historie", datei: "bevoelkerung_historie.csv", pflicht: .optional,
            wozu: "Bevölkerung früherer Jahre für den Backtest",
            lesen: csv(Datendateien.bevoelkerungHistorie(bytes:datei:)) { $0.bevoelkerungHistorie = $1 },
            pruefungen: [Modellpruefung.historie]),
        Datenquelle(
            schluessel: "gebiete", datei: "gebiete.csv", pflicht: .optional,
            wozu: "Namen der Sozialräume",
            lesen: csv(SozialraumDateien.gebiete(bytes:datei:)) { $0.sozialraum.namen = $1 },
            pruefungen: []),
        Datenquelle(
            schluessel: "faelle_gebiete", datei: "faelle_gebiete.csv", pflicht: .optional,
            wozu: "Fallzahlen je Sozialraum aus dem Fachverfahren",
            lesen: csv(SozialraumDateien.faelle(bytes:datei:)) {
                $0.sozialraum.faelle = $1.0
                $0.sozialraum.faelleZeilen = $1.1
            },
            pruefungen: []),
        Datenquelle(
            schluessel: "indikatoren", datei: "indikatoren.csv", pflicht: .optional,
            wozu: "Kontextindikatoren je Sozialraum",
            lesen: csv(SozialraumDateien.indikatoren(bytes:datei:)) {
                $0.sozialraum.indikatorwerte = $1.0
                $0.sozialraum.indikatorZeilen = $1.1
            },
            pruefungen: []),
    ]

    /// The source with this key.
    public static func quelle(_ schluessel: String) -> Datenquelle? { alle.first { $0.schluessel == schluessel } }

    /// A CSV reader whose value, when there is one, is stored in the model by `ablegen`. The reading depends on
    /// the bytes alone, so it may be done ahead (``Dateileser/vorab``).
    static func csv<W>(
        _ leser: @escaping @Sendable ([UInt8], String) -> Leseergebnis<W>,
        _ ablegen: @escaping @Sendable (inout Planungsmodell, W) -> Void
    ) -> Dateileser {
        Dateileser(vorab: { leser($0, $1) }) { bytes, datei, ladung, vorab in
            let r = (vorab as? Leseergebnis<W>) ?? leser(bytes, datei)
            guard let w = ladung.uebernehmen(r) else { return false }
            ablegen(&ladung.modell, w)
            return true
        }
    }
}

/// How a data source's bytes enter the model under construction.
struct Dateileser: Sendable {
    /// The part of the reading that needs nothing but the bytes and the file name (no model, no other file),
    /// or nil. The loader runs it on a second core while modell.yaml is read; its value (with its messages,
    /// not yet recorded) is handed to `lesen`, which records the messages where the sequential load would.
    let vorab: (@Sendable (_ bytes: [UInt8], _ datei: String) -> any Sendable)?
    /// Reads the bytes into the model (using `vorab`'s value for these bytes when given); true when a value was
    /// read.
    let lesen: @Sendable (_ bytes: [UInt8], _ datei: String, _ ladung: Ladung, _ vorab: (any Sendable)?) -> Bool

    init(
        vorab: (@Sendable ([UInt8], String) -> any Sendable)? = nil,
        lesen: @escaping @Sendable ([UInt8], String, Ladung, (any Sendable)?) -> Bool
    ) {
        self.vorab = vorab
        self.lesen = lesen
    }
}
