import EckwertCore

/// The Eckwerte workbook: Deckblatt, the Eckwerte per Budgetbereich and scenario (Pflicht,
/// freiwillig, change to the Ansatz), the risk buffer, the investments and the three KGSt questions. All figures
/// come from `Eckwerte.rechnen`; totals are formulas over the shown parts.
struct EckwerteMappe {
    let e: Planungsergebnis
    let w: Eckwerte
    let mappe: Mappe
    var m: Planungsmodell { e.modell }

    func schreiben(vorDemSchliessen: (() -> Void)? = nil, nachlauf: Dateiausgabe.Nachlauf? = nil) throws {
        let deck = try mappe.blatt("Deckblatt", titel: "Deckblatt")
        try eckwerte(
            try mappe.blatt("Eckwerte", titel: "Eckwerte \(m.haushaltsjahr)–\(m.horizont) nach Budgetbereichen"))
        if m.planung != nil {
            try planvergleich(try mappe.blatt("Eckwerte und Planung", titel: "Eckwerte neben der Planung der Kämmerei"))
        }
        try investitionen(try mappe.blatt("Investitionen", titel: "Investitionen nach Budgetbereichen"))
        try kgst(try mappe.blatt("KGSt-Fragen", titel: "Drei Fragen der KGSt zum Eckwertebeschluss"))
        if Zielbaum.genutzt(m) { try zielbaum(try mappe.blatt("Zielbaum", titel: "Zielbaum und Zielerreichung")) }
        if let rv = Rahmenvergleich.rechnen(e, w) {
            try rahmen(try mappe.blatt("Rahmen", titel: "Bedarf und Rahmen des Eckwertebeschlusses"), rv)
            try noetig(
                try mappe.blatt("Was wäre nötig", titel: "Was wäre nötig? Hebel je Deckungslücke und Ziel"),
                WasWaereNoetig.rechnen(e))
        }
        try deckblatt(deck)
        try mappe.schliessen(vorDemSchliessen: vorDemSchliessen, nachlauf: nachlauf)
    }

    static func regelname(_ a: Eckwerte.Budgetrechnung.Art) -> String {
        switch a {
        case .prognose: "Prognose"
        case .konstant: "konstantes Budget"
        case .variante(let v):
            "Budget \(v < 0 ? "−" : "+")\(Zahlformat.zahl(abs(v) * 100, stellen: abs(v * 100 - (v * 100).rounded()) < 1e-9 ? 0 : 1)) %"
        }
    }

    // MARK: Deckblatt

    func deckblatt(_ b: Blatt) throws {
        try b.text("Eckwertebeschluss \(m.haushaltsjahr) – Eckwerte nach Budgetbereichen", 0, 0, .titel)
        try b.text(m.kommune, 1, 0, .untertitel)
        var zeilen: [(String, String)] = [
            ("Kommune", m.kommune),
            ("Basisjahr", "\(m.basisjahr) (Ist, Jahresabschluss)"),
            ("Haushaltsjahr", "\(m.haushaltsjahr)"),
            ("Eckwerte für", "\(w.jahre.first ?? m.haushaltsjahr)–\(w.jahre.last ?? m.horizont)"),
        ]
        for s in m.szenarien { zeilen.append(("Szenario \(s.name)", s.beschreibung ?? "–")) }
        zeilen += [
            ("Modell", m.name),
            ("Prüfsumme des Modells (SHA-256)", m.pruefsumme),
            ("Programmversion", "Eckwert \(mappe.version)"),
            ("Planungsstand", m.planstand),
            (
                "Eckwertebeschluss",
                m.eckwertebeschluss.map { $0.beschluss ?? "eckwertebeschluss.yaml" }
                    ?? "keine eckwertebeschluss.yaml – ohne Rahmen keine Deckungslücke"
            ),
            (
                "Monte-Carlo-Ziehungen",
                w.ziehungen > 0
                    ? "\(w.ziehungen) (Risikopuffer P90 − status-quo)"
                    : "keine – eckwert run --draws N rechnet den Risikopuffer"
            ),
            ("Darstellung", mappe.einheitText),
        ]
        var r = try b.schluesselWerte(zeilen, ab: 3)
        r += 1
        let hinweise = [
            "Eckwert = \(Zuschusstext.mitFormel(m)) eines Budgetbereichs. \(m.basisjahr) ist Ist, der Ansatz \(m.basisjahr + 1) stammt aus ansatz.csv\(m.ansatz == nil ? " (für dieses Modell nicht vorhanden)" : ""), alle Werte ab \(m.basisjahr + 1) sind Prognosen des Modells.",
            "Pflicht = Produkte mit art: pflicht (gesetzlich, fremdbestimmt – kein Entscheidungsspielraum); freiwillig = art: freiwillig (steuerbar).",
            "Beträge sind bei der Darstellung kaufmännisch gerundet; Summen sind Formeln über die gezeigten Teile.",
        ]
        for h in hinweise {
            try b.ws.mergeRange(
                firstRow: r, firstCol: 0, lastRow: r, lastCol: 1, string: h, format: try mappe.f(.hinweis))
            try b.ws.setRowHeight(row: r, height: Double((h.count + 119) / 120) * 13 + 2)
            r += 1
        }
        b.festeBreiten = [0: 34, 1: 110]
    }

    // MARK: Eckwerte and the Planung der Kämmerei

    /// Per scenario, Budgetbereich and Eckwert year: the Eckwert (as shown on the Eckwerte sheet), the Planung der
    /// Kämmerei and Eckwert − Planung in € and in % of the Planung. The Gesamthaushalt row sums the shown rows.
    func planvergleich(_ b: Blatt) throws {
        try b.text("Eckwerte neben der Planung der Kämmerei", 0, 0, .titel)
        try b.text(
            "\(Zuschusstext.mitFormel(m)) · \(mappe.einheitText) · Planung aus planung.csv: steht neben der Prognose, "
                + "geht nicht in sie ein · leer: keine Planung für den Bereich oder das Jahr", 1, 0, .legende,
            messen: false)
        let jahre = w.jahre
        b.festeBreiten = [0: 40]
        for c in 1...(4 * jahre.count) { b.festeBreiten[c] = m.rundung == .tsdEuro ? 13 : 15 }
        var r = 3
        for s in w.szenarien {
            try b.text("Szenario \(s)", r, 0, .untertitel, messen: false); r += 1
            try b.text("Budgetbereich", r, 0, .kopfLinks)
            for (n, j) in jahre.enumerated() {
                let c = 1 + 4 * n
                try b.text("Eckwert \(j)", r, c, .kopf)
                try b.text("Planung \(j) (Kämmerei)", r, c + 1, .kopf, messen: false)
                try b.text("Eckwert − Planung \(j) (€)", r, c + 2, .kopf, messen: false)
                try b.text("Eckwert − Planung \(j) (%)", r, c + 3, .kopf, messen: false)
            }
            try b.ws.setRowHeight(row: r, height: 42)
            if b.druckTitel == nil { b.druckTitel = r...r; b.fixiert = (r + 1, 1) }
            r += 1
            let erste = r
            for bb in w.bereiche {
                try b.text("\(bb.einheit.nr) \(bb.einheit.name)", r, 0)
                for n in jahre.indices {
                    let c = 1 + 4 * n
                    if let reihe = bb.eckwerte[s] {
                        try b.zahl(mappe.anzeige(reihe.pflicht[n]) + mappe.anzeige(reihe.freiwillig[n]), r, c, .betrag)
                    }
                    if n < bb.planung.count, let p = bb.planung[n] { try b.betrag(p, r, c + 1) }
                    try vergleichszellen(b, r, c, vorhanden: n < bb.planung.count && bb.planung[n] != nil, .betrag)
                }
                r += 1
            }
            try b.text("Gesamthaushalt", r, 0, .betragGesamt)
            for n in jahre.indices {
                let c = 1 + 4 * n
                let zeilen = (erste..<r).map { (1.0, $0) }
                try b.summe(zeilen, spalte: c, nach: r, .betragGesamt)
                let mitPlanung = n < w.gesamt.planung.count && w.gesamt.planung[n] != nil
                if mitPlanung {
                    try b.summe(zeilen, spalte: c + 1, nach: r, .betragGesamt)
                } else {
                    try b.leer(r, c + 1, .betragGesamt)
                }
                try vergleichszellen(b, r, c, vorhanden: mitPlanung, .betragGesamt)
            }
            r += 3
        }
    }

    /// Eckwert − Planung in € (column c + 2) and in % of the Planung (c + 3) as formulas over columns c and c + 1.
    func vergleichszellen(_ b: Blatt, _ r: Int, _ c: Int, vorhanden: Bool, _ art: Mappe.Art) throws {
        guard vorhanden else {
            try b.leer(r, c + 2, art)
            try b.leer(r, c + 3, art == .betrag ? .text : art)
            return
        }
        let diff = b.wert(r, c) - b.wert(r, c + 1), plan = b.wert(r, c + 1)
        try b.formel("=\(Blatt.zelle(r, c))-\(Blatt.zelle(r, c + 1))", wert: diff, r, c + 2, art)
        if plan != 0 {
            try b.formel(
                "=\(Blatt.zelle(r, c + 2))/ABS(\(Blatt.zelle(r, c + 1)))", wert: diff / abs(plan), r, c + 3,
                art == .betrag ? .prozent : .prozentSumme)
        } else {
            try b.leer(r, c + 3, art == .betrag ? .text : art)
        }
    }

    // MARK: Eckwerte

    func eckwerte(_ b: Blatt) throws {
        let B = m.basisjahr
        try b.text("Eckwerte \(w.jahre.first ?? 0)–\(w.jahre.last ?? 0) nach Budgetbereichen", 0, 0, .titel)
        try b.text(
            "Zuschussbedarf je Budgetbereich, getrennt nach Pflicht (fremdbestimmt) und freiwillig (steuerbar) · \(mappe.einheitText) · \(B) Ist, ab \(B + 1) Prognose",
            1, 0, .legende, messen: false)
        let cIst = 2, cAnsatz = 3, cJahr0 = 4
        let cDiff = cJahr0 + w.jahre.count, cProz = cDiff + 1
        b.festeBreiten = [0: 34, 1: 24]
        for c in cIst...cProz { b.festeBreiten[c] = m.rundung == .tsdEuro ? 13 : 16 }
        var r = 3
        let hj = m.haushaltsjahr
        for s in w.szenarien {
            let beschreibung = m.szenario(s)?.beschreibung.map { " – " + Blatt.kuerzen($0, 160) } ?? ""
            try b.text("Szenario \(s)\(beschreibung)", r, 0, .untertitel, messen: false); r += 1
            try b.text("Budgetbereich", r, 0, .kopfLinks)
            try b.text("Art", r, 1, .kopfLinks)
            try b.text("Ist \(B)", r, cIst, .kopf)
            try b.text("Ansatz \(B + 1)", r, cAnsatz, .kopf)
            for (n, j) in w.jahre.enumerated() { try b.text("Eckwert \(j)", r, cJahr0 + n, .kopf) }
            try b.text("Veränderung \(hj) ggü. Ansatz \(B + 1) (€)", r, cDiff, .kopf, messen: false)
            try b.text("Veränderung (%)", r, cProz, .kopf)
            try b.ws.setRowHeight(row: r, height: 42)
            if b.druckTitel == nil { b.druckTitel = r...r; b.fixiert = (r + 1, 2) }
            r += 1
            var summenzeilen: [(pflicht: Int, freiwillig: Int, summe: Int)] = []
            for bb in w.bereiche {
                let rows = try bereichsblock(
                    b, ab: r, titel: "\(bb.einheit.nr) \(bb.einheit.name)", bb, szenario: s,
                    spalten: (cIst, cAnsatz, cJahr0, cDiff, cProz), teile: nil)
                summenzeilen.append(rows)
                r += 3
            }
            let gesamt = try bereichsblock(
                b, ab: r, titel: "Gesamthaushalt", w.gesamt, szenario: s,
                spalten: (cIst, cAnsatz, cJahr0, cDiff, cProz), teile: summenzeilen)
            let sn = Mappe.namensteil(s)
            for (n, j) in w.jahre.enumerated() {
                try mappe.name("Eckwert_Gesamt_\(sn)_\(j)", blatt: b, zeile: gesamt.summe, spalte: cJahr0 + n)
                for (i, bb) in w.bereiche.enumerated() {
                    try mappe.name(
                        "Eckwert_\(Mappe.namensteil(bb.einheit.nr))_\(sn)_\(j)", blatt: b, zeile: summenzeilen[i].summe,
                        spalte: cJahr0 + n)
                }
            }
            r += 4
        }
        if m.ansatz == nil {
            try b.text(
                "Für dieses Modell liegt keine ansatz.csv vor: Ansatz und Veränderung bleiben leer.", r, 0, .legende,
                messen: false);
            r += 2
        }
        // Risk buffer.
        b.seitenumbrueche = [r]
        try b.text("Risikopuffer: P90 − status-quo", r, 0, .untertitel); r += 1
        guard w.ziehungen > 0, w.gesamt.risikopuffer != nil else {
            try b.text("keine Ziehungen gerechnet – eckwert run --draws N", r, 0, .textFett)
            return
        }
        try b.text(
            "Betrag, um den der Zuschussbedarf in 9 von 10 Ziehungen (\(w.ziehungen) Monte-Carlo-Ziehungen über alle Annahmen zwischen best und worst) höchstens über dem Szenario status-quo liegt. Quantile sind nicht additiv: der Puffer des Gesamthaushalts ist eigens berechnet und kleiner als die Summe der Bereichspuffer.",
            r, 0, .legende, messen: false);
        r += 1
        try b.text("Budgetbereich", r, 0, .kopfLinks)
        for (n, j) in w.jahre.enumerated() { try b.text("Puffer \(j)", r, cJahr0 + n, .kopf) }
        r += 1
        for bb in w.bereiche + [w.gesamt] {
            let istGesamt = bb.einheit.ebene == .gesamt
            try b.text(
                istGesamt ? "Gesamthaushalt (eigene Verteilung)" : "\(bb.einheit.nr) \(bb.einheit.name)", r, 0,
                istGesamt ? .textFett : .text)
            for (n, _) in w.jahre.enumerated() {
                if let p = bb.risikopuffer, n < p.count {
                    try b.betrag(p[n], r, cJahr0 + n, istGesamt ? .betragSumme : .betrag)
                }
            }
            if istGesamt, let p = bb.risikopuffer {
                for (n, j) in w.jahre.enumerated() where n < p.count {
                    try mappe.name("Risikopuffer_Gesamt_\(j)", blatt: b, zeile: r, spalte: cJahr0 + n)
                }
            }
            r += 1
        }
    }

    /// Three rows (Pflicht, freiwillig, Summe) of one Budgetbereich, or of the Gesamthaushalt as sums of `teile`.
    func bereichsblock(
        _ b: Blatt, ab r: Int, titel: String, _ bb: Eckwerte.Bereich, szenario s: String,
        spalten: (ist: Int, ansatz: Int, jahr0: Int, diff: Int, proz: Int),
        teile: [(pflicht: Int, freiwillig: Int, summe: Int)]?
    ) throws -> (pflicht: Int, freiwillig: Int, summe: Int) {
        let rP = r, rF = r + 1, rS = r + 2
        let gesamt = teile != nil
        try b.text(titel, rP, 0, .textFett)
        try b.text("Pflicht (fremdbestimmt)", rP, 1)
        try b.text("freiwillig (steuerbar)", rF, 1)
        try b.text(gesamt ? "Gesamthaushalt" : "Summe", rS, 0, gesamt ? .betragGesamt : .betragSumme)
        try b.text("Zuschussbedarf", rS, 1, gesamt ? .betragGesamt : .betragSumme)
        let summeArt: Mappe.Art = gesamt ? .betragGesamt : .betragSumme
        let reihe = bb.eckwerte[s]
        var wertspalten: [(Int, Mappe.Aufteilung?)] = [(spalten.ist, .init(bb.ist))]
        wertspalten.append((spalten.ansatz, bb.ansatz.map { .init($0) }))
        for (n, _) in w.jahre.enumerated() {
            wertspalten.append(
                (
                    spalten.jahr0 + n,
                    reihe.map { Mappe.Aufteilung(pflicht: $0.pflicht[n], freiwillig: $0.freiwillig[n]) }
                ))
        }
        for (c, a) in wertspalten {
            guard let a else { try b.leer(rS, c, summeArt); continue }
            if let teile {
                try b.summe(teile.map { (1, $0.pflicht) }, spalte: c, nach: rP, .betrag)
                try b.summe(teile.map { (1, $0.freiwillig) }, spalte: c, nach: rF, .betrag)
            } else {
                try b.betrag(a.pflicht, rP, c)
                try b.betrag(a.freiwillig, rF, c)
            }
            try b.summe([(1, rP), (1, rF)], spalte: c, nach: rS, summeArt)
        }
        // Change of the Haushaltsjahr against the Ansatz, per row.
        let cHJ = spalten.jahr0
        if bb.ansatz != nil, reihe != nil {
            for rr in [rP, rF, rS] {
                let art: Mappe.Art = rr == rS ? summeArt : .betrag
                let diff = b.wert(rr, cHJ) - b.wert(rr, spalten.ansatz)
                try b.formel(
                    "=\(Blatt.zelle(rr, cHJ))-\(Blatt.zelle(rr, spalten.ansatz))", wert: diff, rr, spalten.diff, art)
                let basis = b.wert(rr, spalten.ansatz)
                if basis != 0 {
                    try b.formel(
                        "=\(Blatt.zelle(rr, spalten.diff))/\(Blatt.zelle(rr, spalten.ansatz))", wert: diff / basis, rr,
                        spalten.proz,
                        rr == rS ? .prozentSumme : .prozent)
                } else {
                    try b.text("n. v.", rr, spalten.proz, rr == rS ? summeArt : .text)
                }
            }
        } else {
            try b.leer(rS, spalten.diff, summeArt)
            try b.leer(rS, spalten.proz, summeArt)
        }
        return (rP, rF, rS)
    }

    // MARK: Investitionen

    func investitionen(_ b: Blatt) throws {
        let jahre = w.investitionsjahre
        try b.text("Investitionen nach Budgetbereichen", 0, 0, .titel)
        try b.text(
            "\(mappe.einheitText) · Fördermittel = Auszahlung × Förderquote · Eigenanteil = Auszahlungen − Fördermittel · Folgen im Ergebnisplan (AfA, Sonderposten, Folgekosten) sind in den Eckwerten enthalten; Einzelheiten in der Kämmerei-Mappe",
            1, 0, .legende, messen: false)
        let cSumme = 2 + jahre.count
        try b.text("Budgetbereich", 3, 0, .kopfLinks)
        try b.text("Größe", 3, 1, .kopfLinks)
        for (n, j) in jahre.enumerated() { try b.text("\(j)", 3, 2 + n, .kopf) }
        try b.text("Summe", 3, cSumme, .kopf)
        b.druckTitel = 3...3
        b.fixiert = (4, 2)
        b.festeBreiten = [0: 34, 1: 16]
        for c in 2...cSumme { b.festeBreiten[c] = 15 }
        var r = 4
        var bloecke: [Int] = []
        for bb in w.bereiche {
            bloecke.append(r)
            try b.text("\(bb.einheit.nr) \(bb.einheit.name)", r, 0, .textFett)
            try b.text("Auszahlungen", r, 1)
            try b.text("Fördermittel", r + 1, 1)
            try b.text("Eigenanteil", r + 2, 1, .betragSumme); try b.leer(r + 2, 0, .betragSumme)
            for (n, _) in jahre.enumerated() {
                try b.betrag(bb.investitionen.auszahlungen[n], r, 2 + n)
                try b.betrag(bb.investitionen.foerdermittel[n], r + 1, 2 + n)
                try b.summe([(1, r), (-1, r + 1)], spalte: 2 + n, nach: r + 2, .betragSumme)
            }
            for rr in r...(r + 2) {
                try zeilensumme(b, rr, 2, 1 + jahre.count, cSumme, rr == r + 2 ? .betragSumme : .betrag)
            }
            r += 4
        }
        try b.text("Gesamthaushalt", r, 0, .textFett)
        for (i, name) in ["Auszahlungen", "Fördermittel", "Eigenanteil"].enumerated() {
            let art: Mappe.Art = i == 2 ? .betragGesamt : .betragSumme
            try b.text(name, r + i, 1, art)
            if i > 0 { try b.leer(r + i, 0, art) }
            for c in 2...cSumme { try b.summe(bloecke.map { (1, $0 + i) }, spalte: c, nach: r + i, art) }
        }
        try mappe.name("Investitionen_Eigenanteil_Gesamt", blatt: b, zeile: r + 2, spalte: cSumme)
    }

    func zeilensumme(_ b: Blatt, _ r: Int, _ c1: Int, _ c2: Int, _ c: Int, _ art: Mappe.Art) throws {
        let wert = (c1...c2).reduce(0.0) { $0 + b.wert(r, $1) }
        try b.formel("=SUM(\(Blatt.zelle(r, c1)):\(Blatt.zelle(r, c2)))", wert: wert, r, c, art)
    }

    // MARK: KGSt

    func kgst(_ b: Blatt) throws {
        let hj = m.haushaltsjahr
        guard let t = w.jahre.firstIndex(of: hj) else { return }
        try b.text("Drei Fragen der KGSt zum Eckwertebeschluss \(hj)", 0, 0, .titel)
        let breite = 1 + w.szenarien.count * max(3, w.budgetrechnungen.count)
        b.festeBreiten = [0: 34]
        for c in 1...max(breite, 6) { b.festeBreiten[c] = 15 }
        var r = 2
        func absatz(_ text: String, _ art: Mappe.Art = .hinweis) throws {
            try b.ws.mergeRange(
                firstRow: r, firstCol: 0, lastRow: r, lastCol: max(breite, 6), string: text, format: try mappe.f(art))
            try b.ws.setRowHeight(row: r, height: Double((text.count + 179) / 180) * 13 + 3)
            r += 1
        }

        // (a) What is fixed?
        try b.text("a) Was ist festgelegt? – Pflichtanteil des Zuschussbedarfs \(hj)", r, 0, .untertitel); r += 1
        try absatz(
            "Pflichtprodukte (art: pflicht) sind gesetzlich bestimmt und fremdbestimmt: ihr Zuschussbedarf ist für den Eckwertebeschluss gesetzt. Pflichtanteil = Zuschussbedarf der Pflichtprodukte ÷ Zuschussbedarf des Budgetbereichs."
        )
        try b.text("Budgetbereich", r, 0, .kopfLinks)
        for (n, s) in w.szenarien.enumerated() {
            try b.text("\(s): Pflicht", r, 1 + 3 * n, .kopf)
            try b.text("\(s): Zuschussbedarf", r, 2 + 3 * n, .kopf)
            try b.text("\(s): Pflichtanteil", r, 3 + 3 * n, .kopf)
        }
        try b.ws.setRowHeight(row: r, height: 30)
        b.druckTitel = r...r
        r += 1
        let a0 = r
        for bb in w.bereiche {
            try b.text("\(bb.einheit.nr) \(bb.einheit.name)", r, 0)
            for (n, s) in w.szenarien.enumerated() {
                guard let x = bb.eckwerte[s] else { continue }
                try b.betrag(x.pflicht[t], r, 1 + 3 * n)
                try b.betrag(x.gesamt[t], r, 2 + 3 * n)
                try anteil(b, r, 1 + 3 * n, 2 + 3 * n, 3 + 3 * n, .prozent)
            }
            r += 1
        }
        try b.text("Gesamthaushalt", r, 0, .betragSumme)
        for n in w.szenarien.indices {
            try b.summe((a0..<r).map { (1, $0) }, spalte: 1 + 3 * n, nach: r, .betragSumme)
            try b.summe((a0..<r).map { (1, $0) }, spalte: 2 + 3 * n, nach: r, .betragSumme)
            try anteil(b, r, 1 + 3 * n, 2 + 3 * n, 3 + 3 * n, .prozentSumme)
        }
        r += 2

        // (b) and (c): budget of the freiwillige products under each rule.
        try b.text(
            "b) Welche Ziele werden bei konstantem Budget erreicht?  c) Welche bei veränderten Budgets der steuerbaren Produkte?",
            r, 0, .untertitel, messen: false);
        r += 1
        try absatz("Regel b) " + Eckwerte.regelKonstant)
        try absatz(
            "Regel c) " + Eckwerte.regelVariante + " Varianten dieses Modells (budgetvarianten): "
                + m.budgetvarianten.map { Self.regelname(.variante($0)) }.joined(separator: ", ") + ".")
        r += 1
        let regeln = w.budgetrechnungen
        try b.text("Zuschussbedarf der freiwilligen Produkte \(hj)", r, 0, .kopfLinks)
        for (n, s) in w.szenarien.enumerated() {
            for (q, x) in regeln.enumerated() {
                try b.text("\(s): \(Self.regelname(x.art))", r, 1 + n * regeln.count + q, .kopf)
            }
        }
        try b.ws.setRowHeight(row: r, height: 30)
        r += 1
        let b0 = r
        for (i, bb) in w.bereiche.enumerated() {
            try b.text("\(bb.einheit.nr) \(bb.einheit.name)", r, 0)
            for (n, s) in w.szenarien.enumerated() {
                for (q, x) in regeln.enumerated() {
                    if let reihe = x.freiwillig[s], i < reihe.count {
                        try b.betrag(reihe[i][t], r, 1 + n * regeln.count + q)
                    }
                }
            }
            r += 1
        }
        try b.text("Gesamthaushalt", r, 0, .betragSumme)
        for c in 1...(w.szenarien.count * regeln.count) {
            try b.summe((b0..<r).map { (1, $0) }, spalte: c, nach: r, .betragSumme)
        }
        r += 2

        // Ziele.
        try b.text("Zielerreichung je Szenario und Budgetregel", r, 0, .kopfLinks)
        for (n, s) in w.szenarien.enumerated() {
            for (q, x) in regeln.enumerated() {
                try b.text("\(s): \(Self.regelname(x.art))", r, 1 + n * regeln.count + q, .kopf)
            }
        }
        try b.ws.setRowHeight(row: r, height: 30)
        r += 1
        for z in m.ziele {
            let art =
                z.ebene != .produkt
                ? z.ebene.bezeichnung
                : (m.produkt(z.produkt)?.art == .freiwillig ? "freiwillig" : "Pflicht")
            try b.text("\(z.id) (\(z.produkt), \(art)): \(z.text)", r, 0, .textUmbruch, messen: false)
            for (n, s) in w.szenarien.enumerated() {
                for (q, x) in regeln.enumerated() {
                    let c = 1 + n * regeln.count + q
                    switch x.zielerreichung.first(where: { $0.ziel == z.id && $0.szenario == s })?.erreicht {
                    case true?: try b.text("ja", r, c, .ja)
                    case false?: try b.text("nein", r, c, .nein)
                    case nil: try b.text("n. v.", r, c)
                    }
                }
            }
            try b.ws.setRowHeight(row: r, height: Double((z.text.count + 30) / 34) * 13 + 2)
            r += 1
        }
    }

    /// Pflichtanteil as `=Pflicht/Summe`, or "n. v." when the shown total is 0.
    func anteil(_ b: Blatt, _ r: Int, _ cP: Int, _ cS: Int, _ c: Int, _ art: Mappe.Art) throws {
        let s = b.wert(r, cS)
        if s != 0 {
            try b.formel("=\(Blatt.zelle(r, cP))/\(Blatt.zelle(r, cS))", wert: b.wert(r, cP) / s, r, c, art)
        } else {
            try b.text("n. v.", r, c)
        }
    }
}

extension Mappe {
    /// Pflicht / freiwillig of one shown figure.
    struct Aufteilung {
        var pflicht: Double
        var freiwillig: Double
        init(pflicht: Double, freiwillig: Double) { self.pflicht = pflicht; self.freiwillig = freiwillig }
        init(_ a: Eckwerte.Aufteilung) { pflicht = a.pflicht; freiwillig = a.freiwillig }
    }
}
