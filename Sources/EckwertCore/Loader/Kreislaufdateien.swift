import Foundation

/// Readers for the files of the budget cycle: `eckwertebeschluss.yaml` (the council's frames) and
/// `ist_unterjaehrig.csv` (in-year Ist for controlling).
public enum Kreislaufdateien {
    /// `ist_unterjaehrig.csv`: `jahr;monat;produkt;groesse;wert`. Months 1–12; amounts are cumulative from January,
    /// so an amount that falls from one month to a later one is an error (at the later row's `wert`); `faelle` is
    /// the month's count (≥ 0).
    public static func istUnterjaehrig(_ t: CSVTabelle) -> Leseergebnis<IstUnterjaehrig> {
        var l = Leser(t, ["jahr", "monat", "produkt", "groesse", "wert"])
        guard l.vollstaendig else { return Leseergebnis(wert: nil, diagnostics: l.d) }
        var daten = IstUnterjaehrig()
        for z in t.rows {
            let jahr = l.ganzzahl(z, 0, "Jahr")
            var monat = l.ganzzahl(z, 1, "Monat")
            if let m = monat, !(1...12).contains(m) {
                l.fehler(
                    z, 1,
                    "Monat \(m) liegt außerhalb von 1..12 (erwartet der Monat, bis zu dem der Betrag aufgelaufen ist)")
                monat = nil
            }
            let produkt = l.id(z, 2, "ein", "Produkt")
            let groesse = l.id(z, 3, "eine", "Größe")
            let istFaelle = groesse?.lowercased() == "faelle"
            let wert = istFaelle ? l.zahl(z, 4, "Fallzahl", nichtNegativ: true) : l.zahl(z, 4, "Wert")
            guard let jahr, let monat, let produkt, let groesse else { continue }
            let k = UnterjaehrigSchluessel(
                jahr: jahr, monat: monat, produkt: produkt,
                groesse: istFaelle ? "faelle" : groesse)
            if let erste = daten.zeilen[k] {
                l.doppelt(
                    z, erste, "Jahr \(jahr), Monat \(monat), Produkt \(produkt), Größe \(groesse)",
                    spalte: l.schluesselSpalte(4))
                continue
            }
            daten.zeilen[k] = z.line
            daten.werte[k] = wert ?? 0
        }
        fallendeSummen(daten, &l)
        return Leseergebnis(wert: daten, diagnostics: l.d)
    }

    public static func istUnterjaehrig(bytes: [UInt8], datei: String) -> Leseergebnis<IstUnterjaehrig> {
        do {
            return istUnterjaehrig(try CSV.lesen(bytes, datei: datei))
        } catch {
            return Leseergebnis(wert: nil, diagnostics: error.diagnostics)
        }
    }

    /// A cumulative amount must not fall from one month to a later one of the same year, product and line.
    static func fallendeSummen(_ daten: IstUnterjaehrig, _ l: inout Leser) {
        struct Reihe: Hashable { var jahr: Int; var produkt: String; var groesse: String }
        var reihen: [Reihe: [(monat: Int, wert: Double, zeile: Int)]] = [:]
        for (k, w) in daten.werte where k.groesse != "faelle" {
            reihen[Reihe(jahr: k.jahr, produkt: k.produkt, groesse: k.groesse), default: []]
                .append((k.monat, w, daten.zeilen[k] ?? 0))
        }
        var fehler: [(zeile: Int, text: String)] = []
        for (r, punkte) in reihen {
            let s = punkte.sorted { $0.monat < $1.monat }
            for i in 1..<max(1, s.count) where s[i].wert < s[i - 1].wert - 0.005 {
                fehler.append(
                    (
                        s[i].zeile,
                        "aufgelaufener Betrag fällt: \(r.produkt) \(r.groesse) \(r.jahr) Monat \(s[i].monat) = "
                            + "\(Datendateien.deutsch(s[i].wert)), Monat \(s[i - 1].monat) = "
                            + "\(Datendateien.deutsch(s[i - 1].wert)) (Zeile \(s[i - 1].zeile)) – erwartet ist der "
                            + "Betrag von Januar bis zum Monat (kumuliert), der von Monat zu Monat nicht kleiner wird"
                    ))
            }
        }
        let spalte = l.spalte[4] + 1
        for f in fehler.sorted(by: { $0.zeile < $1.zeile }) {
            l.d.append(.error(SourceLocation(file: l.t.file, line: f.zeile, column: spalte), f.text))
        }
    }

    /// `eckwertebeschluss.yaml`: `rahmen: {<Budgetbereich>: {<Jahr>: <Betrag>, …}, …}` and an optional
    /// `beschluss:` text. Every Budgetbereich must exist in modell.yaml and every year lie in `jahre`.
    static func eckwertebeschluss(
        _ text: String, datei: String, budgetbereiche: [String], jahre: ClosedRange<Int>,
        befund: Befund
    ) -> Eckwertebeschluss? {
        guard let wurzel = YAMLDatei.lesen(text, datei: datei, befund: befund) else { return nil }
        let y = YLeser(befund: befund)
        guard let a = y.abschnitt(wurzel, datei) else { return nil }
        a.pruefeSchluessel(["rahmen", "beschluss"], befund)
        var out = Eckwertebeschluss(rahmen: [:])
        out.beschluss = a["beschluss"].flatMap { y.text($0, "beschluss") }
        guard let rk = a.pflicht("rahmen", befund, erwartet: "rahmen: {B1: {\(jahre.lowerBound + 1): 180000000}}"),
            let r = y.abschnitt(rk, "rahmen")
        else { return nil }
        for p in r.paare {
            guard budgetbereiche.contains(p.schluessel) else {
                var t = "rahmen: Budgetbereich '\(p.schluessel)' gibt es in modell.yaml nicht"
                if let h = Aehnlichkeit.vorschlag(p.schluessel, aus: budgetbereiche) { t += " – meinten Sie '\(h)'?" }
                befund.fehler(p.ort, t + " (vorhanden: \(budgetbereiche.joined(separator: ", ")))")
                continue
            }
            guard let jahresabschnitt = y.abschnitt(p.wert, "rahmen \(p.schluessel)") else { continue }
            var werte: [Int: Double] = [:]
            for j in jahresabschnitt.paare {
                guard let jahr = Int(j.schluessel.trimmingCharacters(in: .whitespaces)) else {
                    befund.fehler(
                        j.ort,
                        "rahmen \(p.schluessel): '\(j.schluessel)' ist kein Jahr (erwartet z. B. "
                            + "\(jahre.lowerBound + 1): 180000000)")
                    continue
                }
                guard jahre.contains(jahr) else {
                    befund.fehler(
                        j.ort,
                        "rahmen \(p.schluessel): Jahr \(jahr) liegt außerhalb der Planjahre "
                            + "\(jahre.lowerBound)–\(jahre.upperBound) (Basisjahr + 1 bis Horizont)")
                    continue
                }
                if let v = y.zahl(j.wert, "rahmen \(p.schluessel) \(jahr)") { werte[jahr] = v }
            }
            out.rahmen[p.schluessel] = werte
        }
        return out
    }

    /// `ist_unterjaehrig.csv`: every row names a product of the model and a Buchungszeile of its scheme (or `faelle`).
    static let istUnterjaehrigZeilen: Modellpruefung.Regel = { k in
        guard let u = k.m.istUnterjaehrig else { return }
        let datei = k.dateiname("ist_unterjaehrig"), kr = k.m.kontenrahmen
        for (s, zeile) in u.zeilen.sorted(by: { $0.value < $1.value }) {
            let ort = { (c: Int) in SourceLocation(file: datei, line: zeile, column: c) }
            if !k.produkte.nrn.contains(s.produkt) {
                var t = "Produkt '\(s.produkt)' gibt es in modell.yaml nicht"
                if let h = Aehnlichkeit.vorschlag(s.produkt, aus: k.produkte.nrn.sorted()) {
                    t += " – meinten Sie '\(h)'?"
                }
                k.befund.fehler(ort(3), t)
            }
            if s.groesse != "faelle" && !kr.istBuchungszeile(s.groesse) {
                var t = "Größe '\(s.groesse)' ist keine Buchungszeile des Kontenrahmens \(kr.id) und nicht 'faelle'"
                if let h = Aehnlichkeit.vorschlag(s.groesse, aus: kr.buchungszeilen) { t += " – meinten Sie '\(h)'?" }
                k.befund.fehler(ort(4), t)
            }
        }
    }
}
