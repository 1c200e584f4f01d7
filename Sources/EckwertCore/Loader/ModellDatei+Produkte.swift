/// `produkte:` of modell.yaml: each product with its driver, costs, reimbursement and capacity.
extension ModellDatei {
    // The allowed keys of the sections read once per item, worked out from the schema once (not walked again
    // for each of a thousand products).
    private static let schluesselBezug = Schluesselschema.modell.schluessel("produkte", "fallzahl", "bezug")
    private static let schluesselFallkosten = Schluesselschema.modell.schluessel("produkte", "fallkosten")
    private static let schluesselErstattung = Schluesselschema.modell.schluessel("produkte", "erstattung")
    private static let schluesselKapazitaet = Schluesselschema.modell.schluessel("produkte", "kapazitaet")
    private static let schluesselFallzahl = Schluesselschema.modell.schluessel("produkte", "fallzahl")
    private static let schluesselProdukt = Schluesselschema.modell.schluessel("produkte")

    /// `produkte:` (required).
    static func abschnittProdukte(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["produkte"], let l = y.liste(k, "produkte") {
            for e in l {
                if let p = produkt(e, y, befund, &d) {
                    d.produkte.append(p)
                } else {
                    d.merkeFehlerhaft(.produkt, e, "nr")
                }
            }
        } else if m["produkte"] == nil {
            befund.fehler(m.ort, "Pflichtangabe 'produkte' fehlt in modell.yaml (erwartet: eine Liste von Produkten)")
        }
        let n = Produktnummerung(
            produktgruppen: d.produktgruppen.map(\.nr),
            produktbereiche: d.produktbereiche.map(\.nr))
        for i in d.produkte.indices { n.zuordnen(&d.produkte[i]) }
    }

    /// A level written on the product (`produktgruppe:` / `produktbereich:`); it must be declared.
    static func ebeneLesen(
        _ a: YAbschnitt, _ key: String, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei,
        _ p: inout Produkt
    ) {
        guard let k = a[key], let wert = y.text(k, "\(a.kontext) \(key)") else { return }
        let gruppe = key == "produktgruppe"
        let ebenen = gruppe ? d.produktgruppen : d.produktbereiche
        // The list of numbers only for the message: built for each of a thousand products, it cost more than
        // the search.
        guard ebenen.contains(where: { $0.nr == wert }) else {
            let benannt = ebenen.map(\.nr)
            var text =
                "\(a.kontext): \(gruppe ? "Produktgruppe" : "Produktbereich") '\(wert)' ist unter "
                + "\(gruppe ? "produktgruppen" : "produktbereiche") nicht benannt"
            if let h = Aehnlichkeit.vorschlag(wert, aus: benannt) { text += " – meinten Sie '\(h)'?" }
            befund.fehler(k.ort, text)
            d.fehlerhafteEbenen.insert(p.nr)
            return
        }
        if gruppe {
            p.produktgruppe = wert; p.produktgruppeAngegeben = true
        } else {
            p.produktbereich = wert
            p.produktbereichAngegeben = true
        }
    }

    static func produkt(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Produkt? {
        guard let a0 = y.abschnitt(e, "Produkt") else { return nil }
        let kontext = "Produkt \(a0["nr"]?.skalar ?? "?")"
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(schluesselProdukt, befund)
        let nr = a.pflicht("nr", befund).flatMap { y.text($0, "\(kontext) nr") }
        let name = a.pflicht("name", befund).flatMap { y.text($0, "\(kontext) name") }
        let art = a.pflicht("art", befund, erwartet: "pflicht | freiwillig").flatMap {
            y.auswahl($0, "\(kontext) art", Produktart.self, ["pflicht", "freiwillig"])
        }
        guard let nr, let name, let art else { return nil }
        // The split decides; the test before it only skips the split for a number without a "." byte, by byte
        // because `contains(".")` on a String goes through Foundation's `range(of:)`.
        if nr.utf8.contains(UInt8(ascii: ".")),
            nr.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
        {
            befund.fehler(
                a["nr"]?.ort ?? a.ort,
                "\(kontext): Produktnummer '\(nr)' hat einen leeren Teil zwischen "
                    + "Punkten – erwartet z. B. 36.3.05, 11.05.01.01 oder ohne Punkte 363005")
        }
        var p = Produkt(nr: nr, name: name, art: art)
        p.ort = a.ort
        ebeneLesen(a, "produktgruppe", y, befund, &d, &p)
        ebeneLesen(a, "produktbereich", y, befund, &d, &p)
        p.verantwortlich = a["verantwortlich"].flatMap { y.text($0, "\(kontext) verantwortlich") }
        p.gremium = a["gremium"].flatMap { y.text($0, "\(kontext) gremium") }
        p.zielgruppe = a["zielgruppe"].flatMap { y.text($0, "\(kontext) zielgruppe") }
        p.beschreibung = a["beschreibung"].flatMap { y.text($0, "\(kontext) beschreibung") }
        if let k = a["fallzahl"] {
            p.fallzahl = fallzahl(k, y, befund, kontext, &d)
            if p.fallzahl == nil { d.fehlerhafteTreiber.insert(nr) }
        }
        if let k = a["fallkosten"], let f = y.abschnitt(k, "\(kontext) fallkosten") {
            f.pruefeSchluessel(schluesselFallkosten, befund)
            var basis: Fallkostenbasis?
            if let bk = f.pflicht("basis", befund, erwartet: "ist oder ein Betrag in EUR je Fall und Jahr") {
                if bk.skalar == "ist" {
                    basis = .ist
                } else if let v = y.zahl(bk, "\(kontext) fallkosten basis (ist oder Betrag)", 0...1e9) {
                    basis = .betrag(v)
                }
            }
            let konto = f.pflicht("konto", befund).flatMap { y.text($0, "\(kontext) fallkosten konto") }
            if let konto, let kk = f["konto"] { d.kontoVerweis(konto, kk.ort, "\(kontext) fallkosten konto") }
            let pa = f["personalanteil"].flatMap { y.zahl($0, "\(kontext) fallkosten personalanteil", 0...1) } ?? 0
            if let basis, let konto { p.fallkosten = Fallkosten(basis: basis, konto: konto, personalanteil: pa) }
            if p.fallzahl == nil, a["fallzahl"] == nil {
                befund.fehler(
                    k.ort, "\(kontext): fallkosten ohne fallzahl – die Fallkosten brauchen einen Fallzahltreiber")
            }
        }
        if let k = a["erstattung"], let f = y.abschnitt(k, "\(kontext) erstattung") {
            f.pruefeSchluessel(schluesselErstattung, befund)
            let an = f.pflicht("anteil", befund).flatMap { y.zahl($0, "\(kontext) erstattung anteil", 0...1) }
            let konto = f.pflicht("konto", befund).flatMap { y.text($0, "\(kontext) erstattung konto") }
            if let konto, let kk = f["konto"] { d.kontoVerweis(konto, kk.ort, "\(kontext) erstattung konto") }
            if let an, let konto { p.erstattung = Erstattung(anteil: an, konto: konto) }
            if a["fallkosten"] == nil {
                befund.fehler(
                    k.ort,
                    "\(kontext): erstattung ohne fallkosten – die Erstattung ist ein Anteil am Aufwand des Treibers")
            }
        }
        if let k = a["kapazitaet"], let f = y.abschnitt(k, "\(kontext) kapazitaet") {
            f.pruefeSchluessel(schluesselKapazitaet, befund)
            var kap = Kapazitaet(plaetze: 0)
            var ok = false
            if let pk = f.pflicht("plaetze", befund, erwartet: "eine Zahl oder {Gebiet: Plätze, …}") {
                if pk.skalar != nil {
                    if let v = y.zahl(pk, "\(kontext) kapazitaet plaetze", 0...1e8) { kap.plaetze = v; ok = true }
                } else if let g = y.abschnitt(pk, "\(kontext) kapazitaet plaetze") {
                    var je: [String: Double] = [:]
                    ok = true
                    for q in g.paare {
                        guard let v = y.zahl(q.wert, "\(kontext) kapazitaet plaetze \(q.schluessel)", 0...1e8) else {
                            ok = false; continue
                        }
                        je[q.schluessel] = v
                        d.verweise.append(
                            Verweis(art: .gebiet, id: q.schluessel, ort: q.ort, kontext: "\(kontext) kapazitaet"))
                    }
                    kap.plaetzeJeGebiet = je
                    // Summed in key order: the same sum on every run.
                    kap.plaetze = je.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
                }
            }
            kap.kostenJePlatz = f["kosten_je_platz"].flatMap { y.zahl($0, "\(kontext) kosten_je_platz", 0...1e7) }
            kap.folgekostenJePlatz = f["folgekosten_je_platz"].flatMap {
                y.zahl($0, "\(kontext) folgekosten_je_platz", 0...1e7)
            }
            if ok { p.kapazitaet = kap }
            if a["fallzahl"] == nil {
                befund.fehler(k.ort, "\(kontext): kapazitaet ohne fallzahl – der Bedarf kommt aus der Fallzahl")
            }
        }
        if let k = a["wirkungsbeitrag"], let f = y.abschnitt(k, "\(kontext) wirkungsbeitrag") {
            for q in f.paare {
                if let v = y.ganzzahl(q.wert, "\(kontext) wirkungsbeitrag \(q.schluessel)", 0...3) {
                    p.wirkungsbeitrag[q.schluessel] = v
                }
                d.verweise.append(
                    Verweis(
                        art: .strategischesZiel, id: q.schluessel, ort: q.ort, kontext: "\(kontext) wirkungsbeitrag"))
            }
        }
        planbasis(a, y, befund, kontext, &p, &d)
        return p
    }

    static func fallzahl(
        _ k: YKnoten, _ y: YLeser, _ befund: Befund, _ kontext: String,
        _ d: inout ModellDatei
    ) -> Fallzahl? {
        guard let f = y.abschnitt(k, "\(kontext) fallzahl") else { return nil }
        f.pruefeSchluessel(schluesselFallzahl, befund)
        var bezug: Bezug?
        if let bk = f.pflicht("bezug", befund, erwartet: "{alter: [von, bis]} oder {gruppe: name}") {
            bezug = self.bezug(bk, y, befund, "\(kontext) fallzahl bezug", &d)
        }
        var quote: Quote?
        switch (f["quote"], f["quote_je_1000"]) {
        case let (q?, nil):
            if q.skalar == "ist" {
                quote = .ist
            } else {
                befund.fehler(q.ort, "\(kontext) fallzahl quote: erwartet 'ist' (für eine feste Quote: quote_je_1000)")
            }
        case let (nil, q?):
            if let p = y.pfad(q, "\(kontext) fallzahl quote_je_1000", 0...1000) { quote = .je1000(p) }
        case (_?, _?):
            befund.fehler(f.ort, "\(kontext) fallzahl: entweder 'quote' oder 'quote_je_1000', nicht beides")
        case (nil, nil):
            befund.fehler(f.ort, "\(kontext) fallzahl: 'quote: ist' oder 'quote_je_1000' fehlt")
        }
        guard let bezug, let quote else { return nil }
        let glaettung = f["glaettung"].flatMap { SozialraumAngaben.glaettung($0, y, befund, kontext) } ?? .auto
        return Fallzahl(bezug: bezug, quote: quote, glaettung: glaettung)
    }

    static func bezug(_ k: YKnoten, _ y: YLeser, _ befund: Befund, _ kontext: String, _ d: inout ModellDatei) -> Bezug?
    {
        guard let b = y.abschnitt(k, kontext) else { return nil }
        b.pruefeSchluessel(schluesselBezug, befund)
        var bezug: Bezug?
        switch (b["alter"], b["gruppe"]) {
        case let (a?, nil):
            if let (von, bis) = y.altersbereich(a, "\(kontext) alter") { bezug = Bezug(von: von, bis: bis) }
        case let (nil, g?):
            if let name = y.text(g, "\(kontext) gruppe") {
                if let ag = d.altersgruppen.first(where: { $0.name == name }) {
                    bezug = Bezug(von: ag.von, bis: ag.bis, gruppe: name)
                } else if !d.fehlerhafteAltersgruppen.contains(name) {
                    var text = "\(kontext): Altersgruppe '\(name)' ist nicht unter altersgruppen definiert"
                    if let h = Aehnlichkeit.vorschlag(name, aus: d.altersgruppen.map(\.name)) {
                        text += " – meinten Sie '\(h)'?"
                    }
                    befund.fehler(g.ort, text)
                }
            }
        case (_?, _?):
            befund.fehler(b.ort, "\(kontext): entweder 'alter' oder 'gruppe', nicht beides")
        case (nil, nil):
            befund.fehler(b.ort, "\(kontext): 'alter: [von, bis]' oder 'gruppe: name' fehlt")
        }
        if let g = b["geschlecht"] {
            bezug?.geschlecht = y.auswahl(g, "\(kontext) geschlecht", Geschlecht.self, ["w", "m"])
        }
        if let g = b["gebiet"], let id = y.text(g, "\(kontext) gebiet") {
            bezug?.gebiet = id
            d.verweise.append(Verweis(art: .gebiet, id: id, ort: g.ort, kontext: kontext))
        }
        return bezug
    }
}
