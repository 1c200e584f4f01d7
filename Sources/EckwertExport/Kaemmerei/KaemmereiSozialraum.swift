import EckwertCore

/// The Sozialraum sheets of the Kämmerei workbook: cases per Sozialraum, product and year (the city total a live
/// SUM of the shown whole cases), and each indicator-based allocation (its total a live SUM equal to the amount).
/// An internal document: no Geheimhaltung.
extension KaemmereiMappe {
    func sozialraeume(_ b: Blatt) throws {
        let jahre = [m.basisjahr] + Array(m.prognosejahre)
        try b.text("Fälle je Sozialraum – Szenario \(szenario.name)", 0, 0, .titel)
        try b.text(
            "Kleinräumige Prognose: Fälle je Sozialraum = geglättete Quote des Sozialraums × Bezugsbevölkerung "
                + "× Trend × "
                + "Maßnahmen, geeicht auf die Fälle der Stadt im Basisjahr; die Stadt ist die Summe der Sozialräume. "
                + "Ganze Fälle; die Summe ist die Summe der gezeigten Werte.", 1, 0, .legende, messen: false)
        b.festeBreiten = [0: 34]
        for c in 1...max(8, jahre.count) { b.festeBreiten[c] = 12 }
        var r = 3
        let produkte = m.produkte.indices.filter { l.produkte[$0].gebietsfaelle != nil }
        if produkte.isEmpty {
            try b.text("Kein Produkt des Modells hat Fallzahlen je Sozialraum (faelle_gebiete.csv).", r, 0, .legende)
            return
        }
        var umbrueche: [Int] = []
        // The row heads are the same for every product: made once (a name is looked up in a list).
        let koepfe = m.bevoelkerung.gebiete.map { "\($0) \(m.sozialraum.name($0))" }
        for i in produkte {
            guard let jeGebiet = l.produkte[i].gebietsfaelle else { continue }
            umbrueche.append(r)
            try b.text("\(m.produkte[i].nr) \(m.produkte[i].name)", r, 0, .untertitel); r += 1
            try b.text("Sozialraum", r, 0, .kopfLinks)
            for (s, j) in jahre.enumerated() { try b.text(j == m.basisjahr ? "\(j) (Basis)" : "\(j)", r, 1 + s, .kopf) }
            r += 1
            let r0 = r
            for (g, kopf) in koepfe.enumerated() where g < jeGebiet.count {
                try b.text(kopf, r, 0)
                for s in jahre.indices where s < jeGebiet[g].count {
                    try b.zahl(Zahlformat.runden(jeGebiet[g][s]), r, 1 + s, .ganzzahl)
                }
                r += 1
            }
            try b.text("Stadt (Summe)", r, 0, .ganzzahlSumme)
            for s in jahre.indices { try b.summe((r0..<r).map { (1, $0) }, spalte: 1 + s, nach: r, .ganzzahlSumme) }
            r += 2
        }
        b.seitenumbrueche = umbrueche
    }

    func verteilungen(_ b: Blatt) throws {
        try b.text("Indikatorgestützte Verteilung", 0, 0, .titel)
        try b.text(
            "Gewicht = Bezugsbevölkerung × max(0; 1 + Stärke × Sozialindex); Anteil = Gewicht / Summe der Gewichte; "
                + "ganze Euro nach dem Verfahren der größten Reste (Hare-Niemeyer), so dass die Teile genau den "
                + "Betrag ergeben.",
            1, 0, .legende, messen: false)
        b.festeBreiten = [0: 34, 1: 16, 2: 12, 3: 14, 4: 12, 5: 16]
        var r = 3
        let alle = Kleinraum.verteilungen(m)
        if alle.isEmpty {
            try b.text("Das Modell enthält keine Verteilung (verteilungen: in modell.yaml).", r, 0, .legende)
            return
        }
        for v in alle {
            try b.text(
                "\(v.verteilung.id) \(v.verteilung.name) – \(Zahlformat.euro(v.verteilung.betrag))"
                    + (v.verteilung.jahr.map { " (\($0))" } ?? ""), r, 0, .untertitel);
            r += 1
            for (c, t) in ["Sozialraum", "Bezugsbevölkerung", "Sozialindex", "Gewicht", "Anteil", "Euro"].enumerated() {
                try b.text(t, r, c, c == 0 ? .kopfLinks : .kopf)
            }
            r += 1
            let r0 = r
            for (g, id) in m.bevoelkerung.gebiete.enumerated() {
                try b.text("\(id) \(m.sozialraum.name(id))", r, 0)
                try b.zahl(Zahlformat.runden(v.bezug[g]), r, 1, .ganzzahl)
                try b.zahl(v.index[g], r, 2, .dezimal)
                try b.zahl(v.gewichte[g], r, 3, .dezimal)
                try b.zahl(v.anteile[g], r, 4, .prozent)
                try b.zahl(Double(v.euro[g]), r, 5, .betrag)
                r += 1
            }
            try b.text("Summe", r, 0, .betragSumme)
            try b.summe((r0..<r).map { (1, $0) }, spalte: 1, nach: r, .ganzzahlSumme)
            try b.summe((r0..<r).map { (1, $0) }, spalte: 5, nach: r, .betragSumme)
            r += 2
        }
    }
}
