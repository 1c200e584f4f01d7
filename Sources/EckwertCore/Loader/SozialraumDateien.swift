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
        var werte: [K: Double] = [:], zeilen: [K: Int] = [:]
        let n = SchlichteCSV.zeilenzahl(bytes)
        werte.reserveCapacity(n)
        zeilen.reserveCapacity(n)
        let gelesen = SchlichteCSV.lesen(bytes, kopf: spalten) { z in
            guard let jahr = z.ganzzahl(0), let wert = z.zahl(3), !(nichtNegativ && wert < 0) else { return false }
            let k = schluessel(jahr, z.text(1), z.text(2))
            guard zeilen.updateValue(z.line, forKey: k) == nil else { return false }
            werte[k] = wert
            return true
        }
        return gelesen ? Leseergebnis(wert: (werte, zeilen), diagnostics: []) : nil
    }

    /// Checks across files: every gebiet and Produkt exists; a product with Sozialraum cases has a Basisjahr row
    /// for every Sozialraum (error) and a driver; cases of a Sozialraum above its reference population, or a sum
    /// above the city's cases, are warnings (the data may still be right, but rarely are).
    static func pruefen(
        _ m: Planungsmodell, faelleZeilen: [GebietsfallSchluessel: Int],
        indikatorZeilen: [IndikatorSchluessel: Int], dateien: (faelle: String, indikatoren: String),
        befund: Befund
    ) {
        let s = m.sozialraum
        let gebiete = Set(m.bevoelkerung.gebiete)
        // Product lookup by number (the first product of a number, as `Planungsmodell.produkt`).
        let produkte = Dictionary(m.produkte.map { ($0.nr, $0) }, uniquingKeysWith: { erstes, _ in erstes })
        let ort = { (d: String, z: Int?) in SourceLocation(file: d, line: z) }
        // Only rows with something to report are sorted into line order (the others leave no message).
        let faelleFehler = faelleZeilen.filter { !gebiete.contains($0.key.gebiet) || produkte[$0.key.produkt] == nil }
        for (k, z) in faelleFehler.sorted(by: { $0.value < $1.value }) {
            if !gebiete.contains(k.gebiet) {
                befund.fehler(ort(dateien.faelle, z), "Gebiet '\(k.gebiet)' gibt es in bevoelkerung.csv nicht")
            }
            if produkte[k.produkt] == nil {
                befund.fehler(ort(dateien.faelle, z), "Produkt '\(k.produkt)' gibt es in modell.yaml nicht")
            }
        }
        let deklariert = Set(s.indikatoren.map(\.id))
        let indikatorFehler = indikatorZeilen.filter {
            !gebiete.contains($0.key.gebiet) || !deklariert.contains($0.key.indikator)
        }
        for (k, z) in indikatorFehler.sorted(by: { $0.value < $1.value }) {
            if !gebiete.contains(k.gebiet) {
                befund.fehler(ort(dateien.indikatoren, z), "Gebiet '\(k.gebiet)' gibt es in bevoelkerung.csv nicht")
            }
            if !deklariert.contains(k.indikator) {
                var text = "Indikator '\(k.indikator)' ist nicht unter indikatoren: in modell.yaml erklärt"
                if let h = Aehnlichkeit.vorschlag(k.indikator, aus: Array(deklariert).sorted()) {
                    text += " – meinten Sie '\(h)'?"
                }
                befund.fehler(ort(dateien.indikatoren, z), text)
            }
        }
        // The years of each product's cases, gathered in one pass over the cases.
        var jahreJeProdukt: [String: Set<Int>] = [:]
        for k in s.faelle.keys { jahreJeProdukt[k.produkt, default: []].insert(k.jahr) }
        let bevoelkerungen = Bevoelkerungsindex(m)
        for nr in jahreJeProdukt.keys.sorted() {
            guard let p = produkte[nr] else { continue }
            guard let fz = p.fallzahl else {
                befund.warnung(
                    ort(dateien.faelle, nil),
                    "Produkt \(nr) hat Fallzahlen je Sozialraum, aber keinen Fallzahltreiber "
                        + "– sie werden nur gezeigt, nicht fortgeschrieben")
                continue
            }
            let fehlend = m.bevoelkerung.gebiete.filter { s.faelle(m.basisjahr, $0, nr) == nil }
            if !fehlend.isEmpty {
                befund.fehler(
                    ort(dateien.faelle, nil),
                    "Produkt \(nr): für das Basisjahr \(m.basisjahr) fehlen Fallzahlen der "
                        + "Sozialräume \(fehlend.joined(separator: ", ")) (erwartet eine Zeile je Sozialraum, 0 "
                        + "wo keine Fälle)"
                )
                continue
            }
            for jahr in (jahreJeProdukt[nr] ?? []).sorted() {
                pruefeJahr(m, nr, fz, jahr, bevoelkerungen, faelleZeilen, dateien.faelle, befund)
            }
        }
    }

    private static func pruefeJahr(
        _ m: Planungsmodell, _ nr: String, _ fz: Fallzahl, _ jahr: Int, _ bevoelkerungen: Bevoelkerungsindex,
        _ zeilen: [GebietsfallSchluessel: Int], _ datei: String, _ befund: Befund
    ) {
        let s = m.sozialraum
        var summe = 0.0
        let pop = bevoelkerungen.jahr(jahr)
        for g in m.bevoelkerung.gebiete {
            guard let f = s.faelle(jahr, g, nr) else { continue }
            summe += f
            var b = fz.bezug
            b.gebiet = g
            if let pop, f > pop.summe(b) {
                let z = zeilen[GebietsfallSchluessel(jahr: jahr, gebiet: g, produkt: nr)]
                befund.warnung(
                    SourceLocation(file: datei, line: z),
                    "Produkt \(nr), Gebiet \(g), \(jahr): \(Datendateien.deutsch(f)) "
                        + "Fälle, aber nur \(Datendateien.deutsch(pop.summe(b))) Personen der Bezugsbevölkerung")
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
