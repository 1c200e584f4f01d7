import Foundation

/// What `modell.yaml` says, read and checked on its own (references into data files are checked later).
struct ModellDatei {
    var kommune = ""
    var basisjahr = 0
    var haushaltsjahr = 0
    var horizont = 0
    var kontenrahmenAngabe: (wert: String, ort: SourceLocation)?
    var rundung = Rundung.euro
    var stand: Datum?
    var stufe: Planstufe?
    var altersgruppen: [Altersgruppe] = []
    var produkte: [Produkt] = []
    var produktgruppen: [Gliederung] = []
    var produktbereiche: [Gliederung] = []
    var budgetbereiche: [(Budgetbereich, SourceLocation)] = []
    var kennzahlen: [Kennzahl] = []
    var ziele: [Ziel] = []
    var massnahmen: [(Massnahme, SourceLocation)] = []
    var investitionen: [(Investition, SourceLocation)] = []
    var geheimhaltung = Geheimhaltung()
    var strategischeZiele: [StrategischesZiel] = []
    var strategischeZieleOrt: SourceLocation?
    var abc = ABCGrenzen()
    var budgetvarianten: [Double] = [-0.05, 0.05]
    var platzkosten = Platzkosten()
    var deckungsmittel: Zeitpfad?
    var zuschussbedarf = Zuschussdefinition.ohneILV
    var zuschussbedarfOrt: SourceLocation?
    var plausibilitaet = Plausibilitaetsgrenzen()
    /// `indikatoren:`, `sozialindex:`, `karte:`, `verteilungen:` (modellformat.md section 13).
    var sozialraum = SozialraumAngaben()
    /// File name overrides from `daten:`.
    var dateien: [String: String] = [:]
    /// Locations of references that are resolved later: (what, id, where).
    var verweise: [Verweis] = []
    var gruppenOrte: [String: SourceLocation] = [:]
    /// Where each Ziel writes its `oberziel` (for messages).
    var oberzielOrte: [String: SourceLocation] = [:]
    /// False when `basisjahr` is missing or invalid: year checks are then skipped (they would all fail).
    var basisjahrGueltig = false
    /// Ids written in the file whose entry could not be read (its own error is reported): references to them are
    /// not reported again as "gibt es nicht".
    var fehlerhafteIds: [Verweis.Art: Set<String>] = [:]
    /// Products whose `fallzahl` is written but could not be read, and age groups whose range could not be read:
    /// checks that would say "has no fallzahl" / "group not defined" stay silent for them.
    var fehlerhafteTreiber: Set<String> = []
    var fehlerhafteAltersgruppen: Set<String> = []
    /// Products whose written `produktgruppe:` / `produktbereich:` is not declared (its own error is reported).
    var fehlerhafteEbenen: Set<String> = []

    struct Verweis {
        enum Art { case produkt, produktOderPrefix, kennzahl, massnahme, gebiet, strategischesZiel }
        var art: Art
        var id: String
        var ort: SourceLocation
        var kontext: String
    }

    /// The format this version reads (`format:` in modell.yaml, optional, default 1).
    static let format = 1

    /// Reads modell.yaml section by section (one function per section; the order matters where a section uses
    /// an earlier one: the years before anything dated, the age groups before the products).
    static func lesen(_ wurzel: YKnoten, befund: Befund) -> ModellDatei? {
        let y = YLeser(befund: befund)
        guard let m = y.abschnitt(wurzel, "modell.yaml"), formatLesbar(m, y, befund) else { return nil }
        m.pruefeSchluessel(Schluesselschema.modell.schluessel(), befund)
        var d = ModellDatei()
        abschnittKopf(m, y, befund, &d)
        abschnittAltersgruppen(m, y, befund, &d)
        abschnittDaten(m, y, befund, &d)
        abschnittGliederung(m, y, befund, &d)
        // A Kennzahl's formula depends on nothing but its text: parsed on a second core while the products are
        // read (every message is still recorded where the Kennzahl is read).
        let formeltexte = m["kennzahlen"]?.elemente?.compactMap { $0.wert("formel") } ?? []
        let formeln = Nebenher { Formelvorrat(formeltexte) }
        abschnittProdukte(m, y, befund, &d)
        abschnittBudgetbereiche(m, y, befund, &d)
        abschnittKennzahlen(m, y, befund, &d, formeln: formeln.ergebnis())
        abschnittZiele(m, y, befund, &d)
        abschnittMassnahmen(m, y, befund, &d)
        abschnittInvestitionen(m, y, befund, &d)
        abschnittGeheimhaltung(m, y, befund, &d)
        abschnittStrategischeZiele(m, y, befund, &d)
        abschnittABC(m, y, befund, &d)
        abschnittBudgetvarianten(m, y, befund, &d)
        abschnittPlatzkosten(m, y, befund, &d)
        abschnittDeckungsmittel(m, y, befund, &d)
        oberzielePruefen(d, befund)
        abschnittPlandaten(m, y, befund, &d)
        let sozialraum = SozialraumAngaben.lesen(m, y, befund, &d)
        d.sozialraum = sozialraum
        return d
    }

    /// `format:` – a model written for a newer format is not read further (its keys would all look unknown).
    static func formatLesbar(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund) -> Bool {
        guard let k = m["format"] else { return true }
        guard let f = y.ganzzahl(k, "format", 1...Int.max) else { return true }
        if f > format {
            befund.fehler(
                k.ort,
                "Dieses Modell ist für Format \(f) geschrieben; diese Eckwert-Version liest Format \(format) – bitte Eckwert aktualisieren"
            )
            return false
        }
        return true
    }

    // MARK: - helpers

    /// Remembers the id of an entry that could not be read (when its id itself is readable).
    mutating func merkeFehlerhaft(_ art: Verweis.Art, _ e: YKnoten, _ schluessel: String) {
        guard let wert = e.wert(schluessel) else { return }
        let id = wert.trimmingCharacters(in: .whitespacesAndNewlines)
        if !id.isEmpty { fehlerhafteIds[art, default: []].insert(id) }
    }

    var planjahre: ClosedRange<Int> { basisjahr...max(basisjahr, horizont) }

    /// A year within Basisjahr..Horizont (only the type is checked while the Basisjahr itself is invalid).
    func jahrImPlan(_ k: YKnoten, _ y: YLeser, _ befund: Befund, _ kontext: String) -> Int? {
        guard let j = y.ganzzahl(k, kontext) else { return nil }
        guard planjahre.contains(j) || !basisjahrGueltig else {
            befund.fehler(
                k.ort, "\(kontext): Jahr \(j) liegt außerhalb von Basisjahr..Horizont (\(basisjahr)..\(horizont))")
            return nil
        }
        return j
    }

    /// Konto keys are checked once the scheme is known.
    var kontoVerweise: [(key: String, ort: SourceLocation, kontext: String, summeErlaubt: Bool)] {
        get { _kontoVerweise }
        set { _kontoVerweise = newValue }
    }
    private var _kontoVerweise: [(key: String, ort: SourceLocation, kontext: String, summeErlaubt: Bool)] = []

    mutating func kontoVerweis(_ key: String, _ ort: SourceLocation, _ kontext: String, summeErlaubt: Bool = false) {
        _kontoVerweise.append((key, ort, kontext, summeErlaubt))
    }
}
