import Yams

/// `kennzahlen:`, `ziele:` and `strategische_ziele:` of modell.yaml.
extension ModellDatei {
    // The allowed keys of the sections read once per item, worked out from the schema once (not walked again
    // for each of hundreds of indicators).
    private static let schluesselZielwert = Schluesselschema.modell.schluessel("ziele", "zielwert")
    private static let schluesselKennzahl = Schluesselschema.modell.schluessel("kennzahlen")
    private static let schluesselZiel = Schluesselschema.modell.schluessel("ziele")

    /// `kennzahlen:` with their formulas.
    static func abschnittKennzahlen(
        _ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei,
        formeln: Formelvorrat = Formelvorrat([])
    ) {
        if let k = m["kennzahlen"], let l = y.liste(k, "kennzahlen") {
            for e in l {
                if let kz = kennzahl(e, y, befund, &d, formeln: formeln) {
                    d.kennzahlen.append(kz)
                } else {
                    d.merkeFehlerhaft(.kennzahl, e, "id")
                }
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
                    let g = a.pflicht("gewicht", befund).flatMap({ y.zahl($0, "\(kontext) gewicht", 0...1) })
                else {
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

    static func kennzahl(
        _ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei, formeln: Formelvorrat
    ) -> Kennzahl? {
        guard let a0 = y.abschnitt(e, "Kennzahl") else { return nil }
        let kontext = "Kennzahl \(a0["id"]?.skalar ?? "?")"
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(schluesselKennzahl, befund)
        let id = a.pflicht("id", befund).flatMap { y.text($0, "\(kontext) id") }
        let name = a.pflicht("name", befund).flatMap { y.text($0, "\(kontext) name") }
        let fk = a.pflicht("formel", befund)
        let formel = fk.flatMap { y.text($0, "\(kontext) formel") }
        let richtung = a["richtung"].flatMap {
            y.auswahl($0, "\(kontext) richtung", Richtung.self, ["sinkend", "steigend"])
        }
        guard let id, let name, let formel, let fk else { return nil }
        let ausdruck: Ausdruck
        switch formeln[formel] {
        case .success(let a): ausdruck = a
        case .failure(let error):
            befund.fehler(
                Self.formelOrt(fk, spalte: error.spalte),
                "Kennzahl \(id): Formel fehlerhaft an Spalte \(error.spalte): \(error.meldung)")
            return nil
        }
        var kz = Kennzahl(
            id: id, name: name, einheit: a["einheit"].flatMap { y.text($0, "\(kontext) einheit") },
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
            case let .faelleGebiet(p, g):
                d.verweise.append(Verweis(art: .produktOderPrefix, id: p, ort: ort, kontext: k))
                d.verweise.append(Verweis(art: .gebiet, id: g, ort: ort, kontext: k))
            case let .indikator(id, g):
                d.sozialraum.indikatorVerweise.append((id, ort))
                if let g { d.verweise.append(Verweis(art: .gebiet, id: g, ort: ort, kontext: k)) }
            case let .bev(auswahl):
                if case let .gruppe(g)? = auswahl.alter, !d.altersgruppen.contains(where: { $0.name == g }),
                    !d.fehlerhafteAltersgruppen.contains(g)
                {
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
            if k.gequotet { offset = 1 }
            ort.column = c + offset + spalte - 1
        }
        return ort
    }

    static func ziel(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Ziel? {
        guard let a0 = y.abschnitt(e, "Ziel") else { return nil }
        let kontext = "Ziel \(a0["id"]?.skalar ?? "?")"
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(schluesselZiel, befund)
        let id = a.pflicht("id", befund).flatMap { y.text($0, "\(kontext) id") }
        let traeger = Zielebene.allCases.filter { a[$0.rawValue] != nil }
        if traeger.count > 1 {
            befund.fehler(
                a.ort,
                "\(kontext): nur eines von produkt, produktgruppe, budgetbereich angeben, gefunden "
                    + traeger.map(\.rawValue).joined(separator: ", "))
        }
        let ebene = traeger.first ?? .produkt
        let produkt = a.pflicht(ebene.rawValue, befund, erwartet: "produkt, produktgruppe oder budgetbereich")
            .flatMap { y.text($0, "\(kontext) \(ebene.rawValue)") }
        let feld = a.pflicht("zielfeld", befund, erwartet: "wirkung | leistung | prozess | ressourcen").flatMap {
            y.auswahl($0, "\(kontext) zielfeld", Zielfeld.self, Zielfeld.allCases.map(\.rawValue))
        }
        let text = a.pflicht("text", befund).flatMap { y.text($0, "\(kontext) text") }
        guard let id, let produkt, let feld, let text else { return nil }
        zielTraegerVerweis(ebene, produkt, a, kontext, befund, &d)
        var z = Ziel(id: id, produkt: produkt, zielfeld: feld, text: text)
        z.ebene = ebene
        z.ort = a.ort
        if let k = a["oberziel"], let o = y.text(k, "\(kontext) oberziel") {
            z.oberziel = o
            d.oberzielOrte[id] = k.ort
        }
        if let k = a["kennzahl"], let kid = y.text(k, "\(kontext) kennzahl") {
            z.kennzahl = kid
            d.verweise.append(Verweis(art: .kennzahl, id: kid, ort: k.ort, kontext: kontext))
        }
        if let k = a["zielwert"], let w = y.abschnitt(k, "\(kontext) zielwert") {
            w.pruefeSchluessel(schluesselZielwert, befund)
            switch (w["relativ"], w["absolut"]) {
            case let (r?, nil) where r.skalar == nil:
                zwischenziele(&z, y.pfad(r, "\(kontext) zielwert relativ", -1...100), a, y) { .relativ($0) }
            case let (nil, ab?) where ab.skalar == nil:
                zwischenziele(&z, y.pfad(ab, "\(kontext) zielwert absolut"), a, y) { .absolut($0) }
            case let (r?, nil): z.zielwert = y.zahl(r, "\(kontext) zielwert relativ", -1...100).map { .relativ($0) }
            case let (nil, ab?): z.zielwert = y.zahl(ab, "\(kontext) zielwert absolut").map { .absolut($0) }
            case (_?, _?): befund.fehler(w.ort, "\(kontext) zielwert: entweder 'relativ' oder 'absolut', nicht beides")
            case (nil, nil): befund.fehler(w.ort, "\(kontext) zielwert: 'relativ' oder 'absolut' fehlt")
            }
        }
        z.bis = a["bis"].flatMap { y.ganzzahl($0, "\(kontext) bis", 1900...2200) } ?? z.bis
        z.verantwortlich = a["verantwortlich"].flatMap { y.text($0, "\(kontext) verantwortlich") }
        if let k = a["massnahme"], let mid = y.text(k, "\(kontext) massnahme") {
            z.massnahme = mid
            d.verweise.append(Verweis(art: .massnahme, id: mid, ort: k.ort, kontext: kontext))
        }
        if let k = a["gebiet"], let g = y.text(k, "\(kontext) gebiet") {
            z.gebiet = g
            d.verweise.append(Verweis(art: .gebiet, id: g, ort: k.ort, kontext: kontext))
        }
        return z
    }

    /// The reference a Ziel's carrier makes: a product, a Produktgruppe (number prefix) or a Budgetbereich.
    private static func zielTraegerVerweis(
        _ ebene: Zielebene, _ traeger: String, _ a: YAbschnitt, _ kontext: String,
        _ befund: Befund, _ d: inout ModellDatei
    ) {
        switch ebene {
        case .produkt:
            if let pk = a["produkt"] {
                d.verweise.append(Verweis(art: .produkt, id: traeger, ort: pk.ort, kontext: kontext))
            }
        case .produktgruppe:
            if let pk = a["produktgruppe"] {
                d.verweise.append(Verweis(art: .produktOderPrefix, id: traeger, ort: pk.ort, kontext: kontext))
            }
        case .budgetbereich:
            if let pk = a["budgetbereich"], !d.budgetbereiche.contains(where: { $0.0.id == traeger }) {
                befund.fehler(
                    pk.ort,
                    "\(kontext): Budgetbereich '\(traeger)' gibt es nicht (vorhanden: "
                        + d.budgetbereiche.map(\.0.id).joined(separator: ", ") + ")")
            }
        }
    }

    /// A `zielwert` given as a path `{Jahr: Wert}`: the value at `bis` (default: the path's last year) is the
    /// Zielwert, the other years of the path up to `bis` are Zwischenziele.
    private static func zwischenziele(
        _ z: inout Ziel, _ pfad: Zeitpfad?, _ a: YAbschnitt, _ y: YLeser,
        _ art: (Double) -> Zielwert
    ) {
        guard let pfad, let letztes = pfad.punkte.last?.jahr else { return }
        let bis = a["bis"].flatMap { Int(($0.skalar ?? "").trimmingCharacters(in: .whitespaces)) } ?? letztes
        z.bis = bis
        z.zielwert = art(pfad.wert(bis))
        for (j, _) in pfad.punkte where j < bis { z.zwischenziele[j] = art(pfad.wert(j)) }
    }

    /// Every `oberziel` names an existing Ziel or strategisches Ziel, and the links form no cycle.
    static func oberzielePruefen(_ d: ModellDatei, _ befund: Befund) {
        let ziele = Dictionary(d.ziele.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let strategisch = Set(d.strategischeZiele.map(\.id))
        for z in d.ziele {
            guard let o = z.oberziel else { continue }
            let ort = d.oberzielOrte[z.id] ?? z.ort
            if ziele[o] == nil && !strategisch.contains(o) {
                var t = "Ziel \(z.id) oberziel: '\(o)' ist weder ein Ziel noch ein strategisches Ziel"
                if let h = Aehnlichkeit.vorschlag(o, aus: Array(ziele.keys).sorted() + strategisch.sorted()) {
                    t += " – meinten Sie '\(h)'?"
                }
                befund.fehler(ort, t)
                continue
            }
            if o == z.id {
                befund.fehler(ort, "Ziel \(z.id) oberziel: ein Ziel kann nicht sein eigenes Oberziel sein")
                continue
            }
            var kette = [z.id], x = o
            while let naechstes = ziele[x]?.oberziel, kette.count <= ziele.count {
                kette.append(x)
                if naechstes == z.id {
                    befund.fehler(
                        ort,
                        "Ziel \(z.id) oberziel: Kreis in der Zielhierarchie ("
                            + (kette + [z.id]).joined(separator: " → ") + ")")
                    break
                }
                x = naechstes
            }
        }
    }
}

/// Formulas parsed ahead (`Formelparser.parse`, which depends on nothing but the text), by their text; a text not
/// among them is parsed when asked for. Either way the answer is the parser's.
struct Formelvorrat: Sendable {
    private var geparst: [String: Result<Ausdruck, Formelfehler>] = [:]

    init(_ texte: [String]) {
        for t in texte where geparst[t] == nil { geparst[t] = Self.parse(t) }
    }

    subscript(_ text: String) -> Result<Ausdruck, Formelfehler> { geparst[text] ?? Self.parse(text) }

    private static func parse(_ text: String) -> Result<Ausdruck, Formelfehler> {
        do { return .success(try Formelparser.parse(text)) } catch { return .failure(error) }
    }
}
