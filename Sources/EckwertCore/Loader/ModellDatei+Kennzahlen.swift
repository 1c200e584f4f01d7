import Yams

/// `kennzahlen:`, `ziele:` and `strategische_ziele:` of modell.yaml.
extension ModellDatei {
    /// `kennzahlen:` with their formulas.
    static func abschnittKennzahlen(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["kennzahlen"], let l = y.liste(k, "kennzahlen") {
            for e in l {
                if let kz = kennzahl(e, y, befund, &d) { d.kennzahlen.append(kz) } else { d.merkeFehlerhaft(.kennzahl, e, "id") }
            }
        }
    }

    /// `ziele:`.
    static func abschnittZiele(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["ziele"], let l = y.liste(k, "ziele") {
            for e in l { if let z = ziel(e, y, befund, &d) { d.ziele.append(z) } }
        }
    }

    /// `strategische_ziele:` with weights.
    static func abschnittStrategischeZiele(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["strategische_ziele"], let l = y.liste(k, "strategische_ziele") {
            d.strategischeZieleOrt = k.ort
            for e in l {
                guard let a = y.abschnitt(e, "strategisches Ziel") else { continue }
                let kontext = "strategisches Ziel \(a["id"]?.skalar ?? "?")"
                a.pruefeSchluessel(Schluesselschema.modell.schluessel("strategische_ziele"), befund)
                guard let id = a.pflicht("id", befund).flatMap({ y.text($0, "\(kontext) id") }),
                      let name = a.pflicht("name", befund).flatMap({ y.text($0, "\(kontext) name") }),
                      let g = a.pflicht("gewicht", befund).flatMap({ y.zahl($0, "\(kontext) gewicht", 0...1) }) else {
                    d.merkeFehlerhaft(.strategischesZiel, e, "id")
                    continue
                }
                if d.strategischeZiele.contains(where: { $0.id == id }) {
                    befund.fehler(a.ort, "strategische_ziele: id '\(id)' ist doppelt vergeben")
                    continue
                }
                d.strategischeZiele.append(StrategischesZiel(id: id, name: name, gewicht: g))
            }
        }
    }

    static func kennzahl(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Kennzahl? {
        guard let a0 = y.abschnitt(e, "Kennzahl") else { return nil }
        let kontext = "Kennzahl \(a0["id"]?.skalar ?? "?")"
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(Schluesselschema.modell.schluessel("kennzahlen"), befund)
        let id = a.pflicht("id", befund).flatMap { y.text($0, "\(kontext) id") }
        let name = a.pflicht("name", befund).flatMap { y.text($0, "\(kontext) name") }
        let fk = a.pflicht("formel", befund)
        let formel = fk.flatMap { y.text($0, "\(kontext) formel") }
        let richtung = a["richtung"].flatMap { y.auswahl($0, "\(kontext) richtung", Richtung.self, ["sinkend", "steigend"]) }
        guard let id, let name, let formel, let fk else { return nil }
        let ausdruck: Ausdruck
        do {
            ausdruck = try Formelparser.parse(formel)
        } catch {
            befund.fehler(Self.formelOrt(fk, spalte: error.spalte),
                          "Kennzahl \(id): Formel fehlerhaft an Spalte \(error.spalte): \(error.meldung)")
            return nil
        }
        var kz = Kennzahl(id: id, name: name, einheit: a["einheit"].flatMap { y.text($0, "\(kontext) einheit") },
                          formel: formel, ausdruck: ausdruck, richtung: richtung,
                          quelle: a["quelle"].flatMap { y.text($0, "\(kontext) quelle") })
        kz.ort = a.ort
        for (aufruf, spalte) in ausdruck.aufrufe {
            let ort = Self.formelOrt(fk, spalte: spalte)
            let k = "Kennzahl \(id) Formel"
            switch aufruf {
            case let .faelle(p), let .aufwand(p), let .ertrag(p), let .zuschuss(p), let .fallkosten(p),
                 let .plaetze(p), let .luecke(p), let .zeile(p, _):
                d.verweise.append(Verweis(art: .produktOderPrefix, id: p, ort: ort, kontext: k))
                if case let .zeile(_, key) = aufruf { d.kontoVerweis(key, ort, k, summeErlaubt: true) }
            case let .kennzahl(kid):
                d.verweise.append(Verweis(art: .kennzahl, id: kid, ort: ort, kontext: k))
            case let .bev(auswahl):
                if case let .gruppe(g)? = auswahl.alter, !d.altersgruppen.contains(where: { $0.name == g }),
                   !d.fehlerhafteAltersgruppen.contains(g) {
                    befund.fehler(ort, "\(k): Altersgruppe '\(g)' ist nicht unter altersgruppen definiert")
                }
                if let g = auswahl.gebiet { d.verweise.append(Verweis(art: .gebiet, id: g, ort: ort, kontext: k)) }
            }
        }
        return kz
    }

    /// Location of a formula column: the YAML value's position plus the column (exact for one-line plain or
    /// quoted scalars, which is how formulas are written).
    static func formelOrt(_ k: YKnoten, spalte: Int) -> SourceLocation {
        var ort = k.ort
        if let c = ort.column {
            var offset = 0
            if case let .scalar(s) = k.node, s.style == .singleQuoted || s.style == .doubleQuoted { offset = 1 }
            ort.column = c + offset + spalte - 1
        }
        return ort
    }

    static func ziel(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Ziel? {
        guard let a0 = y.abschnitt(e, "Ziel") else { return nil }
        let kontext = "Ziel \(a0["id"]?.skalar ?? "?")"
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(Schluesselschema.modell.schluessel("ziele"), befund)
        let id = a.pflicht("id", befund).flatMap { y.text($0, "\(kontext) id") }
        let produkt = a.pflicht("produkt", befund).flatMap { y.text($0, "\(kontext) produkt") }
        let feld = a.pflicht("zielfeld", befund, erwartet: "wirkung | leistung | prozess | ressourcen").flatMap {
            y.auswahl($0, "\(kontext) zielfeld", Zielfeld.self, Zielfeld.allCases.map(\.rawValue))
        }
        let text = a.pflicht("text", befund).flatMap { y.text($0, "\(kontext) text") }
        guard let id, let produkt, let feld, let text else { return nil }
        if let pk = a["produkt"] { d.verweise.append(Verweis(art: .produkt, id: produkt, ort: pk.ort, kontext: kontext)) }
        var z = Ziel(id: id, produkt: produkt, zielfeld: feld, text: text)
        z.ort = a.ort
        if let k = a["kennzahl"], let kid = y.text(k, "\(kontext) kennzahl") {
            z.kennzahl = kid
            d.verweise.append(Verweis(art: .kennzahl, id: kid, ort: k.ort, kontext: kontext))
        }
        if let k = a["zielwert"], let w = y.abschnitt(k, "\(kontext) zielwert") {
            w.pruefeSchluessel(Schluesselschema.modell.schluessel("ziele", "zielwert"), befund)
            switch (w["relativ"], w["absolut"]) {
            case let (r?, nil): z.zielwert = y.zahl(r, "\(kontext) zielwert relativ", -1...100).map { .relativ($0) }
            case let (nil, ab?): z.zielwert = y.zahl(ab, "\(kontext) zielwert absolut").map { .absolut($0) }
            case (_?, _?): befund.fehler(w.ort, "\(kontext) zielwert: entweder 'relativ' oder 'absolut', nicht beides")
            case (nil, nil): befund.fehler(w.ort, "\(kontext) zielwert: 'relativ' oder 'absolut' fehlt")
            }
        }
        z.bis = a["bis"].flatMap { y.ganzzahl($0, "\(kontext) bis", 1900...2200) }
        z.verantwortlich = a["verantwortlich"].flatMap { y.text($0, "\(kontext) verantwortlich") }
        if let k = a["massnahme"], let mid = y.text(k, "\(kontext) massnahme") {
            z.massnahme = mid
            d.verweise.append(Verweis(art: .massnahme, id: mid, ort: k.ort, kontext: kontext))
        }
        return z
    }
}
