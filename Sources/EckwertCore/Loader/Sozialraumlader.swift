/// The Sozialraum part of a load (modellformat.md section 13), after the data sources: the keys of modell.yaml
/// (`indikatoren:`, `sozialindex:`, `verteilungen:`), the map of `karte:` (a file named there, not under `daten:`,
/// so it is read here rather than through the data source table), and the checks across the files.
enum Sozialraumlader {
    static func abschliessen(_ l: Ladung) -> Nachpruefung {
        let angaben = l.datei.sozialraum
        let befund = l.befund
        l.modell.sozialraum.indikatoren = angaben.indikatoren
        l.modell.sozialraum.sozialindex = angaben.sozialindex
        l.modell.sozialraum.verteilungen = angaben.verteilungen
        if let karte = angaben.karte {
            l.modell.sozialraum.kartendatei = karte.datei
            if let b = l.zugriff.lies(karte.datei, pflicht: true, wozu: "karte: GeoJSON der Sozialräume") {
                let r = GeoJSON.lesen(
                    b, datei: karte.datei, schluessel: karte.schluessel, gebiete: l.modell.bevoelkerung.gebiete)
                l.modell.sozialraum.karte = l.uebernehmen(r)
            }
        }
        let m = l.modell
        let s = m.sozialraum
        let bekannt = Set(m.bevoelkerung.gebiete)
        let gebieteDatei = l.dateiname("gebiete")
        for n in s.namen where !bekannt.contains(n.gebiet) {
            befund.warnung(
                SourceLocation(file: gebieteDatei),
                "Gebiet '\(n.gebiet)' (\(n.name)) gibt es in "
                    + "bevoelkerung.csv nicht – der Name wird nicht gebraucht")
        }
        let ids = Set(s.indikatoren.map(\.id))
        for v in angaben.indikatorVerweise where !ids.contains(v.id) {
            befund.fehler(v.ort, "Indikator '\(v.id)' ist nicht unter indikatoren: in modell.yaml erklärt")
        }
        if let si = s.sozialindex {
            for (id, _) in si.indikatoren where ids.contains(id) {
                let fehlt = m.bevoelkerung.gebiete.filter { s.indikator(si.jahr, $0, id) == nil }
                if !fehlt.isEmpty {
                    befund.fehler(
                        angaben.sozialindexOrt,
                        "sozialindex: Indikator '\(id)' hat für \(si.jahr) keinen Wert in "
                            + "\(fehlt.joined(separator: ", ")) (\(l.dateiname("indikatoren")))")
                }
            }
        }
        if !s.verteilungen.isEmpty && s.sozialindex == nil {
            befund.fehler(
                SourceLocation(file: "modell.yaml"), "verteilungen brauchen einen sozialindex: in modell.yaml")
        }
        let dateien = (faelle: l.dateiname("faelle_gebiete"), indikatoren: l.dateiname("indikatoren"))
        let (faelle, indikatoren) = (s.faelleZeilen, s.indikatorZeilen)
        return Nachpruefung(stelle: befund.diagnostics.items.count, stand: s.faelleStand) {
            let b = Befund()
            let raster = SozialraumDateien.pruefen(
                m, faelleZeilen: faelle, indikatorZeilen: indikatoren, dateien: dateien, befund: b)
            return (b.diagnostics.items, raster)
        }
    }

    /// The checks of the Sozialraum case and indicator rows, which read only the finished model and those rows:
    /// they run on a second core while the loader goes on, and `einfuegen` puts their messages where the
    /// sequential load recorded them (before any message recorded after `abschliessen`) and hands the raster of
    /// the cases they built to the model (kept there only if its cases have not changed since, `stand`).
    struct Nachpruefung {
        typealias Ergebnis = (meldungen: [Diagnostic], raster: Gebietsfallraster)
        let stelle: Int
        let stand: Int
        let nebenher: Nebenher<Ergebnis>

        init(stelle: Int, stand: Int, _ pruefung: @escaping @Sendable () -> Ergebnis) {
            self.stelle = stelle
            self.stand = stand
            nebenher = Nebenher(pruefung)
        }

        func einfuegen(in befund: Befund, modell: inout Planungsmodell) {
            let e = nebenher.ergebnis()
            befund.diagnostics.insert(contentsOf: e.meldungen, at: stelle)
            modell.sozialraum.rasterUebernehmen(e.raster, stand: stand)
        }
    }
}
