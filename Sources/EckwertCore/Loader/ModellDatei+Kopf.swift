import Foundation

/// The head of modell.yaml: Kommune, years, scheme, rounding, reference date, data file names.
extension ModellDatei {
    /// `kommune`, `basisjahr`, `haushaltsjahr`, `horizont`, `kontenrahmen`, `rundung`, `stand`, `stufe`.
    static func abschnittKopf(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        d.kommune = m.pflicht("kommune", befund).flatMap { y.text($0, "kommune") } ?? ""
        let b = m.pflicht("basisjahr", befund).flatMap { y.ganzzahl($0, "basisjahr", 1990...2100) }
        d.basisjahr = b ?? 0
        d.basisjahrGueltig = b != nil
        if let b {
            d.haushaltsjahr = b + 2
            d.horizont = b + 5
            if let k = m["horizont"], let h = y.ganzzahl(k, "horizont", (b + 1)...(b + 30)) { d.horizont = h }
            if let k = m["haushaltsjahr"], let h = y.ganzzahl(k, "haushaltsjahr", (b + 1)...max(b + 1, d.horizont)) {
                d.haushaltsjahr = h
            }
        }
        if let k = m["kontenrahmen"], let t = y.text(k, "kontenrahmen") { d.kontenrahmenAngabe = (t, k.ort) }
        if let k = m["rundung"], let r = y.auswahl(k, "rundung", Rundung.self, ["euro", "tsd-euro"]) { d.rundung = r }
        if let k = m["stand"] {
            if let s = k.skalar, let dat = ModellDatei.datum(s) {
                d.stand = dat
            } else {
                befund.fehler(k.ort, "stand: erwartet ist ein Datum JJJJ-MM-TT, gefunden '\(k.skalar ?? k.art)'")
            }
        }
        if let k = m["stufe"] {
            d.stufe = y.auswahl(k, "stufe", Planstufe.self, Planstufe.allCases.map(\.rawValue))
        }
    }

    /// `daten:` file names of the data sources (only files in the model folder).
    static func abschnittDaten(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["daten"], let a = y.abschnitt(k, "daten") {
            let erlaubt = Schluesselschema.modell.schluessel("daten")
            a.pruefeSchluessel(erlaubt, befund)
            for p in a.paare where erlaubt.contains(p.schluessel) {
                if let t = y.text(p.wert, "daten \(p.schluessel)") {
                    if t.contains("..") || t.hasPrefix("/") {
                        befund.fehler(
                            p.wert.ort,
                            "daten \(p.schluessel): nur Dateien im Modellordner sind erlaubt, gefunden '\(t)'")
                    } else {
                        d.dateien[p.schluessel] = t
                    }
                }
            }
        }
    }

    static func datum(_ s: String) -> Datum? {
        let teile = s.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard teile.count == 3, let j = Int(teile[0]), let mo = Int(teile[1]), let t = Int(teile[2]),
            (1900...2200).contains(j), (1...12).contains(mo), (1...31).contains(t)
        else { return nil }
        return Datum(jahr: j, monat: mo, tag: t)
    }
}
