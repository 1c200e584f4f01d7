import EckwertCore

/// The sheets of the Eckwerte workbook that read the council's frame: need against frame per Budgetbereich and
/// year (every scenario and the P90), gap and consolidation, the KGSt questions against the frame, and
/// "Was wäre nötig?". Gaps are formulas over the shown need and frame.
extension EckwerteMappe {
    func rahmen(_ b: Blatt, _ rv: Rahmenvergleich) throws {
        let jahre = rv.jahre
        try b.text("Bedarf und Rahmen des Eckwertebeschlusses \(jahre.first ?? 0)–\(jahre.last ?? 0)", 0, 0, .titel)
        try b.text(
            "\(mappe.einheitText) · Bedarf = prognostizierter Zuschussbedarf · Deckungslücke = Bedarf − Rahmen (positiv: "
                + "der Rahmen reicht nicht) · Konsolidierungsbedarf = positive Deckungslücke", 1, 0, .legende,
            messen: false)
        if let t = rv.beschluss { try b.text(t, 2, 0, .legende, messen: false) }
        b.festeBreiten = [0: 34, 1: 40]
        for c in 2..<(2 + jahre.count) { b.festeBreiten[c] = 16 }
        var r = 4
        try b.text("Budgetbereich", r, 0, .kopfLinks)
        try b.text("Größe", r, 1, .kopfLinks)
        for (n, j) in jahre.enumerated() { try b.text("\(j)", r, 2 + n, .kopf) }
        b.druckTitel = r...r
        b.fixiert = (r + 1, 2)
        r += 1
        for bb in rv.bereiche {
            try b.text("\(bb.einheit.nr) \(bb.einheit.name)", r, 0, .textFett)
            let rRahmen = r
            try b.text("Rahmen (Eckwertebeschluss)", r, 1, .textFett)
            for (n, x) in bb.rahmen.enumerated() { if let x { try b.betrag(x, r, 2 + n, .betragMarkiert) } }
            r += 1
            var bedarfZeilen: [(String, Int)] = []
            for s in rv.szenarien {
                guard let x = bb.bedarf[s] else { continue }
                try b.text("Bedarf \(s)", r, 1)
                for (n, v) in x.enumerated() { try b.betrag(v, r, 2 + n) }
                bedarfZeilen.append((s, r))
                r += 1
            }
            if let p = bb.p90 {
                try b.text("Bedarf P90 (Risikoobergrenze)", r, 1)
                for (n, v) in p.enumerated() { try b.betrag(v, r, 2 + n) }
                bedarfZeilen.append(("P90", r))
                r += 1
            }
            for (s, rb) in bedarfZeilen {
                try b.text("Deckungslücke \(s)", r, 1, .textFett)
                for n in jahre.indices where bb.rahmen[n] != nil {
                    try b.summe([(1, rb), (-1, rRahmen)], spalte: 2 + n, nach: r, .betragSumme)
                }
                r += 1
            }
            for (s, rb) in bedarfZeilen {
                try b.text("Konsolidierungsbedarf \(s)", r, 1)
                for n in jahre.indices where bb.rahmen[n] != nil {
                    let w = max(0, b.wert(rb, 2 + n) - b.wert(rRahmen, 2 + n))
                    try b.formel(
                        "=MAX(0,\(Blatt.zelle(rb, 2 + n))-\(Blatt.zelle(rRahmen, 2 + n)))", wert: w, r, 2 + n, .betrag)
                }
                r += 1
            }
            r += 1
        }
        try rahmenKGSt(b, rv, ab: r + 1)
    }

    /// The three KGSt questions for the Haushaltsjahr against the frame (status-quo).
    func rahmenKGSt(_ b: Blatt, _ rv: Rahmenvergleich, ab start: Int) throws {
        let hj = m.haushaltsjahr, s = "status-quo"
        guard let t = rv.jahre.firstIndex(of: hj) else { return }
        var r = start
        b.seitenumbrueche.append(r)
        try b.text("Die drei Fragen der KGSt gegen den Rahmen \(hj) (Szenario \(s))", r, 0, .untertitel); r += 1
        try b.text(
            "a) Pflicht = Zuschussbedarf der Pflichtprodukte; Spielraum = Rahmen − Pflicht (was für freiwillige Produkte "
                + "bleibt). b) und c) Lücke = Pflicht + freiwillige Produkte unter der Budgetregel − Rahmen.", r, 0,
            .legende, messen: false)
        r += 1
        let regeln = rv.regeln.filter { if case .prognose = $0.art { false } else { true } }
        var kopf = ["Budgetbereich", "Rahmen \(hj)", "a) Pflicht", "a) Spielraum", "a) Pflicht in % des Rahmens"]
        for x in regeln { kopf += ["Bedarf \(Self.regelname(x.art))", "Lücke \(Self.regelname(x.art))"] }
        for (c, k) in kopf.enumerated() { try b.text(k, r, c, c == 0 ? .kopfLinks : .kopf, messen: false) }
        try b.ws.setRowHeight(row: r, height: 42)
        r += 1
        for (i, bb) in rv.bereiche.enumerated() {
            guard let rahmen = bb.rahmen[t], let pflicht = bb.pflicht[s]?[t] else { continue }
            try b.text("\(bb.einheit.nr) \(bb.einheit.name)", r, 0)
            try b.betrag(rahmen, r, 1)
            try b.betrag(pflicht, r, 2)
            try b.formel("=\(Blatt.zelle(r, 1))-\(Blatt.zelle(r, 2))", wert: b.wert(r, 1) - b.wert(r, 2), r, 3, .betrag)
            try anteil(b, r, 2, 1, 4, .prozent)
            for (q, x) in regeln.enumerated() {
                guard let bedarf = x.bedarf[s], i < bedarf.count else { continue }
                let c = 5 + 2 * q
                try b.betrag(bedarf[i][t], r, c)
                let w = b.wert(r, c) - b.wert(r, 1)
                try b.formel("=\(Blatt.zelle(r, c))-\(Blatt.zelle(r, 1))", wert: w, r, c + 1, .betragMarkiert)
            }
            r += 1
        }
        for c in 1..<kopf.count { b.festeBreiten[c] = max(b.festeBreiten[c] ?? 0, 16) }
    }

    func noetig(_ b: Blatt, _ w: WasWaereNoetig) throws {
        try b.text(
            "Was wäre nötig? – je Deckungslücke und verfehltem Ziel der Wert eines Hebels, der sie allein schließt",
            0, 0, .titel)
        try b.text(
            "Szenario \(w.szenario); alle übrigen Annahmen bleiben. Gesucht wird mit der Rechnung des Modells "
                + "(Nullstellensuche auf 1 € bzw. 0,000001 genau). „nicht erreichbar“: auch der äußerste Wert des Hebels "
                + "im Suchbereich schließt die Lücke nicht – angegeben ist der beste Wert und die verbleibende Lücke.",
            1, 0, .legende, messen: false)
        b.festeBreiten = [0: 92, 1: 14, 2: 18, 3: 18, 4: 16, 5: 18, 6: 64]
        var r = 3
        for h in w.hinweise { try b.text(h, r, 0, .legende); r += 1 }
        r += 1
        for a in w.aufgaben {
            let geld = a.einheit == "€"
            try b.text(a.bezeichnung, r, 0, .untertitel, messen: false)
            r += 1
            let soll = geld ? "Rahmen" : "Ziel" + (a.einheit.isEmpty ? "" : " (\(a.einheit))")
            for (l, v) in [("Prognose \(a.jahr)", a.prognose), ("\(soll) \(a.jahr)", a.soll)] {
                try b.text(l, r, 0, .textFett)
                if geld { try b.betrag(v, r, 2) } else { try b.zahl(Zahlformat.runden(v, 3), r, 2, .dezimal) }
                r += 1
            }
            try b.text("Lücke (Prognose − \(geld ? "Rahmen" : "Ziel"))", r, 0, .textFett)
            let lw = b.wert(r - 2, 2) - b.wert(r - 1, 2)
            try b.formel(
                "=\(Blatt.zelle(r - 2, 2))-\(Blatt.zelle(r - 1, 2))", wert: lw, r, 2,
                geld ? .betragMarkiert : .dezimalMarkiert)
            r += 1
            for (c, k) in [
                "Hebel", "Einheit", "heute", "nötig", "bester Wert", geld ? "Restlücke (€)" : "Restlücke", "Hinweis",
            ]
            .enumerated() { try b.text(k, r, c, c == 0 || c == 6 ? .kopfLinks : .kopf) }
            r += 1
            for h in a.hebel {
                try b.text(h.bezeichnung, r, 0, .text, messen: false)
                try b.text(h.einheit, r, 1)
                try hebelzahl(b, h, h.aktuell, r, 2)
                if let x = h.noetig {
                    try hebelzahl(b, h, x, r, 3, markiert: true)
                } else {
                    try b.text("nicht erreichbar", r, 3, .nein)
                }
                if let x = h.bester { try hebelzahl(b, h, x, r, 4) }
                if let x = h.restluecke {
                    if geld { try b.betrag(x, r, 5) } else { try b.zahl(Zahlformat.runden(x, 3), r, 5, .dezimal) }
                }
                try b.text(
                    h.hinweis.map { $0.replacingOccurrences(of: "nicht erreichbar – ", with: "") } ?? "", r, 6, .text,
                    messen: false)
                r += 1
            }
            r += 1
        }
    }

    func hebelzahl(
        _ b: Blatt, _ h: WasWaereNoetig.Hebel, _ x: Double, _ r: Int, _ c: Int, markiert: Bool = false
    ) throws {
        switch h.art {
        case .quoteTrend: try b.zahl(Zahlformat.runden(x, 6), r, c, .prozentGenau)
        case .massnahme: try b.zahl(Zahlformat.runden(x, 3), r, c, markiert ? .dezimalMarkiert : .faktor)
        case .freiwilligesBudget: try b.zahl(Zahlformat.runden(x, 4), r, c, markiert ? .prozentMarkiert : .prozent)
        case .fallkosten: try b.zahl(Zahlformat.runden(x, 2), r, c, .dezimal)
        }
    }
}
