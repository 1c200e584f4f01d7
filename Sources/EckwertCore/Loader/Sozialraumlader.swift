/// Reads the optional Sozialraum files of a model folder and puts them into the model (spec section 13).
struct Sozialraumlader {
    var namen: Leseergebnis<[Gebietsname]>?
    var faelle: Leseergebnis<([GebietsfallSchluessel: Double], [GebietsfallSchluessel: Int])>?
    var indikatoren: Leseergebnis<([IndikatorSchluessel: Double], [IndikatorSchluessel: Int])>?
    var karte: Leseergebnis<Karte>?
    var kartendatei: String?
    var dateien: (faelle: String, indikatoren: String)

    /// Reads the files (each optional; the map only when `karte:` names it, and then it must exist).
    static func lesen(lies: (String) -> [UInt8]?, datei: (String) -> String, karte: (datei: String, schluessel: String)?,
                      gebiete: [String]) -> Sozialraumlader {
        var s = Sozialraumlader(dateien: (datei("faelle_gebiete"), datei("indikatoren")))
        if let b = lies(datei("gebiete")) { s.namen = SozialraumDateien.gebiete(bytes: b, datei: datei("gebiete")) }
        if let b = lies(datei("faelle_gebiete")) { s.faelle = SozialraumDateien.faelle(bytes: b, datei: datei("faelle_gebiete")) }
        if let b = lies(datei("indikatoren")) {
            s.indikatoren = SozialraumDateien.indikatoren(bytes: b, datei: datei("indikatoren"))
        }
        if let karte {
            s.kartendatei = karte.datei
            if let b = lies(karte.datei) {
                s.karte = GeoJSON.lesen(b, datei: karte.datei, schluessel: karte.schluessel, gebiete: gebiete)
            } else {
                s.karte = Leseergebnis(wert: nil, diagnostics: [.error(SourceLocation(file: "modell.yaml"),
                    "karte: Datei '\(karte.datei)' fehlt im Modellordner (erwartet eine GeoJSON-Datei der Sozialräume)")])
            }
        }
        return s
    }

    /// Puts what was read into the model and checks it against the rest of the model.
    func uebernehmen(_ m: inout Planungsmodell, _ angaben: SozialraumAngaben, befund: Befund) {
        var s = Sozialraumdaten()
        if let namen {
            befund.diagnostics.append(contentsOf: namen.diagnostics)
            s.namen = namen.wert ?? []
            let bekannt = Set(m.bevoelkerung.gebiete)
            for n in s.namen where !bekannt.contains(n.gebiet) {
                befund.warnung(SourceLocation(file: "gebiete.csv"), "Gebiet '\(n.gebiet)' (\(n.name)) gibt es in "
                    + "bevoelkerung.csv nicht – der Name wird nicht gebraucht")
            }
        }
        if let faelle {
            befund.diagnostics.append(contentsOf: faelle.diagnostics)
            s.faelle = faelle.wert?.0 ?? [:]
        }
        if let indikatoren {
            befund.diagnostics.append(contentsOf: indikatoren.diagnostics)
            s.indikatorwerte = indikatoren.wert?.0 ?? [:]
        }
        if let karte {
            befund.diagnostics.append(contentsOf: karte.diagnostics)
            s.karte = karte.wert
            s.kartendatei = kartendatei
        }
        s.indikatoren = angaben.indikatoren
        s.sozialindex = angaben.sozialindex
        s.verteilungen = angaben.verteilungen
        m.sozialraum = s
        let ids = Set(s.indikatoren.map(\.id))
        for v in angaben.indikatorVerweise where !ids.contains(v.id) {
            befund.fehler(v.ort, "Indikator '\(v.id)' ist nicht unter indikatoren: in modell.yaml erklärt")
        }
        if let si = s.sozialindex {
            for (id, _) in si.indikatoren where ids.contains(id) {
                let fehlt = m.bevoelkerung.gebiete.filter { s.indikator(si.jahr, $0, id) == nil }
                if !fehlt.isEmpty {
                    befund.fehler(angaben.sozialindexOrt, "sozialindex: Indikator '\(id)' hat für \(si.jahr) keinen Wert in "
                        + "\(fehlt.joined(separator: ", ")) (\(dateien.indikatoren))")
                }
            }
        }
        if !s.verteilungen.isEmpty && s.sozialindex == nil {
            befund.fehler(SourceLocation(file: "modell.yaml"), "verteilungen brauchen einen sozialindex: in modell.yaml")
        }
        SozialraumDateien.pruefen(m, faelleZeilen: faelle?.wert?.1 ?? [:], indikatorZeilen: indikatoren?.wert?.1 ?? [:],
                                  dateien: dateien, befund: befund)
    }
}
