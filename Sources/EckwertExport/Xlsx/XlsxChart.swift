import CXlsxWriter

/// A rectangular range on a named sheet, zero-based and inclusive, for chart data.
public struct XlsxRange: Hashable, Sendable, CustomStringConvertible {
    public var sheet: String
    public var firstRow: Int
    public var firstCol: Int
    public var lastRow: Int
    public var lastCol: Int

    public init(sheet: String, firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) {
        self.sheet = sheet
        self.firstRow = firstRow
        self.firstCol = firstCol
        self.lastRow = lastRow
        self.lastCol = lastCol
    }

    /// `'Umsätze 2024'!$B$3:$B$9`.
    public var description: String {
        XlsxNames.reference(sheet: sheet, firstRow: firstRow, firstCol: firstCol, lastRow: lastRow, lastCol: lastCol)
    }
}

/// A chart of one workbook. Add series, then insert it into a worksheet once.
public final class XlsxChart {
    /// The chart types the reports use.
    public enum Kind: Sendable, CustomStringConvertible {
        case line, column, stackedColumn, bar, scatter, scatterWithLines

        var lxwType: UInt8 {
            switch self {
            case .line: UInt8(LXW_CHART_LINE.rawValue)
            case .column: UInt8(LXW_CHART_COLUMN.rawValue)
            case .stackedColumn: UInt8(LXW_CHART_COLUMN_STACKED.rawValue)
            case .bar: UInt8(LXW_CHART_BAR.rawValue)
            case .scatter: UInt8(LXW_CHART_SCATTER.rawValue)
            case .scatterWithLines: UInt8(LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS.rawValue)
            }
        }

        public var description: String {
            switch self {
            case .line: "line"
            case .column: "column"
            case .stackedColumn: "stackedColumn"
            case .bar: "bar"
            case .scatter: "scatter"
            case .scatterWithLines: "scatterWithLines"
            }
        }
    }

    /// Where the legend goes.
    public enum LegendPosition: Sendable {
        case none, right, left, top, bottom
        var lxw: UInt8 {
            switch self {
            case .none: UInt8(LXW_CHART_LEGEND_NONE.rawValue)
            case .right: UInt8(LXW_CHART_LEGEND_RIGHT.rawValue)
            case .left: UInt8(LXW_CHART_LEGEND_LEFT.rawValue)
            case .top: UInt8(LXW_CHART_LEGEND_TOP.rawValue)
            case .bottom: UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)
            }
        }
    }

    public let workbook: XlsxWorkbook
    public let kind: Kind
    public private(set) var seriesCount = 0
    private let pointer: UnsafeMutablePointer<lxw_chart>

    init(workbook: XlsxWorkbook, pointer: UnsafeMutablePointer<lxw_chart>, kind: Kind) {
        self.workbook = workbook
        self.pointer = pointer
        self.kind = kind
    }

    /// Adds a data series. `categories` are the x labels (x values for scatter charts), `values` the
    /// y values; both must be on sheets of this workbook. `name` is shown in the legend.
    public func addSeries(name: String? = nil, categories: XlsxRange? = nil, values: XlsxRange) throws {
        let call = "chart_add_series(\(kind), values \(values))"
        let chart = try live(call)
        if let categories { try check(categories, call) }
        try check(values, call)
        if let name { try XlsxChart.checkText(name, call) }
        if kind == .scatter || kind == .scatterWithLines, categories == nil {
            throw XlsxError.invalidArgument(call: call, reason: "a scatter series needs x values (categories)")
        }
        guard let series = chart_add_series(chart, nil, nil) else { throw XlsxError.allocationFailed(call: call) }
        if let categories {
            categories.sheet.withCString {
                chart_series_set_categories(
                    series, $0, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstCol),
                    lxw_row_t(categories.lastRow), lxw_col_t(categories.lastCol))
            }
        }
        values.sheet.withCString {
            chart_series_set_values(
                series, $0, lxw_row_t(values.firstRow), lxw_col_t(values.firstCol),
                lxw_row_t(values.lastRow), lxw_col_t(values.lastCol))
        }
        if let name { name.withCString { chart_series_set_name(series, $0) } }
        seriesCount += 1
    }

    /// The chart title.
    public func setTitle(_ title: String) throws {
        let call = "chart_title_set_name"
        let chart = try live(call)
        try XlsxChart.checkText(title, call)
        title.withCString { chart_title_set_name(chart, $0) }
    }

    /// Axis titles; `nil` leaves an axis untitled.
    public func setAxisTitles(x: String? = nil, y: String? = nil) throws {
        let call = "chart_axis_set_name"
        let chart = try live(call)
        if let x {
            try XlsxChart.checkText(x, call)
            x.withCString { chart_axis_set_name(chart.pointee.x_axis, $0) }
        }
        if let y {
            try XlsxChart.checkText(y, call)
            y.withCString { chart_axis_set_name(chart.pointee.y_axis, $0) }
        }
    }

    /// Number format of the value axis, e.g. `XlsxNumberFormat.thousandEuro`.
    public func setValueAxisNumberFormat(_ code: String) throws {
        let call = "chart_axis_set_num_format"
        let chart = try live(call)
        try XlsxChart.checkText(code, call)
        code.withCString { chart_axis_set_num_format(chart.pointee.y_axis, $0) }
    }

    /// Legend position (`.none` hides it).
    public func setLegend(_ position: LegendPosition) throws {
        chart_legend_set_position(try live("chart_legend_set_position"), position.lxw)
    }

    func live(_ call: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_chart> {
        _ = try workbook.live(call())
        return pointer
    }

    private func check(_ range: XlsxRange, _ call: String) throws {
        guard workbook.hasSheet(range.sheet) else {
            throw XlsxError.invalidArgument(call: call, reason: "range \(range) refers to no sheet of this workbook")
        }
        _ = try XlsxWorksheet.index(call, range.firstRow, range.firstCol)
        _ = try XlsxWorksheet.index(call, range.lastRow, range.lastCol)
        guard range.lastRow >= range.firstRow, range.lastCol >= range.firstCol,
            range.lastRow == range.firstRow || range.lastCol == range.firstCol
        else {
            throw XlsxError.invalidArgument(
                call: call, reason: "range \(range) must be one row or one column, top-left first")
        }
    }

    /// libxlsxwriter reads chart text that starts with `=` as a cell reference: refuse it rather than
    /// write a broken reference.
    static func checkText(_ text: String, _ call: String) throws {
        if text.hasPrefix("=") || text.contains("\0") || text.utf16.count > 255 {
            throw XlsxError.invalidArgument(
                call: call,
                reason: "chart text '\(text.prefix(40))' must not start with '=', contain NUL or exceed 255 characters")
        }
    }
}
