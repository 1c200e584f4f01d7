import EckwertCore

/// The Sozialraum sections of the HTML pack: maps with their tables, the allocation, and a Steckbrief of every
/// Sozialraum.
extension AusschussHTML {
    /// The Sozialraum section appended to `o`: its maps are drawn straight into the document.
    /// `weiter` is handed the page so far after each map (see `AusschussHTML.dokument(_:nurAbschnitt:in:weiter:)`).
    static func sozialraeume(
        _ d: Ausschussdaten, _ ids: SVGDiagramm.Ids, in o: inout String, weiter: (inout String) -> Void = { _ in }
    ) {
        let b = Sozialraumbild(d: d)
        let m = d.m
        var s = "<p>Karten der \(b.gebiete.count) Sozialräume. Die Farbklassen teilen die Sozialräume nach Quantilen "
        s +=
            "(etwa gleich viele je Klasse); dunkler heißt höherer Wert. Unter jeder Karte stehen die Werte als "
            + "Tabelle.</p>\n"
        s +=
            "<p class=\"hinweis\">\(esc(Geheimhaltung.erlaeuterung(mindestfallzahl: m.geheimhaltung.mindestfallzahl))) "
        s +=
            "Auf den Karten ist ein Sozialraum mit gesperrtem Wert schraffiert und in der Legende genannt, nie "
            + "eingefärbt.</p>\n"
        if !b.produkte.isEmpty {
            s +=
                "<p class=\"klein\">Kleinräumige Quoten: die Quote eines Sozialraums wird zur Quote der Stadt "
                + "hin geglättet "
            s +=
                "(Empirical Bayes nach Marshall, wo nicht anders angegeben), damit wenige Fälle in einem "
                + "kleinen Sozialraum "
            s +=
                "keine Zufallsausschläge erzeugen; die Prognose ist so geeicht, dass die Summe der Sozialräume "
                + "im Basisjahr "
            s += "die Fälle der Stadt trifft.</p>\n"
        }
        o += abschnittKopf("sozialraeume")
        o += s
        guard let geometrie = d.sozialraum.geometrie else {
            o += "<p>Das Modell enthält keine Karte (karte: in modell.yaml).</p>\n"
            o += abschnittEnde
            return
        }
        for k in b.karten {
            figur(in: &o, esc(k.erlaeuterung)) {
                Kartenbild.svg(
                    in: &$0, geometrie: geometrie, werte: k.werte, titel: k.titel, einheit: k.einheit,
                    stellen: k.stellen, ids: ids)
            }
            kartentabelle(k, in: &o)
            weiter(&o)
        }
        o += verteilungen(d)
        o += abschnittEnde
    }

    /// The text alternative of a map: every Sozialraum with its value, "•" where suppressed.
    /// The same table as `tabelle` would write from rows of cells, written straight into `o` (a pack holds a
    /// thousand of these tables: no row or cell is built first).
    static func kartentabelle(_ k: Sozialraumbild.Kartenreihe, in o: inout String) {
        o += "<table class=\"kompakt\"><caption>Tabelle zur Karte: "
        o += esc(k.titel)
        o += "</caption><thead><tr><th scope=\"col\">Sozialraum</th><th scope=\"col\">Name</th>"
        o += "<th scope=\"col\" class=\"n\">"
        o += esc(k.einheit)
        o += "</th></tr></thead><tbody>"
        for w in k.werte {
            o += "<tr><th scope=\"row\">"
            o += esc(w.gebiet)
            o += "</th><td>"
            o += esc(w.name)
            o += "</td><td class=\"n\">"
            o += w.gesperrt ? Geheimhaltung.zeichen : Zahlformat.zahl(w.wert, stellen: k.stellen)
            o += "</td></tr>"
        }
        o += "</tbody></table>\n"
    }

    static func verteilungen(_ d: Ausschussdaten) -> String {
        var s = ""
        for v in Kleinraum.verteilungen(d.m) {
            s += "<h3>\(esc(v.verteilung.name))</h3>\n"
            s +=
                "<p>\(Zahlformat.euro(v.verteilung.betrag)) werden nach der Bezugsbevölkerung, gewichtet mit "
                + "dem Sozialindex, "
            s +=
                "verteilt: Gewicht = Bezugsbevölkerung × max(0; 1 + "
                + "\(Zahlformat.zahl(v.verteilung.staerke, stellen: 2)) × Index). "
            s += "Ganze Euro nach dem Verfahren der größten Reste, so dass die Teile genau den Betrag ergeben.</p>\n"
            var zeilen: [(klasse: String?, zellen: [(String, Bool)])] = []
            for (g, id) in d.m.bevoelkerung.gebiete.enumerated() {
                zeilen.append(
                    (
                        nil,
                        [
                            (esc(id), false), (esc(d.m.sozialraum.name(id)), false),
                            (Zahlformat.zahl(v.bezug[g]), true),
                            (Zahlformat.zahl(v.index[g], stellen: 2), true), (Zahlformat.prozent(v.anteile[g]), true),
                            (Zahlformat.zahl(Double(v.euro[g])), true),
                        ]
                    ))
            }
            zeilen.append(
                (
                    "summe",
                    [
                        ("Summe", false), ("", false), (Zahlformat.zahl(v.bezug.reduce(0, +)), true), ("", true),
                        ("", true), (Zahlformat.zahl(Double(v.euro.reduce(0, +))), true),
                    ]
                ))
            s += tabelle(
                nil,
                kopf: [
                    ("Sozialraum", false), ("Name", false), ("Bezugsbevölkerung", true), ("Sozialindex", true),
                    ("Anteil", true), ("Euro", true),
                ], zeilen: zeilen)
        }
        return s
    }

    // MARK: - Steckbriefe

    static func steckbriefe(_ d: Ausschussdaten, _ ids: SVGDiagramm.Ids) -> String {
        let b = Sozialraumbild(d: d)
        var s = "<p>Ein Steckbrief je Sozialraum: Altersaufbau, Indikatoren im Vergleich zum Mittel der Sozialräume, "
        s +=
            "Fälle je Produkt (Ist \(d.m.basisjahr) und Prognose \(d.m.horizont), "
            + "\(esc(Ausschussdaten.szenarioName(d.hauptszenario)))), "
        s += "Kita-Plätze und -Bedarf und der Platz im Sozialindex.</p>\n"
        let rang = b.index.map { Kleinraum.rang($0) }
        let faelle = b.produkte.map { ($0.produkt, b.faelle($0.index)) }
        let kita = d.kapazitaeten(d.hauptszenario).filter { $0.gebiete.count > 1 }
        for (g, id) in b.gebiete.enumerated() {
            s += "<article class=\"steckbrief\" id=\"steckbrief-\(esc(id))\">"
            s += "<h3>\(esc(id)) \(esc(d.m.sozialraum.name(id)))</h3>\n"
            if let rang, let index = b.index {
                s +=
                    "<p><b>Sozialindex \(Zahlformat.zahl(index[g], stellen: 2))</b> – Rang \(rang[g]) von "
                    + "\(rang.count) "
                s +=
                    "(1 = am stärksten belastet). Einwohner \(d.m.basisjahr): "
                    + "\(Zahlformat.zahl(d.m.bevoelkerung.summe(gebiet: id))).</p>\n"
            }
            s += figur(
                pyramide(
                    d.m.bevoelkerung, id, titel: "Altersaufbau \(id) \(d.m.sozialraum.name(id)) \(d.m.basisjahr)", ids),
                "Einwohner je Fünfjahres-Altersgruppe, Frauen links, Männer rechts.")
            s += indikatortabelle(d, g, id)
            if !faelle.isEmpty {
                let zeilen = faelle.map { p, r -> (klasse: String?, zellen: [(String, Bool)]) in
                    (
                        nil,
                        [
                            (esc("\(p.nr) \(p.name)"), false), (Ausschussdaten.zaehlwert(r, g, 0), true),
                            (Ausschussdaten.zaehlwert(r, g, 1), true), (Ausschussdaten.zaehlwert(r, g, 2), true),
                        ]
                    )
                }
                s += tabelle(
                    "Fälle je Produkt",
                    kopf: [
                        ("Produkt", false), ("Ist \(d.m.basisjahr) (Fachverfahren)", true),
                        ("Modell \(d.m.basisjahr)", true), ("Prognose \(d.m.horizont)", true),
                    ],
                    zeilen: zeilen, klasse: "kompakt")
                s +=
                    "<p class=\"klein\">Modell \(d.m.basisjahr): die geglättete, auf die Fälle der Stadt "
                    + "geeichte Zahl, von der "
                s += "die Prognose ausgeht (sie enthält anteilig die Fälle ohne Sozialraum).</p>\n"
            }
            for t in kita {
                guard let z = t.gebiete.firstIndex(of: id) else { continue }
                let zeilen = t.jahre.indices.map { j -> (klasse: String?, zellen: [(String, Bool)]) in
                    (
                        nil,
                        [
                            ("\(t.jahre[j])", false), (Zahlformat.zahl(t.plaetze[z][j]), true),
                            (Ausschussdaten.zaehlwert(t.bedarf, z, j), true),
                            (Ausschussdaten.zaehlwert(t.luecke, z, j), true),
                        ]
                    )
                }
                s += tabelle(
                    "\(esc(t.produkt.name)): Plätze und Bedarf",
                    kopf: [
                        ("Jahr", false), ("Plätze", true), ("Bedarf", true),
                        ("Lücke", true),
                    ], zeilen: zeilen, klasse: "kompakt")
            }
            s += "</article>\n"
        }
        return abschnitt("steckbriefe", s)
    }

    static func indikatortabelle(_ d: Ausschussdaten, _ g: Int, _ id: String) -> String {
        let s = d.m.sozialraum
        guard !s.indikatoren.isEmpty else { return "" }
        let zeilen = s.indikatoren.compactMap { ind -> (klasse: String?, zellen: [(String, Bool)])? in
            guard let jahr = s.jahre(indikator: ind.id).last, let x = s.indikator(jahr, id, ind.id) else { return nil }
            let alle = d.m.bevoelkerung.gebiete.compactMap { s.indikator(jahr, $0, ind.id) }
            let mittel = alle.isEmpty ? nil : alle.reduce(0, +) / Double(alle.count)
            let einheit = ind.einheit.map { " (\(esc($0)))" } ?? ""
            let lage =
                mittel.map {
                    x == $0 ? "gleich" : ((x > $0) == (ind.richtung == .belastend) ? "ungünstiger" : "günstiger")
                } ?? ""
            return (
                nil,
                [
                    (esc(ind.name) + einheit, false), ("\(jahr)", true), (Zahlformat.zahl(x, stellen: 1), true),
                    (Zahlformat.zahl(mittel, stellen: 1), true), (lage, false),
                ]
            )
        }
        return tabelle(
            "Indikatoren",
            kopf: [
                ("Indikator", false), ("Jahr", true), ("Sozialraum", true),
                ("Mittel der Sozialräume", true), ("Lage", false),
            ], zeilen: zeilen, klasse: "kompakt")
    }

    /// A population pyramid in five-year groups (100+ in the last), women left, men right, one scale for both.
    static func pyramide(_ pop: Bevoelkerung, _ gebiet: String, titel: String, _ ids: SVGDiagramm.Ids) -> String {
        let gruppen = stride(from: 0, through: 100, by: 5).map { ($0, min($0 + 4, Alter.max)) }
        let w = gruppen.map { pop.summe(von: $0.0, bis: $0.1, geschlecht: .w, gebiet: gebiet) }
        let mw = gruppen.map { pop.summe(von: $0.0, bis: $0.1, geschlecht: .m, gebiet: gebiet) }
        let maxWert = max(1, (w + mw).max() ?? 1)
        let zeile = 16.0, oben = SVGDiagramm.titelraum + 26, mitte = SVGDiagramm.breite / 2, halb = 380.0
        let hoehe = oben + zeile * Double(gruppen.count) + 40
        let id = ids.neu("pyramide")
        var o = SVGDiagramm.kopf(
            id, titel: titel,
            beschreibung: "Bevölkerungspyramide: Einwohner je Altersgruppe, "
                + "Frauen links, Männer rechts; größte Gruppe \(Zahlformat.zahl(maxWert)).", hoehe: hoehe)
        o += SVGDiagramm.text("Frauen", x: mitte - 40, y: oben - 8, anker: "end", fett: true)
        o += SVGDiagramm.text("Männer", x: mitte + 40, y: oben - 8, fett: true)
        for (k, g) in gruppen.enumerated() {
            let y = oben + zeile * Double(gruppen.count - 1 - k)
            let lw = w[k] / maxWert * halb, lm = mw[k] / maxWert * halb
            o +=
                "<rect x=\"\(SVGDiagramm.f(mitte - 30 - lw))\" y=\"\(SVGDiagramm.f(y))\" "
                + "width=\"\(SVGDiagramm.f(lw))\" "
                + "height=\"\(SVGDiagramm.f(zeile - 2))\" fill=\"#CC79A7\"/>"
            o +=
                "<rect x=\"\(SVGDiagramm.f(mitte + 30))\" y=\"\(SVGDiagramm.f(y))\" width=\"\(SVGDiagramm.f(lm))\" "
                + "height=\"\(SVGDiagramm.f(zeile - 2))\" fill=\"#0072B2\"/>"
            if k % 2 == 0 {
                o += SVGDiagramm.text(
                    g.0 == 100 ? "100+" : "\(g.0)", x: mitte, y: y + zeile - 3, anker: "middle", groesse: 13)
            }
        }
        let unten = oben + zeile * Double(gruppen.count) + 22
        o += SVGDiagramm.text(
            "je Balken bis \(Zahlformat.zahl(maxWert)) Einwohner", x: mitte, y: unten, anker: "middle", groesse: 14)
        return o + "</svg>"
    }
}
