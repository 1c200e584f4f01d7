import EckwertCore

/// Building blocks shared by the Kämmerei and the Eckwerte workbook: the house style (formats), a sheet builder
/// that remembers every shown value (so that a sum formula's cached value is the sum of the shown parts), column
/// widths that fit the content, and the print setup of a careful finance department.
///
/// Nothing here computes a budget figure: values arrive from the engine, are rounded once for display
/// (`Mappe.anzeige`), and sums are Excel formulas over the cells of their parts.
final class Mappe {
    let book: XlsxWorkbook
    let modell: Planungsmodell
    /// Right part of every footer (the scenario, or "alle Szenarien").
    let fusszeileRechts: String
    /// Program version shown on the Deckblatt.
    let version: String
    private(set) var blaetter: [Blatt] = []

    init(pfad: String, modell: Planungsmodell, titel: String, fusszeileRechts: String, version: String) throws {
        let stand = modell.stand
        let props = XlsxDocumentProperties(
            created: XlsxDate(year: stand.jahr, month: stand.monat, day: stand.tag), title: titel,
            subject: "Haushaltsplanung \(modell.haushaltsjahr)", author: "Eckwert \(version)", company: modell.kommune,
            comments: "Modellprüfsumme \(modell.pruefsumme)")
        book = try XlsxWorkbook(path: pfad, properties: props)
        self.modell = modell
        self.fusszeileRechts = fusszeileRechts
        self.version = version
    }

    func blatt(_ name: String, titel: String) throws -> Blatt {
        let sicher = XlsxNames.safeSheetName(name, existing: book.worksheetNames)
        let b = Blatt(try book.addWorksheet(sicher), mappe: self, titel: titel)
        blaetter.append(b)
        return b
    }

    /// Rounds an engine figure for display (`Hausstil.anzeige`); −0 becomes 0.
    func anzeige(_ v: Double) -> Double {
        let r = Hausstil.anzeige(v, modell.rundung)
        return r == 0 ? 0 : r
    }

    /// The amount format of the model's rounding (house style).
    var betragsformat: String { Hausstil.betragsformat(modell.rundung) }

    var einheitText: String { modell.rundung == .tsdEuro ? "Beträge in Tausend Euro (T€)" : "Beträge in Euro" }

    /// Finishes every sheet's layout and writes the file (temporary file, then rename).
    func schliessen(vorDemSchliessen: (() -> Void)? = nil) throws {
        for b in blaetter { try b.abschliessen() }
        vorDemSchliessen?()
        try book.close()
    }

    func name(_ name: String, blatt: Blatt, zeile: Int, spalte: Int) throws {
        try book.defineName(name, refersTo: "=" + XlsxNames.reference(sheet: blatt.name, row: zeile, col: spalte))
    }

    /// A defined-name fragment from arbitrary text (letters, digits, `_`).
    static func namensteil(_ s: String) -> String {
        String(
            s.map { ch -> Character in
                ch.isASCII && (ch.isLetter || ch.isNumber) ? ch : "_"
            })
    }

    // MARK: Formats

    enum Art: Int, Hashable, CaseIterable {
        case titel, untertitel, kopf, kopfLinks, text, textFett, textUmbruch, hinweis, legende
        case betrag, betragSumme, betragGesamt, betragMarkiert
        case ganzzahl, ganzzahlSumme, dezimal, dezimalMarkiert, prozent, prozentSumme, prozentMarkiert
        case textMarkiert, ja, nein
        case ampelGruen, ampelGelb, ampelRot, prozentGenau, faktor, bemerkung
    }

    /// The formats made so far, by `Art.rawValue` (looked up for every cell; one thread builds a workbook and no
    /// access overlaps another, so the run-time exclusivity check, paid per cell, is left out).
    @exclusivity(unchecked) private var formate = [XlsxFormat?](repeating: nil, count: Art.allCases.count)

    static let blau: XlsxColor = 0x1F4E79
    static let markierung: XlsxColor = 0xFCE4D6
    static let gruen: XlsxColor = 0xE2EFDA
    static let rot: XlsxColor = 0xF8CBAD
    static let gelb: XlsxColor = 0xFFE699

    func f(_ art: Art) throws -> XlsxFormat {
        if let x = formate[art.rawValue] { return x }
        let basis = XlsxFormatSpec().font(name: "Arial").fontSize(10).verticalAlign(.top)
        let summe = basis.bold().border(top: .thin).fill(.subtotalFill)
        let spec: XlsxFormatSpec
        switch art {
        case .titel: spec = basis.bold().fontSize(14).fontColor(Self.blau)
        case .untertitel: spec = basis.bold().fontSize(11).fontColor(Self.blau)
        case .kopf:
            spec = basis.bold().fill(.headerFill).border(bottom: .thin).wrap().align(.center).verticalAlign(.center)
        case .kopfLinks: spec = basis.bold().fill(.headerFill).border(bottom: .thin).wrap().verticalAlign(.center)
        case .text: spec = basis
        case .textFett: spec = basis.bold()
        case .textUmbruch: spec = basis.wrap()
        case .hinweis: spec = basis.italic().fontColor(0x595959).wrap()
        case .legende: spec = basis.italic().fontColor(0x595959)
        case .betrag: spec = basis.numberFormat(betragsformat)
        case .betragSumme: spec = summe.numberFormat(betragsformat)
        case .betragGesamt:
            spec = basis.bold().border(top: .thin, bottom: .double).fill(.subtotalFill).numberFormat(betragsformat)
        case .betragMarkiert: spec = basis.bold().fill(Self.markierung).numberFormat(betragsformat)
        case .ganzzahl: spec = basis.numberFormat(XlsxNumberFormat.integer)
        case .ganzzahlSumme: spec = summe.numberFormat(XlsxNumberFormat.integer)
        case .dezimal: spec = basis.numberFormat("#,##0.00;[Red]-#,##0.00")
        case .dezimalMarkiert: spec = basis.bold().fill(Self.markierung).numberFormat("#,##0.000;[Red]-#,##0.000")
        case .prozent: spec = basis.numberFormat(XlsxNumberFormat.percent)
        case .prozentSumme: spec = summe.numberFormat(XlsxNumberFormat.percent)
        case .prozentMarkiert: spec = basis.bold().fill(Self.markierung).numberFormat(XlsxNumberFormat.percent)
        case .textMarkiert: spec = basis.bold().fill(Self.markierung).wrap()
        case .ja: spec = basis.fill(Self.gruen).align(.center)
        case .nein: spec = basis.fill(Self.rot).align(.center)
        case .ampelGruen: spec = basis.bold().fill(Self.gruen).align(.center)
        case .ampelGelb: spec = basis.bold().fill(Self.gelb).align(.center)
        case .ampelRot: spec = basis.bold().fill(Self.rot).align(.center)
        case .prozentGenau: spec = basis.numberFormat("0.0000%;[Red]-0.0000%")
        case .faktor: spec = basis.numberFormat("0.000")
        case .bemerkung: spec = basis.wrap().border(top: .thin, bottom: .thin, left: .thin, right: .thin)
        }
        let x = try book.format(spec)
        formate[art.rawValue] = x
        return x
    }

    /// The sum-row variant of a value format.
    func summenformat(_ art: Art) -> Art {
        switch art {
        case .betrag: .betragSumme
        case .ganzzahl: .ganzzahlSumme
        case .prozent: .prozentSumme
        default: art
        }
    }

    static func datum(_ d: Datum) -> String {
        func zwei(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(zwei(d.tag)).\(zwei(d.monat)).\(d.jahr)"
    }
}

/// One worksheet being built. Keeps the shown value of every numeric cell (for cached sums), the widest content
/// per column, and the print layout to apply at the end.
final class Blatt {
    let ws: XlsxWorksheet
    unowned let mappe: Mappe
    let titel: String
    var name: String { ws.name }
    // The bookkeeping below is touched for every cell, by the one thread that builds the sheet, never by two
    // overlapping accesses: the run-time exclusivity check (a few percent of a large workbook) is left out.
    /// Shown numeric values: row → col → value (NaN: no number there; shown values are always finite).
    @exclusivity(unchecked) private var werte: [[Double]] = []
    /// The widest measured content per column (0: nothing measured).
    @exclusivity(unchecked) private var breiten: [Double] = []
    /// Explicit widths (they win over measured ones).
    var festeBreiten: [Int: Double] = [:]
    @exclusivity(unchecked) private(set) var letzteZeile = 0
    @exclusivity(unchecked) private(set) var letzteSpalte = 0
    /// Rows repeated on every printed page, and the frozen panes (rows above / columns left).
    var druckTitel: ClosedRange<Int>?
    var fixiert: (zeile: Int, spalte: Int)?
    var seitenumbrueche: [Int] = []

    init(_ ws: XlsxWorksheet, mappe: Mappe, titel: String) {
        self.ws = ws
        self.mappe = mappe
        self.titel = titel
    }

    private func merken(_ r: Int, _ c: Int, breite: Double?) {
        letzteZeile = max(letzteZeile, r)
        letzteSpalte = max(letzteSpalte, c)
        if let breite {
            if c >= breiten.count { breiten += repeatElement(0, count: c + 1 - breiten.count) }
            breiten[c] = max(breiten[c], breite)
        }
    }

    func text(_ s: String, _ r: Int, _ c: Int, _ art: Mappe.Art = .text, messen: Bool = true) throws {
        try ws.write(string: s, row: r, col: c, format: try mappe.f(art), truncate: true)
        let faktor: Double
        switch art {
        case .titel: faktor = 0
        case .kopf, .kopfLinks, .textFett, .untertitel: faktor = 1.1
        default: faktor = 1.0
        }
        merken(r, c, breite: messen && faktor > 0 ? Double(Self.laengsteZeile(s)) * faktor + 1 : nil)
    }

    /// Characters of the longest line of a text.
    static func laengsteZeile(_ s: String) -> Int {
        // ASCII text: one character per byte.
        if s.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0A && $0 != 0x0D }) { return s.utf8.count }
        var laengste = 0, zeile = 0
        for ch in s {
            if ch == "\n" {
                laengste = max(laengste, zeile)
                zeile = 0
            } else {
                zeile += 1
            }
        }
        return max(laengste, zeile)
    }

    /// Label/value rows (Deckblatt): the label bold in column 0, the value wrapped in column 1, the row as tall as
    /// the wrapped text needs (about 95 characters a line). Returns the row after the block.
    func schluesselWerte(_ zeilen: [(String, String)], ab start: Int) throws -> Int {
        var r = start
        for (label, wert) in zeilen {
            try text(label, r, 0, .textFett)
            try text(wert, r, 1, .textUmbruch, messen: false)
            if wert.count > 95 { try ws.setRowHeight(row: r, height: Double((wert.count + 94) / 95) * 13 + 2) }
            r += 1
        }
        return r
    }

    /// A number as shown: `wert` must already be the displayed value (rounded by the caller where it is money).
    func zahl(_ wert: Double, _ r: Int, _ c: Int, _ art: Mappe.Art) throws {
        try ws.write(number: wert, row: r, col: c, format: try mappe.f(art))
        merkeWert(wert, r, c)
        merken(r, c, breite: Self.breite(wert, art))
    }

    /// An engine amount, rounded for display.
    func betrag(_ wert: Double, _ r: Int, _ c: Int, _ art: Mappe.Art = .betrag) throws {
        try zahl(mappe.anzeige(wert), r, c, art)
    }

    /// A formula with its cached value; the value is remembered like a shown number.
    func formel(_ f: String, wert: Double, _ r: Int, _ c: Int, _ art: Mappe.Art) throws {
        let w = wert == 0 ? 0 : wert
        try ws.write(formula: f, cachedValue: w, row: r, col: c, format: try mappe.f(art))
        merkeWert(w, r, c)
        merken(r, c, breite: Self.breite(w, art))
    }

    func leer(_ r: Int, _ c: Int, _ art: Mappe.Art) throws {
        try ws.writeBlank(row: r, col: c, format: try mappe.f(art))
        merken(r, c, breite: nil)
    }

    /// The shown value of a cell written on this sheet (0 for an empty cell, as in Excel).
    func wert(_ r: Int, _ c: Int) -> Double {
        guard r < werte.count, c < werte[r].count, !werte[r][c].isNaN else { return 0 }
        return werte[r][c]
    }
    func hatWert(_ r: Int, _ c: Int) -> Bool { r < werte.count && c < werte[r].count && !werte[r][c].isNaN }

    private func merkeWert(_ w: Double, _ r: Int, _ c: Int) {
        if r >= werte.count { werte += repeatElement([], count: r + 1 - werte.count) }
        if c >= werte[r].count { werte[r] += repeatElement(.nan, count: c + 1 - werte[r].count) }
        werte[r][c] = w
    }

    /// The sheet name as formulas on other sheets quote it (once per sheet, not per reference).
    private lazy var zitierterName = XlsxNames.quotedSheetName(name)

    /// A reference to a cell of this sheet from another sheet (as `XlsxNames.reference`).
    func referenz(_ r: Int, _ c: Int) -> String {
        zitierterName + "!" + XlsxNames.cell(row: r, col: c, absolute: false)
    }

    static func zelle(_ r: Int, _ c: Int) -> String { XlsxNames.cell(row: r, col: c, absolute: false) }

    /// `=Σ sign · cell` over rows of column c of this sheet, with the sum of the shown values as cached value.
    /// Uses `SUM(range)` where the rows are contiguous and all added.
    func summe(_ teile: [(vorzeichen: Double, zeile: Int)], spalte c: Int, nach r: Int, _ art: Mappe.Art) throws {
        guard !teile.isEmpty else { try zahl(0, r, c, art); return }
        let summe = teile.reduce(0.0) { $0 + $1.vorzeichen * self.wert($1.zeile, c) }
        let zeilen = teile.map(\.zeile)
        let formel: String
        if teile.count > 2, teile.allSatisfy({ $0.vorzeichen > 0 }), let lo = zeilen.min(), let hi = zeilen.max(),
            hi - lo + 1 == zeilen.count, Self.ohneDoppelte(zeilen)
        {
            formel = "=SUM(\(Self.zelle(lo, c)):\(Self.zelle(hi, c)))"
        } else {
            var s = ""
            for (i, t) in teile.enumerated() {
                s += (t.vorzeichen < 0 ? "-" : (i == 0 ? "" : "+")) + Self.zelle(t.zeile, c)
            }
            formel = "=" + s
        }
        try self.formel(formel, wert: summe, r, c, art)
    }

    /// Whether no row occurs twice (rows in ascending order, the usual case, are checked without a set).
    static func ohneDoppelte(_ zeilen: [Int]) -> Bool {
        if zip(zeilen, zeilen.dropFirst()).allSatisfy({ $0 < $1 }) { return true }
        return Set(zeilen).count == zeilen.count
    }

    private static func breite(_ v: Double, _ art: Mappe.Art) -> Double {
        let stellen: Int
        switch art {
        case .dezimal: stellen = 2
        case .dezimalMarkiert: stellen = 3
        case .prozent, .prozentSumme, .prozentMarkiert: return Double(Zahlformat.laenge(v * 100, stellen: 1)) + 4
        default: stellen = 0
        }
        return Double(Zahlformat.laenge(v, stellen: stellen)) + 4
    }

    /// Column widths, print setup, frozen panes, footer: the finishing touches of every sheet.
    func abschliessen() throws {
        for c in 0...letzteSpalte {
            let w = festeBreiten[c] ?? min(60, max(8, c < breiten.count ? breiten[c] : 0))
            try ws.setColumnWidth(firstCol: c, width: w)
        }
        try ws.hideGridlines()
        try ws.setLandscape()
        try ws.setPaper(9)
        try ws.fitToWidth(pages: 1)
        try ws.setMargins(left: 0.6, right: 0.5, top: 0.75, bottom: 0.75)
        let m = mappe.modell
        try ws.setHeader(
            XlsxHeaderFooter.sections(
                left: XlsxHeaderFooter.escaped(Self.kuerzen(titel, 100)),
                right: XlsxHeaderFooter.escaped(m.planstand)))
        try ws.setFooter(
            XlsxHeaderFooter.sections(
                left: XlsxHeaderFooter.escaped(Self.kuerzen(m.kommune, 60)),
                center: "Seite &P von &N",
                right: XlsxHeaderFooter.escaped(Self.kuerzen(mappe.fusszeileRechts, 60))))
        if let t = druckTitel { try ws.repeatRows(firstRow: t.lowerBound, lastRow: t.upperBound) }
        if let (r, c) = fixiert { try ws.freezePanes(row: r, col: c) }
        try ws.setPrintArea(firstRow: 0, firstCol: 0, lastRow: letzteZeile, lastCol: letzteSpalte)
        try ws.setRowBreaks(seitenumbrueche)
    }

    /// Text for a header/footer section, cut so the whole header stays under Excel's 255 characters.
    static func kuerzen(_ s: String, _ n: Int) -> String {
        let ohneSteuer = String(s.filter { !$0.isNewline })
        return ohneSteuer.count <= n ? ohneSteuer : String(ohneSteuer.prefix(n - 1)) + "…"
    }
}
