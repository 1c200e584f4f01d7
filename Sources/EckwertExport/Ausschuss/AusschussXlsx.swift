import EckwertCore

/// The committee pack as a workbook: the data of every section on its own sheet with native Excel charts
/// (line, stacked column, column, scatter) next to the data, for planners who rework the slides. Amounts are
/// written rounded to the model's display unit, so every shown total is the sum of the shown parts; counts per
/// Sozialraum follow the Geheimhaltung rule ("•" as text).
enum AusschussXlsx {
    final class Formate {
        let titel, kopf, kopfZahl, text, textUmbruch, betrag, zahl, zahl2, prozent, summe, summeText, gesperrt,
            fett: XlsxFormat
        init(_ b: XlsxWorkbook, rundung: Rundung) throws {
            titel = try b.format(XlsxFormatSpec().bold().fontSize(14))
            kopf = try b.format(
                XlsxFormatSpec().bold().fill(.headerFill).border(bottom: .thin).wrap().verticalAlign(.top))
            kopfZahl = try b.format(
                XlsxFormatSpec().bold().fill(.headerFill).border(bottom: .thin).wrap().align(.right).verticalAlign(.top)
            )
            text = try b.format(XlsxFormatSpec().verticalAlign(.top))
            textUmbruch = try b.format(XlsxFormatSpec().wrap().verticalAlign(.top))
            betrag = try b.format(
                XlsxFormatSpec().numberFormat(Hausstil.betragsformat(rundung, euroZeichen: false)).verticalAlign(.top))
            zahl = try b.format(XlsxFormatSpec().numberFormat(XlsxNumberFormat.integer).verticalAlign(.top))
            zahl2 = try b.format(XlsxFormatSpec().numberFormat(XlsxNumberFormat.decimal).verticalAlign(.top))
            prozent = try b.format(XlsxFormatSpec().numberFormat(XlsxNumberFormat.percent).verticalAlign(.top))
            summe = try b.format(XlsxFormatSpec().bold().numberFormat(XlsxNumberFormat.integer).border(top: .thin))
            summeText = try b.format(XlsxFormatSpec().bold().border(top: .thin))
            gesperrt = try b.format(XlsxFormatSpec().align(.right).verticalAlign(.top))
            fett = try b.format(XlsxFormatSpec().bold())
        }
    }

    static func schreiben(_ d: Ausschussdaten, pfad: String, nachlauf: Dateiausgabe.Nachlauf? = nil) throws {
        let m = d.m
        let props = XlsxDocumentProperties(
            created: XlsxDate(year: m.stand.jahr, month: m.stand.monat, day: m.stand.tag),
            title: "Fachausschuss \(m.kommune) \(m.haushaltsjahr)", subject: "Sozial- und Finanzplanung",
            author: "Eckwert \(d.version)", company: m.kommune)
        let b = try XlsxWorkbook(path: pfad, properties: props)
        do {
            let f = try Formate(b, rundung: m.rundung)
            try hinweise(b, f, d)
            try ueberblick(b, f, d)
            try treiber(b, f, d)
            try ziele(b, f, d)
            try massnahmen(b, f, d)
            try kita(b, f, d)
            try sozialraeume(b, f, d)
            try abc(b, f, d)
            try portfolio(b, f, d)
            try annahmen(b, f, d)
            if let nachlauf {
                let datei = try b.closeToTemporary()
                nachlauf.uebergeben(datei.targetPath) { try datei.finish() }
            } else {
                try b.close()
            }
        } catch {
            b.discard()
            throw error
        }
    }

    /// An amount as the value of its cell: rounded once in the display unit (house style).
    static func betrag(_ d: Ausschussdaten, _ v: Double) -> Double {
        d.zelle(Zahlformat.runden(d.betragswert(v), d.betragsstellen))
    }

    static func blatt(
        _ b: XlsxWorkbook, _ name: String, _ f: Formate, titel: String, breiten: [Double]
    ) throws -> XlsxWorksheet {
        let ws = try b.addWorksheet(name)
        try ws.write(string: titel, row: 0, col: 0, format: f.titel)
        for (i, w) in breiten.enumerated() { try ws.setColumnWidth(firstCol: i, width: w) }
        try ws.setLandscape()
        try ws.setPaper(9)
        try ws.fitToWidth(pages: 1)
        return ws
    }

    static func kopfzeile(_ ws: XlsxWorksheet, _ f: Formate, row: Int, _ texte: [String], zahlenAb: Int) throws {
        for (c, t) in texte.enumerated() {
            try ws.write(string: t, row: row, col: c, format: c >= zahlenAb ? f.kopfZahl : f.kopf)
        }
    }

    // MARK: Sheets

    static func hinweise(_ b: XlsxWorkbook, _ f: Formate, _ d: Ausschussdaten) throws {
        let m = d.m
        let ws = try blatt(
            b, "Hinweise", f, titel: "\(m.kommune): Sozial- und Finanzplanung – Unterlage für den Fachausschuss",
            breiten: [28, 120])
        var zeilen: [(String, String)] = [
            ("Haushaltsjahr", "\(m.haushaltsjahr)"),
            ("Prognose", "\(m.basisjahr + 1)–\(m.horizont) (Ist bis \(m.basisjahr))"),
            ("Planungsstand", d.planstand), ("Modell", "\(m.name), Prüfsumme \(m.pruefsumme.prefix(16))"),
            ("Erstellt mit", "Eckwert \(d.version)"),
            (
                "Beträge",
                "\(Zuschusstext.gleichung(m)), in \(d.betragseinheit) (gerundet; Summen = Summen der gerundeten Werte)"
            ),
            (
                "Geheimhaltung",
                Geheimhaltung.erlaeuterung(mindestfallzahl: m.geheimhaltung.mindestfallzahl)
                    + " Die Versorgungslücke wird zusätzlich dort gesperrt, wo der Bedarf gesperrt ist."
            ),
        ]
        if let k = d.kritik {
            zeilen.append(
                (
                    "ABC-Analyse",
                    "Rangfolge nach Zuschussbedarf \(k.jahr) (Status quo). A bis \(Zahlformat.prozent(k.grenzen.a, stellen: 0)), B bis \(Zahlformat.prozent(k.grenzen.b, stellen: 0)) des kumulierten Zuschussbedarfs, C der Rest; das Produkt, das die Grenze erreicht oder überschreitet, gehört noch zur Klasse davor; Produkte mit Zuschussbedarf ≤ 0 sind C und stehen am Ende."
                ))
            zeilen.append(
                (
                    "Portfolio",
                    "Wirkungsbeitrag = Σ Gewicht × Beitrag (0–3) zu den strategischen Zielen; Ressourcenverbrauch = Zuschussbedarf \(k.jahr), Status quo. Grenzen: Mediane (gerade Anzahl: Mittel der beiden mittleren Werte); auf der Grenze zählt als hoch. "
                        + Produktkritik.Quadrant.allCases.map { "\($0.bezeichnung): \($0.erlaeuterung)" }.joined(
                            separator: "; ") + "."
                ))
        }
        for (i, z) in zeilen.enumerated() {
            try ws.write(string: z.0, row: 2 + i, col: 0, format: f.fett)
            try ws.write(string: z.1, row: 2 + i, col: 1, format: f.textUmbruch)
        }
    }

    static func ueberblick(_ b: XlsxWorkbook, _ f: Formate, _ d: Ausschussdaten) throws {
        let name = "Überblick"
        let ws = try blatt(
            b, name, f, titel: "Zuschussbedarf in \(d.betragseinheit) (\(d.m.basisjahr) = Ist)",
            breiten: [36, 24] + d.jahre.map { _ in 15 })
        try kopfzeile(ws, f, row: 2, ["Einheit", "Szenario"] + d.jahre.map(String.init), zahlenAb: 2)
        var r = 3
        var chartZeile = 3
        for (n, v) in d.verlaeufe.enumerated() {
            let erste = r
            for sz in v.szenarien {
                try ws.write(string: v.titel, row: r, col: 0, format: f.text)
                try ws.write(string: Ausschussdaten.szenarioName(sz.name), row: r, col: 1, format: f.text)
                for (t, x) in sz.werte.enumerated() {
                    try ws.write(number: betrag(d, x), row: r, col: 2 + t, format: f.betrag)
                }
                r += 1
            }
            var labels = v.szenarien.map { Ausschussdaten.szenarioName($0.name) }
            for (label, werte) in [("P10", v.p10), ("P90", v.p90)] {
                guard let werte else { continue }
                try ws.write(string: v.titel, row: r, col: 0, format: f.text)
                try ws.write(string: label, row: r, col: 1, format: f.text)
                for (t, x) in werte.enumerated() {
                    try ws.write(number: betrag(d, x), row: r, col: 3 + t, format: f.betrag)
                }
                labels.append(label)
                r += 1
            }
            if v.planung.contains(where: { $0 != nil }) {
                try ws.write(string: v.titel, row: r, col: 0, format: f.text)
                try ws.write(string: "Planung der Kämmerei", row: r, col: 1, format: f.text)
                for (t, x) in v.planung.enumerated() {
                    if let x { try ws.write(number: betrag(d, x), row: r, col: 2 + t, format: f.betrag) }
                }
                labels.append("Planung der Kämmerei")
                r += 1
            }
            let chart = try b.addChart(.line)
            for zr in erste..<r {
                let label = labels[zr - erste]
                try chart.addSeries(
                    name: label,
                    categories: XlsxRange(
                        sheet: name, firstRow: 2, firstCol: 2, lastRow: 2, lastCol: 1 + d.jahre.count),
                    values: XlsxRange(sheet: name, firstRow: zr, firstCol: 2, lastRow: zr, lastCol: 1 + d.jahre.count))
            }
            try chart.setTitle("Zuschussbedarf \(v.titel)")
            try chart.setAxisTitles(x: "Jahr", y: "Zuschussbedarf in \(d.betragseinheit)")
            try chart.setLegend(.bottom)
            try ws.insertChart(chart, row: chartZeile, col: 3 + d.jahre.count, width: 620, height: 330)
            chartZeile += 18
            _ = n
            // Main scenario − Planung in the display unit and in % of the Planung, as formulas over the rows above.
            if let rPlan = labels.firstIndex(of: "Planung der Kämmerei").map({ erste + $0 }),
                let rSz = v.szenarien.firstIndex(where: { $0.name == d.hauptszenario }).map({ erste + $0 })
            {
                let name = Ausschussdaten.szenarioName(d.hauptszenario)
                for (zeile, text) in [(r, "\(name) − Planung"), (r + 1, "\(name) − Planung in %")] {
                    try ws.write(string: v.titel, row: zeile, col: 0, format: f.text)
                    try ws.write(string: text, row: zeile, col: 1, format: f.text)
                }
                for (t, p) in v.planung.enumerated() {
                    guard let p, t < v.szenarien[rSz - erste].werte.count else { continue }
                    let c = 2 + t
                    let plan = betrag(d, p), diff = betrag(d, v.szenarien[rSz - erste].werte[t]) - plan
                    let a = XlsxNames.cell(row: rSz, col: c, absolute: false),
                        q = XlsxNames.cell(row: rPlan, col: c, absolute: false)
                    try ws.write(formula: "=\(a)-\(q)", cachedValue: diff, row: r, col: c, format: f.betrag)
                    if plan != 0 {
                        try ws.write(
                            formula: "=(\(a)-\(q))/ABS(\(q))", cachedValue: diff / abs(plan), row: r + 1, col: c,
                            format: f.prozent)
                    }
                }
                r += 2
            }
        }
    }

    static func treiber(_ b: XlsxWorkbook, _ f: Formate, _ d: Ausschussdaten) throws {
        let name = "Treiber"
        let t = d.treiber()
        let ws = try blatt(
            b, name, f,
            titel:
                "Veränderung des Zuschussbedarfs \(d.m.basisjahr)–\(d.m.horizont) nach Ursachen, \(Ausschussdaten.szenarioName(d.hauptszenario)), in \(d.betragseinheit)",
            breiten: [12, 48, 15, 17, 15, 15, 15])
        try kopfzeile(
            ws, f, row: 2, ["Produkt", "Bezeichnung", "Demografie", "Inanspruchnahme", "Preis", "Rest", "Insgesamt"],
            zahlenAb: 2)
        for (i, x) in t.enumerated() {
            let r = 3 + i
            try ws.write(string: x.produkt.nr, row: r, col: 0, format: f.text)
            try ws.write(string: x.produkt.name, row: r, col: 1, format: f.text)
            let teile = Summenrundung.teile(
                [x.demografie, x.quote, x.preis, x.rest].map(d.betragswert), stellen: d.betragsstellen)
            for (c, v) in teile.teile.enumerated() {
                try ws.write(number: d.zelle(v), row: r, col: 2 + c, format: f.betrag)
            }
            try ws.write(number: d.zelle(teile.summe), row: r, col: 6, format: f.betrag)
        }
        guard !t.isEmpty else { return }
        let chart = try b.addChart(.stackedColumn)
        for (c, n) in ["Demografie", "Inanspruchnahme", "Preis", "Rest"].enumerated() {
            try chart.addSeries(
                name: n, categories: XlsxRange(sheet: name, firstRow: 3, firstCol: 0, lastRow: 2 + t.count, lastCol: 0),
                values: XlsxRange(sheet: name, firstRow: 3, firstCol: 2 + c, lastRow: 2 + t.count, lastCol: 2 + c))
        }
        try chart.setTitle("Veränderung \(d.m.basisjahr)–\(d.m.horizont) nach Ursachen")
        try chart.setAxisTitles(x: "Produkt", y: "Veränderung in \(d.betragseinheit)")
        try chart.setLegend(.bottom)
        try ws.insertChart(chart, row: 4 + t.count, col: 1, width: 760, height: 380)
    }

    static func ziele(_ b: XlsxWorkbook, _ f: Formate, _ d: Ausschussdaten) throws {
        let m = d.m
        let sz = d.e.szenarien.map(\.szenario)
        let ws = try blatt(
            b, "Ziele", f, titel: "Ziele und Zielerreichung",
            breiten: [12, 60, 16, 44, 14, 8] + sz.flatMap { _ in [12.0, 12.0] })
        try kopfzeile(
            ws, f, row: 2,
            ["Ziel", "Text", "Zielfeld", "Kennzahl", "Zielwert", "bis"]
                + sz.flatMap { ["\(Ausschussdaten.szenarioName($0)): Wert", "erreicht?"] }, zahlenAb: 4)
        for (i, z) in m.ziele.enumerated() {
            let r = 3 + i
            let eig = d.e.zielerreichung.filter { $0.ziel == z.id }
            let kz = z.kennzahl.flatMap { m.kennzahl($0) }
            try ws.write(string: z.id, row: r, col: 0, format: f.text)
            try ws.write(string: z.text, row: r, col: 1, format: f.textUmbruch)
            try ws.write(string: z.zielfeld.bezeichnung, row: r, col: 2, format: f.text)
            try ws.write(
                string: kz.map { $0.name + ($0.einheit.map { " (\($0))" } ?? "") } ?? "–", row: r, col: 3,
                format: f.textUmbruch)
            if let zw = eig.first?.zielwert {
                try ws.write(number: zw, row: r, col: 4, format: f.zahl2)
            } else {
                try ws.write(string: "n. v.", row: r, col: 4, format: f.gesperrt)
            }
            if let bis = z.bis { try ws.write(number: Double(bis), row: r, col: 5, format: f.text) }
            for (j, name) in sz.enumerated() {
                let x = eig.first { $0.szenario == name }
                if let w = x?.wert {
                    try ws.write(number: w, row: r, col: 6 + 2 * j, format: f.zahl2)
                } else {
                    try ws.write(string: "n. v.", row: r, col: 6 + 2 * j, format: f.gesperrt)
                }
                let marke: String
                switch x?.erreicht {
                case true?: marke = "✓ erreicht"
                case false?: marke = "✗ verfehlt"
                case nil: marke = "nicht prüfbar"
                }
                try ws.write(string: marke, row: r, col: 7 + 2 * j, format: f.text)
            }
        }
        try ws.freezePanes(row: 3, col: 1)
    }

    static func massnahmen(_ b: XlsxWorkbook, _ f: Formate, _ d: Ausschussdaten) throws {
        let name = "Maßnahmen"
        let m = d.m
        let jahre = Array(m.prognosejahre)
        let ws = try blatt(
            b, name, f,
            titel:
                "Maßnahmen: Kosten, Minderaufwand, Netto je Jahr in \(d.betragseinheit) (mit/ohne im selben Szenario)",
            breiten: [10, 40, 24, 22, 16] + jahre.map { _ in 14 } + [16])
        try kopfzeile(
            ws, f, row: 2,
            ["Maßnahme", "Bezeichnung", "Szenario", "Größe", "im Szenario beschlossen"] + jahre.map(String.init) + [
                "Summe / Amortisation"
            ], zahlenAb: 5)
        var r = 3
        var kumZeilen: [(String, Int)] = []
        for mn in m.massnahmen {
            for bil in d.e.massnahmen where bil.massnahme == mn.id {
                for (label, werte) in [
                    ("Kosten", bil.kosten), ("Minderaufwand", bil.minderaufwand), ("Netto", bil.netto),
                    ("Netto kumuliert", bil.kumuliert),
                ] {
                    try ws.write(string: mn.id, row: r, col: 0, format: f.text)
                    try ws.write(string: mn.name, row: r, col: 1, format: f.text)
                    try ws.write(string: Ausschussdaten.szenarioName(bil.szenario), row: r, col: 2, format: f.text)
                    try ws.write(string: label, row: r, col: 3, format: f.text)
                    try ws.write(string: bil.imSzenarioAktiv ? "ja" : "nein", row: r, col: 4, format: f.text)
                    let gerundet = werte.map { betrag(d, $0) }
                    for (t, v) in gerundet.enumerated() {
                        try ws.write(number: v, row: r, col: 5 + t, format: f.betrag)
                    }
                    if label == "Netto kumuliert" {
                        try ws.write(
                            string: bil.amortisation.map { "Amortisation \($0)" } ?? "nicht im Planungszeitraum",
                            row: r, col: 5 + jahre.count, format: f.text)
                        if bil.szenario == d.hauptszenario { kumZeilen.append(("\(mn.id) \(mn.name)", r)) }
                    } else {
                        try ws.write(number: gerundet.reduce(0, +), row: r, col: 5 + jahre.count, format: f.betrag)
                    }
                    r += 1
                }
            }
        }
        guard !kumZeilen.isEmpty else { return }
        let chart = try b.addChart(.line)
        for (n, z) in kumZeilen {
            try chart.addSeries(
                name: String(n.prefix(200)),
                categories: XlsxRange(sheet: name, firstRow: 2, firstCol: 5, lastRow: 2, lastCol: 4 + jahre.count),
                values: XlsxRange(sheet: name, firstRow: z, firstCol: 5, lastRow: z, lastCol: 4 + jahre.count))
        }
        try chart.setTitle("Kumulierter Nettoeffekt (\(Ausschussdaten.szenarioName(d.hauptszenario)))")
        try chart.setAxisTitles(x: "Jahr", y: "kumuliert in \(d.betragseinheit)")
        try chart.setLegend(.bottom)
        try ws.insertChart(chart, row: r + 1, col: 1, width: 760, height: 360)
    }

    static func kita(_ b: XlsxWorkbook, _ f: Formate, _ d: Ausschussdaten) throws {
        let tabellen = d.kapazitaeten(d.hauptszenario)
        let n = tabellen.first?.jahre.count ?? 0
        let ws = try blatt(
            b, "Kita", f,
            titel:
                "Bedarf, Plätze und Lücke je Sozialraum, \(Ausschussdaten.szenarioName(d.hauptszenario)) (Geheimhaltung: siehe Hinweise)",
            breiten: [14, 50, 12] + (0..<max(n, 4)).map { _ in 12 })
        var r = 2
        for t in tabellen {
            try ws.write(string: "\(t.produkt.nr) \(t.produkt.name)", row: r, col: 0, format: f.fett)
            r += 1
            try kopfzeile(ws, f, row: r, ["Sozialraum", "", "Größe"] + t.jahre.map(String.init), zahlenAb: 3)
            r += 1
            func zeile(
                _ gebiet: String, _ groesse: String, _ werte: [String?], _ zahlen: [Double], summe: Bool = false
            ) throws {
                try ws.write(string: gebiet, row: r, col: 0, format: summe ? f.summeText : f.text)
                if summe { try ws.writeBlank(row: r, col: 1, format: f.summeText) }
                try ws.write(string: groesse, row: r, col: 2, format: summe ? f.summeText : f.text)
                for c in zahlen.indices {
                    if let s = werte[c] {
                        try ws.write(string: s, row: r, col: 3 + c, format: f.gesperrt)
                    } else {
                        try ws.write(number: zahlen[c], row: r, col: 3 + c, format: summe ? f.summe : f.zahl)
                    }
                }
                r += 1
            }
            for (g, gebiet) in t.gebiete.enumerated() {
                let jj = t.jahre.indices
                try zeile(
                    gebiet, "Bedarf", jj.map { t.bedarf.zelle[g][$0] ? Geheimhaltung.zeichen : nil }, t.bedarf.werte[g])
                try zeile(gebiet, "Plätze", jj.map { _ in nil }, t.plaetze[g])
                try zeile(
                    gebiet, "Lücke", jj.map { t.luecke.zelle[g][$0] ? Geheimhaltung.zeichen : nil }, t.luecke.werte[g])
            }
            let jj = t.jahre.indices
            try zeile(
                "Stadt", "Bedarf", jj.map { t.bedarf.spaltensumme[$0] ? Geheimhaltung.zeichen : nil },
                t.bedarf.spaltensummen ?? [], summe: true)
            try zeile("Stadt", "Plätze", jj.map { _ in nil }, t.plaetzeSumme, summe: true)
            try zeile(
                "Stadt", "Lücke", jj.map { t.luecke.spaltensumme[$0] ? Geheimhaltung.zeichen : nil },
                t.luecke.spaltensummen ?? [], summe: true)
            r += 1
        }
        let bedarfe = d.e.kapazitaetsbedarfe
        try ws.write(
            string: "Richtwerte für Investitionen, die eine Lücke schließen würden", row: r, col: 0, format: f.fett)
        r += 1
        try kopfzeile(
            ws, f, row: r,
            [
                "Produkt", "Szenario", "Sozialraum", "erste Lücke", "fehlende Plätze", "Jahr", "Investition",
                "Folgekosten/Jahr",
            ], zahlenAb: 3)
        r += 1
        for x in bedarfe {
            let gesperrt = d.platzzahlGesperrt(x)
            try ws.write(string: x.produkt, row: r, col: 0, format: f.text)
            try ws.write(string: Ausschussdaten.szenarioName(x.szenario), row: r, col: 1, format: f.text)
            try ws.write(string: x.gebiet ?? "Stadt", row: r, col: 2, format: f.text)
            try ws.write(number: Double(x.ersteLuecke), row: r, col: 3, format: f.text)
            if gesperrt {
                for c in [4, 6, 7] { try ws.write(string: Geheimhaltung.zeichen, row: r, col: c, format: f.gesperrt) }
            } else {
                try ws.write(number: x.fehlendePlaetze.rounded(.up), row: r, col: 4, format: f.zahl)
                try ws.write(number: betrag(d, x.investition), row: r, col: 6, format: f.betrag)
                if let fk = x.folgekostenJaehrlich {
                    try ws.write(number: betrag(d, fk), row: r, col: 7, format: f.betrag)
                } else {
                    try ws.write(string: "nicht geschätzt", row: r, col: 7, format: f.text)
                }
            }
            try ws.write(number: Double(x.jahrGroessteLuecke), row: r, col: 5, format: f.text)
            r += 1
        }
    }

    static func abc(_ b: XlsxWorkbook, _ f: Formate, _ d: Ausschussdaten) throws {
        guard let k = d.kritik else { return }
        let name = "ABC"
        let ws = try blatt(
            b, name, f, titel: "ABC-Analyse: Zuschussbedarf \(k.jahr), Status quo, in \(d.betragseinheit)",
            breiten: [7, 12, 60, 12, 16, 10, 11, 8])
        try kopfzeile(
            ws, f, row: 2,
            ["Rang", "Produkt", "Bezeichnung", "Art", "Zuschussbedarf", "Anteil", "kumuliert", "Klasse"], zahlenAb: 4)
        for (i, z) in k.abc.enumerated() {
            let r = 3 + i
            try ws.write(number: Double(z.rang), row: r, col: 0, format: f.text)
            try ws.write(string: z.produkt.nr, row: r, col: 1, format: f.text)
            try ws.write(string: z.produkt.name, row: r, col: 2, format: f.text)
            try ws.write(string: z.produkt.art == .pflicht ? "Pflicht" : "freiwillig", row: r, col: 3, format: f.text)
            try ws.write(number: betrag(d, z.produkt.zuschuss), row: r, col: 4, format: f.betrag)
            try ws.write(number: z.anteil, row: r, col: 5, format: f.prozent)
            try ws.write(number: z.kumuliert, row: r, col: 6, format: f.prozent)
            try ws.write(string: z.klasse.rawValue, row: r, col: 7, format: f.fett)
        }
        guard !k.abc.isEmpty else { return }
        let last = 2 + k.abc.count
        let saeulen = try b.addChart(.column)
        try saeulen.addSeries(
            name: "Zuschussbedarf",
            categories: XlsxRange(sheet: name, firstRow: 3, firstCol: 1, lastRow: last, lastCol: 1),
            values: XlsxRange(sheet: name, firstRow: 3, firstCol: 4, lastRow: last, lastCol: 4))
        try saeulen.setTitle("ABC-Analyse: Zuschussbedarf \(k.jahr) je Produkt")
        try saeulen.setAxisTitles(
            x: "Produkt (nach Zuschussbedarf geordnet)", y: "Zuschussbedarf in \(d.betragseinheit)")
        try saeulen.setLegend(.bottom)
        try ws.insertChart(saeulen, row: last + 2, col: 1, width: 760, height: 360)
        let linie = try b.addChart(.line)
        try linie.addSeries(
            name: "kumulierter Anteil",
            categories: XlsxRange(sheet: name, firstRow: 3, firstCol: 1, lastRow: last, lastCol: 1),
            values: XlsxRange(sheet: name, firstRow: 3, firstCol: 6, lastRow: last, lastCol: 6))
        try linie.setTitle(
            "ABC-Analyse: kumulierter Anteil (Grenzen A \(Zahlformat.prozent(k.grenzen.a, stellen: 0)), B \(Zahlformat.prozent(k.grenzen.b, stellen: 0)))"
        )
        try linie.setAxisTitles(x: "Produkt", y: "kumulierter Anteil")
        try linie.setValueAxisNumberFormat("0 %")
        try linie.setLegend(.bottom)
        try ws.insertChart(linie, row: last + 22, col: 1, width: 760, height: 320)
    }

    static func portfolio(_ b: XlsxWorkbook, _ f: Formate, _ d: Ausschussdaten) throws {
        guard let k = d.kritik else { return }
        let name = "Portfolio"
        let ws = try blatt(
            b, name, f, titel: "Portfolio: Wirkungsbeitrag und Ressourcenverbrauch \(k.jahr) (Status quo)",
            breiten: [12, 60, 12, 16, 20, 22])
        try kopfzeile(
            ws, f, row: 2,
            [
                "Produkt", "Bezeichnung", "Art", "Wirkungsbeitrag", "Ressourcenverbrauch (\(d.betragseinheit))",
                "Quadrant",
            ], zahlenAb: 3)
        for (i, p) in k.portfolio.enumerated() {
            let r = 3 + i
            try ws.write(string: p.produkt.nr, row: r, col: 0, format: f.text)
            try ws.write(string: p.produkt.name, row: r, col: 1, format: f.text)
            try ws.write(string: p.produkt.art == .pflicht ? "Pflicht" : "freiwillig", row: r, col: 2, format: f.text)
            try ws.write(number: Zahlformat.runden(p.produkt.wirkungsbeitrag, 2), row: r, col: 3, format: f.zahl2)
            try ws.write(number: betrag(d, p.produkt.zuschuss), row: r, col: 4, format: f.betrag)
            try ws.write(string: p.quadrant.bezeichnung, row: r, col: 5, format: f.fett)
        }
        let last = 2 + k.portfolio.count
        try ws.write(string: "Median", row: last + 1, col: 1, format: f.summeText)
        try ws.write(number: Zahlformat.runden(k.medianWirkung, 2), row: last + 1, col: 3, format: f.zahl2)
        try ws.write(number: betrag(d, k.medianVerbrauch), row: last + 1, col: 4, format: f.betrag)
        if !k.nichtBewertet.isEmpty {
            let liste = k.nichtBewertet.map { "\($0.nr) \($0.name)" }.joined(separator: ", ")
            try ws.write(
                string: "Nicht bewertet (ohne Wirkungsbeitrag, nicht eingeordnet): \(liste)", row: last + 2, col: 1,
                format: f.text)
        }
        guard !k.portfolio.isEmpty else { return }
        let chart = try b.addChart(.scatter)
        try chart.addSeries(
            name: "Produkte", categories: XlsxRange(sheet: name, firstRow: 3, firstCol: 4, lastRow: last, lastCol: 4),
            values: XlsxRange(sheet: name, firstRow: 3, firstCol: 3, lastRow: last, lastCol: 3))
        try chart.setTitle("Portfolio: Wirkungsbeitrag gegen Ressourcenverbrauch")
        try chart.setAxisTitles(
            x: "Ressourcenverbrauch: Zuschussbedarf \(k.jahr) in \(d.betragseinheit)", y: "Wirkungsbeitrag (0 bis 3)")
        try chart.setLegend(.none)
        try ws.insertChart(chart, row: last + 3, col: 1, width: 760, height: 420)
    }

    static func annahmen(_ b: XlsxWorkbook, _ f: Formate, _ d: Ausschussdaten) throws {
        let sz = d.m.szenarien
        let ws = try blatt(b, "Annahmen", f, titel: "Annahmen der Szenarien", breiten: [50] + sz.map { _ in 40 })
        try kopfzeile(ws, f, row: 2, ["Annahme"] + sz.map { Ausschussdaten.szenarioName($0.name) }, zahlenAb: 99)
        for (i, z) in d.annahmen.enumerated() {
            try ws.write(string: z.0, row: 3 + i, col: 0, format: f.textUmbruch)
            for (j, v) in z.1.enumerated() { try ws.write(string: v, row: 3 + i, col: 1 + j, format: f.textUmbruch) }
        }
    }
}
