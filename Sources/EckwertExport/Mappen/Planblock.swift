import EckwertCore

/// One amount cell of a plan block's Buchungszeile.
enum Planzelle {
    /// An engine figure, rounded for display.
    case wert(Double)
    /// A formula over other shown cells, with the sum of their shown values as cached value.
    case formel(String, Double)
    /// A formula over other cells of the same row (given the row: formula and cached value, nil = empty), e.g.
    /// Prognose − Planung; in such a column sum lines and the Zuschuss row are row formulas too, not sums.
    case zeilenformel(Mappe.Art, (Int) -> (String, Double)?)
    case leer
}

/// A plan (Ergebnisplan or Finanzplan lines of the scheme) for one unit: column 0 the line number, column 1 the
/// line name, amounts from column `Planblock.ersteSpalte`. Buchungszeilen come from `inhalt`; sum lines are
/// formulas per the scheme's `summe` definitions over the rows of this block; below them, optionally, the
/// Zuschussbedarf as the model defines it (`Zuschusstext`, `Zuschussrechnung`).
enum Planblock {
    static let ersteSpalte = 2

    /// Writes the block from row `r0`; returns the row of every line key (and `zuschussKey` for the Zuschuss row).
    @discardableResult
    /// Columns in `zeilenformeln` take every row from `inhalt` (a `.zeilenformel`), including the sum lines and
    /// the Zuschuss row (`zeile == zeilen.count`).
    static func schreiben(
        _ b: Blatt, ab r0: Int, zeilen: [Kontenrahmen.Zeile], spalten: Int, leereSpalten: Set<Int>,
        zeilenformeln: Set<Int> = [], kontenrahmen k: Kontenrahmen?,
        inhalt: (_ zeile: Int, _ spalte: Int) -> Planzelle
    ) throws -> [String: Int] {
        var rows: [String: Int] = [:]
        /// `stufe`: 0 a Buchungszeile, 1 a sum line, 2 the last sum line or the Zuschuss row.
        func zeilenformel(_ z: Int, _ s: Int, _ r: Int, stufe: Int) throws {
            let c = ersteSpalte + s
            let betragArt: Mappe.Art = [.betrag, .betragSumme, .betragGesamt][stufe]
            guard case let .zeilenformel(zellArt, f) = inhalt(z, s), let (formel, wert) = f(r) else {
                try b.leer(r, c, stufe == 0 ? .text : betragArt)
                return
            }
            let art: Mappe.Art = zellArt == .prozent ? (stufe == 0 ? .prozent : .prozentSumme) : betragArt
            try b.formel(formel, wert: wert, r, c, art)
        }
        // Per column, looked up once instead of in the sets for every cell.
        let leer = (0..<spalten).map { leereSpalten.contains($0) }
        let formelspalte = (0..<spalten).map { zeilenformeln.contains($0) && !leer[$0] }
        for (z, zeile) in zeilen.enumerated() {
            let r = r0 + z
            rows[zeile.key] = r
            let letzte = z == zeilen.count - 1
            let labelArt: Mappe.Art = zeile.istSumme ? (letzte ? .betragGesamt : .betragSumme) : .text
            try b.text("\(zeile.nr)", r, 0, labelArt)
            try b.text(zeile.istSumme ? "= " + zeile.name : zeile.name, r, 1, labelArt)
            // A sum line's parts: the rows of its terms in this block, the same in every column.
            var teile: [(vorzeichen: Double, zeile: Int)] = []
            if case let .summe(terme) = zeile.art {
                teile = terme.compactMap { t in rows[t.key].map { (vorzeichen: t.vorzeichen, zeile: $0) } }
            }
            for s in 0..<spalten {
                let c = ersteSpalte + s
                if formelspalte[s] {
                    try zeilenformel(z, s, r, stufe: zeile.istSumme ? (letzte ? 2 : 1) : 0)
                    continue
                }
                if case .summe = zeile.art {
                    let art: Mappe.Art = letzte ? .betragGesamt : .betragSumme
                    if leer[s] { try b.leer(r, c, art); continue }
                    try b.summe(teile, spalte: c, nach: r, art)
                } else {
                    switch inhalt(z, s) {
                    case .wert(let v): try b.betrag(v, r, c)
                    case let .formel(f, w): try b.formel(f, wert: w, r, c, .betrag)
                    case .zeilenformel, .leer: break
                    }
                }
            }
        }
        if let k, let ra = rows[k.aufwendungen], let re = rows[k.ertraege] {
            let r = r0 + zeilen.count
            rows[zuschussKey] = r
            try b.leer(r, 0, .betragGesamt)
            try b.text(Zuschusstext.zeile(b.mappe.modell), r, 1, .betragGesamt)
            // With `zuschussbedarf: mit_ilv` the ILV lines join the sum (as in the engine's Zuschussrechnung).
            var teile = [(1.0, ra), (-1.0, re)]
            if let i = k.zuschussrechnung.ilv {
                if let a = rows[k.zeilen[i.aufwendungen].key] { teile.append((1, a)) }
                if let e = rows[k.zeilen[i.ertraege].key] { teile.append((-1, e)) }
            }
            for s in 0..<spalten {
                let c = ersteSpalte + s
                if leereSpalten.contains(s) { try b.leer(r, c, .betragGesamt); continue }
                if zeilenformeln.contains(s) { try zeilenformel(zeilen.count, s, r, stufe: 2); continue }
                try b.summe(teile, spalte: c, nach: r, .betragGesamt)
            }
        }
        return rows
    }

    static let zuschussKey = "__zuschuss"

    /// Height of a block in rows (lines, plus the Zuschuss row when the scheme defines it).
    static func hoehe(_ zeilen: [Kontenrahmen.Zeile], mitZuschuss: Bool) -> Int { zeilen.count + (mitZuschuss ? 1 : 0) }

    /// A formula adding the same cell on other sheets / rows plus a rounded constant for the rest, with the sum of
    /// the shown values as cached value; `.wert` when there is nothing to refer to.
    static func verweise(
        _ teile: [(blatt: Blatt, zeile: Int, spalte: Int)], von ziel: Blatt, rest: Double?,
        mappe: Mappe
    ) -> Planzelle {
        guard !teile.isEmpty else { return rest.map { .wert($0) } ?? .leer }
        var formel = "="
        var wert = 0.0
        for (i, t) in teile.enumerated() {
            formel +=
                (i == 0 ? "" : "+")
                + (t.blatt === ziel ? Blatt.zelle(t.zeile, t.spalte) : t.blatt.referenz(t.zeile, t.spalte))
            wert += t.blatt.wert(t.zeile, t.spalte)
        }
        if let rest {
            let r = mappe.anzeige(rest)
            if r != 0 {
                formel += r < 0 ? "-\(Int64(-r))" : "+\(Int64(r))"
                wert += r
            }
        }
        return .formel(formel, wert)
    }
}
