import EckwertCore

/// The Veränderungsnachweis workbook: Deckblatt, the change per scenario for the Gesamthaushalt and the
/// Budgetbereiche in every common year, and the drill-down to products and Ergebnisplan lines (status-quo,
/// Haushaltsjahr). Change = NEU − ALT as a formula; the causes are rounded so that they add up to it.
struct VergleichMappe {
    let v: Veraenderungsnachweis
    let m: Planungsmodell
    let mappe: Mappe

    var hauptszenario: String { v.szenarien.contains("status-quo") ? "status-quo" : (v.szenarien.first ?? "") }
    var jahr: Int { v.jahre.contains(m.haushaltsjahr) ? m.haushaltsjahr : (v.jahre.first ?? m.haushaltsjahr) }

    func schreiben() throws {
        try deckblatt(try mappe.blatt("Deckblatt", titel: "Deckblatt"))
        try uebersicht(try mappe.blatt("Veränderungsnachweis", titel: "Veränderungsnachweis nach Budgetbereichen"))
        try produkte(try mappe.blatt("Produkte", titel: "Veränderung je Produkt \(jahr), Szenario \(hauptszenario)"))
        if v.mitUrsachen {
            try zeilen(
                try mappe.blatt("Zeilen", titel: "Veränderung je Ergebnisplanzeile \(jahr), Szenario \(hauptszenario)"))
        }
        try mappe.schliessen()
    }

    func deckblatt(_ b: Blatt) throws {
        try b.text("Veränderungsnachweis – Zuschussbedarf \(v.neu.name) gegenüber \(v.alt.name)", 0, 0, .titel)
        try b.text(m.kommune, 1, 0, .untertitel)
        var zeilen: [(String, String)] = [
            ("Älterer Stand (ALT)", "\(v.alt.name) – \(v.alt.planstand), Basisjahr \(v.alt.basisjahr)"),
            ("Neuerer Stand (NEU)", "\(v.neu.name) – \(v.neu.planstand), Basisjahr \(v.neu.basisjahr)"),
            ("Verglichene Jahre", "\(v.jahre.first ?? 0)–\(v.jahre.last ?? 0)"),
            ("Szenarien", v.szenarien.joined(separator: ", ")),
            ("Prüfsumme ALT", v.alt.pruefsumme), ("Prüfsumme NEU", v.neu.pruefsumme),
            ("Programmversion", "Eckwert \(mappe.version)"), ("Darstellung", mappe.einheitText),
        ]
        if v.mitUrsachen {
            zeilen.append(
                (
                    "Methode",
                    "Für jede der 16 Kombinationen der vier Ursachengruppen rechnet Eckwert ein Modell, das "
                        + "diese Gruppen aus NEU und die übrigen aus ALT nimmt. Der Anteil einer Ursache ist ihr Shapley-Wert: der "
                        + "Durchschnitt ihres Beitrags über alle Reihenfolgen, in denen die Ursachen von ALT nach NEU wechseln. Die "
                        + "Anteile ergeben zusammen genau die Veränderung; hat sich nur eine Ursache geändert, trägt sie die ganze "
                        + "Veränderung."
                ))
            for u in Ursache.allCases { zeilen.append((u.bezeichnung, Self.erklaerung(u))) }
        }
        var r = try b.schluesselWerte(zeilen, ab: 3) + 1
        for h in v.hinweise {
            try b.hinweisabsatz("Hinweis: " + h, r, bis: 1)
            r += 1
        }
        b.festeBreiten = [0: 34, 1: 110]
    }

    static func erklaerung(_ u: Ursache) -> String {
        switch u {
        case .ist: "ist.csv und ansatz.csv: neueres oder berichtigtes Ist (Fallzahlen, Aufwand, Ertrag) und Ansatz"
        case .bevoelkerung: "bevoelkerung.csv, Sterbetafel, Fruchtbarkeit, Wanderungsprofil, amtliche Vorausberechnung"
        case .annahmen:
            "szenarien.yaml: Tarif und Sachkosten, Quote- und Fallkostentrends, Geburten, Wanderung, Maßnahmenauswahl"
        case .struktur:
            "modell.yaml: Produkte neu oder entfallen, Treiber, Fallkostenbasis, Maßnahmen, Investitionen, Budgetbereiche"
        }
    }

    /// Header of a table; returns the first data row.
    func kopf(_ b: Blatt, _ r: Int, jahrSpalte: Bool) throws -> Int {
        try b.text("Nr.", r, 0, .kopfLinks)
        try b.text("Bezeichnung", r, 1, .kopfLinks)
        if jahrSpalte { try b.text("Jahr", r, 2, .kopf) }
        try b.text("ALT \(v.alt.name)", r, 3, .kopf)
        try b.text("NEU \(v.neu.name)", r, 4, .kopf)
        try b.text("Veränderung", r, 5, .kopf)
        if v.mitUrsachen {
            for (i, u) in Ursache.allCases.enumerated() { try b.text(u.bezeichnung, r, 6 + i, .kopf, messen: false) }
        }
        try b.ws.setRowHeight(row: r, height: 42)
        return r + 1
    }

    func zeile(
        _ b: Blatt, _ r: Int, _ p: Veraenderungsnachweis.Posten, nr: String, name: String, jahrSpalte: Bool,
        art: Mappe.Art = .betrag
    ) throws {
        try b.text(nr, r, 0, art == .betrag ? .text : .textFett)
        try b.text(name, r, 1, art == .betrag ? .text : .textFett)
        if jahrSpalte { try b.zahl(Double(p.jahr), r, 2, .text) }
        try b.betrag(p.alt, r, 3, art)
        try b.betrag(p.neu, r, 4, art)
        try b.formel("=\(Blatt.zelle(r, 4))-\(Blatt.zelle(r, 3))", wert: b.wert(r, 4) - b.wert(r, 3), r, 5, art)
        guard v.mitUrsachen else { return }
        let teile = Kreislaufmappen.verteilt(p.anteile, summe: p.neu - p.alt, mappe: mappe)
        // The rounded causes add up to the rounded NEU − rounded ALT shown beside them.
        let ziel = b.wert(r, 5), summe = teile.reduce(0, +)
        var t = teile
        if let i = t.indices.max(by: { abs(t[$0]) < abs(t[$1]) }) { t[i] += ziel - summe }
        for (i, x) in t.enumerated() { try b.zahl(x == 0 ? 0 : x, r, 6 + i, art) }
    }

    func breiten(_ b: Blatt) {
        b.festeBreiten = [0: 14, 1: 44, 2: 7]
        for c in 3...(6 + Ursache.allCases.count) { b.festeBreiten[c] = 17 }
    }

    func uebersicht(_ b: Blatt) throws {
        try b.text("Veränderung des Zuschussbedarfs \(v.neu.name) gegenüber \(v.alt.name)", 0, 0, .titel)
        try b.text(
            "\(mappe.einheitText) · Veränderung = NEU − ALT; die Ursachen ergeben zusammen die Veränderung", 1, 0,
            .legende, messen: false)
        breiten(b)
        var r = 3
        for s in v.szenarien {
            try b.text("Szenario \(s)", r, 0, .untertitel, messen: false)
            r = try kopf(b, r + 1, jahrSpalte: true)
            if b.druckTitel == nil { b.druckTitel = (r - 1)...(r - 1); b.fixiert = (r, 2) }
            for p in v.posten
            where p.szenario == s && p.zeile == nil && (p.ebene == .gesamt || p.ebene == .budgetbereich) {
                let gesamt = p.ebene == .gesamt
                try zeile(
                    b, r, p, nr: gesamt ? "" : p.nr, name: gesamt ? "Gesamthaushalt" : p.name, jahrSpalte: true,
                    art: gesamt ? .betragSumme : .betrag)
                r += 1
            }
            r += 1
        }
    }

    func produkte(_ b: Blatt) throws {
        try b.text(
            "Veränderung je Produktbereich, Produktgruppe und Produkt \(jahr) – Szenario \(hauptszenario)", 0, 0, .titel
        )
        try b.text(
            "\(mappe.einheitText) · Drill-down des Veränderungsnachweises; neue oder entfallene Produkte zählen zur "
                + "Modellstruktur", 1, 0, .legende, messen: false)
        breiten(b)
        var r = try kopf(b, 3, jahrSpalte: false)
        b.druckTitel = (r - 1)...(r - 1)
        b.fixiert = (r, 2)
        for ebene in [Ebene.produktbereich, .produktgruppe, .produkt] {
            for p in v.posten where p.szenario == hauptszenario && p.jahr == jahr && p.zeile == nil && p.ebene == ebene
            {
                try zeile(
                    b, r, p, nr: p.nr, name: "\(ebene.bezeichnung): \(p.name)", jahrSpalte: false,
                    art: ebene == .produkt ? .betrag : .betragSumme)
                r += 1
            }
        }
    }

    func zeilen(_ b: Blatt) throws {
        try b.text("Veränderung je Produkt und Ergebnisplanzeile \(jahr) – Szenario \(hauptszenario)", 0, 0, .titel)
        try b.text(
            "\(mappe.einheitText) · Aufwand und Ertrag jeweils positiv; nur Zeilen mit einem Betrag in ALT oder NEU",
            1, 0, .legende, messen: false)
        breiten(b)
        var r = try kopf(b, 3, jahrSpalte: false)
        b.druckTitel = (r - 1)...(r - 1)
        b.fixiert = (r, 2)
        let k = m.kontenrahmen
        for p in v.posten where p.szenario == hauptszenario && p.jahr == jahr && p.ebene == .produkt {
            guard let z = p.zeile else { continue }
            let produkt = String(p.nr.dropLast(z.count + 1))
            try zeile(b, r, p, nr: produkt, name: k.zeile(z)?.name ?? z, jahrSpalte: false)
            r += 1
        }
    }
}
