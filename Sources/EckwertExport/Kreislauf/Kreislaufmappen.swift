import EckwertCore

/// Entry points for the workbooks of the budget cycle: the Veränderungsnachweis (for the Vorbericht) and the
/// in-year Abweichungsbericht. Written atomically, dated by the model's `stand`.
public enum Kreislaufmappen {
    /// `Veraenderungsnachweis_<alt>_<neu>.xlsx` in `ordner`; returns its path.
    public static func vergleich(
        _ v: Veraenderungsnachweis, modell n: Planungsmodell, ordner: String,
        version: String
    ) throws -> String {
        let pfad = try Berichtsmappen.ziel(
            ordner,
            "Veraenderungsnachweis_\(Berichtsmappen.ascii(v.alt.name))_"
                + "\(Berichtsmappen.ascii(v.neu.name)).xlsx")
        let mappe = try Mappe(
            pfad: pfad, modell: n, titel: "Veränderungsnachweis \(n.kommune) \(v.alt.name) → \(v.neu.name)",
            fusszeileRechts: "Veränderungsnachweis ggü. \(v.alt.name)", version: version)
        try VergleichMappe(v: v, m: n, mappe: mappe).schreiben()
        return pfad
    }

    /// `Abweichungsbericht_<modell>_<jahr>_<monat>.xlsx` in `ordner`; returns its path.
    public static func controlling(
        _ a: Abweichungsbericht, modell m: Planungsmodell, ordner: String,
        version: String
    ) throws -> String {
        let mm = a.monat < 10 ? "0\(a.monat)" : "\(a.monat)"
        let pfad = try Berichtsmappen.ziel(
            ordner, "Abweichungsbericht_\(Berichtsmappen.ascii(m.name))_\(a.jahr)_\(mm).xlsx")
        let mappe = try Mappe(
            pfad: pfad, modell: m, titel: "Abweichungsbericht \(m.kommune) \(a.jahr), Monat \(a.monat)",
            fusszeileRechts: "Controlling \(a.jahr), Stand Monat \(a.monat)", version: version)
        try ControllingMappe(a: a, m: m, mappe: mappe).schreiben()
        return pfad
    }

    /// Rounds parts for display so that they add up exactly to the rounded `summe` (largest remainders first):
    /// the shown causes of a change then add up to the shown change.
    static func verteilt(_ teile: [Double], summe: Double, mappe: Mappe) -> [Double] {
        let schritt = mappe.modell.rundung == .tsdEuro ? 1000.0 : 1.0
        var r = teile.map { mappe.anzeige($0) }
        var rest = Int(((mappe.anzeige(summe) - r.reduce(0, +)) / schritt).rounded())
        let reihenfolge = teile.indices.sorted { abs(teile[$0] - r[$0]) > abs(teile[$1] - r[$1]) }
        var k = 0
        while rest != 0, !reihenfolge.isEmpty, k < 10 * teile.count {
            let i = reihenfolge[k % reihenfolge.count]
            r[i] += rest > 0 ? schritt : -schritt
            rest += rest > 0 ? -1 : 1
            k += 1
        }
        return r
    }
}

/// Deckblatt lines shared by the two workbooks.
extension Blatt {
    func hinweisabsatz(_ text: String, _ r: Int, bis spalte: Int) throws {
        try ws.mergeRange(
            firstRow: r, firstCol: 0, lastRow: r, lastCol: spalte, string: text, format: try mappe.f(.hinweis))
        try ws.setRowHeight(row: r, height: Double((text.count + 129) / 130) * 13 + 3)
    }
}
