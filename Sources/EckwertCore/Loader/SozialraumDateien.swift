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

    /// A table `jahr;gebiet;<id>;<wert>`: values and the line of each.
    private static func tabelle<K: Hashable & Sendable>(
        _ bytes: [UInt8], _ datei: String, _ spalten: [String],
        _ wertName: String,
        _ schluessel: (Int, String, String) -> K
    ) -> Leseergebnis<([K: Double], [K: Int])> {
        let t: CSVTabelle
        do { t = try CSV.lesen(bytes, datei: datei) } catch {
            return Leseergebnis(wert: nil, diagnostics: error.diagnostics)
        }
        var l = Leser(t, spalten)
        guard l.vollstaendig else { return Leseergebnis(wert: nil, diagnostics: l.d) }
        var werte: [K: Double] = [:], zeilen: [K: Int] = [:]
        for z in t.rows {
            let jahr = l.ganzzahl(z, 0, "Jahr")
            let gebiet = l.id(z, 1, "ein", "Gebiet")
            let id = l.id(z, 2, "ein", spalten[2] == "produkt" ? "Produkt" : "Indikator")
            let wert = l.zahl(z, 3, wertName, nichtNegativ: spalten[3] == "faelle")
            guard let jahr, let gebiet, let id else { continue }
            let k = schluessel(jahr, gebiet, id)
            if let erste = zeilen[k] {
                l.doppelt(z, erste, "Jahr \(jahr), Gebiet \(gebiet), \(id)", spalte: l.schluesselSpalte(3))
                continue
            }
            zeilen[k] = z.line
            werte[k] = wert ?? 0
        }
        return Leseergebnis(wert: (werte, zeilen), diagnostics: l.d)
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
        let ort = { (d: String, z: Int?) in SourceLocation(file: d, line: z) }
        for (k, z) in faelleZeilen.sorted(by: { $0.value < $1.value }) {
            if !gebiete.contains(k.gebiet) {
                befund.fehler(ort(dateien.faelle, z), "Gebiet '\(k.gebiet)' gibt es in bevoelkerung.csv nicht")
            }
            if m.produkt(k.produkt) == nil {
                befund.fehler(ort(dateien.faelle, z), "Produkt '\(k.produkt)' gibt es in modell.yaml nicht")
            }
        }
        let deklariert = Set(s.indikatoren.map(\.id))
        for (k, z) in indikatorZeilen.sorted(by: { $0.value < $1.value }) {
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
        for nr in s.produkteMitFaellen.sorted() {
            guard let p = m.produkt(nr) else { continue }
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
            for jahr in Set(s.faelle.keys.filter { $0.produkt == nr }.map(\.jahr)).sorted() {
                pruefeJahr(m, nr, fz, jahr, faelleZeilen, dateien.faelle, befund)
            }
        }
    }

    private static func pruefeJahr(
        _ m: Planungsmodell, _ nr: String, _ fz: Fallzahl, _ jahr: Int,
        _ zeilen: [GebietsfallSchluessel: Int], _ datei: String, _ befund: Befund
    ) {
        let s = m.sozialraum
        var summe = 0.0
        let pop: Bevoelkerung? = jahr == m.basisjahr ? m.bevoelkerung : m.bevoelkerungHistorie?.jahre[jahr]
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
