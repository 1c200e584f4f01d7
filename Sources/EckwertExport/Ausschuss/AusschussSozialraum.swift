import EckwertCore

/// The Sozialraum figures of the committee pack, picked from the result once so that the HTML maps, the
/// Steckbriefe and the workbook show the same values. Counts of persons per Sozialraum follow the Geheimhaltung
/// rule; a map area whose value derives from a suppressed count is hatched, never coloured.
struct Sozialraumbild {
    /// One map: a value per Sozialraum, in the order of bevoelkerung.csv.
    struct Kartenreihe {
        var titel: String
        var einheit: String
        var stellen: Int
        var werte: [Kartenwert]
        var erlaeuterung: String
    }

    /// What the documents share, picked once per pack (`Ausschussdaten.sozialraum`).
    struct Auswahl {
        /// Products with Sozialraum cases in the Basisjahr and a driver.
        var produkte: [(index: Int, produkt: Produkt)] = []
        /// The maps (empty when the model has nothing per Sozialraum).
        var karten: [Kartenreihe] = []
        /// The areas as drawn, when the model has a map.
        var geometrie: Kartengeometrie?
    }

    let d: Ausschussdaten
    /// Products with Sozialraum cases in the Basisjahr and a driver.
    let produkte: [(index: Int, produkt: Produkt)]
    var m: Planungsmodell { d.m }
    var gebiete: [String] { m.bevoelkerung.gebiete }

    init(d: Ausschussdaten) { self.init(d: d, produkte: d.sozialraum.produkte) }

    /// The name of each Sozialraum, in the order of `gebiete` (looked up once, not for every map).
    let namen: [String]

    private init(d: Ausschussdaten, produkte: [(index: Int, produkt: Produkt)]) {
        self.d = d
        self.produkte = produkte
        namen = d.m.bevoelkerung.gebiete.map { d.m.sozialraum.name($0) }
    }

    /// Picks the shared figures once: the set of products with cases is built once, the maps and their geometry
    /// once (they are only shown when the model has something per Sozialraum).
    static func auswahl(_ d: Ausschussdaten) -> Auswahl {
        let mitFaellen = d.m.sozialraum.produkteMitFaellen
        let produkte = d.m.produkte.enumerated().filter {
            $0.element.fallzahl != nil && mitFaellen.contains($0.element.nr)
        }
        .map { (index: $0.offset, produkt: $0.element) }
        guard vorhanden(d.m) else { return Auswahl(produkte: produkte) }
        return Auswahl(
            produkte: produkte, karten: Sozialraumbild(d: d, produkte: produkte).kartenreihen(),
            geometrie: d.m.sozialraum.karte.map(Kartengeometrie.init))
    }

    /// Whether the model has anything to show per Sozialraum beyond the population.
    static func vorhanden(_ m: Planungsmodell) -> Bool {
        let s = m.sozialraum
        return s.karte != nil || !s.faelle.isEmpty || s.sozialindex != nil
    }

    var index: [Double]? { Kleinraum.sozialindex(m) }

    func kartenwerte(_ werte: [Double?], gesperrt: [Bool]? = nil) -> [Kartenwert] {
        gebiete.enumerated().map { g, id in
            Kartenwert(gebiet: id, name: namen[g], wert: werte[g], gesperrt: gesperrt?[g] ?? false)
        }
    }

    /// Cases per Sozialraum of a product under the Geheimhaltung rule (columns with their totals): the Ist of the
    /// Fachverfahren in the Basisjahr, the model's calibrated Basisjahr value (smoothed, including the cases without
    /// a Sozialraum) and the status-quo forecast at the horizon. Changes compare the last two, so that they show
    /// the forecast, not the smoothing.
    func faelle(_ i: Int) -> Geheimhaltung.Ergebnis {
        let nr = m.produkte[i].nr
        let prognose = d.e.szenario(d.hauptszenario)?.produkte[i].gebietsfaelle
        let zeilen = gebiete.enumerated().map { g, id in
            [m.sozialraum.faelle(m.basisjahr, id, nr) ?? 0, prognose?[g].first ?? 0, prognose?[g].last ?? 0]
        }
        return m.geheimhaltung.anwenden(zeilen, zeilensummen: false, spaltensummen: true)
    }

    func bezug(_ p: Produkt, _ pop: Bevoelkerung) -> [Double] {
        gebiete.map { g in
            guard var b = p.fallzahl?.bezug else { return 0 }
            b.gebiet = g
            return pop.summe(b)
        }
    }

    /// The maps, in the order the documents show them (picked once in `auswahl`).
    var karten: [Kartenreihe] { d.sozialraum.karten }

    // swiftlint:disable:next function_body_length
    private func kartenreihen() -> [Kartenreihe] {
        var out: [Kartenreihe] = []
        if let index {
            out.append(
                Kartenreihe(
                    titel: "Sozialindex \(m.sozialraum.sozialindex?.jahr ?? m.basisjahr)", einheit: "Index (z-Werte)",
                    stellen: 2, werte: kartenwerte(index),
                    erlaeuterung: "Höher heißt stärker belastet. Mittel der Sozialräume = 0."))
        }
        for (i, p) in produkte {
            let f = faelle(i)
            let R = bezug(p, m.bevoelkerung)
            let quote = gebiete.indices.map { g -> Double? in R[g] > 0 ? f.werte[g][0] / R[g] * 1000 : nil }
            out.append(
                Kartenreihe(
                    titel: "\(Kartenbild.kurzname(p.name)): Fälle je 1.000, \(m.basisjahr)",
                    einheit: "je 1.000", stellen: 1, werte: kartenwerte(quote, gesperrt: f.zelle.map { $0[0] }),
                    erlaeuterung: "\(p.nr) \(p.name): Ist-Fälle des Fachverfahrens je 1.000 Einwohner der Bezugsgruppe."
                ))
            let aenderung = gebiete.indices.map { g -> Double? in
                f.werte[g][1] > 0 ? (f.werte[g][2] / f.werte[g][1] - 1) * 100 : nil
            }
            out.append(
                Kartenreihe(
                    titel: "\(Kartenbild.kurzname(p.name)): Fälle \(m.basisjahr)–\(m.horizont)",
                    einheit: "Veränderung in %", stellen: 1,
                    werte: kartenwerte(aenderung, gesperrt: f.zelle.map { $0[1] || $0[2] }),
                    erlaeuterung: "\(p.nr) \(p.name): Modellwert \(m.basisjahr) (geglättet, auf die Stadt "
                        + "geeicht) gegen Prognose \(m.horizont), Szenario "
                        + "\(Ausschussdaten.szenarioName(d.hauptszenario))."))
        }
        for s in d.e.szenarien.map(\.szenario) {
            for t in d.kapazitaeten(s) where t.gebiete.count > 1 {
                let h = max(0, t.jahre.count - 1)
                let werte = gebiete.map { g -> Double? in t.gebiete.firstIndex(of: g).map { t.luecke.werte[$0][h] } }
                let gesperrt = gebiete.map { g in t.gebiete.firstIndex(of: g).map { t.luecke.zelle[$0][h] } ?? false }
                out.append(
                    Kartenreihe(
                        titel: "\(Kartenbild.kurzname(t.produkt.name)): Lücke \(t.jahre.last ?? m.horizont), "
                            + (Ausschussdaten.szenarioName(s).components(separatedBy: " (").first ?? s),
                        einheit: "fehlende Plätze", stellen: 0,
                        werte: kartenwerte(werte, gesperrt: gesperrt),
                        erlaeuterung: "\(t.produkt.nr) \(t.produkt.name), Szenario \(Ausschussdaten.szenarioName(s)): "
                            + "fehlende Plätze = Bedarf minus Plätze je Sozialraum, 0 = keine Lücke."))
            }
        }
        if let lauf = d.e.szenario(d.hauptszenario), let letzte = lauf.bevoelkerung.last ?? nil {
            let werte = gebiete.map { g -> Double? in
                let a = m.bevoelkerung.summe(gebiet: g)
                return a > 0 ? (letzte.summe(gebiet: g) / a - 1) * 100 : nil
            }
            out.append(
                Kartenreihe(
                    titel: "Bevölkerung: Veränderung \(m.basisjahr)–\(m.horizont)", einheit: "Veränderung in %",
                    stellen: 1, werte: kartenwerte(werte),
                    erlaeuterung: "Szenario \(Ausschussdaten.szenarioName(d.hauptszenario))."))
        }
        for v in Kleinraum.verteilungen(m) {
            out.append(
                Kartenreihe(
                    titel: "\(Kartenbild.kurzname(v.verteilung.name)): Euro je Sozialraum", einheit: "Euro", stellen: 0,
                    werte: kartenwerte(v.euro.map { Double($0) }),
                    erlaeuterung: "Verteilung von \(Zahlformat.euro(v.verteilung.betrag)) nach "
                        + "Bezugsbevölkerung × (1 + \(Zahlformat.zahl(v.verteilung.staerke, stellen: 2)) × "
                        + "Sozialindex)."
                ))
        }
        return out
    }
}

/// The Sozialraum sheet of the committee workbook. libxlsxwriter inserts only PNG/JPEG/GIF/BMP images and the
/// tool has no SVG rasteriser (a new dependency would be needed), so the workbook carries each map's table: the
/// same values, classes named, suppressed values as "•".
extension AusschussXlsx {
    static func sozialraeume(_ b: XlsxWorkbook, _ f: Formate, _ d: Ausschussdaten) throws {
        guard Sozialraumbild.vorhanden(d.m) else { return }
        let bild = Sozialraumbild(d: d)
        let karten = bild.karten
        let ws = try blatt(
            b, "Sozialräume", f, titel: "Sozialräume: Werte der Karten (die Karten selbst stehen im HTML-Bericht)",
            breiten: [14, 30] + karten.map { _ in 16 })
        try ws.write(
            string: "Je Spalte eine Karte; • = gesperrt nach der Geheimhaltungsregel (siehe Hinweise).", row: 1, col: 0,
            format: f.text)
        try kopfzeile(
            ws, f, row: 3, ["Sozialraum", "Name"] + karten.map { "\($0.titel) (\($0.einheit))" }, zahlenAb: 2)
        try ws.setRowHeight(row: 3, height: 90)
        for (g, id) in bild.gebiete.enumerated() {
            try ws.write(string: id, row: 4 + g, col: 0, format: f.text)
            try ws.write(string: d.m.sozialraum.name(id), row: 4 + g, col: 1, format: f.text)
            for (c, k) in karten.enumerated() {
                let w = k.werte[g]
                if w.gesperrt {
                    try ws.write(string: Geheimhaltung.zeichen, row: 4 + g, col: 2 + c, format: f.gesperrt)
                } else if let x = w.wert {
                    try ws.write(
                        number: Zahlformat.runden(x, k.stellen), row: 4 + g, col: 2 + c,
                        format: k.stellen == 0 ? f.zahl : f.zahl2)
                } else {
                    try ws.write(string: "n. v.", row: 4 + g, col: 2 + c, format: f.gesperrt)
                }
            }
        }
    }
}
