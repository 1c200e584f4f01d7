import EckwertCore

/// Building blocks shared by the Kämmerei and the Eckwerte workbook: the house style (formats), a sheet builder
/// that remembers every shown value (so that a sum formula's cached value is the sum of the shown parts), column
/// widths that fit the content, and the print setup of a careful finance department.
///
/// Nothing here computes a budget figure: values arrive from the engine, are rounded once for display
/// (`Mappe.anzeige`), and sums are Excel formulas over the cells of their parts.
final class Mappe {
    let book: XlsxWorkbook
    /// The house formats of this workbook (every sheet looks them up for every cell).
    let formate: Formate
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
        formate = Formate(book, rundung: modell.rundung)
        self.modell = modell
        self.fusszeileRechts = fusszeileRechts
        self.version = version
    }

    func blatt(_ name: String, titel: String) throws -> Blatt {
        let sicher = XlsxNames.safeSheetName(name, existing: book.worksheetNames)
        let b = Blatt(try book.addWorksheet(sicher), mappe: self, formate: formate, titel: titel)
        blaetter.append(b)
        return b
    }

    /// Rounds an engine figure for display (`Hausstil.anzeige`); −0 becomes 0.
    func anzeige(_ v: Double) -> Double { Self.anzeige(v, modell.rundung) }

    static func anzeige(_ v: Double, _ rundung: Rundung) -> Double {
        let r = Hausstil.anzeige(v, rundung)
        return r == 0 ? 0 : r
    }

    var einheitText: String { modell.rundung == .tsdEuro ? "Beträge in Tausend Euro (T€)" : "Beträge in Euro" }

    /// Finishes every sheet's layout and writes the file (temporary file, then rename; with `nachlauf`, the
    /// flush to disk and the rename happen there).
    func schliessen(vorDemSchliessen: (() -> Void)? = nil, nachlauf: Dateiausgabe.Nachlauf? = nil) throws {
        for b in blaetter { try b.abschliessen() }
        vorDemSchliessen?()
        guard let nachlauf else { return try book.close() }
        let datei = try book.closeToTemporary()
        nachlauf.uebergeben(datei.targetPath) { try datei.finish() }
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

    static let blau: XlsxColor = 0x1F4E79
    static let markierung: XlsxColor = 0xFCE4D6
    static let gruen: XlsxColor = 0xE2EFDA
    static let rot: XlsxColor = 0xF8CBAD
    static let gelb: XlsxColor = 0xFFE699

    func f(_ art: Art) throws -> XlsxFormat { try formate.f(art) }

    static func datum(_ d: Datum) -> String {
        func zwei(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(zwei(d.tag)).\(zwei(d.monat)).\(d.jahr)"
    }
}

/// The house formats of one workbook, made on first use: a sheet looks one up for every cell it writes.
final class Formate {
    let book: XlsxWorkbook
    let rundung: Rundung

    init(_ book: XlsxWorkbook, rundung: Rundung) {
        self.book = book
        self.rundung = rundung
    }

    /// The formats made so far, by `Art.rawValue` (looked up for every cell; one thread builds a workbook and no
    /// access overlaps another, so the run-time exclusivity check, paid per cell, is left out).
    @exclusivity(unchecked) private var formate = [XlsxFormat?](repeating: nil, count: Mappe.Art.allCases.count)

    func f(_ art: Mappe.Art) throws -> XlsxFormat {
        if let x = formate[art.rawValue] { return x }
        let basis = XlsxFormatSpec().font(name: "Arial").fontSize(10).verticalAlign(.top)
        let summe = basis.bold().border(top: .thin).fill(.subtotalFill)
        let betrag = Hausstil.betragsformat(rundung)
        let spec: XlsxFormatSpec
        switch art {
        case .titel: spec = basis.bold().fontSize(14).fontColor(Mappe.blau)
        case .untertitel: spec = basis.bold().fontSize(11).fontColor(Mappe.blau)
        case .kopf:
            spec = basis.bold().fill(.headerFill).border(bottom: .thin).wrap().align(.center).verticalAlign(.center)
        case .kopfLinks: spec = basis.bold().fill(.headerFill).border(bottom: .thin).wrap().verticalAlign(.center)
        case .text: spec = basis
        case .textFett: spec = basis.bold()
        case .textUmbruch: spec = basis.wrap()
        case .hinweis: spec = basis.italic().fontColor(0x595959).wrap()
        case .legende: spec = basis.italic().fontColor(0x595959)
        case .betrag: spec = basis.numberFormat(betrag)
        case .betragSumme: spec = summe.numberFormat(betrag)
        case .betragGesamt:
            spec = basis.bold().border(top: .thin, bottom: .double).fill(.subtotalFill).numberFormat(betrag)
        case .betragMarkiert: spec = basis.bold().fill(Mappe.markierung).numberFormat(betrag)
        case .ganzzahl: spec = basis.numberFormat(XlsxNumberFormat.integer)
        case .ganzzahlSumme: spec = summe.numberFormat(XlsxNumberFormat.integer)
        case .dezimal: spec = basis.numberFormat("#,##0.00;[Red]-#,##0.00")
        case .dezimalMarkiert: spec = basis.bold().fill(Mappe.markierung).numberFormat("#,##0.000;[Red]-#,##0.000")
        case .prozent: spec = basis.numberFormat(XlsxNumberFormat.percent)
        case .prozentSumme: spec = summe.numberFormat(XlsxNumberFormat.percent)
        case .prozentMarkiert: spec = basis.bold().fill(Mappe.markierung).numberFormat(XlsxNumberFormat.percent)
        case .textMarkiert: spec = basis.bold().fill(Mappe.markierung).wrap()
        case .ja: spec = basis.fill(Mappe.gruen).align(.center)
        case .nein: spec = basis.fill(Mappe.rot).align(.center)
        case .ampelGruen: spec = basis.bold().fill(Mappe.gruen).align(.center)
        case .ampelGelb: spec = basis.bold().fill(Mappe.gelb).align(.center)
        case .ampelRot: spec = basis.bold().fill(Mappe.rot).align(.center)
        case .prozentGenau: spec = basis.numberFormat("0.0000%;[Red]-0.0000%")
        case .faktor: spec = basis.numberFormat("0.000")
        case .bemerkung: spec = basis.wrap().border(top: .thin, bottom: .thin, left: .thin, right: .thin)
        }
        let x = try book.format(spec)
        formate[art.rawValue] = x
        return x
    }
}

/// One worksheet being built. Keeps the shown value of every numeric cell (for cached sums), the widest content
/// per column, and the print layout to apply at the end.
final class Blatt {
    let ws: XlsxWorksheet
    unowned let mappe: Mappe
    /// The workbook's formats and display rounding, held here for the per-cell writes.
    let formate: Formate
    let rundung: Rundung
    let titel: String
    var name: String { ws.name }
    // The bookkeeping below is touched for every cell, by the one thread that builds the sheet, never by two
    // overlapping accesses: the run-time exclusivity check (a few percent of a large workbook) is left out.
    /// Shown numeric values in blocks of `Blatt.blockzeilen` rows, row by row with `spaltenJeZeile` columns each
    /// (NaN: no number there; shown values are always finite). No storage of its own per row, and a long sheet
    /// grows by a small block at a time (never a second copy of all its values).
    @exclusivity(unchecked) private var werte: [[Double]] = []
    @exclusivity(unchecked) private var spaltenJeZeile = 8
    static let blockzeilen = 64
    /// The widest measured text per column (0: nothing measured).
    @exclusivity(unchecked) private var breiten: [Double] = []
    /// The smallest and largest number shown per column and kind of display: the widest number of a column is
    /// one of the two (`Zahlspannen`), so its width is worked out once, when the sheet is finished.
    @exclusivity(unchecked) private var zahlspannen: [Zahlspannen] = []
    /// Explicit widths (they win over measured ones).
    var festeBreiten: [Int: Double] = [:]
    @exclusivity(unchecked) private(set) var letzteZeile = 0
    @exclusivity(unchecked) private(set) var letzteSpalte = 0
    /// Rows repeated on every printed page, and the frozen panes (rows above / columns left).
    var druckTitel: ClosedRange<Int>?
    var fixiert: (zeile: Int, spalte: Int)?
    var seitenumbrueche: [Int] = []

    init(_ ws: XlsxWorksheet, mappe: Mappe, formate: Formate, titel: String) {
        self.ws = ws
        self.mappe = mappe
        self.formate = formate
        rundung = mappe.modell.rundung
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

    /// As `merken` for a shown number: its width counts once the sheet is finished (`gemesseneBreite`).
    private func merkenZahl(_ r: Int, _ c: Int, _ v: Double, _ art: Mappe.Art) {
        letzteZeile = max(letzteZeile, r)
        letzteSpalte = max(letzteSpalte, c)
        if c >= zahlspannen.count { zahlspannen += repeatElement(Zahlspannen(), count: c + 1 - zahlspannen.count) }
        zahlspannen[c].aufnehmen(v, Zahlspannen.Darstellung(art))
    }

    /// The widest measured content of column c: text as measured, numbers as `breite` shows them.
    func gemesseneBreite(_ c: Int) -> Double {
        let text = c < breiten.count ? breiten[c] : 0
        return c < zahlspannen.count ? max(text, zahlspannen[c].breite) : text
    }

    func text(_ s: String, _ r: Int, _ c: Int, _ art: Mappe.Art = .text, messen: Bool = true) throws {
        try ws.write(string: s, row: r, col: c, format: try formate.f(art), truncate: true)
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
        if let n = s.utf8.withContiguousStorageIfAvailable(laengsteZeileSchnell), let n { return n }
        return laengsteZeileZeichenweise(s)
    }

    /// `laengsteZeile` over the UTF-8 bytes, for text without CR whose characters are all below U+0300 (ASCII,
    /// Latin-1 with the German letters, Latin Extended): there every Unicode scalar is a character of its own, so
    /// a line's characters are its bytes that start a scalar. nil for other text.
    static func laengsteZeileSchnell(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var laengste = 0, zeile = 0
        for b in bytes {
            if b < 0x80 {
                if b == 0x0A {
                    laengste = max(laengste, zeile)
                    zeile = 0
                } else if b == 0x0D {
                    return nil
                } else {
                    zeile += 1
                }
            } else if b >= 0xCC {
                return nil  // a scalar from U+0300 on (combining marks and beyond)
            } else if b >= 0xC0 {
                zeile += 1  // the lead byte of a scalar below U+0300; continuation bytes (0x80–0xBF) add nothing
            }
        }
        return max(laengste, zeile)
    }

    /// `laengsteZeile` character by character (any text).
    static func laengsteZeileZeichenweise(_ s: String) -> Int {
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
        try ws.write(number: wert, row: r, col: c, format: try formate.f(art))
        merkeWert(wert, r, c)
        merkenZahl(r, c, wert, art)
    }

    /// An engine amount, rounded for display.
    func betrag(_ wert: Double, _ r: Int, _ c: Int, _ art: Mappe.Art = .betrag) throws {
        try zahl(Mappe.anzeige(wert, rundung), r, c, art)
    }

    /// A formula with its cached value; the value is remembered like a shown number.
    func formel(_ f: String, wert: Double, _ r: Int, _ c: Int, _ art: Mappe.Art) throws {
        let w = wert == 0 ? 0 : wert
        try ws.write(formula: f, cachedValue: w, row: r, col: c, format: try formate.f(art))
        merkeWert(w, r, c)
        merkenZahl(r, c, w, art)
    }

    func leer(_ r: Int, _ c: Int, _ art: Mappe.Art) throws {
        try ws.writeBlank(row: r, col: c, format: try formate.f(art))
        merken(r, c, breite: nil)
    }

    /// The shown value of a cell written on this sheet (0 for an empty cell, as in Excel).
    func wert(_ r: Int, _ c: Int) -> Double {
        guard let (b, i) = stelle(r, c), !werte[b][i].isNaN else { return 0 }
        return werte[b][i]
    }
    func hatWert(_ r: Int, _ c: Int) -> Bool { stelle(r, c).map { !werte[$0.0][$0.1].isNaN } ?? false }

    /// Where the value of cell (r, c) is kept (block, place in it), if a value there can have been kept.
    private func stelle(_ r: Int, _ c: Int) -> (Int, Int)? {
        guard r >= 0, c >= 0, c < spaltenJeZeile, r / Self.blockzeilen < werte.count else { return nil }
        return (r / Self.blockzeilen, r % Self.blockzeilen * spaltenJeZeile + c)
    }

    private func merkeWert(_ w: Double, _ r: Int, _ c: Int) {
        // Wider by half at least (a sheet filled column by column is not laid out again for every column), but no
        // more than that: every column more costs a value in every row of a long sheet.
        if c >= spaltenJeZeile { verbreitern(max(c + 1, spaltenJeZeile + spaltenJeZeile / 2)) }
        let b = r / Self.blockzeilen
        while b >= werte.count { werte.append([Double](repeating: .nan, count: Self.blockzeilen * spaltenJeZeile)) }
        werte[b][r % Self.blockzeilen * spaltenJeZeile + c] = w
    }

    /// Re-lays the kept values out with `n` columns per row (a sheet wider than it was so far; rare).
    private func verbreitern(_ n: Int) {
        let alt = spaltenJeZeile
        werte = werte.map { block in
            var neu = [Double](repeating: .nan, count: Self.blockzeilen * n)
            for z in 0..<Self.blockzeilen {
                for c in 0..<alt { neu[z * n + c] = block[z * alt + c] }
            }
            return neu
        }
        spaltenJeZeile = n
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

    static func breite(_ v: Double, _ art: Mappe.Art) -> Double {
        Zahlspannen.breite(v, Zahlspannen.Darstellung(art))
    }

    /// Column widths, print setup, frozen panes, footer: the finishing touches of every sheet.
    func abschliessen() throws {
        for c in 0...letzteSpalte {
            let w = festeBreiten[c] ?? min(60, max(8, gemesseneBreite(c)))
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

/// The smallest and largest number a column shows in each kind of display. The width of a shown number
/// (`Zahlformat.laenge` of the value rounded for display, plus 4) never falls as the value rises above zero nor as
/// it falls below zero, so the widest number of a column is its smallest or its largest: the column width needs
/// the two, not a width for every cell.
struct Zahlspannen {
    /// How a number is shown, as far as its width goes: whole, 2 or 3 decimals, or percent with 1 decimal.
    enum Darstellung: Int, CaseIterable {
        case ganz, zwei, drei, prozent
        init(_ art: Mappe.Art) {
            switch art {
            case .dezimal: self = .zwei
            case .dezimalMarkiert: self = .drei
            case .prozent, .prozentSumme, .prozentMarkiert: self = .prozent
            default: self = .ganz
            }
        }
    }

    /// By `Darstellung.rawValue` (four lanes, kept inline: no storage of their own per column).
    private var kleinste = SIMD4<Double>(repeating: .infinity)
    private var groesste = SIMD4<Double>(repeating: -.infinity)

    mutating func aufnehmen(_ v: Double, _ d: Darstellung) {
        if v < kleinste[d.rawValue] { kleinste[d.rawValue] = v }
        if v > groesste[d.rawValue] { groesste[d.rawValue] = v }
    }

    /// The widest of the numbers taken in (0 when none).
    var breite: Double {
        var b = 0.0
        for d in Darstellung.allCases where kleinste[d.rawValue] <= groesste[d.rawValue] {
            b = max(b, Self.breite(kleinste[d.rawValue], d), Self.breite(groesste[d.rawValue], d))
        }
        return b
    }

    /// The width of one shown number: its characters as `Zahlformat.zahl` writes it, plus 4.
    static func breite(_ v: Double, _ d: Darstellung) -> Double {
        switch d {
        case .ganz: Double(Zahlformat.laenge(v, stellen: 0)) + 4
        case .zwei: Double(Zahlformat.laenge(v, stellen: 2)) + 4
        case .drei: Double(Zahlformat.laenge(v, stellen: 3)) + 4
        case .prozent: Double(Zahlformat.laenge(v * 100, stellen: 1)) + 4
        }
    }
}
