import EckwertTestSupport
import Foundation
import Testing
@testable import EckwertExport

// Expected figures are worked out by hand in the comments, never by the code under test.

private let fixedProperties = XlsxDocumentProperties(
    created: XlsxDate(year: 2026, month: 3, day: 1), title: "Haushalt 2027", author: "Kämmerei", company: "Musterstadt")

private let sheet1 = "Teilergebnisplan 36.3"
private let hyperlinkText = #"=HYPERLINK("http://x","y")"#

/// Number of formula cells `writeSample` writes (the LibreOffice check must count exactly these).
private let sampleFormulaCount = 5

/// The sample workbook used by several tests.
private func writeSample(to path: String, created: XlsxDate = fixedProperties.created) throws {
    var props = fixedProperties
    props.created = created
    let book = try XlsxWorkbook(path: path, properties: props)
    let tp = try book.addWorksheet(sheet1)
    let gesamt = try book.addWorksheet("Gesamt")

    let header = try book.format(XlsxFormatSpec().bold().fill(.headerFill).border(bottom: .thin).wrap())
    let euro = try book.format(XlsxFormatSpec().numberFormat(XlsxNumberFormat.euro))
    let total = try book.format(
        XlsxFormatSpec().bold().numberFormat(XlsxNumberFormat.euro).border(top: .thin, bottom: .double))
    let tEuro = try book.format(XlsxFormatSpec().numberFormat(XlsxNumberFormat.thousandEuro))
    let percent = try book.format(XlsxFormatSpec().numberFormat(XlsxNumberFormat.percent).italic())

    for (c, title) in ["Zeile", "Bezeichnung", "Konto", "Plan 2027"].enumerated() {
        try tp.write(string: title, row: 0, col: c, format: header)
    }
    let lines: [(String, Double)] = [("Zuwendungen", 1200), ("Kostenerstattungen", 3400.5), ("Umlagen", -150.25)]
    for (i, line) in lines.enumerated() {
        try tp.write(number: Double(i + 1), row: i + 1, col: 0)
        try tp.write(string: line.0, row: i + 1, col: 1)
        try tp.write(string: "41\(i)100", row: i + 1, col: 2)
        try tp.write(number: line.1, row: i + 1, col: 3, format: euro)
    }
    // 1200 + 3400.5 − 150.25 = 4450.25
    try tp.write(string: "Summe", row: 4, col: 1, format: total)
    try tp.write(formula: "=SUM(D2:D4)", cachedValue: 4450.25, row: 4, col: 3, format: total)
    try tp.writeBlank(row: 4, col: 2, format: total)
    // Formula-looking text must stay text.
    try tp.write(string: hyperlinkText, row: 5, col: 1)
    try tp.write(string: "-5 Fälle", row: 6, col: 1)
    try tp.write(string: "+49 30 1234", row: 7, col: 1)
    try tp.write(string: "@Kämmerei", row: 8, col: 1)
    try tp.mergeRange(firstRow: 9, firstCol: 0, lastRow: 9, lastCol: 3, string: "Alle Beträge in Euro")

    try tp.setColumnWidth(firstCol: 0, width: 6)
    try tp.setColumnWidth(firstCol: 1, lastCol: 2, width: 28)
    try tp.setColumnWidth(firstCol: 3, width: 14)
    try tp.setRowHeight(row: 0, height: 30)
    try tp.freezePanes(row: 1, col: 2)
    try tp.hideGridlines()
    try tp.setLandscape()
    try tp.setPaper(9)
    try tp.fitToWidth(pages: 1)
    try tp.repeatRows(firstRow: 0, lastRow: 0)
    try tp.setPrintArea(firstRow: 0, firstCol: 0, lastRow: 9, lastCol: 3)
    try tp.setHeader(XlsxHeaderFooter.sections(left: XlsxHeaderFooter.escaped("Kämmerei & Finanzen")))
    try tp.setFooter(XlsxHeaderFooter.pageOfPages)
    try tp.setMargins(left: 0.5, right: 0.5, top: 0.75, bottom: 0.75)
    try tp.setTabColor(0x1F4E79)

    let ref = XlsxNames.reference(sheet: sheet1, row: 4, col: 3)  // 'Teilergebnisplan 36.3'!$D$5
    // 4450.25 × 2 = 8900.5
    try gesamt.write(string: "Doppelte Summe", row: 0, col: 0)
    try gesamt.write(formula: "=\(ref)*2", cachedValue: 8900.5, row: 0, col: 3, format: euro)
    // Share of Zuwendungen: 1200 / 4450.25 = 0.26964777… → shown 27.0 %
    try gesamt.write(
        formula: "=\(XlsxNames.reference(sheet: sheet1, row: 1, col: 3))/\(ref)",
        cachedValue: 0.269647772596, row: 1, col: 3, format: percent)
    // ROUND(4450.25 / 1000, 1) = ROUND(4.45025, 1) = 4.5
    try gesamt.write(formula: "=ROUND(\(ref)/1000,1)", cachedValue: 4.5, row: 39, col: 3, format: tEuro)
    try book.defineName("Gesamt_Zuschuss_2027", refersTo: "='Gesamt'!$D$40")
    // 4.5 × 1000 = 4500
    try gesamt.write(formula: "=Gesamt_Zuschuss_2027*1000", cachedValue: 4500, row: 40, col: 3, format: euro)

    let chart = try book.addChart(.stackedColumn)
    try chart.addSeries(
        name: "Plan 2027",
        categories: XlsxRange(sheet: sheet1, firstRow: 1, firstCol: 1, lastRow: 3, lastCol: 1),
        values: XlsxRange(sheet: sheet1, firstRow: 1, firstCol: 3, lastRow: 3, lastCol: 3))
    try chart.setTitle("Teilergebnisplan 36.3")
    try chart.setAxisTitles(x: "Zeile", y: "Euro")
    try chart.setValueAxisNumberFormat(XlsxNumberFormat.euro)
    try chart.setLegend(.bottom)
    try gesamt.insertChart(chart, row: 2, col: 5, width: 600, height: 320)

    let line = try book.addChart(.line)
    try line.addSeries(
        name: "Verlauf", values: XlsxRange(sheet: sheet1, firstRow: 1, firstCol: 3, lastRow: 3, lastCol: 3))
    try gesamt.insertChart(line, row: 20, col: 5)
    try book.close()
}

private func leftoverTempFiles(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".tmp-") }
}

@Suite(.serialized)
struct XlsxTests {
    // MARK: Determinism

    @Test func sameInputGivesSameBytes() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeSample(to: dir + "/a.xlsx")
        try writeSample(to: dir + "/b.xlsx")
        try writeSample(to: dir + "/c.xlsx", created: XlsxDate(year: 2026, month: 3, day: 2))
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.xlsx"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.xlsx"))
        let c = try Data(contentsOf: URL(fileURLWithPath: dir + "/c.xlsx"))
        #expect(a.count > 5000)
        #expect(a == b)
        #expect(a != c, "the creation date must reach the file")
        #expect(leftoverTempFiles(in: dir).isEmpty)
    }

    /// Every deflated part of a workbook is written at zlib's fastest level (packstufe.c), read from the zip's
    /// central directory: general-purpose flag bits 1–2 set (3, "super fast": PKWARE APPNOTE 4.4.4, which minizip
    /// sets for level 1 only) on every entry of method 8. Where libxlsxwriter carries its own minizip instead of the
    /// shared one (not Debian's build), the default level applies and there is nothing to check.
    @Test func partsAreDeflatedAtTheFastestLevel() throws {
        guard dlopen("libminizip.so.1", RTLD_NOLOAD | RTLD_LAZY) != nil else { return }
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeSample(to: dir + "/a.xlsx")
        let z = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/a.xlsx")))
        func u16(_ o: Int) -> Int { Int(z[o]) | Int(z[o + 1]) << 8 }
        func u32(_ o: Int) -> Int { u16(o) | u16(o + 2) << 16 }
        // The end of central directory record (22 bytes, no archive comment).
        let ende = z.count - 22
        try #require(ende > 0 && u32(ende) == 0x0605_4b50)
        let anzahl = u16(ende + 10)
        var o = u32(ende + 16), deflated = 0
        for _ in 0..<anzahl {
            try #require(u32(o) == 0x0201_4b50)
            let flag = u16(o + 8), methode = u16(o + 10)
            if methode == 8 {
                deflated += 1
                #expect(flag & 6 == 6, "part \(deflated): flag \(flag)")
            }
            o += 46 + u16(o + 28) + u16(o + 30) + u16(o + 32)
        }
        #expect(anzahl >= 8 && deflated == anzahl)
    }

    @Test func creationDateIsMidnightUTC() {
        // Known epoch values: 2000-01-01 = 946,684,800 s; 2024-02-29 = 1,709,164,800 s.
        #expect(XlsxDate(year: 1970, month: 1, day: 1).unixTime == 0)
        #expect(XlsxDate(year: 2000, month: 1, day: 1).unixTime == 946_684_800)
        #expect(XlsxDate(year: 2024, month: 2, day: 29).unixTime == 1_709_164_800)
        #expect(XlsxDate(year: 2024, month: 3, day: 1).unixTime == 1_709_164_800 + 86_400)
    }

    // MARK: Temporary file and rename

    @Test func failedWriteLeavesTargetUntouched() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/Kaemmerei.xlsx"
        try writeSample(to: target)
        let before = try Data(contentsOf: URL(fileURLWithPath: target))

        func failingWrite() throws {
            let book = try XlsxWorkbook(path: target, properties: fixedProperties)
            let ws = try book.addWorksheet("Neu")
            for r in 0..<1000 { try ws.write(number: Double(r), row: r, col: 0) }
            _ = try book.addWorksheet("Budget/2027")  // throws: '/' is forbidden
            try book.close()
        }
        #expect(
            throws: XlsxError.invalidSheetName(
                name: "Budget/2027", reason: "it contains '/'; none of [ ] : * ? / \\ is allowed")
        ) {
            try failingWrite()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
        #expect(leftoverTempFiles(in: dir).isEmpty)

        // Explicit discard: same outcome.
        let book = try XlsxWorkbook(path: target, properties: fixedProperties)
        try book.addWorksheet("X").write(string: "weg", row: 0, col: 0)
        book.discard()
        #expect(book.isClosed)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
        #expect(leftoverTempFiles(in: dir).isEmpty)
    }

    @Test func successfulWriteReplacesTarget() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/out.xlsx"
        try "alt".write(toFile: target, atomically: false, encoding: .utf8)
        let book = try XlsxWorkbook(path: target, properties: fixedProperties)
        #expect(book.temporaryPath.hasPrefix(dir + "/.out.xlsx.tmp-\(getpid())-"))
        try book.addWorksheet("A").write(number: 1, row: 0, col: 0)
        try book.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(bytes.prefix(2) == Data("PK".utf8))
        #expect(leftoverTempFiles(in: dir).isEmpty)
    }

    /// `closeToTemporary()` leaves the target alone until `finish()`; the workbook going away in between does
    /// not take the temporary file with it; the finished file has the bytes `close()` writes.
    @Test func closeToTemporaryThenFinishAsClose() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func buch(_ name: String) throws -> XlsxWorkbook {
            let book = try XlsxWorkbook(path: dir + "/" + name, properties: fixedProperties)
            try book.addWorksheet("A").write(number: 42.5, row: 1, col: 2)
            return book
        }
        try buch("direkt.xlsx").close()
        try "alt".write(toFile: dir + "/spaet.xlsx", atomically: false, encoding: .utf8)
        var book: XlsxWorkbook? = try buch("spaet.xlsx")
        let datei = try #require(try book?.closeToTemporary())
        book = nil
        #expect(try String(contentsOfFile: dir + "/spaet.xlsx", encoding: .utf8) == "alt")
        #expect(leftoverTempFiles(in: dir) == [(datei.temporaryPath as NSString).lastPathComponent])
        try datei.finish()
        #expect(leftoverTempFiles(in: dir).isEmpty)
        let direkt = try Data(contentsOf: URL(fileURLWithPath: dir + "/direkt.xlsx"))
        #expect(direkt.prefix(2) == Data("PK".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/spaet.xlsx")) == direkt)
        // A second finish has no temporary file left to rename: an error, the finished file untouched.
        #expect(throws: XlsxError.self) { try datei.finish() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/spaet.xlsx")) == direkt)
    }

    /// Files handed to a `Nachlauf` are renamed over their targets by `warten()`; a file that cannot be finished
    /// (its folder gone) comes back as an error under its target path, the others are written.
    @Test func nachlaufSchliesstAbUndMeldetFehler() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let nachlauf = Dateiausgabe.Nachlauf()
        try Dateiausgabe.schreiben("<p>eins</p>", nach: dir + "/eins.html", nachlauf: nachlauf)
        try FileManager.default.createDirectory(atPath: dir + "/weg", withIntermediateDirectories: true)
        let book = try XlsxWorkbook(path: dir + "/weg/x.xlsx", properties: fixedProperties)
        try book.addWorksheet("A").write(number: 1, row: 0, col: 0)
        let datei = try book.closeToTemporary()
        try FileManager.default.removeItem(atPath: dir + "/weg")
        nachlauf.uebergeben(datei.targetPath) { try datei.finish() }
        let fehler = nachlauf.warten()
        #expect(Array(fehler.keys) == [dir + "/weg/x.xlsx"])
        #expect(try String(contentsOfFile: dir + "/eins.html", encoding: .utf8) == "<p>eins</p>")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["eins.html"])
    }

    @Test func missingFolderIsReportedBeforeWriting() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: XlsxError.self) {
            _ = try XlsxWorkbook(path: dir + "/fehlt/out.xlsx", properties: fixedProperties)
        }
        do {
            _ = try XlsxWorkbook(path: dir + "/fehlt/out.xlsx", properties: fixedProperties)
        } catch let XlsxError.outputFolder(path, reason) {
            #expect(path == dir + "/fehlt")
            #expect(reason.hasPrefix("does not exist"))
        }
    }

    // MARK: Use after close

    @Test func useAfterCloseThrows() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let book = try XlsxWorkbook(path: dir + "/x.xlsx", properties: fixedProperties)
        let ws = try book.addWorksheet("A")
        let bold = try book.format(XlsxFormatSpec().bold())
        try ws.write(number: 1, row: 0, col: 0)
        let chart = try book.addChart(.line)
        try chart.addSeries(values: XlsxRange(sheet: "A", firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 0))
        try book.close()
        #expect(book.isClosed)

        func isClosedError(_ body: () throws -> Void) -> Bool {
            do { try body() } catch let XlsxError.closed(call) { return !call.isEmpty } catch { return false }
            return false
        }
        #expect(isClosedError { try ws.write(number: 2, row: 1, col: 0) })
        #expect(isClosedError { try ws.write(string: "x", row: 1, col: 0, format: bold) })
        #expect(isClosedError { try ws.freezePanes(row: 1, col: 0) })
        #expect(isClosedError { _ = try book.format(XlsxFormatSpec().bold()) })
        #expect(isClosedError { _ = try book.addWorksheet("B") })
        #expect(isClosedError { try chart.setTitle("T") })
        #expect(isClosedError { try ws.insertChart(chart, row: 3, col: 3) })
        #expect(isClosedError { try book.defineName("N", refersTo: "=A!$A$1") })
        #expect(isClosedError { try book.close() })  // second close: an error, never a double free
        book.discard()  // no-op after close
    }

    // MARK: Validation

    @Test func sheetNames() throws {
        #expect(XlsxNames.sheetNameProblem("Teilergebnisplan 36.3") == nil)
        #expect(XlsxNames.sheetNameProblem("Umsätze 2024") == nil)
        #expect(XlsxNames.sheetNameProblem(String(repeating: "x", count: 31)) == nil)
        #expect(XlsxNames.sheetNameProblem(String(repeating: "x", count: 32)) != nil)
        for bad in ["a[b", "a]b", "a:b", "a*b", "a?b", "a/b", "a\\b", "'ab", "ab'", "", "History"] {
            #expect(XlsxNames.sheetNameProblem(bad) != nil, "\(bad)")
        }
        #expect(XlsxNames.safeSheetName("Budget 2027/2028: Soziales [Entwurf]") == "Budget 2027_2028_ Soziales _Ent")
        #expect(XlsxNames.safeSheetName("gesamt", existing: ["Gesamt"]) == "gesamt (2)")
        #expect(XlsxNames.safeSheetName("Gesamt", existing: ["Gesamt", "gesamt (2)"]) == "Gesamt (3)")
        // 31 characters taken: the suffix replaces the tail.
        let long = String(repeating: "Ä", count: 40)
        #expect(XlsxNames.safeSheetName(long) == String(repeating: "Ä", count: 31))
        #expect(
            XlsxNames.safeSheetName(long, existing: [String(repeating: "Ä", count: 31)]) == String(
                repeating: "Ä", count: 27) + " (2)")
        #expect(XlsxNames.safeSheetName("'''") == "Tabelle")
        #expect(XlsxNames.safeSheetName("History") == "History (2)")

        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let book = try XlsxWorkbook(path: dir + "/x.xlsx", properties: fixedProperties)
        defer { book.discard() }
        _ = try book.addWorksheet("Gesamt")
        #expect(throws: XlsxError.self) { _ = try book.addWorksheet("GESAMT") }
        #expect(throws: XlsxError.self) { _ = try book.addWorksheet("x?") }
        #expect(book.worksheetNames == ["Gesamt"])
    }

    @Test func references() {
        #expect(XlsxNames.columnName(0) == "A")
        #expect(XlsxNames.columnName(25) == "Z")
        #expect(XlsxNames.columnName(26) == "AA")
        #expect(XlsxNames.columnName(16_383) == "XFD")
        #expect(XlsxNames.cell(row: 39, col: 3) == "$D$40")
        #expect(XlsxNames.cell(row: 0, col: 0, absolute: false) == "A1")
        #expect(XlsxNames.reference(sheet: "Umsätze 2024", row: 2, col: 1) == "'Umsätze 2024'!$B$3")
        #expect(XlsxNames.reference(sheet: "Gesamt", row: 39, col: 3) == "Gesamt!$D$40")
        #expect(XlsxNames.quotedSheetName("Gesamt", always: true) == "'Gesamt'")
        #expect(XlsxNames.reference(sheet: "Müller's Plan", row: 0, col: 0) == "'Müller''s Plan'!$A$1")
        #expect(XlsxNames.quotedSheetName("A1") == "'A1'")
        #expect(XlsxNames.quotedSheetName("R1C1") == "'R1C1'")
        #expect(XlsxNames.quotedSheetName("2024") == "'2024'")
        #expect(XlsxNames.quotedSheetName("Plan_2024") == "Plan_2024")
        #expect(
            XlsxNames.reference(sheet: "Daten", firstRow: 1, firstCol: 1, lastRow: 9, lastCol: 1) == "Daten!$B$2:$B$10")
    }

    @Test func limitsAreThrownNotCrashed() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let book = try XlsxWorkbook(path: dir + "/x.xlsx", properties: fixedProperties)
        let ws = try book.addWorksheet("Teilergebnisplan 36.3")
        #expect(
            throws: XlsxError.outOfRange(
                call: "worksheet_write_number(Sheet 'Teilergebnisplan 36.3', row 1048576, col 0)", row: 1_048_576,
                col: 0)
        ) {
            try ws.write(number: 1, row: 1_048_576, col: 0)
        }
        #expect(throws: XlsxError.self) { try ws.write(number: 1, row: 0, col: 16_384) }
        #expect(throws: XlsxError.self) { try ws.write(number: 1, row: -1, col: 0) }
        #expect(throws: XlsxError.self) { try ws.write(number: .nan, row: 0, col: 0) }
        try ws.write(number: 1, row: 1_048_575, col: 16_383)

        let tooLong = String(repeating: "a", count: 32_768)
        #expect(
            throws: XlsxError.stringTooLong(
                call: "worksheet_write_string(Sheet 'Teilergebnisplan 36.3', row 0, col 0)", length: 32_768)
        ) {
            try ws.write(string: tooLong, row: 0, col: 0)
        }
        try ws.write(string: tooLong, row: 0, col: 0, truncate: true)
        // An emoji is two UTF-16 units; truncation must not split it: 32,766 + 2 = 32,768 > limit → 32,766 kept.
        let cut = try XlsxWorksheet.cellText(String(repeating: "a", count: 32_766) + "🙂", call: "t", truncate: true)
        #expect(cut.utf16.count == 32_766)
        try ws.write(string: String(repeating: "b", count: 32_767), row: 1, col: 0)
        #expect(throws: XlsxError.self) { try ws.write(string: "a\0b", row: 2, col: 0) }
        #expect(throws: XlsxError.self) { try ws.setFooter(String(repeating: "x", count: 256)) }
        #expect(throws: XlsxError.self) { try book.defineName("bad name", refersTo: "=1") }
        #expect(throws: XlsxError.self) { try book.defineName("A1", refersTo: "=1") }
        try book.defineName("Gesamt_Zuschuss_2027", refersTo: "='Teilergebnisplan 36.3'!$D$40")
        #expect(throws: XlsxError.self) { try book.defineName("gesamt_zuschuss_2027", refersTo: "=1") }
        let chart = try book.addChart(.line)
        #expect(throws: XlsxError.self) { try chart.setTitle("=Titel") }
        #expect(throws: XlsxError.self) {
            try chart.addSeries(values: XlsxRange(sheet: "Fehlt", firstRow: 0, firstCol: 0, lastRow: 3, lastCol: 0))
        }
        #expect(throws: XlsxError.self) { try ws.insertChart(chart, row: 0, col: 0) }  // no series

        // A format from another workbook is refused.
        let other = try XlsxWorkbook(path: dir + "/y.xlsx", properties: fixedProperties)
        defer { other.discard() }
        let foreign = try other.format(XlsxFormatSpec().bold())
        #expect(
            throws: XlsxError.foreignHandle(call: "worksheet_write_number(Sheet 'Teilergebnisplan 36.3', row 0, col 1)")
        ) {
            try ws.write(number: 1, row: 0, col: 1, format: foreign)
        }
        try book.close()
    }

    @Test func identicalFormatSpecsShareOneFormat() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let book = try XlsxWorkbook(path: dir + "/x.xlsx", properties: fixedProperties)
        defer { book.discard() }
        _ = try book.format(XlsxFormatSpec().bold().numberFormat(XlsxNumberFormat.euro))
        _ = try book.format(XlsxFormatSpec().numberFormat(XlsxNumberFormat.euro).bold())
        #expect(book.formatCount == 1)
        _ = try book.format(XlsxFormatSpec().bold())
        #expect(book.formatCount == 2)
        #expect(throws: XlsxError.self) { _ = try book.format(XlsxFormatSpec().indent(16)) }
    }

    // MARK: LibreOffice recalculation

    @Test func libreOfficeAgreesWithCachedValues() throws {
        guard haveCommand("soffice") else {
            Issue.record("soffice (LibreOffice) not found: `make test-deps` installs it (libreoffice-calc-nogui)")
            return
        }
        guard haveCommand("python3"), (try? run("python3", ["-c", "import openpyxl"]).status) == 0 else {
            Issue.record("python3 with openpyxl not found: `make test-deps` installs it")
            return
        }
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let book = dir + "/Kaemmerei.xlsx"
        try writeSample(to: book)
        let recalc = try run(repoRoot + "/tools/xlsx-check/recalc.sh", [book, dir + "/csv"])
        #expect(recalc.status == 0, "\(recalc.err)")
        let compare = try run("python3", [repoRoot + "/tools/xlsx-check/compare.py", book, dir + "/csv"])
        let lastLine = compare.out.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine == "\(sampleFormulaCount) passed, 0 failed", "\(compare.out)\(compare.err)")
        #expect(compare.status == 0)

        // The checker must catch a wrong cached value.
        let wrongPath = dir + "/Falsch.xlsx"
        let wrong = try XlsxWorkbook(path: wrongPath, properties: fixedProperties)
        let ws = try wrong.addWorksheet("Daten")
        try ws.write(number: 2, row: 0, col: 0)
        try ws.write(number: 3, row: 1, col: 0)
        try ws.write(formula: "=A1+A2", cachedValue: 6, row: 2, col: 0)  // 2 + 3 = 5, not 6
        try ws.write(formula: "=A1*A2", cachedValue: 6.4, row: 3, col: 0)  // 6, within ±0.5
        try wrong.close()
        #expect(try run(repoRoot + "/tools/xlsx-check/recalc.sh", [wrongPath, dir + "/csv2"]).status == 0)
        let bad = try run("python3", [repoRoot + "/tools/xlsx-check/compare.py", wrongPath, dir + "/csv2"])
        #expect(bad.status == 1)
        #expect(bad.out.contains("MISMATCH 'Daten'!A3 =A1+A2"))
        #expect(bad.out.hasSuffix("1 passed, 1 failed\n"))
    }

    // MARK: Reading back

    @Test func structureReadsBackWithOpenpyxl() throws {
        guard haveCommand("python3"), (try? run("python3", ["-c", "import openpyxl"]).status) == 0 else {
            Issue.record("python3 with openpyxl not found: `make test-deps` installs it")
            return
        }
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/Kaemmerei.xlsx"
        try writeSample(to: path)
        let script = #"""
            import json, sys, zipfile, openpyxl
            path = sys.argv[1]
            wb = openpyxl.load_workbook(path)
            ws = wb["Teilergebnisplan 36.3"]
            z = zipfile.ZipFile(path)
            names = z.namelist()
            out = {
              "sheets": wb.sheetnames,
              "b6_type": ws["B6"].data_type, "b6_value": ws["B6"].value,
              "b7_type": ws["B7"].data_type, "b9_type": ws["B9"].data_type,
              "d2_format": ws["D2"].number_format, "d5_format": ws["D5"].number_format,
              "d5_value": ws["D5"].value, "d5_bold": ws["D5"].font.b,
              "d5_bottom": ws["D5"].border.bottom.style, "d5_top": ws["D5"].border.top.style,
              "gesamt_d40_format": wb["Gesamt"]["D40"].number_format,
              "freeze": ws.freeze_panes,
              "orientation": ws.page_setup.orientation, "paper": int(ws.page_setup.paperSize),
              "fit_width": ws.page_setup.fitToWidth, "fit_height": ws.page_setup.fitToHeight,
              "fit_to_page": ws.sheet_properties.pageSetUpPr.fitToPage,
              "title_rows": ws.print_title_rows, "print_area": ws.print_area,
              "footer": ws.oddFooter.center.text, "header": ws.oddHeader.left.text,
              "defined": {n: d.attr_text for n, d in wb.defined_names.items()},
              "merged": [str(r) for r in ws.merged_cells.ranges],
              "gridlines": ws.sheet_view.showGridLines,
              "tab": ws.sheet_properties.tabColor.rgb,
              "charts": sorted(n for n in names if n.startswith("xl/charts/chart")),
              "chart_types": [("barChart" in z.read(n).decode(), "lineChart" in z.read(n).decode()) for n in sorted(n for n in names if n.startswith("xl/charts/chart"))],
              "shared": z.read("xl/sharedStrings.xml").decode(),
              "sheet1": z.read("xl/worksheets/sheet1.xml").decode(),
              "core": z.read("docProps/core.xml").decode(),
            }
            print(json.dumps(out))
            """#
        let result = try run("python3", ["-c", script, path])
        #expect(result.status == 0, "\(result.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(json["sheets"] as? [String] == [sheet1, "Gesamt"])
        #expect(json["b6_type"] as? String == "s")
        #expect(json["b6_value"] as? String == hyperlinkText)
        #expect(json["b7_type"] as? String == "s")
        #expect(json["b9_type"] as? String == "s")
        // The formula-looking text is a shared string, and no <f> element holds HYPERLINK.
        let shared = json["shared"] as? String ?? ""
        #expect(
            shared.contains("<t>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>")
                || shared.contains(#"<t>=HYPERLINK("http://x","y")</t>"#))
        let sheetXML = json["sheet1"] as? String ?? ""
        #expect(!sheetXML.contains("HYPERLINK"))
        #expect(sheetXML.contains("<f>SUM(D2:D4)</f><v>4450.25</v>"))
        #expect(json["d2_format"] as? String == XlsxNumberFormat.euro)
        #expect(json["d5_format"] as? String == XlsxNumberFormat.euro)
        #expect(json["d5_value"] as? String == "=SUM(D2:D4)")
        #expect(json["d5_bold"] as? Bool == true)
        #expect(json["d5_top"] as? String == "thin")
        #expect(json["d5_bottom"] as? String == "double")
        #expect(json["gesamt_d40_format"] as? String == XlsxNumberFormat.thousandEuro)
        #expect(json["freeze"] as? String == "C2")
        #expect(json["orientation"] as? String == "landscape")
        #expect(json["paper"] as? Int == 9)
        // fitToWidth="1" is Excel's default and therefore omitted: openpyxl reads nil.
        #expect((json["fit_width"] as? Int ?? 1) == 1)
        #expect(sheetXML.contains(#"<pageSetUpPr fitToPage="1"/>"#))
        #expect(sheetXML.contains(#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>"#))
        #expect(json["fit_height"] as? Int == 0)
        #expect(json["fit_to_page"] as? Bool == true)
        #expect(json["title_rows"] as? String == "$1:$1")
        #expect(json["print_area"] as? String == "'Teilergebnisplan 36.3'!$A$1:$D$10")
        #expect(json["footer"] as? String == "Seite &P von &N")
        #expect(json["header"] as? String == "Kämmerei && Finanzen")
        #expect((json["defined"] as? [String: String])?["Gesamt_Zuschuss_2027"] == "'Gesamt'!$D$40")
        #expect(json["merged"] as? [String] == ["A10:D10"])
        #expect(json["gridlines"] as? Bool == false)
        #expect(json["tab"] as? String == "FF1F4E79")
        #expect(json["charts"] as? [String] == ["xl/charts/chart1.xml", "xl/charts/chart2.xml"])
        #expect((json["chart_types"] as? [[Bool]]) == [[true, false], [false, true]])
        #expect(
            (json["core"] as? String ?? "").contains(
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-03-01T00:00:00Z</dcterms:created>"))
    }

    // MARK: Killed mid-write

    /// Runs `eckwert-testhelfer xlsx-slow` (writes 100,000 × 10 numbers) over an older workbook, SIGKILLs it
    /// while libxlsxwriter assembles the temporary file, and checks the old file.
    @Test func killedWriterLeavesOldFileIntact() throws {
        let exe = Prozess.gebaut("eckwert-testhelfer")
        guard FileManager.default.isExecutableFile(atPath: exe) else {
            Issue.record(
                "\(exe) missing: build it with `swift build --product eckwert-testhelfer` (swift test normally builds it)"
            )
            return
        }
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/Kaemmerei.xlsx"
        try writeSample(to: target)
        let before = try Data(contentsOf: URL(fileURLWithPath: target))

        let process = try LaufenderProzess(exe, ["xlsx-slow", target, "100000"])
        #expect(process.warten(auf: "closing"), "child output: \(process.gelesen)")
        usleep(300_000)  // workbook_close of 1,000,000 cells takes > 1 s: we are inside it
        let tempFiles = leftoverTempFiles(in: dir)
        let getoetet = process.toeten()
        #expect(getoetet, "the child finished before it was killed")
        #expect(tempFiles.count == 1, "libxlsxwriter should be writing the temporary file: \(tempFiles)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
        // A killed process cannot clean up: its temporary file stays (hidden, named with its pid).
        for leftover in leftoverTempFiles(in: dir) {
            #expect(leftover.hasPrefix(".Kaemmerei.xlsx.tmp-\(process.pid)-"))
        }
    }
}

/// The workbook house style of amounts: whole euros, or T€ with one decimal (cells hold euros rounded to 100 €).
@Test func hausstilBetraege() {
    #expect(Hausstil.anzeige(1_234_567.5, .euro) == 1_234_568)
    #expect(Hausstil.anzeige(1_234_567, .tsdEuro) == 1_234_600)
    #expect(Hausstil.anzeige(-1_234_550, .tsdEuro) == -1_234_600)
    #expect(Hausstil.zelle(einheitswert: 1_234.6, .tsdEuro) == 1_234_600)
    #expect(Hausstil.zelle(einheitswert: 1_234.6, .euro) == 1_234.6)
    #expect(Hausstil.betragsformat(.tsdEuro) == XlsxNumberFormat.thousandEuro)
    #expect(Hausstil.betragsformat(.tsdEuro, euroZeichen: false) == XlsxNumberFormat.thousandEuro)
    #expect(Hausstil.betragsformat(.euro) == XlsxNumberFormat.euro)
    #expect(Hausstil.betragsformat(.euro, euroZeichen: false) == XlsxNumberFormat.integer)
}
