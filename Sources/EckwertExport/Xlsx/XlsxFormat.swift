import CXlsxWriter

/// An RGB colour, `0xRRGGBB`. Black is real black: libxlsxwriter reads 0 as "unset", so it is mapped.
public struct XlsxColor: Hashable, Sendable, ExpressibleByIntegerLiteral {
    public var rgb: UInt32
    public init(rgb: UInt32) { self.rgb = rgb & 0xFF_FFFF }
    public init(integerLiteral value: UInt32) { self.init(rgb: value) }

    var lxw: lxw_color_t { rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(rgb) }

    public static let black: XlsxColor = 0x000000
    public static let white: XlsxColor = 0xFFFFFF
    public static let red: XlsxColor = 0xC00000
    /// Light grey-blue for header rows.
    public static let headerFill: XlsxColor = 0xDDEBF7
    /// Light grey for subtotal rows.
    public static let subtotalFill: XlsxColor = 0xF2F2F2
}

/// Excel number-format codes for German finance tables. They use Excel's English syntax
/// (`,` groups thousands, `.` is the decimal point); Excel and LibreOffice show them with the reader's
/// locale, so a German installation shows `1.234 €`.
public enum XlsxNumberFormat {
    /// Whole euros, negatives red: `1.234 €`.
    public static let euro = #"#,##0 "€";[Red]-#,##0 "€""#
    /// Thousand euros with one decimal, negatives red: 1,234,567 → `1.234,6 T€`. The comma after the last
    /// digit placeholder divides by 1,000 (Excel and LibreOffice both support this).
    public static let thousandEuro = #"#,##0.0, "T€";[Red]-#,##0.0, "T€""#
    /// Whole numbers (cases, persons), negatives red.
    public static let integer = "#,##0;[Red]-#,##0"
    /// Percent with one decimal; the value 0.125 shows as `12,5 %`.
    public static let percent = "0.0 %;[Red]-0.0 %"
    /// Two decimals.
    public static let decimal = "#,##0.00"
}

/// A description of a cell format: a value, so identical descriptions can share one `lxw_format`.
/// Build it fluently: `XlsxFormatSpec().bold().fill(.headerFill).border(bottom: .thin)`.
public struct XlsxFormatSpec: Hashable, Sendable {
    public enum Border: UInt8, Hashable, Sendable {
        case none = 0, thin = 1, medium = 2, double = 6
        var lxw: UInt8 {
            switch self {
            case .none: UInt8(LXW_BORDER_NONE.rawValue)
            case .thin: UInt8(LXW_BORDER_THIN.rawValue)
            case .medium: UInt8(LXW_BORDER_MEDIUM.rawValue)
            case .double: UInt8(LXW_BORDER_DOUBLE.rawValue)
            }
        }
    }

    public enum HorizontalAlignment: Hashable, Sendable {
        case left, center, right, centerAcross
        var lxw: UInt8 {
            switch self {
            case .left: UInt8(LXW_ALIGN_LEFT.rawValue)
            case .center: UInt8(LXW_ALIGN_CENTER.rawValue)
            case .right: UInt8(LXW_ALIGN_RIGHT.rawValue)
            case .centerAcross: UInt8(LXW_ALIGN_CENTER_ACROSS.rawValue)
            }
        }
    }

    public enum VerticalAlignment: Hashable, Sendable {
        case top, center, bottom
        var lxw: UInt8 {
            switch self {
            case .top: UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)
            case .center: UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)
            case .bottom: UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue)
            }
        }
    }

    public var isBold = false
    public var isItalic = false
    public var fontName: String?
    public var fontSize: Double?
    public var fontColor: XlsxColor?
    public var fillColor: XlsxColor?
    public var topBorder: Border = .none
    public var bottomBorder: Border = .none
    public var leftBorder: Border = .none
    public var rightBorder: Border = .none
    public var horizontalAlignment: HorizontalAlignment?
    public var verticalAlignment: VerticalAlignment?
    public var wrapsText = false
    /// Indent level 0…15.
    public var indent = 0
    /// An Excel number-format code, e.g. `XlsxNumberFormat.euro`.
    public var numberFormat: String?

    public init() {}

    public func bold(_ on: Bool = true) -> Self { with { $0.isBold = on } }
    public func italic(_ on: Bool = true) -> Self { with { $0.isItalic = on } }
    public func font(name: String) -> Self { with { $0.fontName = name } }
    public func fontSize(_ points: Double) -> Self { with { $0.fontSize = points } }
    public func fontColor(_ color: XlsxColor) -> Self { with { $0.fontColor = color } }
    public func fill(_ color: XlsxColor) -> Self { with { $0.fillColor = color } }
    /// Borders; `nil` leaves a side as it is. Totals: `border(top: .thin, bottom: .double)`.
    public func border(top: Border? = nil, bottom: Border? = nil, left: Border? = nil, right: Border? = nil) -> Self {
        with {
            if let top { $0.topBorder = top }
            if let bottom { $0.bottomBorder = bottom }
            if let left { $0.leftBorder = left }
            if let right { $0.rightBorder = right }
        }
    }
    public func align(_ h: HorizontalAlignment) -> Self { with { $0.horizontalAlignment = h } }
    public func verticalAlign(_ v: VerticalAlignment) -> Self { with { $0.verticalAlignment = v } }
    public func wrap(_ on: Bool = true) -> Self { with { $0.wrapsText = on } }
    public func indent(_ level: Int) -> Self { with { $0.indent = level } }
    public func numberFormat(_ code: String) -> Self { with { $0.numberFormat = code } }

    private func with(_ change: (inout Self) -> Void) -> Self {
        var copy = self
        change(&copy)
        return copy
    }

    func validate() throws {
        let call = "workbook_add_format"
        if !(0...15).contains(indent) {
            throw XlsxError.invalidArgument(call: call, reason: "indent \(indent) is not in 0…15")
        }
        if let s = fontSize, !(s >= 1 && s <= 409) {
            throw XlsxError.invalidArgument(call: call, reason: "font size \(s) is not in 1…409")
        }
        if let n = numberFormat, n.isEmpty || n.contains("\0") || n.utf16.count > 255 {
            throw XlsxError.invalidArgument(
                call: call, reason: "number format '\(n)' is empty, too long or contains NUL")
        }
        if let n = fontName, n.isEmpty || n.contains("\0") || n.utf16.count > 31 {
            throw XlsxError.invalidArgument(call: call, reason: "font name '\(n)' is empty, too long or contains NUL")
        }
    }

    func apply(to f: UnsafeMutablePointer<lxw_format>) {
        if isBold { format_set_bold(f) }
        if isItalic { format_set_italic(f) }
        if let fontName { fontName.withCString { format_set_font_name(f, $0) } }
        if let fontSize { format_set_font_size(f, fontSize) }
        if let fontColor { format_set_font_color(f, fontColor.lxw) }
        if let fillColor {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, fillColor.lxw)
        }
        if topBorder != .none { format_set_top(f, topBorder.lxw) }
        if bottomBorder != .none { format_set_bottom(f, bottomBorder.lxw) }
        if leftBorder != .none { format_set_left(f, leftBorder.lxw) }
        if rightBorder != .none { format_set_right(f, rightBorder.lxw) }
        if let horizontalAlignment { format_set_align(f, horizontalAlignment.lxw) }
        if let verticalAlignment { format_set_align(f, verticalAlignment.lxw) }
        if wrapsText { format_set_text_wrap(f) }
        if indent > 0 { format_set_indent(f, UInt8(indent)) }
        if let numberFormat { numberFormat.withCString { format_set_num_format(f, $0) } }
    }
}

/// A format of one workbook. Pass it to worksheet writes of the same workbook.
public struct XlsxFormat {
    let workbook: XlsxWorkbook
    let pointer: UnsafeMutablePointer<lxw_format>
}
