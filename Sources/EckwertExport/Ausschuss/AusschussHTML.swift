import EckwertCore

/// The HTML report of the committee pack: one self-contained file (inline CSS and SVG, no script, no external
/// reference), German, A4 landscape in print with each section on a new page, large type and high contrast for
/// the projector. Deterministic: the date is the model's `stand`, never the clock.
enum AusschussHTML {
    /// Section ids in document order, with their headings.
    static let abschnitte: [(id: String, titel: String)] = [
        ("ueberblick", "Überblick: Zuschussbedarf"),
        ("treiber", "Was treibt die Entwicklung?"),
        ("ziele", "Ziele und Zielerreichung"),
        ("massnahmen", "Maßnahmen"),
        ("kita", "Kita und Infrastruktur"),
        ("sozialraeume", "Sozialräume: Karten, Sozialindex und Verteilung"),
        ("steckbriefe", "Steckbriefe der Sozialräume"),
        ("produktkritik", "Produktkritik: ABC-Analyse und Portfolio"),
        ("annahmen", "Annahmen der Szenarien"),
    ]

    static let css = """
        @page { size: A4 landscape; margin: 11mm 12mm 13mm 12mm; }
        * { box-sizing: border-box; }
        html { background: #fff; color: #000; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 20px; line-height: 1.4;
               max-width: 1260px; margin: 0 auto; padding: 24px 28px; }
        h1 { font-size: 42px; line-height: 1.15; margin: 0 0 12px; }
        h2 { font-size: 34px; margin: 0 0 16px; padding-bottom: 6px; border-bottom: 5px solid #0072B2; }
        h3 { font-size: 25px; margin: 26px 0 10px; }
        p { margin: 0 0 12px; max-width: 62em; }
        a { color: #004c80; }
        .titelseite .unter { font-size: 28px; margin-bottom: 20px; }
        .titelseite dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 22px; font-size: 20px; }
        .titelseite dt { font-weight: bold; }
        .titelseite dd { margin: 0; }
        nav ol { font-size: 24px; line-height: 1.6; }
        .kern { display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px; margin: 18px 0; }
        .kern div { border: 3px solid #0072B2; padding: 12px 16px; }
        .kern b { display: block; font-size: 30px; }
        section { break-before: page; page-break-before: always; padding-top: 8px; }
        figure { margin: 8px 0 26px; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: 18px; margin-top: 4px; }
        figure svg { display: block; width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 18px; margin: 6px 0 22px; }
        caption { text-align: left; font-weight: bold; font-size: 20px; padding: 4px 0; }
        th, td { padding: 5px 8px; border-bottom: 1px solid #777; vertical-align: top; text-align: left; }
        thead th { background: #dbe7f3; border-bottom: 2px solid #000; }
        td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        thead th.n { white-space: normal; }
        .nw { white-space: nowrap; }
        th[scope="row"] .klein { font-weight: normal; }
        table.kompakt td, table.kompakt th { padding: 2px 8px; }
        tr.gruppe td, tr.gruppe th { background: #f0f0f0; }
        tr.summe td, tr.summe th { font-weight: bold; border-top: 2px solid #000; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .ok, .miss, .nv { display: inline-block; white-space: nowrap; font-weight: bold; padding: 1px 8px; }
        .ok { border: 2px solid #006b4a; border-radius: 12px; color: #004d35; }
        .miss { border: 3px double #a33a00; color: #8a2f00; }
        .nv { border: 2px dotted #555; color: #333; }
        .hinweis { border-left: 6px solid #555; padding: 6px 12px; background: #f4f4f4; font-size: 18px; max-width: none; }
        .klein { font-size: 16px; }
        article.steckbrief { break-before: page; page-break-before: always; }
        .fuss { margin-top: 30px; font-size: 15px; color: #333; border-top: 1px solid #777; padding-top: 6px; }
        @media print {
          body { font-size: 11pt; max-width: none; padding: 0; }
          h1 { font-size: 24pt; } h2 { font-size: 18pt; } h3 { font-size: 13pt; }
          table { font-size: 9pt; } caption { font-size: 10.5pt; } figcaption, .hinweis { font-size: 9.5pt; }
          .titelseite .unter { font-size: 15pt; } nav ol { font-size: 13pt; } .kern b { font-size: 16pt; }
          figure svg { max-height: 165mm; }
          a { color: #000; text-decoration: none; }
        }
        """

    /// The whole document, or only the section `nurAbschnitt` (same head and styles; for per-section screenshots).
    static func dokument(_ d: Ausschussdaten, nurAbschnitt: String? = nil) -> String {
        var s = ""
        dokument(d, nurAbschnitt: nurAbschnitt, in: &s) { _ in }
        return s
    }

    /// The document appended to `s` piece by piece: `weiter` is handed the text so far after each section and
    /// each Sozialraum map, and may write it out and empty it (`Dateiausgabe.schreiben(nach:nachlauf:_:)`).
    static func dokument(
        _ d: Ausschussdaten, nurAbschnitt: String? = nil, in s: inout String, weiter: (inout String) -> Void
    ) {
        // The list of sections below holds closures; `weiter` is called only while this function runs.
        withoutActuallyEscaping(weiter) { dokument(d, nurAbschnitt, &s, $0) }
    }

    private static func dokument(
        _ d: Ausschussdaten, _ nurAbschnitt: String?, _ s: inout String, _ weiter: @escaping (inout String) -> Void
    ) {
        let ids = SVGDiagramm.Ids()
        let m = d.m
        s += "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<meta name=\"generator\" content=\"Eckwert \(esc(d.version))\">\n"
        s += "<title>\(esc(m.kommune)) – Fachausschuss: Sozial- und Finanzplanung \(m.haushaltsjahr)</title>\n"
        s += "<style>\n\(css)\n</style>\n</head>\n<body>\n"
        // The Sozialraum maps (most of a large model's pack) are appended to the document as they are drawn.
        let teile: [(String, (inout String) -> Void)] = [
            ("titel", { $0 += titelseite(d) }),
            ("ueberblick", { $0 += ueberblick(d, ids) }),
            ("treiber", { $0 += treiber(d, ids) }),
            ("ziele", { $0 += ziele(d) }),
            ("massnahmen", { $0 += massnahmen(d, ids) }),
            ("kita", { $0 += kita(d) }),
            ("sozialraeume", { if Sozialraumbild.vorhanden(m) { sozialraeume(d, ids, in: &$0, weiter: weiter) } }),
            ("steckbriefe", { $0 += Sozialraumbild.vorhanden(m) ? steckbriefe(d, ids) : "" }),
            ("produktkritik", { $0 += produktkritik(d, ids) }),
            ("annahmen", { $0 += annahmen(d) }),
        ]
        for (id, f) in teile where nurAbschnitt == nil || nurAbschnitt == id {
            f(&s)
            weiter(&s)
        }
        s +=
            "<footer class=\"fuss\">\(esc(m.kommune)) · Modell \(esc(m.name)) · Prüfsumme \(esc(String(m.pruefsumme.prefix(16)))) · "
        s += "\(esc(d.planstand)) · erstellt mit Eckwert \(esc(d.version))</footer>\n</body>\n</html>\n"
    }

    static func esc(_ s: String) -> String { HTMLText.esc(s) }

    static func abschnitt(_ id: String, _ inhalt: String) -> String {
        abschnittKopf(id) + inhalt + abschnittEnde
    }

    /// The opening of a section up to its heading (`abschnitt` without the content and `abschnittEnde`).
    static func abschnittKopf(_ id: String) -> String {
        let titel = abschnitte.first { $0.id == id }?.titel ?? id
        return "<section id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n<h2 id=\"\(id)-h\">\(esc(titel))</h2>\n"
    }

    static let abschnittEnde = "</section>\n"

    static func figur(_ svg: String, _ legende: String) -> String {
        "<figure>\(svg)<figcaption>\(legende)</figcaption></figure>\n"
    }

    /// `figur` appended to `s`, the picture drawn straight into it.
    static func figur(in s: inout String, _ legende: String, _ bild: (inout String) -> Void) {
        s += "<figure>"
        bild(&s)
        s += "<figcaption>"
        s += legende
        s += "</figcaption></figure>\n"
    }

    /// A table: header cells (numeric when the flag is set) and rows of cells (HTML already escaped).
    static func tabelle(
        _ caption: String?, kopf: [(String, Bool)], zeilen: [(klasse: String?, zellen: [(String, Bool)])],
        ersteSpalteKopf: Bool = true, klasse: String? = nil
    ) -> String {
        var s = ""
        tabelle(in: &s, caption, kopf: kopf, zeilen: zeilen, ersteSpalteKopf: ersteSpalteKopf, klasse: klasse)
        return s
    }

    /// `tabelle` appended to `s`.
    static func tabelle(
        in s: inout String, _ caption: String?, kopf: [(String, Bool)],
        zeilen: [(klasse: String?, zellen: [(String, Bool)])], ersteSpalteKopf: Bool = true, klasse: String? = nil
    ) {
        // Appended piece by piece: no text per cell or row is built first.
        s += "<table"
        klasseAnhaengen(klasse, an: &s)
        if let caption {
            s += "<caption>"
            s += caption
            s += "</caption>"
        }
        s += "<thead><tr>"
        for (text, zahl) in kopf {
            s += zahl ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">"
            s += text
            s += "</th>"
        }
        s += "</tr></thead><tbody>"
        for z in zeilen {
            s += "<tr"
            klasseAnhaengen(z.klasse, an: &s)
            if z.zellen.count == 1, kopf.count > 1, let c = z.zellen.first {
                s += "<th scope=\"rowgroup\" colspan=\"\(kopf.count)\">\(c.0)</th></tr>"
                continue
            }
            for (i, c) in z.zellen.enumerated() {
                let kopfzelle = i == 0 && ersteSpalteKopf
                s += kopfzelle ? "<th scope=\"row\"" : "<td"
                if c.1 { s += " class=\"n\"" }
                s += ">"
                s += c.0
                s += kopfzelle ? "</th>" : "</td>"
            }
            s += "</tr>"
        }
        s += "</tbody></table>\n"
    }

    /// ` class="…">` for an element with that class, else just `>`.
    private static func klasseAnhaengen(_ klasse: String?, an s: inout String) {
        if let klasse {
            s += " class=\""
            s += klasse
            s += "\">"
        } else {
            s += ">"
        }
    }

    // MARK: - Titelseite

    static func titelseite(_ d: Ausschussdaten) -> String {
        let m = d.m
        var s = "<header class=\"titelseite\" id=\"titel\">\n<h1>\(esc(m.kommune)): Sozial- und Finanzplanung</h1>\n"
        s +=
            "<p class=\"unter\">Unterlage für den Fachausschuss · Haushaltsjahr \(m.haushaltsjahr) · Prognose \(m.basisjahr + 1)–\(m.horizont)</p>\n"
        s += "<dl><dt>Planungsstand</dt><dd>\(esc(d.planstand))</dd>"
        s += "<dt>Ist-Daten bis</dt><dd>\(m.basisjahr)</dd>"
        s +=
            "<dt>Szenarien</dt><dd>\(d.e.szenarien.map { esc(Ausschussdaten.szenarioName($0.szenario)) }.joined(separator: " · "))</dd>"
        if let u = d.e.unsicherheit {
            s += "<dt>Unsicherheit</dt><dd>\(Zahlformat.zahl(Double(u.ziehungen))) Zufallsziehungen (P10–P90-Band)</dd>"
        }
        s +=
            "<dt>Beträge</dt><dd>\(esc(Zuschusstext.gleichung(m))); Tabellen in \(d.betragseinheit), Diagramme in Mio. Euro</dd></dl>\n"
        if let g = d.verlaeufe.first, let sq = g.szenarien.first(where: { $0.name == d.hauptszenario }),
            let t = d.jahre.firstIndex(of: m.haushaltsjahr), t < sq.werte.count
        {
            let verfehlt = Set(
                d.e.zielerreichung.filter { $0.erreicht == false && $0.szenario == d.hauptszenario }.map(\.ziel)
            ).count
            s += "<div class=\"kern\">"
            s +=
                "<div>Zuschussbedarf \(m.haushaltsjahr), Status quo<b>\(Zahlformat.zahl(Ausschussdaten.mio(sq.werte[t]), stellen: 1)) Mio. €</b></div>"
            if let h = g.szenarien.first(where: { $0.name == "worst" })?.werte.last,
                let b = g.szenarien.first(where: { $0.name == "best" })?.werte.last
            {
                s +=
                    "<div>Zuschussbedarf \(m.horizont): Best bis Worst Case<b>\(Zahlformat.zahl(Ausschussdaten.mio(b), stellen: 1)) – \(Zahlformat.zahl(Ausschussdaten.mio(h), stellen: 1)) Mio. €</b></div>"
            }
            s += "<div>Ziele, die im Status quo verfehlt werden<b>\(verfehlt) von \(m.ziele.count)</b></div>"
            s += "</div>\n"
        }
        s += "<nav aria-label=\"Inhalt\"><h3>Inhalt</h3><ol>"
        for a in abschnitte where Sozialraumbild.vorhanden(m) || !["sozialraeume", "steckbriefe"].contains(a.id) {
            s += "<li><a href=\"#\(a.id)\">\(esc(a.titel))</a></li>"
        }
        s += "</ol></nav>\n</header>\n"
        return s
    }

    // MARK: - Überblick

    static func ueberblick(_ d: Ausschussdaten, _ ids: SVGDiagramm.Ids) -> String {
        let m = d.m
        var s = "<p>Zuschussbedarf je Jahr: Ist bis \(m.basisjahr), danach Prognose je Szenario. "
        if m.planung != nil {
            s +=
                "Die gepunktete graue Linie ist die Planung der Kämmerei (planung.csv): sie steht neben der Prognose und "
                + "geht nicht in sie ein; die Tabelle zeigt die Abweichung des Status quo von ihr. "
        }
        s +=
            d.e.unsicherheit != nil
            ? "Das schattierte Band zeigt den Bereich, in dem 80 % der Zufallsziehungen liegen (P10 bis P90).</p>\n"
            : "Ohne Zufallsziehungen (Option --draws) gibt es kein Unsicherheitsband.</p>\n"
        for (n, v) in d.verlaeufe.enumerated() {
            let jahre = v.istJahre + d.jahre
            let vorne = v.istJahre.count
            var reihen: [SVGDiagramm.Reihe] = [
                .init(
                    name: "Ist",
                    werte: v.ist.map { Ausschussdaten.mio($0) } + [
                        v.szenarien.first?.werte.first.map { Ausschussdaten.mio($0) }
                    ]
                        + Array(repeating: nil, count: max(0, d.jahre.count - 1)), stil: .ist)
            ]
            for (i, sz) in v.szenarien.enumerated() {
                let stil = Linienstil.szenarien[i % Linienstil.szenarien.count]
                reihen.append(
                    .init(
                        name: Ausschussdaten.szenarioName(sz.name),
                        werte: Array(repeating: nil, count: vorne) + sz.werte.map { Ausschussdaten.mio($0) }, stil: stil
                    ))
            }
            if v.planung.contains(where: { $0 != nil }) {
                reihen.append(
                    .init(
                        name: "Planung der Kämmerei",
                        werte: Array(repeating: nil, count: vorne) + v.planung.map { $0.map(Ausschussdaten.mio) },
                        stil: .planung))
            }
            var band: SVGDiagramm.Band?
            if let p10 = v.p10, let p90 = v.p90 {
                let leer = [Double?](repeating: nil, count: vorne + 1)
                band = .init(
                    name: "P10–P90 (80 % der Ziehungen)", unten: leer + p10.map { Ausschussdaten.mio($0) },
                    oben: leer + p90.map { Ausschussdaten.mio($0) })
            }
            let titel = "Zuschussbedarf \(v.titel), \(jahre.first.map(String.init) ?? "")–\(m.horizont)"
            var satz =
                "Zuschussbedarf \(v.titel) im Ist \(m.basisjahr): \(Zahlformat.zahl(Ausschussdaten.mio(v.szenarien.first?.werte.first ?? 0), stellen: 1)) Mio. €. Im Jahr \(m.horizont): "
            satz += v.szenarien.map {
                "\(Ausschussdaten.szenarioName($0.name)) \(Zahlformat.zahl(Ausschussdaten.mio($0.werte.last ?? 0), stellen: 1)) Mio. €"
            }.joined(separator: ", ")
            if let p10 = v.p10?.last, let p90 = v.p90?.last {
                satz +=
                    "; P10–P90 \(Zahlformat.zahl(Ausschussdaten.mio(p10), stellen: 1)) bis \(Zahlformat.zahl(Ausschussdaten.mio(p90), stellen: 1)) Mio. €"
            }
            satz += "."
            if n == 1 { s += "<h3>Budgetbereiche</h3>\n" }
            let svg = SVGDiagramm.linien(
                id: ids.neu("ueberblick"), titel: titel, beschreibung: satz, jahre: jahre, reihen: reihen,
                band: band, xTitel: "Jahr", yTitel: "Zuschussbedarf in Mio. €",
                // Amounts from zero: a cut axis would make growth look steeper than it is.
                mitNull: true, hoehe: n == 0 ? 480 : 400, trenner: vorne + 1)
            s += figur(svg, "\(esc(satz)) Die Werte stehen in der Tabelle unten.")
        }
        // Data table.
        var zeilen: [(klasse: String?, zellen: [(String, Bool)])] = []
        for v in d.verlaeufe {
            zeilen.append(("gruppe", [(esc(v.titel), false)]))
            for sz in v.szenarien {
                zeilen.append(
                    (
                        nil,
                        [("<span class=\"nw\">\(esc(Ausschussdaten.szenarioName(sz.name)))</span>", false)]
                            + sz.werte.map { (d.betrag($0), true) }
                    ))
            }
            if let p10 = v.p10, let p90 = v.p90 {
                zeilen.append((nil, [("P10 (Unsicherheit)", false), ("", true)] + p10.map { (d.betrag($0), true) }))
                zeilen.append((nil, [("P90 (Unsicherheit)", false), ("", true)] + p90.map { (d.betrag($0), true) }))
            }
            if v.planung.contains(where: { $0 != nil }),
                let sq = v.szenarien.first(where: { $0.name == d.hauptszenario })
            {
                let name = Ausschussdaten.szenarioName(d.hauptszenario)
                zeilen.append(
                    (nil, [("Planung der Kämmerei", false)] + v.planung.map { ($0.map { d.betrag($0) } ?? "", true) }))
                // The difference of the shown (rounded) values, so that the table adds up.
                let diff = zip(sq.werte, v.planung).map { w, p in p.map { d.gerundet(w) - d.gerundet($0) } }
                zeilen.append(
                    (
                        nil,
                        [("\(esc(name)) − Planung", false)]
                            + diff.map { ($0.map { d.betrag(einheit: $0) } ?? "", true) }
                    ))
                zeilen.append(
                    (
                        nil,
                        [("\(esc(name)) − Planung in %", false)]
                            + zip(diff, v.planung).map { x, p in
                                guard let x, let p, d.gerundet(p) != 0 else { return ("", true) }
                                return (Zahlformat.prozent(x / abs(d.gerundet(p))), true)
                            }
                    ))
            }
        }
        let kopf: [(String, Bool)] =
            [("Einheit / Szenario", false)]
            + d.jahre.enumerated().map { ($1 == m.basisjahr ? "\($1) (Ist)" : "\($1)", true) }
        s += tabelle("Zuschussbedarf in \(d.betragseinheit)", kopf: kopf, zeilen: zeilen)
        return abschnitt("ueberblick", s)
    }

    // MARK: - Treiber

    static let treiberFarben = ["#0072B2", "#E69F00", "#CC79A7", "#7f7f7f"]

    static func treiber(_ d: Ausschussdaten, _ ids: SVGDiagramm.Ids) -> String {
        let m = d.m
        let t = d.treiber()
        var s =
            "<p>Veränderung des Zuschussbedarfs von \(m.basisjahr) bis \(m.horizont) im Szenario \(esc(Ausschussdaten.szenarioName(d.hauptszenario))) "
        s +=
            "für die \(t.count) Produkte mit dem höchsten Zuschussbedarf, zerlegt in: <b>Demografie</b> (Zahl der Menschen in der Bezugsgruppe), "
        s +=
            "<b>Inanspruchnahme</b> (Quote, einschließlich der Wirkung von Maßnahmen), <b>Preis</b> (Kosten je Fall) und <b>Rest</b> "
        s +=
            "(übrige Zeilen, Erstattungen, Kosten von Maßnahmen und Investitionen). Die Teile addieren sich zur Gesamtveränderung (schwarzer Strich).</p>\n"
        guard !t.isEmpty else { return abschnitt("treiber", s + "<p>Keine Zerlegung vorhanden.</p>\n") }
        let id = ids.neu("treiber")
        let komponenten: [SVGDiagramm.Komponente] = [
            .init(
                name: "Demografie", werte: t.map { Ausschussdaten.mio($0.demografie) }, farbe: treiberFarben[0],
                muster: nil),
            .init(
                name: "Inanspruchnahme", werte: t.map { Ausschussdaten.mio($0.quote) }, farbe: treiberFarben[1],
                muster: "\(id)-m1"),
            .init(
                name: "Preis", werte: t.map { Ausschussdaten.mio($0.preis) }, farbe: treiberFarben[2],
                muster: "\(id)-m2"),
            .init(
                name: "Rest", werte: t.map { Ausschussdaten.mio($0.rest) }, farbe: treiberFarben[3], muster: "\(id)-m3"),
        ]
        let groesster = t.max { abs($0.gesamt) < abs($1.gesamt) }
        var satz = "Gestapelte Säulen je Produkt. "
        if let g = groesster {
            satz +=
                "Den größten Zuwachs hat \(g.produkt.nr) \(g.produkt.name) mit \(Zahlformat.zahl(Ausschussdaten.mio(g.gesamt), stellen: 1)) Mio. € "
            satz +=
                "(Demografie \(Zahlformat.zahl(Ausschussdaten.mio(g.demografie), stellen: 1)), Inanspruchnahme \(Zahlformat.zahl(Ausschussdaten.mio(g.quote), stellen: 1)), "
            satz +=
                "Preis \(Zahlformat.zahl(Ausschussdaten.mio(g.preis), stellen: 1)), Rest \(Zahlformat.zahl(Ausschussdaten.mio(g.rest), stellen: 1)) Mio. €)."
        }
        let titel = "Veränderung des Zuschussbedarfs \(m.basisjahr)–\(m.horizont) nach Ursachen"
        let svg = SVGDiagramm.saeulen(
            id: id, titel: titel, beschreibung: satz, kategorien: t.map(\.produkt.nr), komponenten: komponenten,
            summe: t.map { Ausschussdaten.mio($0.gesamt) }, summenName: "Veränderung insgesamt",
            xTitel: "Produkt (Nummer, Namen in der Tabelle)", yTitel: "Veränderung in Mio. €",
            musterDefs: SVGDiagramm.muster(["\(id)-m1": "diagonal", "\(id)-m2": "punkte", "\(id)-m3": "senkrecht"]))
        s += figur(svg, esc(satz))
        let zeilen = t.map { x -> (klasse: String?, zellen: [(String, Bool)]) in
            // Shown total = sum of the shown parts (house rule).
            let r = Summenrundung.teile(
                [x.demografie, x.quote, x.preis, x.rest].map { d.betragswert($0) }, stellen: d.betragsstellen)
            return (
                nil,
                [(esc(x.produkt.nr), false), (esc(x.produkt.name), false)]
                    + r.teile.map { (Zahlformat.zahl($0, stellen: d.betragsstellen), true) }
                    + [(Zahlformat.zahl(r.summe, stellen: d.betragsstellen), true)]
            )
        }
        s += tabelle(
            "Veränderung \(m.basisjahr)–\(m.horizont) in \(d.betragseinheit)",
            kopf: [
                ("Produkt", false), ("Bezeichnung", false), ("Demografie", true), ("Inanspruchnahme", true),
                ("Preis", true), ("Rest", true), ("Insgesamt", true),
            ], zeilen: zeilen)
        return abschnitt("treiber", s)
    }

    // MARK: - Ziele

    static func marke(_ erreicht: Bool?) -> String {
        switch erreicht {
        case true?: "<span class=\"ok\">✓ erreicht</span>"
        case false?: "<span class=\"miss\">✗ verfehlt</span>"
        case nil: "<span class=\"nv\">? nicht prüfbar</span>"
        }
    }

    static func ziele(_ d: Ausschussdaten) -> String {
        let m = d.m
        let sz = d.e.szenarien.map(\.szenario)
        var s =
            "<p>Jedes Ziel mit Zielfeld (KGSt), Kennzahl und Zielwert zum Termin; daneben der prognostizierte Wert je Szenario. "
        s +=
            "„✓ erreicht“ (Rahmen mit runden Ecken) und „✗ verfehlt“ (doppelter, eckiger Rahmen) sind ausgeschrieben, die Farbe ist nur eine Zugabe.</p>\n"
        var zeilen: [(klasse: String?, zellen: [(String, Bool)])] = []
        for z in m.ziele {
            let kz = z.kennzahl.flatMap { m.kennzahl($0) }
            let eig = d.e.zielerreichung.filter { $0.ziel == z.id }
            let zw = eig.first?.zielwert
            // One number of decimals per row, chosen by the largest of target and values (a target of 0 must not
            // force "1.009,05 Plätze").
            let st = Ausschussdaten.kennzahlStellen(([zw] + eig.map(\.wert)).compactMap { $0.map(abs) }.max())
            var kzText =
                kz.map { "\(esc($0.name))" + ($0.einheit.map { " <span class=\"klein\">(\(esc($0)))</span>" } ?? "") }
                ?? "–"
            if let kz, let r = kz.richtung {
                kzText += "<br><span class=\"klein\">besser: \(r == .sinkend ? "niedriger" : "höher")</span>"
            }
            var zielText = zw.map { Zahlformat.zahl($0, stellen: st) } ?? "n. v."
            if let bis = z.bis { zielText += "<br><span class=\"klein\">bis \(bis)</span>" }
            var zellen: [(String, Bool)] = [
                (
                    "\(esc(z.id)) · \(esc(z.zielfeld.bezeichnung))"
                        + (z.gebiet.map { " · Sozialraum \(esc($0)) \(esc(m.sozialraum.name($0)))" } ?? "")
                        + "<br><span class=\"klein\">\(esc(z.text))</span>", false
                ),
                (kzText, false), (zielText, true),
            ]
            for name in sz {
                if let x = eig.first(where: { $0.szenario == name }) {
                    zellen.append(
                        ("\(x.wert.map { Zahlformat.zahl($0, stellen: st) } ?? "n. v.")<br>\(marke(x.erreicht))", true))
                } else {
                    zellen.append((marke(nil), true))
                }
            }
            zeilen.append((nil, zellen))
        }
        s += tabelle(
            nil,
            kopf: [("Ziel · Zielfeld", false), ("Kennzahl", false), ("Zielwert", true)]
                + sz.map { (esc(Ausschussdaten.szenarioName($0)), true) }, zeilen: zeilen)
        let unreal = d.e.smart.filter { $0.r?.erfuellt == false }.map(\.ziel)
        if !unreal.isEmpty {
            s +=
                "<p class=\"hinweis\">In keinem Szenario erreicht (nicht realistisch nach SMART): \(unreal.map(esc).joined(separator: ", ")).</p>\n"
        }
        if Zielbaum.genutzt(m) { s += zielbaum(d) }
        return abschnitt("ziele", s)
    }

    /// The target hierarchy as nested lists, with the attainment in status-quo and the Zwischenziele.
    static func zielbaum(_ d: Ausschussdaten) -> String {
        var s = "<h3>Zielbaum</h3>\n<p class=\"klein\">Strategische Ziele, darunter die Ziele des Eckwertebeschlusses "
        s += "(Budgetbereich, Produktgruppe) und die Produktziele (oberziel); Erreichung im Szenario Status quo, "
        s += "Zwischenziele je Jahr.</p>\n"
        var tiefe = -1
        for e in Zielbaum.bauen(d.m).eintraege {
            if e.tiefe > tiefe {
                s += String(repeating: "<ul class=\"baum\">\n", count: e.tiefe - tiefe)
            } else {
                s += "</li>\n" + String(repeating: "</ul>\n</li>\n", count: tiefe - e.tiefe)
            }
            tiefe = e.tiefe
            switch e.knoten {
            case .strategisch(let z):
                s +=
                    "<li><b>\(esc(z.id)) \(esc(z.name))</b> <span class=\"klein\">(strategisches Ziel, Gewicht "
                    + "\(Zahlformat.zahl(z.gewicht, stellen: 2)))</span>"
            case .ziel(let z):
                let x = d.e.zielerreichung.first { $0.ziel == z.id && $0.szenario == "status-quo" }
                let ebene = z.ebene == .produkt ? "" : "\(z.ebene.bezeichnung) \(esc(z.produkt)): "
                s += "<li>\(esc(z.id)) – \(ebene)\(esc(z.text)) \(marke(x?.erreicht))"
                let zw = (x?.zwischenziele ?? []).map { "\($0.jahr) \(marke($0.erreicht))" }
                if !zw.isEmpty { s += "<br><span class=\"klein\">Zwischenziele: \(zw.joined(separator: " · "))</span>" }
            }
        }
        if tiefe >= 0 { s += "</li>\n" + String(repeating: "</ul>\n</li>\n", count: tiefe) + "</ul>\n" }
        return s
    }

    // MARK: - Maßnahmen

    static func massnahmen(_ d: Ausschussdaten, _ ids: SVGDiagramm.Ids) -> String {
        let m = d.m
        var s =
            "<p>Jede Maßnahme wird im selben Szenario mit und ohne Maßnahme gerechnet. <b>Minderaufwand</b> = Zuschussbedarf der betroffenen Produkte "
        s +=
            "ohne minus mit Maßnahme; <b>Netto</b> = Minderaufwand − Kosten. <b>Amortisation</b>: das erste Jahr, in dem der kumulierte Nettoeffekt positiv ist. "
        s +=
            "Summen über \(m.basisjahr + 1)–\(m.horizont) in \(d.betragseinheit); sie sind die Summen der gerundeten Jahreswerte.</p>\n"
        guard !m.massnahmen.isEmpty else {
            return abschnitt("massnahmen", s + "<p>Das Modell enthält keine Maßnahmen.</p>\n")
        }
        var zeilen: [(klasse: String?, zellen: [(String, Bool)])] = []
        for mn in m.massnahmen {
            let wirkt = mn.wirkung.map { w in m.produkt(w.produkt).map { "\(w.produkt) \($0.name)" } ?? w.produkt }
            zeilen.append(
                (
                    "gruppe",
                    [
                        (
                            "\(esc(mn.id)) \(esc(mn.name))<br><span class=\"klein\">wirkt auf: \(wirkt.map(esc).joined(separator: "; "))</span>",
                            false
                        )
                    ]
                ))
            for b in d.e.massnahmen where b.massnahme == mn.id {
                let k = Summenrundung.teile(b.kosten.map(d.betragswert), stellen: d.betragsstellen).summe
                let mi = Summenrundung.teile(b.minderaufwand.map(d.betragswert), stellen: d.betragsstellen).summe
                let ne = Summenrundung.teile(b.netto.map(d.betragswert), stellen: d.betragsstellen).summe
                zeilen.append(
                    (
                        nil,
                        [
                            (esc(Ausschussdaten.szenarioName(b.szenario)), false),
                            (b.imSzenarioAktiv ? "ja" : "nein (nur zum Vergleich)", false),
                            (Zahlformat.zahl(k, stellen: d.betragsstellen), true),
                            (Zahlformat.zahl(mi, stellen: d.betragsstellen), true),
                            (Zahlformat.zahl(ne, stellen: d.betragsstellen), true),
                            (b.amortisation.map(String.init) ?? "nicht im Planungszeitraum", true),
                        ]
                    ))
            }
        }
        s += tabelle(
            "Kosten und Wirkung der Maßnahmen, Summe \(m.basisjahr + 1)–\(m.horizont)",
            kopf: [
                ("Maßnahme / Szenario", false), ("im Szenario beschlossen", false), ("Kosten", true),
                ("Minderaufwand", true),
                ("Netto", true), ("Amortisation", true),
            ], zeilen: zeilen,
            ersteSpalteKopf: true)
        // Chart: cumulated net effect of each measure in the main scenario.
        let bil = m.massnahmen.compactMap { mn in
            d.e.massnahmen.first { $0.massnahme == mn.id && $0.szenario == d.hauptszenario }.map { (mn, $0) }
        }
        if let jahre = bil.first?.1.jahre, !jahre.isEmpty {
            let reihen = bil.enumerated().map { i, x in
                SVGDiagramm.Reihe(
                    name: "\(x.0.id) \(x.0.name)", werte: x.1.kumuliert.map { Ausschussdaten.mio($0) },
                    stil: Linienstil.szenarien[(i + 1) % Linienstil.szenarien.count])
            }
            let titel = "Kumulierter Nettoeffekt der Maßnahmen (\(Ausschussdaten.szenarioName(d.hauptszenario)))"
            let satz =
                bil.map {
                    "\($0.0.id): \(Zahlformat.zahl(Ausschussdaten.mio($0.1.kumuliert.last ?? 0), stellen: 2)) Mio. € bis \(m.horizont), Amortisation \($0.1.amortisation.map(String.init) ?? "nicht im Planungszeitraum")"
                }.joined(separator: "; ") + ". Über null: Die Maßnahme hat sich bezahlt gemacht."
            s += figur(
                SVGDiagramm.linien(
                    id: ids.neu("massnahmen"), titel: titel, beschreibung: satz, jahre: jahre, reihen: reihen,
                    band: nil,
                    xTitel: "Jahr", yTitel: "kumuliert in Mio. €", mitNull: true, hoehe: 420),
                esc(satz))
        }
        return abschnitt("massnahmen", s)
    }

    // MARK: - Kita

    static func kita(_ d: Ausschussdaten) -> String {
        let m = d.m
        var s =
            "<p>Bedarf (Kinder), Plätze und Versorgungslücke je Sozialraum im Szenario \(esc(Ausschussdaten.szenarioName(d.hauptszenario))). "
        s += "Eine Lücke in einem Sozialraum wird nicht durch freie Plätze in einem anderen gedeckt.</p>\n"
        s +=
            "<p class=\"hinweis\">\(esc(Geheimhaltung.erlaeuterung(mindestfallzahl: m.geheimhaltung.mindestfallzahl))) "
        s +=
            "Die Versorgungslücke ist ebenfalls eine Fallzahl; sie wird zusätzlich dort gesperrt, wo der Bedarf gesperrt ist, "
        s +=
            "weil Bedarf = Plätze + Lücke sonst den Bedarf verriete. Plätze sind keine Personen und werden immer gezeigt.</p>\n"
        // Indicative investments.
        let bedarfe = d.e.kapazitaetsbedarfe
        s += "<h3>Wo fehlen Plätze? Richtwerte für Investitionen, die die Lücke schließen würden</h3>\n"
        if bedarfe.isEmpty {
            s += "<p>In keinem Szenario bleibt eine Versorgungslücke.</p>\n"
        } else {
            let zeilen = bedarfe.map { b -> (klasse: String?, zellen: [(String, Bool)]) in
                let gesperrt = d.platzzahlGesperrt(b)
                return (
                    nil,
                    [
                        (esc(b.produkt), false), (esc(Ausschussdaten.szenarioName(b.szenario)), false),
                        (esc(b.gebiet ?? "Stadt"), false),
                        ("\(b.ersteLuecke)", true),
                        (
                            gesperrt
                                ? Geheimhaltung.zeichen
                                : Zahlformat.zahl(b.fehlendePlaetze.rounded(.up)) + " (\(b.jahrGroessteLuecke))", true
                        ),
                        (gesperrt ? Geheimhaltung.zeichen : d.betrag(b.investition), true),
                        (
                            gesperrt
                                ? Geheimhaltung.zeichen
                                : (b.folgekostenJaehrlich.map { d.betrag($0) } ?? "nicht geschätzt"), true
                        ),
                    ]
                )
            }
            s += tabelle(
                nil,
                kopf: [
                    ("Produkt", false), ("Szenario", false), ("Sozialraum", false), ("erste Lücke", true),
                    ("fehlende Plätze (Jahr)", true), ("Investition (\(d.betragseinheit))", true),
                    ("Folgekosten je Jahr", true),
                ], zeilen: zeilen)
            s +=
                "<p class=\"klein\">Investition = fehlende Plätze × Kosten je Platz (Produktangabe, sonst \(Zahlformat.euro(m.platzkosten.neubau)) je Platz Neubau; "
            s += "Erweiterung ca. \(Zahlformat.euro(m.platzkosten.erweiterung)) je Platz).</p>\n"
        }
        let tabellen = d.kapazitaeten(d.hauptszenario)
        if tabellen.isEmpty { s += "<p>Das Modell enthält keine Produkte mit Platzkapazitäten.</p>\n" }
        for t in tabellen {
            var zeilen: [(klasse: String?, zellen: [(String, Bool)])] = []
            for (g, gebiet) in t.gebiete.enumerated() {
                zeilen.append(
                    (
                        "gruppe",
                        [(esc(gebiet), false), ("Bedarf", false)]
                            + t.jahre.indices.map { (Ausschussdaten.zaehlwert(t.bedarf, g, $0), true) }
                    ))
                zeilen.append(
                    (
                        nil,
                        [("", false), ("Plätze", false)]
                            + t.jahre.indices.map { (Zahlformat.zahl(t.plaetze[g][$0]), true) }
                    ))
                // A gap row that is 0 in every year says nothing: left out (a suppressed gap is never 0, so it stays).
                if t.jahre.indices.contains(where: { t.luecke.werte[g][$0] != 0 || t.luecke.zelle[g][$0] }) {
                    zeilen.append(
                        (
                            nil,
                            [("", false), ("Lücke", false)]
                                + t.jahre.indices.map { (Ausschussdaten.zaehlwert(t.luecke, g, $0), true) }
                        ))
                }
            }
            zeilen.append(
                (
                    "summe",
                    [("Stadt", false), ("Bedarf", false)]
                        + t.jahre.indices.map { (Ausschussdaten.summenwert(t.bedarf, $0), true) }
                ))
            zeilen.append(
                (
                    "summe",
                    [("", false), ("Plätze", false)]
                        + t.jahre.indices.map { (Zahlformat.zahl(t.plaetzeSumme[$0]), true) }
                ))
            zeilen.append(
                (
                    "summe",
                    [("", false), ("Lücke", false)]
                        + t.jahre.indices.map { (Ausschussdaten.summenwert(t.luecke, $0), true) }
                ))
            s += "<h3>\(esc(t.produkt.nr)) \(esc(t.produkt.name))</h3>\n"
            s += tabelle(
                "Bedarf, Plätze und Lücke (Kinder bzw. Plätze), \(esc(Ausschussdaten.szenarioName(t.szenario))); Zeilen „Lücke“ nur, wo eine Lücke entsteht",
                kopf: [("Sozialraum", false), ("", false)] + t.jahre.map { ("\($0)", true) }, zeilen: zeilen,
                klasse: "kompakt")
        }
        if !m.investitionen.isEmpty {
            // The engine's Σ Auszahlungen (status quo: the sum does not depend on the scenario).
            let zeilen = d.e.investitionsbuchungen(szenario: "status-quo").map {
                i, b -> (klasse: String?, zellen: [(String, Bool)]) in
                (
                    nil,
                    [
                        (esc(i.id), false), (esc(i.name), false), (esc(i.gebiet ?? "–"), false),
                        (i.plaetze.map { Zahlformat.zahl($0) } ?? "–", true), ("\(i.inbetriebnahmeJahr)", true),
                        (d.betrag(b.summeAuszahlungen), true),
                    ]
                )
            }
            s += tabelle(
                "Geplante Investitionen im Modell",
                kopf: [
                    ("Id", false), ("Investition", false), ("Sozialraum", false),
                    ("Plätze", true), ("in Betrieb ab", true), ("Auszahlungen (\(d.betragseinheit))", true),
                ], zeilen: zeilen)
        }
        return abschnitt("kita", s)
    }

    // MARK: - Produktkritik

    static func produktkritik(_ d: Ausschussdaten, _ ids: SVGDiagramm.Ids) -> String {
        let m = d.m
        guard let k = d.kritik else {
            return abschnitt(
                "produktkritik", "<p>Keine Produktkritik möglich (kein Status-quo-Lauf für das Haushaltsjahr).</p>\n")
        }
        var s =
            "<p><b>ABC-Analyse:</b> Produkte nach Zuschussbedarf \(m.haushaltsjahr) (Status quo), absteigend. A-Produkte bis \(Zahlformat.prozent(k.grenzen.a, stellen: 0)) "
        s +=
            "des kumulierten Zuschussbedarfs, B bis \(Zahlformat.prozent(k.grenzen.b, stellen: 0)), C der Rest. Das Produkt, mit dem der kumulierte Anteil die Grenze "
        s +=
            "erreicht oder überschreitet, gehört noch zur Klasse davor. Produkte ohne Zuschussbedarf (≤ 0) sind C und stehen am Ende.</p>\n"
        let balken = k.abc.map {
            SVGDiagramm.ParetoBalken(
                label: $0.produkt.nr, wert: Ausschussdaten.mio($0.produkt.zuschuss), kumuliert: $0.kumuliert,
                klasse: $0.klasse.rawValue)
        }
        let zaehl = Produktkritik.Klasse.allCases.map { c in (c, k.abc.filter { $0.klasse == c }) }
        let satzABC =
            zaehl.map { c, z in
                "\(z.count) \(c.rawValue)-Produkte (\(Zahlformat.prozent(z.reduce(0) { $0 + $1.anteil }, stellen: 0)) des Zuschussbedarfs)"
            }.joined(separator: ", ") + "."
        let titelABC = "ABC-Analyse des Zuschussbedarfs \(m.haushaltsjahr)"
        s += figur(
            SVGDiagramm.pareto(
                id: ids.neu("abc"), titel: titelABC, beschreibung: satzABC, balken: balken, grenzeA: k.grenzen.a,
                grenzeB: k.grenzen.b, yTitel: "Zuschussbedarf in Mio. €",
                xTitel: "Produkt (nach Zuschussbedarf geordnet)"),
            "\(esc(satzABC)) Klassenbuchstabe über jeder Säule; Reihenfolge und Werte in der Tabelle.")
        let zeilenABC = k.abc.map { z -> (klasse: String?, zellen: [(String, Bool)]) in
            (
                nil,
                [
                    ("\(z.rang)", true), (esc(z.produkt.nr), false), (esc(z.produkt.name), false),
                    (z.produkt.art == .pflicht ? "Pflicht" : "freiwillig", false),
                    (d.betrag(z.produkt.zuschuss), true), (Zahlformat.prozent(z.anteil), true),
                    (Zahlformat.prozent(z.kumuliert), true), ("<b>\(z.klasse.rawValue)</b>", true),
                ]
            )
        }
        s += tabelle(
            "ABC-Analyse (Zuschussbedarf in \(d.betragseinheit))",
            kopf: [
                ("Rang", true), ("Produkt", false), ("Bezeichnung", false), ("Art", false),
                ("Zuschussbedarf", true), ("Anteil", true), ("kumuliert", true), ("Klasse", true),
            ],
            zeilen: zeilenABC)
        if !k.ohnePrognose.isEmpty {
            s +=
                "<p class=\"hinweis\">Ohne Prognose (kein Fallzahltreiber, kein Ist \(m.basisjahr), kein Ansatz) und daher weder "
            s +=
                "in der ABC-Analyse noch im Portfolio: \(k.ohnePrognose.map { esc("\($0.nr) \($0.name)") }.joined(separator: ", ")).</p>\n"
        }
        s += "<h3>Portfolio: Wirkungsbeitrag und Ressourcenverbrauch</h3>\n"
        guard !k.portfolio.isEmpty else {
            s +=
                "<p><b>Nicht bewertet:</b> kein Produkt hat einen Wirkungsbeitrag zu strategischen Zielen (modell.yaml: "
            s +=
                "strategische_ziele und wirkungsbeitrag je Produkt). Ohne ihn ordnet das Portfolio keine Produkte ein.</p>\n"
            return abschnitt("produktkritik", s)
        }
        s +=
            "<p><b>Wirkungsbeitrag</b> = Σ Gewicht × Beitrag (0 kein, 1 gering, 2 mittel, 3 hoch) zu den strategischen Zielen: "
        s += m.strategischeZiele.map { "\(esc($0.name)) (Gewicht \(Zahlformat.zahl($0.gewicht, stellen: 2)))" }.joined(
            separator: ", ")
        s +=
            ". <b>Ressourcenverbrauch</b> = Zuschussbedarf \(m.haushaltsjahr), Status quo. Die Quadrantengrenzen sind die Mediane "
        s +=
            "(bei gerader Anzahl der Mittelwert der beiden mittleren Werte); ein Produkt genau auf einer Grenze zählt als „hoch“. "
        s +=
            Produktkritik.Quadrant.allCases.map { "<b>\(esc($0.bezeichnung))</b>: \(esc($0.erlaeuterung))" }.joined(
                separator: "; ") + ".</p>\n"
        let punkte = k.portfolio.map {
            SVGDiagramm.Punkt(
                label: $0.produkt.nr, x: Ausschussdaten.mio($0.produkt.zuschuss), y: $0.produkt.wirkungsbeitrag,
                gefuellt: $0.produkt.art == .freiwillig)
        }
        let titelP = "Portfolio der Produkte \(m.haushaltsjahr)"
        let satzP =
            Produktkritik.Quadrant.allCases.map { q in
                let n = k.portfolio.filter { $0.quadrant == q }.map(\.produkt.nr)
                return "\(q.bezeichnung): \(n.isEmpty ? "keine" : n.joined(separator: ", "))"
            }.joined(separator: "; ")
            + ". Mediane: Wirkungsbeitrag \(Zahlformat.zahl(k.medianWirkung, stellen: 2)), Ressourcenverbrauch \(Zahlformat.zahl(Ausschussdaten.mio(k.medianVerbrauch), stellen: 1)) Mio. €."
        s += figur(
            SVGDiagramm.portfolio(
                id: ids.neu("portfolio"), titel: titelP, beschreibung: satzP, punkte: punkte,
                medianX: Ausschussdaten.mio(k.medianVerbrauch),
                medianY: k.medianWirkung, yMax: 3,
                quadranten: (
                    Produktkritik.Quadrant.ausbauen.bezeichnung, Produktkritik.Quadrant.halten.bezeichnung,
                    Produktkritik.Quadrant.beobachten.bezeichnung, Produktkritik.Quadrant.pruefen.bezeichnung
                ),
                xTitel: "Ressourcenverbrauch: Zuschussbedarf \(m.haushaltsjahr) in Mio. €",
                yTitel: "Wirkungsbeitrag (0 bis 3)",
                legendeGefuellt: "freiwillige Leistung (gefüllter Kreis)", legendeRing: "Pflichtleistung (Ring)"),
            esc(satzP))
        let zeilenP = k.portfolio.sorted {
            ($0.quadrant.rang, $1.produkt.zuschuss, $0.produkt.nr) < (
                $1.quadrant.rang, $0.produkt.zuschuss, $1.produkt.nr
            )
        }.map { p -> (klasse: String?, zellen: [(String, Bool)]) in
            (
                nil,
                [
                    (esc(p.produkt.nr), false), (esc(p.produkt.name), false),
                    (p.produkt.art == .pflicht ? "Pflicht" : "freiwillig", false),
                    (Zahlformat.zahl(p.produkt.wirkungsbeitrag, stellen: 2), true),
                    (d.betrag(p.produkt.zuschuss), true), ("<b>\(esc(p.quadrant.bezeichnung))</b>", false),
                ]
            )
        }
        s += tabelle(
            "Portfolio (Ressourcenverbrauch in \(d.betragseinheit))",
            kopf: [
                ("Produkt", false), ("Bezeichnung", false), ("Art", false),
                ("Wirkungsbeitrag", true), ("Ressourcenverbrauch", true), ("Quadrant", false),
            ],
            zeilen: zeilenP)
        if !k.nichtBewertet.isEmpty {
            s +=
                "<p class=\"hinweis\"><b>Nicht bewertet</b> (ohne Wirkungsbeitrag, daher nicht eingeordnet und nicht in den Medianen): "
            s += k.nichtBewertet.map { esc("\($0.nr) \($0.name)") }.joined(separator: ", ") + ".</p>\n"
        }
        s +=
            "<p class=\"hinweis\">Pflichtleistungen sind gesetzlich vorgegeben: „Prüfen/Umsteuern“ heißt bei ihnen, Steuerung über Zugang, Fallsteuerung und Prävention zu prüfen, nicht die Leistung einzustellen.</p>\n"
        return abschnitt("produktkritik", s)
    }

    // MARK: - Annahmen

    static func annahmen(_ d: Ausschussdaten) -> String {
        let sz = d.m.szenarien
        var s =
            "<p>Die Annahmen der Szenarien nebeneinander. „Best“ und „Worst“ sind nach ihrer Wirkung auf den Haushalt benannt "
        s += "(niedrigerer bzw. höherer Zuschussbedarf), nicht nach der Demografie.</p>\n"
        let zeilen = d.annahmen.map { z -> (klasse: String?, zellen: [(String, Bool)]) in
            (nil, [(esc(z.0), false)] + z.1.map { (esc($0), false) })
        }
        s += tabelle(
            nil, kopf: [("Annahme", false)] + sz.map { (esc(Ausschussdaten.szenarioName($0.name)), false) },
            zeilen: zeilen)
        return abschnitt("annahmen", s)
    }
}

extension Produktkritik.Quadrant {
    /// Order in tables: Ausbauen, Halten, Prüfen, Beobachten.
    var rang: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
