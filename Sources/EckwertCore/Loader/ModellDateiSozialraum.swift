/// The Sozialraum keys of `modell.yaml` (spec section 13): `indikatoren:`, `sozialindex:`, `karte:`,
/// `verteilungen:`; and `fallzahl.glaettung` of a product.
struct SozialraumAngaben {
    var indikatoren: [Indikator] = []
    var sozialindex: Sozialindexangabe?
    var sozialindexOrt: SourceLocation?
    var karte: (datei: String, schluessel: String)?
    var verteilungen: [Verteilung] = []
    /// Where each indicator id of `sozialindex:` is written (checked against `indikatoren:`).
    var indikatorVerweise: [(id: String, ort: SourceLocation)] = []

    // swiftlint:disable:next function_body_length
    static func lesen(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> SozialraumAngaben {
        var s = d.sozialraum  // keeps the indicator references of formulas read before
        if let k = m["indikatoren"], let l = y.liste(k, "indikatoren") {
            for e in l {
                guard let a = y.abschnitt(e, "Indikator") else { continue }
                let kontext = "Indikator \(a["id"]?.skalar ?? "?")"
                a.pruefeSchluessel(Schluesselschema.modell.schluessel("indikatoren"), befund)
                guard let id = a.pflicht("id", befund).flatMap({ y.text($0, "\(kontext) id") }),
                    let name = a.pflicht("name", befund).flatMap({ y.text($0, "\(kontext) name") }),
                    let r = a.pflicht("richtung", befund, erwartet: "belastend | entlastend").flatMap({
                        y.auswahl($0, "\(kontext) richtung", Indikator.Richtung.self, ["belastend", "entlastend"])
                    })
                else { continue }
                if s.indikatoren.contains(where: { $0.id == id }) {
                    befund.fehler(a.ort, "indikatoren: id '\(id)' ist doppelt vergeben")
                    continue
                }
                s.indikatoren.append(
                    Indikator(
                        id: id, name: name, einheit: a["einheit"].flatMap { y.text($0, "\(kontext) einheit") },
                        richtung: r))
            }
        }
        if let k = m["sozialindex"], let a = y.abschnitt(k, "sozialindex") {
            a.pruefeSchluessel(Schluesselschema.modell.schluessel("sozialindex"), befund)
            let jahr = a.pflicht("jahr", befund).flatMap { y.ganzzahl($0, "sozialindex jahr", 1900...2200) }
            var liste: [(id: String, gewicht: Double)] = []
            if let lk = a.pflicht("indikatoren", befund, erwartet: "[{id: …, gewicht: …}, …]"),
                let l = y.liste(lk, "sozialindex indikatoren")
            {
                for e in l {
                    guard let ia = y.abschnitt(e, "sozialindex indikatoren") else { continue }
                    ia.pruefeSchluessel(Schluesselschema.modell.schluessel("sozialindex", "indikatoren"), befund)
                    guard let id = ia.pflicht("id", befund).flatMap({ y.text($0, "sozialindex indikator id") }) else {
                        continue
                    }
                    let g = ia["gewicht"].flatMap { y.zahl($0, "sozialindex indikator \(id) gewicht", 0...1000) } ?? 1
                    liste.append((id, g))
                    s.indikatorVerweise.append((id, ia.ort))
                }
                if liste.isEmpty { befund.fehler(lk.ort, "sozialindex indikatoren: mindestens ein Indikator erwartet") }
                if !liste.isEmpty, liste.allSatisfy({ $0.gewicht == 0 }) {
                    befund.fehler(lk.ort, "sozialindex indikatoren: alle Gewichte sind 0")
                }
            }
            if let jahr, !liste.isEmpty { s.sozialindex = Sozialindexangabe(jahr: jahr, indikatoren: liste) }
            s.sozialindexOrt = a.ort
        }
        if let k = m["karte"], let a = y.abschnitt(k, "karte") {
            a.pruefeSchluessel(Schluesselschema.modell.schluessel("karte"), befund)
            if let datei = a.pflicht("datei", befund).flatMap({ y.text($0, "karte datei") }) {
                if datei.contains("..") || datei.hasPrefix("/") {
                    befund.fehler(
                        a["datei"]?.ort ?? a.ort,
                        "karte datei: nur Dateien im Modellordner sind erlaubt, gefunden '\(datei)'")
                } else {
                    s.karte = (datei, a["schluessel"].flatMap { y.text($0, "karte schluessel") } ?? "gebiet")
                }
            }
        }
        if let k = m["verteilungen"], let l = y.liste(k, "verteilungen") {
            for e in l {
                if let v = verteilung(e, y, befund, &d), !s.verteilungen.contains(where: { $0.id == v.id }) {
                    s.verteilungen.append(v)
                }
            }
        }
        return s
    }

    private static func verteilung(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Verteilung? {
        guard let a = y.abschnitt(e, "Verteilung") else { return nil }
        let kontext = "Verteilung \(a["id"]?.skalar ?? "?")"
        a.pruefeSchluessel(Schluesselschema.modell.schluessel("verteilungen"), befund)
        let id = a.pflicht("id", befund).flatMap { y.text($0, "\(kontext) id") }
        let name = a.pflicht("name", befund).flatMap { y.text($0, "\(kontext) name") }
        var betrag = a.pflicht("betrag", befund, erwartet: "ganze Euro").flatMap {
            y.zahl($0, "\(kontext) betrag", 0...1e12)
        }
        if let b = betrag, b != b.rounded() {
            befund.fehler(
                a["betrag"]?.ort ?? a.ort, "\(kontext) betrag: erwartet ganze Euro, gefunden \(YLeser.zeige(b))")
            betrag = nil
        }
        let jahr = a["jahr"].flatMap { y.ganzzahl($0, "\(kontext) jahr", 1900...2200) }
        let bezug = a.pflicht("bezug", befund, erwartet: "{alter: [von, bis]} oder {gruppe: name}").flatMap {
            ModellDatei.bezug($0, y, befund, "\(kontext) bezug", &d)
        }
        let staerke = a["staerke"].flatMap { y.zahl($0, "\(kontext) staerke", 0...10) } ?? 0.5
        guard let id, let name, let betrag, let bezug else { return nil }
        return Verteilung(id: id, name: name, betrag: betrag, jahr: jahr, bezug: bezug, staerke: staerke)
    }

    /// `fallzahl.glaettung`: `auto`, or k ≥ 0 persons.
    static func glaettung(_ k: YKnoten, _ y: YLeser, _ befund: Befund, _ kontext: String) -> Glaettung? {
        if k.skalar?.trimmingCharacters(in: .whitespaces) == "auto" { return .auto }
        if let s = k.skalar, YLeser.zahlWert(s) == nil {
            befund.fehler(k.ort, "\(kontext) glaettung: erwartet 'auto' oder eine Zahl ≥ 0 (Personen), gefunden '\(s)'")
            return nil
        }
        return y.zahl(k, "\(kontext) glaettung", 0...1e12).map { .staerke($0) }
    }
}
