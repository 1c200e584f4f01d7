/// Readers for the optional Sozialraum files of a model folder (spec section 13): `gebiete.csv`,
/// `faelle_gebiete.csv`, `indikatoren.csv`, and the checks across them and the rest of the model.
public enum SozialraumDateien {
    /// `gebiete.csv`: `gebiet;name` and any further columns (kept as they are, e.g. `stadtbezirk`).
    public static func gebiete(bytes: [UInt8], datei: String) -> Leseergebnis<[Gebietsname]> {
        let t: CSVTabelle
        do { t = try CSV.lesen(bytes, datei: datei) } catch {
            return Leseergebnis(wert: nil, diagnostics: error.diagnostics)
        }
        guard let cg = t.spalte("gebiet"), let cn = t.spalte("name") else {
            let l = Leser(t, ["gebiet", "name"])
            return Leseergebnis(wert: nil, diagnostics: l.d.filter { $0.message.contains("fehlt") })
        }
        var d: [Diagnostic] = []
        var out: [Gebietsname] = []
        var zeilen: [String: Int] = [:]
        for z in t.rows {
            let g = CSV.trimmed(z.fields[cg]), n = CSV.trimmed(z.fields[cn])
            if g.isEmpty {
                d.append(.error(t.ort(z, spalte: cg), "leeres Feld 'gebiet', erwartet eine Gebiets-Id")); continue
            }
            if let erste = zeilen[g] {
                d.append(
                    .error(t.ort(z, spalte: cg), "doppelter Eintrag für Gebiet \(g): Zeilen \(erste) und \(z.line)"))
                continue
            }
            zeilen[g] = z.line
            var weitere: [String: String] = [:]
            for (c, h) in t.header.enumerated() where c != cg && c != cn && !h.isEmpty {
                weitere[h] = CSV.trimmed(z.fields[c])
            }
            out.append(Gebietsname(gebiet: g, name: n.isEmpty ? g : n, weitere: weitere))
        }
        return Leseergebnis(wert: out, diagnostics: d)
    }

    /// `faelle_gebiete.csv`: `jahr;gebiet;produkt;faelle` (cases ≥ 0). Whether gebiet and Produkt exist is checked
    /// by ``pruefen(_:dateien:)``.
    public static func faelle(
        bytes: [UInt8], datei: String
    ) -> Leseergebnis<
        (
            [GebietsfallSchluessel: Double],
            [GebietsfallSchluessel: Int]
        )
    > {
        tabelle(bytes, datei, ["jahr", "gebiet", "produkt", "faelle"], "Fallzahl") {
            GebietsfallSchluessel(jahr: $0, gebiet: $1, produkt: $2)
        }
    }

    /// `indikatoren.csv`: `jahr;gebiet;indikator;wert`.
    public static func indikatoren(
        bytes: [UInt8], datei: String
    ) -> Leseergebnis<
        (
            [IndikatorSchluessel: Double],
            [IndikatorSchluessel: Int]
        )
    > {
        tabelle(bytes, datei, ["jahr", "gebiet", "indikator", "wert"], "Wert") {
            IndikatorSchluessel(jahr: $0, gebiet: $1, indikator: $2)
        }
    }

    /// A table `jahr;gebiet;<id>;<wert>`: values and the line of each. `schlicht`: a plain file is read by the
    /// lean path (``SchlichteCSV``).
    static func tabelle<K: Hashable & Sendable>(
        _ bytes: [UInt8], _ datei: String, _ spalten: [String],
        _ wertName: String, schlicht: Bool = true,
        _ schluessel: (Int, String, String) -> K
    ) -> Leseergebnis<([K: Double], [K: Int])> {
        if schlicht, let r = tabelleSchlicht(bytes, spalten, schluessel) { return r }
        let t: CSVTabelle
        do { t = try CSV.lesen(bytes, datei: datei) } catch {
            return Leseergebnis(wert: nil, diagnostics: error.diagnostics)
        }
        var l = Leser(t, spalten)
        guard l.vollstaendig else { return Leseergebnis(wert: nil, diagnostics: l.d) }
        var werte: [K: Double] = [:], zeilen: [K: Int] = [:]
        werte.reserveCapacity(t.rows.count)
        zeilen.reserveCapacity(t.rows.count)
        for z in t.rows {
            let jahr = l.ganzzahl(z, 0, "Jahr")
            let gebiet = l.id(z, 1, "ein", "Gebiet")
            let id = l.id(z, 2, "ein", spalten[2] == "produkt" ? "Produkt" : "Indikator")
            let wert = l.zahl(z, 3, wertName, nichtNegativ: spalten[3] == "faelle")
            guard let jahr, let gebiet, let id else { continue }
            let k = schluessel(jahr, gebiet, id)
            // The first row of a key keeps its line (one lookup per row; a duplicate puts it back).
            if let erste = zeilen.updateValue(z.line, forKey: k) {
                zeilen[k] = erste
                l.doppelt(z, erste, "Jahr \(jahr), Gebiet \(gebiet), \(id)", spalte: l.schluesselSpalte(3))
                continue
            }
            werte[k] = wert ?? 0
        }
        return Leseergebnis(wert: (werte, zeilen), diagnostics: l.d)
    }

    /// ``tabelle(_:_:_:_:schlicht:_:)`` by the lean path, or nil.
    private static func tabelleSchlicht<K: Hashable & Sendable>(
        _ bytes: [UInt8], _ spalten: [String], _ schluessel: (Int, String, String) -> K
    ) -> Leseergebnis<([K: Double], [K: Int])>? {
        let nichtNegativ = spalten[3] == "faelle"
        var zeilen: [K: Int] = [:], wertJeZeile: [Double] = []
        let n = SchlichteCSV.zeilenzahl(bytes)
        zeilen.reserveCapacity(n)
        wertJeZeile.reserveCapacity(n)
        let gelesen = SchlichteCSV.lesen(bytes, kopf: spalten) { z in
            guard let jahr = z.ganzzahl(0), let wert = z.zahl(3), !(nichtNegativ && wert < 0) else { return false }
            let k = schluessel(jahr, z.text(1), z.text(2))
            guard zeilen.updateValue(z.line, forKey: k) == nil else { return false }
            wertJeZeile.append(wert)
            return true
        }
        guard gelesen else { return nil }
        // The row on line l is value l − 2. `mapValues` keeps the table of `zeilen` and places each value in its
        // key's slot there: no key is hashed a second time.
        let werte = zeilen.mapValues { wertJeZeile[$0 - 2] }
        return Leseergebnis(wert: (werte, zeilen), diagnostics: [])
    }

    /// Checks across files: every gebiet and Produkt exists; a product with Sozialraum cases has a Basisjahr row
    /// for every Sozialraum (error) and a driver; cases of a Sozialraum above its reference population, or a sum
    /// above the city's cases, are warnings (the data may still be right, but rarely are). Returns the raster of
    /// the cases it built for the checks (the model keeps it for the projection).
    @discardableResult
    static func pruefen(
        _ m: Planungsmodell, faelleZeilen: [GebietsfallSchluessel: Int],
        indikatorZeilen: [IndikatorSchluessel: Int], dateien: (faelle: String, indikatoren: String),
        befund: Befund
    ) -> Gebietsfallraster {
        let raster = Gebietsfallraster(gebiete: m.bevoelkerung.gebiete, faelle: m.sozialraum.faelle)
        // Product lookup by number: the first product of a number, as `Planungsmodell.produkt`.
        var produkte: [String: Int] = [:]
        for (i, p) in m.produkte.enumerated() where produkte[p.nr] == nil { produkte[p.nr] = i }
        pruefeZeilen(faelleZeilen, raster, produkte, dateien.faelle, befund)
        pruefeIndikatoren(m, indikatorZeilen, raster.gebietIndex, dateien.indikatoren, befund)
        let bevoelkerungen = Bevoelkerungsindex(m)
        var summen = Bezugssummencache(bevoelkerungen, gebiete: m.bevoelkerung.gebiete)
        let reihenfolge = raster.nummern.indices.sorted { raster.nummern[$0] < raster.nummern[$1] }
        for p in reihenfolge {
            let nr = raster.nummern[p]
            guard let i = produkte[nr] else { continue }
            guard let fz = m.produkte[i].fallzahl else {
                befund.warnung(
                    SourceLocation(file: dateien.faelle),
                    "Produkt \(nr) hat Fallzahlen je Sozialraum, aber keinen Fallzahltreiber "
                        + "– sie werden nur gezeigt, nicht fortgeschrieben")
                continue
            }
            let basis = raster.block(p, m.basisjahr)
            let fehlend = m.bevoelkerung.gebiete.indices.filter { g in basis.flatMap { raster.wert($0, g) } == nil }
            if !fehlend.isEmpty {
                befund.fehler(
                    SourceLocation(file: dateien.faelle),
                    "Produkt \(nr): für das Basisjahr \(m.basisjahr) fehlen Fallzahlen der "
                        + "Sozialräume \(fehlend.map { m.bevoelkerung.gebiete[$0] }.joined(separator: ", ")) "
                        + "(erwartet eine Zeile je Sozialraum, 0 wo keine Fälle)"
                )
                continue
            }
            for jahr in raster.jahre(p) {
                guard let block = raster.block(p, jahr) else { continue }
                let pop = summen.summen(jahr, fz.bezug)
                pruefeJahr(m, nr, jahr, (raster, block), pop, faelleZeilen, dateien.faelle, befund)
            }
        }
        return raster
    }

    /// Unknown gebiet or Produkt in the rows of `faelle_gebiete.csv`, in line order (only rows with something to
    /// report are sorted).
    private static func pruefeZeilen(
        _ zeilen: [GebietsfallSchluessel: Int], _ raster: Gebietsfallraster, _ produkte: [String: Int],
        _ datei: String, _ befund: Befund
    ) {
        // Whether each product of the raster exists, found once per product rather than once per row.
        let bekannt = raster.nummern.map { produkte[$0] != nil }
        // The rows and the cases come from one read of the file, one row per case: where the raster found every
        // gebiet and every product of the cases known, no row has anything to report, and the rows (35,000 in
        // the benchmark, two hashed texts each) need not be looked at.
        if raster.alleGebieteBekannt, raster.anzahl == zeilen.count, !bekannt.contains(false) { return }
        var fehler: [(zeile: Int, gebiet: String?, produkt: String?)] = []
        for (k, z) in zeilen {
            let gebietFehlt = raster.gebietIndex[k.gebiet] == nil
            let produktFehlt = raster.produktIndex[k.produkt].map { !bekannt[$0] } ?? (produkte[k.produkt] == nil)
            if gebietFehlt || produktFehlt {
                fehler.append((z, gebietFehlt ? k.gebiet : nil, produktFehlt ? k.produkt : nil))
            }
        }
        for f in fehler.sorted(by: { $0.zeile < $1.zeile }) {
            if let g = f.gebiet {
                befund.fehler(
                    SourceLocation(file: datei, line: f.zeile), "Gebiet '\(g)' gibt es in bevoelkerung.csv nicht")
            }
            if let nr = f.produkt {
                befund.fehler(
                    SourceLocation(file: datei, line: f.zeile), "Produkt '\(nr)' gibt es in modell.yaml nicht")
            }
        }
    }

    /// Unknown gebiet or undeclared indicator in the rows of `indikatoren.csv`, in line order.
    private static func pruefeIndikatoren(
        _ m: Planungsmodell, _ zeilen: [IndikatorSchluessel: Int], _ gebietIndex: [String: Int], _ datei: String,
        _ befund: Befund
    ) {
        let deklariert = Set(m.sozialraum.indikatoren.map(\.id))
        let indikatorFehler = zeilen.filter {
            gebietIndex[$0.key.gebiet] == nil || !deklariert.contains($0.key.indikator)
        }
        for (k, z) in indikatorFehler.sorted(by: { $0.value < $1.value }) {
            if gebietIndex[k.gebiet] == nil {
                befund.fehler(
                    SourceLocation(file: datei, line: z), "Gebiet '\(k.gebiet)' gibt es in bevoelkerung.csv nicht")
            }
            if !deklariert.contains(k.indikator) {
                var text = "Indikator '\(k.indikator)' ist nicht unter indikatoren: in modell.yaml erklärt"
                if let h = Aehnlichkeit.vorschlag(k.indikator, aus: Array(deklariert).sorted()) {
                    text += " – meinten Sie '\(h)'?"
                }
                befund.fehler(SourceLocation(file: datei, line: z), text)
            }
        }
    }

    /// The warnings of one product and year: a Sozialraum with more cases than reference population (`pop`: the
    /// sums per Sozialraum position, nil without a population of that year), Sozialräume above the city.
    private static func pruefeJahr(
        _ m: Planungsmodell, _ nr: String, _ jahr: Int, _ faelle: (raster: Gebietsfallraster, block: Int),
        _ pop: [Double]?, _ zeilen: [GebietsfallSchluessel: Int], _ datei: String, _ befund: Befund
    ) {
        var summe = 0.0
        for (i, g) in m.bevoelkerung.gebiete.enumerated() {
            guard let f = faelle.raster.wert(faelle.block, i) else { continue }
            summe += f
            if let pop, f > pop[i] {
                let z = zeilen[GebietsfallSchluessel(jahr: jahr, gebiet: g, produkt: nr)]
                befund.warnung(
                    SourceLocation(file: datei, line: z),
                    "Produkt \(nr), Gebiet \(g), \(jahr): \(Datendateien.deutsch(f)) "
                        + "Fälle, aber nur \(Datendateien.deutsch(pop[i])) Personen der Bezugsbevölkerung")
            }
        }
        if let stadt = m.ist.wert(jahr, nr, "faelle"), summe > stadt + 1e-9 {
            befund.warnung(
                SourceLocation(file: datei),
                "Produkt \(nr), \(jahr): die Fälle der Sozialräume ergeben "
                    + "\(Datendateien.deutsch(summe)), mehr als die \(Datendateien.deutsch(stadt)) Fälle der "
                    + "Stadt in ist.csv "
                    + "(ist.csv bleibt maßgeblich)")
        }
    }
}

/// The reference population of each Sozialraum position, per year and age/sex selection, summed once for all
/// products that share the selection (by ``Bevoelkerungsindex``, so each sum is the one the checks used before).
struct Bezugssummencache {
    private struct Schluessel: Hashable {
        let jahr: Int
        let auswahl: Bezugssummen.Auswahl
    }
    private let bevoelkerungen: Bevoelkerungsindex
    private let gebiete: [String]
    private var summen: [Schluessel: [Double]] = [:]

    init(_ bevoelkerungen: Bevoelkerungsindex, gebiete: [String]) {
        self.bevoelkerungen = bevoelkerungen
        self.gebiete = gebiete
    }

    /// The sums of `bezug` per Sozialraum position of the Basisjahr's population, or nil without a population
    /// of `jahr`.
    mutating func summen(_ jahr: Int, _ bezug: Bezug) -> [Double]? {
        guard let pop = bevoelkerungen.jahr(jahr) else { return nil }
        let k = Schluessel(
            jahr: jahr, auswahl: Bezugssummen.Auswahl(von: bezug.von, bis: bezug.bis, geschlecht: bezug.geschlecht))
        if let s = summen[k] { return s }
        var b = bezug
        let s = gebiete.map { g in
            b.gebiet = g
            return pop.summe(b)
        }
        summen[k] = s
        return s
    }
}

/// The population of each year the Sozialraum checks compare cases with (the Basisjahr's and the history's),
/// each with its Sozialraum ids indexed, so that a sum over one Sozialraum does not search the id list.
struct Bevoelkerungsindex {
    struct Jahr {
        let bevoelkerung: Bevoelkerung
        let index: [String: Int]

        /// `Bevoelkerung.summe(_:)` of the reference population, summed in the same order (same result).
        func summe(_ b: Bezug) -> Double {
            guard let gebiet = b.gebiet else { return bevoelkerung.summe(b) }
            guard let g = index[gebiet] else { return 0 }
            return bevoelkerung.summe(von: b.von, bis: b.bis, geschlecht: b.geschlecht, gebietIndex: g)
        }
    }

    private let basisjahr: Int
    private let basis: Jahr
    private let historie: [Int: Jahr]

    init(_ m: Planungsmodell) {
        func indiziert(_ b: Bevoelkerung) -> Jahr {
            var index: [String: Int] = [:]
            // The first position of an id, as `Bevoelkerung.gebietIndex`.
            for (i, g) in b.gebiete.enumerated() where index[g] == nil { index[g] = i }
            return Jahr(bevoelkerung: b, index: index)
        }
        basisjahr = m.basisjahr
        basis = indiziert(m.bevoelkerung)
        historie = m.bevoelkerungHistorie?.jahre.mapValues(indiziert) ?? [:]
    }

    /// The population of `jahr` (the Basisjahr's, else the history's), or nil.
    func jahr(_ jahr: Int) -> Jahr? { jahr == basisjahr ? basis : historie[jahr] }
}
