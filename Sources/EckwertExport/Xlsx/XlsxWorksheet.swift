import CXlsxWriter

/// One worksheet of an `XlsxWorkbook`. Rows and columns are zero-based `Int`s and are range-checked
/// before they reach C (a negative index would otherwise trap in the conversion).
///
/// Every call checks that the workbook is still open and throws `XlsxError.closed` otherwise.
public final class XlsxWorksheet {
    /// The workbook this sheet belongs to (kept alive by the handle).
    public let workbook: XlsxWorkbook
    /// The sheet name as added.
    public let name: String
    private let pointer: UnsafeMutablePointer<lxw_worksheet>

    init(workbook: XlsxWorkbook, pointer: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.workbook = workbook
        self.pointer = pointer
        self.name = name
    }

    // MARK: Cells

    /// Writes a number.
    public func write(number: Double, row: Int, col: Int, format: XlsxFormat? = nil) throws {
        // Described only for an error: building the text for every cell would cost more than the write.
        let call = { self.describe("worksheet_write_number", row, col) }
        let (ws, r, c, f) = try prepare(call(), row, col, format)
        guard number.isFinite else {
            throw XlsxError.invalidArgument(call: call(), reason: "\(number) is not a finite number")
        }
        try XlsxError.check(worksheet_write_number(ws, r, c, number, f), call())
    }

    /// Writes text as a shared string, always: text beginning with `=`, `+`, `-` or `@` stays text.
    /// Text longer than 32,767 characters throws `.stringTooLong` unless `truncate` is set, in which case
    /// it is cut at the last whole character that fits.
    public func write(string: String, row: Int, col: Int, format: XlsxFormat? = nil, truncate: Bool = false) throws {
        let call = { self.describe("worksheet_write_string", row, col) }
        let (ws, r, c, f) = try prepare(call(), row, col, format)
        let text = try XlsxWorksheet.cellText(string, call: call(), truncate: truncate)
        try XlsxError.check(text.withCString { worksheet_write_string(ws, r, c, $0, f) }, call())
    }

    /// Writes a formula (Excel English syntax, e.g. `=SUM(D2:D9)`) with the value the engine computed,
    /// so readers that do not recalculate show the right figure.
    public func write(formula: String, cachedValue: Double, row: Int, col: Int, format: XlsxFormat? = nil) throws {
        let call = { self.describe("worksheet_write_formula_num", row, col) }
        let (ws, r, c, f) = try prepare(call(), row, col, format)
        guard cachedValue.isFinite else {
            throw XlsxError.invalidArgument(call: call(), reason: "cached value \(cachedValue) is not finite")
        }
        guard !formula.isEmpty, !formula.utf8.contains(0), formula.utf16.count <= 8192 else {
            throw XlsxError.invalidArgument(
                call: call(), reason: "formula is empty, contains NUL or is longer than 8,192 characters")
        }
        try XlsxError.check(formula.withCString { worksheet_write_formula_num(ws, r, c, $0, f, cachedValue) }, call())
    }

    /// Writes an empty cell that carries a format (borders, fill). libxlsxwriter ignores blanks without one.
    public func writeBlank(row: Int, col: Int, format: XlsxFormat) throws {
        let call = { self.describe("worksheet_write_blank", row, col) }
        let (ws, r, c, f) = try prepare(call(), row, col, format)
        try XlsxError.check(worksheet_write_blank(ws, r, c, f), call())
    }

    /// Merges a range and writes `string` into it.
    public func mergeRange(
        firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int, string: String,
        format: XlsxFormat? = nil
    ) throws {
        // Described only for an error (a sheet may merge a range in every row).
        let call = {
            "worksheet_merge_range(\(self.sheetLabel), "
                + "\(XlsxNames.cell(row: firstRow, col: firstCol, absolute: false)):"
                + "\(XlsxNames.cell(row: lastRow, col: lastCol, absolute: false)))"
        }
        let (ws, r1, c1, f) = try prepare(call(), firstRow, firstCol, format)
        let (r2, c2) = try XlsxWorksheet.index(call(), lastRow, lastCol)
        guard r2 >= r1, c2 >= c1, (r2 > r1 || c2 > c1) else {
            throw XlsxError.invalidArgument(
                call: call(), reason: "the range must span at least two cells, top-left first")
        }
        let text = try XlsxWorksheet.cellText(string, call: call(), truncate: false)
        try XlsxError.check(text.withCString { worksheet_merge_range(ws, r1, c1, r2, c2, $0, f) }, call())
    }

    // MARK: Layout

    /// Column width in Excel character units (default 8.43) for columns `firstCol…lastCol`.
    public func setColumnWidth(firstCol: Int, lastCol: Int? = nil, width: Double, format: XlsxFormat? = nil) throws {
        let call = "worksheet_set_column(\(sheetLabel), cols \(firstCol)…\(lastCol ?? firstCol))"
        let (ws, _, c1, f) = try prepare(call, 0, firstCol, format)
        let (_, c2) = try XlsxWorksheet.index(call, 0, lastCol ?? firstCol)
        guard c2 >= c1, width >= 0, width <= 255 else {
            throw XlsxError.invalidArgument(call: call, reason: "expected firstCol ≤ lastCol and a width in 0…255")
        }
        try XlsxError.check(worksheet_set_column(ws, c1, c2, width, f), call)
    }

    /// Row height in points (default 15).
    public func setRowHeight(row: Int, height: Double, format: XlsxFormat? = nil) throws {
        let call = { "worksheet_set_row(\(self.sheetLabel), row \(row))" }
        let (ws, r, _, f) = try prepare(call(), row, 0, format)
        guard height >= 0, height <= 409 else {
            throw XlsxError.invalidArgument(call: call(), reason: "height \(height) is not in 0…409 points")
        }
        try XlsxError.check(worksheet_set_row(ws, r, height, f), call())
    }

    /// Freezes the rows above `row` and the columns left of `col` (e.g. `row: 1, col: 0` keeps the header).
    public func freezePanes(row: Int, col: Int) throws {
        let (ws, r, c, _) = try prepare("worksheet_freeze_panes(\(sheetLabel))", row, col, nil)
        worksheet_freeze_panes(ws, r, c)
    }

    /// Hides gridlines on screen and in print.
    public func hideGridlines() throws {
        worksheet_gridlines(try live("worksheet_gridlines"), UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue))
    }

    // MARK: Printing

    /// Landscape orientation.
    public func setLandscape() throws { worksheet_set_landscape(try live("worksheet_set_landscape")) }

    /// Paper size by Excel's code: 9 = A4.
    public func setPaper(_ code: UInt8 = 9) throws { worksheet_set_paper(try live("worksheet_set_paper"), code) }

    /// Fits the print to `pages` pages wide, as many pages tall as needed.
    public func fitToWidth(pages: Int = 1) throws {
        let ws = try live("worksheet_fit_to_pages")
        guard (1...Int(UInt16.max)).contains(pages) else {
            throw XlsxError.invalidArgument(
                call: "worksheet_fit_to_pages(\(sheetLabel))", reason: "pages \(pages) must be ≥ 1")
        }
        worksheet_fit_to_pages(ws, UInt16(pages), 0)
    }

    /// Repeats rows `firstRow…lastRow` at the top of every printed page (print titles).
    public func repeatRows(firstRow: Int, lastRow: Int) throws {
        let call = "worksheet_repeat_rows(\(sheetLabel), rows \(firstRow)…\(lastRow))"
        let (ws, r1, _, _) = try prepare(call, firstRow, 0, nil)
        let (r2, _) = try XlsxWorksheet.index(call, lastRow, 0)
        guard r2 >= r1 else { throw XlsxError.invalidArgument(call: call, reason: "lastRow is before firstRow") }
        try XlsxError.check(worksheet_repeat_rows(ws, r1, r2), call)
    }

    /// The printed range.
    public func setPrintArea(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) throws {
        let call = "worksheet_print_area(\(sheetLabel))"
        let (ws, r1, c1, _) = try prepare(call, firstRow, firstCol, nil)
        let (r2, c2) = try XlsxWorksheet.index(call, lastRow, lastCol)
        guard r2 >= r1, c2 >= c1 else {
            throw XlsxError.invalidArgument(call: call, reason: "the range must be top-left first")
        }
        try XlsxError.check(worksheet_print_area(ws, r1, c1, r2, c2), call)
    }

    /// Horizontal page breaks: a new printed page starts at each of these zero-based rows (row 0 is ignored:
    /// the first page starts there anyway). At most 1,023 breaks (Excel's limit).
    public func setRowBreaks(_ rows: [Int]) throws {
        let call = "worksheet_set_h_pagebreaks(\(sheetLabel))"
        let ws = try live(call)
        let breaks = Array(Set(rows.filter { $0 > 0 })).sorted()
        guard breaks.count <= 1023 else {
            throw XlsxError.invalidArgument(call: call, reason: "\(breaks.count) breaks; at most 1,023 are allowed")
        }
        guard !breaks.isEmpty else { return }
        var c: [lxw_row_t] = []
        for r in breaks { c.append(try XlsxWorksheet.index(call, r, 0).0) }
        c.append(0)
        try XlsxError.check(c.withUnsafeMutableBufferPointer { worksheet_set_h_pagebreaks(ws, $0.baseAddress) }, call)
    }

    /// Page header in Excel's header syntax: `&L`, `&C`, `&R` sections, `&P` page, `&N` pages,
    /// `&&` a literal ampersand (see `XlsxHeaderFooter`). At most 255 characters.
    public func setHeader(_ text: String) throws {
        let call = "worksheet_set_header(\(sheetLabel))"
        let ws = try live(call)
        try XlsxWorksheet.checkHeaderFooter(text, call: call)
        try XlsxError.check(text.withCString { worksheet_set_header(ws, $0) }, call)
    }

    /// Page footer, same syntax as `setHeader`; e.g. `XlsxHeaderFooter.pageOfPages`.
    public func setFooter(_ text: String) throws {
        let call = "worksheet_set_footer(\(sheetLabel))"
        let ws = try live(call)
        try XlsxWorksheet.checkHeaderFooter(text, call: call)
        try XlsxError.check(text.withCString { worksheet_set_footer(ws, $0) }, call)
    }

    /// Page margins in inches (Excel's unit; 1 cm ≈ 0.3937 in).
    public func setMargins(left: Double, right: Double, top: Double, bottom: Double) throws {
        let ws = try live("worksheet_set_margins")
        guard [left, right, top, bottom].allSatisfy({ $0 >= 0 && $0 < 50 }) else {
            throw XlsxError.invalidArgument(
                call: "worksheet_set_margins(\(sheetLabel))", reason: "margins must be in 0…50 inches")
        }
        worksheet_set_margins(ws, left, right, top, bottom)
    }

    /// The colour of the sheet's tab.
    public func setTabColor(_ color: XlsxColor) throws {
        worksheet_set_tab_color(try live("worksheet_set_tab_color"), color.lxw)
    }

    // MARK: Charts

    /// Inserts `chart` with its top-left corner in the given cell, `width` × `height` pixels
    /// (Excel's default chart is 480 × 288). A chart can be inserted once and needs at least one series.
    public func insertChart(_ chart: XlsxChart, row: Int, col: Int, width: Double = 480, height: Double = 288) throws {
        let call = describe("worksheet_insert_chart", row, col)
        let (ws, r, c, _) = try prepare(call, row, col, nil)
        guard chart.workbook === workbook else { throw XlsxError.foreignHandle(call: call) }
        guard width > 0, height > 0, width <= 10_000, height <= 10_000 else {
            throw XlsxError.invalidArgument(call: call, reason: "size \(width)×\(height) must be in 1…10,000 pixels")
        }
        guard chart.seriesCount > 0 else {
            throw XlsxError.invalidArgument(call: call, reason: "the chart has no series")
        }
        var options = lxw_chart_options()
        options.x_scale = width / 480
        options.y_scale = height / 288
        try XlsxError.check(worksheet_insert_chart_opt(ws, r, c, try chart.live(call), &options), call)
    }

    // MARK: Internals

    var sheetLabel: String { "Sheet '\(name)'" }

    private func describe(_ function: String, _ row: Int, _ col: Int) -> String {
        "\(function)(\(sheetLabel), row \(row), col \(col))"
    }

    func live(_ call: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try workbook.live(call())
        return pointer
    }

    private func prepare(
        _ call: @autoclosure () -> String, _ row: Int, _ col: Int, _ format: XlsxFormat?
    ) throws
        -> (UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, lxw_col_t, UnsafeMutablePointer<lxw_format>?)
    {
        let ws = try live(call())
        let (r, c) = try XlsxWorksheet.index(call(), row, col)
        if let format, format.workbook !== workbook { throw XlsxError.foreignHandle(call: call()) }
        return (ws, r, c, format?.pointer)
    }

    static func index(_ call: @autoclosure () -> String, _ row: Int, _ col: Int) throws -> (lxw_row_t, lxw_col_t) {
        guard (0...XlsxLimits.maxRow).contains(row), (0...XlsxLimits.maxCol).contains(col) else {
            throw XlsxError.outOfRange(call: call(), row: row, col: col)
        }
        return (lxw_row_t(row), lxw_col_t(col))
    }

    static func cellText(_ s: String, call: @autoclosure () -> String, truncate: Bool) throws -> String {
        // The bytes scanned in place where the text has them contiguous (always, for native Swift strings).
        let nul = s.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? s.utf8.contains(0)
        if nul { throw XlsxError.invalidArgument(call: call(), reason: "text contains a NUL character") }
        // UTF-16 length ≤ UTF-8 length: short text needs no count.
        guard s.utf8.count > XlsxLimits.maxStringLength else { return s }
        let length = s.utf16.count
        guard length > XlsxLimits.maxStringLength else { return s }
        guard truncate else { throw XlsxError.stringTooLong(call: call(), length: length) }
        var out = ""
        var used = 0
        for ch in s {
            let n = ch.utf16.count
            if used + n > XlsxLimits.maxStringLength { break }
            out.append(ch)
            used += n
        }
        return out
    }

    static func checkHeaderFooter(_ text: String, call: String) throws {
        if text.contains("\0") { throw XlsxError.invalidArgument(call: call, reason: "text contains a NUL character") }
        if text.utf16.count > XlsxLimits.maxHeaderFooterLength {
            throw XlsxError.invalidArgument(
                call: call,
                reason:
                    "text has \(text.utf16.count) characters; at most 255 are allowed (libxlsxwriter would drop it silently)"
            )
        }
    }
}

/// Header and footer strings in Excel's syntax.
public enum XlsxHeaderFooter {
    /// Centred "Seite 3 von 7".
    public static let pageOfPages = "&CSeite &P von &N"

    /// Literal text for a header section: `&` doubled so it is not read as a control code.
    public static func escaped(_ text: String) -> String { text.replacingAll("&", with: "&&") }

    /// Left, centre and right sections; pass already-escaped text or control codes.
    public static func sections(left: String? = nil, center: String? = nil, right: String? = nil) -> String {
        (left.map { "&L" + $0 } ?? "") + (center.map { "&C" + $0 } ?? "") + (right.map { "&R" + $0 } ?? "")
    }
}
