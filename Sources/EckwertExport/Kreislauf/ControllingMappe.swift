import EckwertCore

/// The Abweichungsbericht workbook: Deckblatt, the Zuschussbedarf per Budgetbereich and product, the lines of each
/// product with the method of its Hochrechnung, and the cases. Deviations are formulas over the shown cells; the
/// comment column is left empty for the department.
struct ControllingMappe {
    let a: Abweichungsbericht
    let m: Planungsmodell
    let mappe: Mappe

    func schreiben() throws {
        try deckblatt(try mappe.blatt("Deckblatt", titel: "Deckblatt"))
        try bereiche(try mappe.blatt("Budgetbereiche", titel: "Abweichungsbericht \(a.jahr) nach Budgetbereichen"))
        try produkte(try mappe.blatt("Produkte", titel: "Abweichungsbericht \(a.jahr) je Produkt und Zeile"))
        try faelle(try mappe.blatt("Fallzahlen", titel: "Fallzahlen \(a.jahr): Durchschnitt bisher und Prognose"))
        try mappe.schliessen()
    }

    static let monate = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
        "November", "Dezember",
    ]
    var monatsname: String { Self.monate[max(0, min(11, a.monat - 1))] }

    func deckblatt(_ b: Blatt) throws {
        try b.text("Abweichungsbericht \(a.jahr) – Stand Ende \(monatsname)", 0, 0, .titel)
        try b.text(m.kommune, 1, 0, .untertitel)
        let zeilen: [(String, String)] = [
            ("Kommune", m.kommune), ("Berichtsjahr", "\(a.jahr)"),
            ("Ist bis einschließlich", "\(monatsname) \(a.jahr)"),
            ("Planungsstand des Modells", m.planstand), ("Modell", m.name),
            ("Prüfsumme des Modells (SHA-256)", m.pruefsumme),
            ("Programmversion", "Eckwert \(mappe.version)"), ("Darstellung", mappe.einheitText),
            (
                "Hochrechnung",
                "Beträge: aufgelaufenes Ist ÷ Saisonanteil der Vorjahre (Σ Ist bis Monat \(a.monat) ÷ Σ "
                    + "Jahres-Ist der Vorjahre mit beiden Angaben); ohne solche Vorjahre linear (× 12 ÷ \(a.monat)). Fälle: "
                    + "Durchschnitt der Monatswerte bisher."
            ),
            (
                "Ampel",
                "ungünstige Abweichung vom Ansatz (mehr Aufwand bzw. Zuschussbedarf, weniger Ertrag): grün unter "
                    + "\(Zahlformat.prozent(a.schwellen.gelb)), gelb ab \(Zahlformat.prozent(a.schwellen.gelb)), rot ab "
                    + "\(Zahlformat.prozent(a.schwellen.rot)); Schwellen mit --gelb/--rot einstellbar."
            ),
            ("Bemerkung", "Die Spalte „Bemerkung“ ist für die Begründung der Fachbereiche frei."),
        ]
        var r = try b.schluesselWerte(zeilen, ab: 3) + 1
        for h in a.hinweise {
            try b.hinweisabsatz("Hinweis: " + h, r, bis: 1)
            r += 1
        }
        b.festeBreiten = [0: 34, 1: 110]
    }

    /// Columns: 0 Nr, 1 Bezeichnung, 2 Ansatz, 3 Ist bis Monat, 4 Hochrechnung, 5 Abweichung €, 6 %, 7 Ampel,
    /// 8 Vorjahr, 9 Bemerkung (and 10 Methode on the product sheet).
    func kopf(_ b: Blatt, _ r: Int, methode: Bool) throws {
        let titel =
            [
                "Nr.", "Bezeichnung", "Ansatz \(a.jahr)", "Ist bis \(monatsname)", "Hochrechnung \(a.jahr)",
                "Abweichung (€)", "Abweichung (%)", "Ampel", "Ist \(a.jahr - 1)", "Bemerkung des Fachbereichs",
            ]
            + (methode ? ["Hochrechnung nach"] : [])
        for (c, t) in titel.enumerated() { try b.text(t, r, c, c < 2 ? .kopfLinks : .kopf, messen: false) }
        try b.ws.setRowHeight(row: r, height: 30)
        b.druckTitel = r...r
        b.fixiert = (r + 1, 2)
        b.festeBreiten = [0: 12, 1: 62, 2: 16, 3: 16, 4: 16, 5: 15, 6: 11, 7: 8, 8: 16, 9: 36, 10: 52]
    }

    /// Ansatz, Ist, HR and Vorjahr as values (or formulas over `teile`), deviation and share as formulas.
    func werte(_ b: Blatt, _ r: Int, _ p: Abweichungsbericht.Posten, teile: [(Double, Int)]?, art: Mappe.Art) throws {
        let spalten: [(Int, Double?)] = [(2, p.ansatz), (3, p.istBisher), (4, p.hochrechnung), (8, p.vorjahr)]
        for (c, w) in spalten {
            if let teile, w != nil {
                try b.summe(teile.map { (vorzeichen: $0.0, zeile: $0.1) }, spalte: c, nach: r, art)
            } else if let w {
                try b.betrag(w, r, c, art)
            } else {
                try b.leer(r, c, art)
            }
        }
        if p.ansatz != nil {
            let d = b.wert(r, 4) - b.wert(r, 2)
            try b.formel("=\(Blatt.zelle(r, 4))-\(Blatt.zelle(r, 2))", wert: d, r, 5, art)
            let basis = b.wert(r, 2)
            if basis != 0 {
                try b.formel(
                    "=\(Blatt.zelle(r, 5))/ABS(\(Blatt.zelle(r, 2)))", wert: d / abs(basis), r, 6,
                    art == .betrag ? .prozent : .prozentSumme)
            } else {
                try b.text("n. v.", r, 6, art == .betrag ? .text : art)
            }
        } else {
            try b.leer(r, 5, art)
            try b.leer(r, 6, art)
        }
        let ampelArt: Mappe.Art =
            switch p.ampel {
            case .gruen: .ampelGruen
            case .gelb: .ampelGelb
            case .rot: .ampelRot
            case .keine: .text
            }
        try b.text(p.ampel.bezeichnung, r, 7, ampelArt)
        try b.leer(r, 9, .bemerkung)
    }

    func bereiche(_ b: Blatt) throws {
        try b.text(
            "Zuschussbedarf \(a.jahr) nach Budgetbereichen und Produkten – Stand Ende \(monatsname)", 0, 0, .titel)
        try b.text(
            "\(mappe.einheitText) · Zuschussbedarf = ordentliche Aufwendungen − ordentliche Erträge · Abweichung = "
                + "Hochrechnung − Ansatz", 1, 0, .legende, messen: false)
        try kopf(b, 3, methode: false)
        var r = 4
        var summen: [Int] = []
        for bb in a.bereiche {
            var teile: [(Double, Int)] = []
            for i in bb.produkte {
                let p = a.produkte[i]
                try b.text(p.nr, r, 0)
                try b.text(p.name, r, 1)
                try werte(b, r, p.zuschuss, teile: nil, art: .betrag)
                teile.append((1, r))
                r += 1
            }
            try b.text(bb.einheit.nr, r, 0, .betragSumme)
            try b.text("Summe \(bb.einheit.name)", r, 1, .betragSumme)
            try werte(b, r, bb.zuschuss, teile: teile.isEmpty ? nil : teile, art: .betragSumme)
            summen.append(r)
            r += 2
        }
        try b.text("", r, 0, .betragGesamt)
        try b.text("Gesamthaushalt", r, 1, .betragGesamt)
        try werte(b, r, a.gesamt.zuschuss, teile: summen.isEmpty ? nil : summen.map { (1, $0) }, art: .betragGesamt)
        if a.bereiche.flatMap(\.produkte).count < a.produkte.count {
            try b.text(
                "Produkte außerhalb der Budgetbereiche sind im Gesamthaushalt nicht enthalten.", r + 2, 1, .legende)
        }
    }

    func produkte(_ b: Blatt) throws {
        try b.text(
            "Abweichungsbericht \(a.jahr) je Produkt und Ergebnisplanzeile – Stand Ende \(monatsname)", 0, 0, .titel)
        try b.text(
            "\(mappe.einheitText) · Aufwand und Ertrag positiv; der Zuschussbedarf ist Aufwand − Ertrag der Zeilen",
            1, 0, .legende, messen: false)
        try kopf(b, 3, methode: true)
        let k = m.kontenrahmen
        let koeff = k.zuschussKoeffizienten
        var r = 4
        for p in a.produkte {
            try b.text(p.nr, r, 0, .textFett)
            try b.text("\(p.name) (\(p.art == .pflicht ? "Pflicht" : "freiwillig"))", r, 1, .textFett)
            r += 1
            var teile: [(Double, Int)] = []
            for z in p.zeilen {
                try b.text(k.zeile(z.groesse).map { "\($0.nr)" } ?? "", r, 0)
                try b.text(k.zeile(z.groesse)?.name ?? z.groesse, r, 1)
                try werte(b, r, z, teile: nil, art: .betrag)
                try b.text(methode(z), r, 10, .textUmbruch, messen: false)
                if let c = koeff[z.groesse], c != 0 { teile.append((c, r)) }
                r += 1
            }
            try b.text("", r, 0, .betragSumme)
            try b.text("Zuschussbedarf \(p.nr)", r, 1, .betragSumme)
            try werte(b, r, p.zuschuss, teile: teile.isEmpty ? nil : teile, art: .betragSumme)
            r += 2
        }
    }

    func methode(_ z: Abweichungsbericht.Posten) -> String {
        switch z.methode {
        case .saisonal(let jahre, let anteil)?:
            "Saison der Vorjahre \(jahre.map(String.init).joined(separator: ", ")): Anteil bis Monat \(a.monat) = "
                + Zahlformat.prozent(anteil)
        case .linear?: z.hinweis ?? "linear (× 12 ÷ \(a.monat)), keine Vorjahre mit Monats- und Jahreswert"
        case .mittelwert(let n)?: "Durchschnitt von \(n) Monaten"
        case nil: ""
        }
    }

    func faelle(_ b: Blatt) throws {
        try b.text(
            "Fallzahlen \(a.jahr): Durchschnitt der Monate bis \(monatsname) und Prognose für das Jahr", 0, 0, .titel)
        try b.text(
            "Prognose = Jahresdurchschnitt des Szenarios status-quo; Abweichung = Durchschnitt bisher − Prognose",
            1, 0, .legende, messen: false)
        let kopf = [
            "Nr.", "Produkt", "Ø Fälle bisher", "Monate", "Prognose \(a.jahr)", "Abweichung", "Abweichung (%)",
            "Ansatz Fälle",
        ]
        for (c, t) in kopf.enumerated() { try b.text(t, 3, c, c < 2 ? .kopfLinks : .kopf, messen: false) }
        try b.ws.setRowHeight(row: 3, height: 30)
        b.druckTitel = 3...3
        b.festeBreiten = [0: 12, 1: 52, 2: 14, 3: 9, 4: 14, 5: 13, 6: 13, 7: 13]
        var r = 4
        for p in a.produkte {
            guard let f = p.faelle else { continue }
            try b.text(p.nr, r, 0)
            try b.text(p.name, r, 1)
            try b.zahl(Zahlformat.runden(f.mittelBisher, 1), r, 2, .dezimal)
            try b.zahl(Double(f.monate), r, 3, .ganzzahl)
            if let pr = f.prognose {
                try b.zahl(Zahlformat.runden(pr, 1), r, 4, .dezimal)
                let d = b.wert(r, 2) - b.wert(r, 4)
                try b.formel("=\(Blatt.zelle(r, 2))-\(Blatt.zelle(r, 4))", wert: d, r, 5, .dezimal)
                if b.wert(r, 4) != 0 {
                    try b.formel("=\(Blatt.zelle(r, 5))/\(Blatt.zelle(r, 4))", wert: d / b.wert(r, 4), r, 6, .prozent)
                }
            }
            if let an = f.ansatz { try b.zahl(Zahlformat.runden(an, 1), r, 7, .dezimal) }
            r += 1
        }
        if r == 4 { try b.text("ist_unterjaehrig.csv enthält keine Fallzahlen (groesse faelle).", r, 1, .legende) }
    }
}
