import CXlsxWriter

/// Everything that can go wrong while writing a workbook. Each case names the call that failed and,
/// where there is one, the sheet and cell, so a message can be traced back to the code that wrote it.
public enum XlsxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libxlsxwriter returned an error code. `message` is `lxw_strerror(code)`.
    case library(call: String, code: Int32, message: String)
    /// libxlsxwriter returned NULL where it should have returned an object (usually out of memory).
    case allocationFailed(call: String)
    /// The workbook was already closed (or discarded); its C objects are gone.
    case closed(call: String)
    /// A row or column outside Excel's grid (rows 0...1_048_575, columns 0...16_383, zero-based).
    case outOfRange(call: String, row: Int, col: Int)
    /// A sheet name Excel would refuse.
    case invalidSheetName(name: String, reason: String)
    /// A cell string longer than Excel's 32,767 characters.
    case stringTooLong(call: String, length: Int)
    /// Any other argument the library or Excel would refuse.
    case invalidArgument(call: String, reason: String)
    /// A format or chart handle that belongs to another workbook.
    case foreignHandle(call: String)
    /// The output folder is missing or cannot be written.
    case outputFolder(path: String, reason: String)
    /// A file-system call (open, fsync, rename, unlink) failed with `errno`.
    case fileSystem(call: String, path: String, errno: Int32, message: String)

    public var description: String {
        switch self {
        case let .library(call, code, message):
            return "\(call): libxlsxwriter error \(code): \(message)"
        case let .allocationFailed(call):
            return "\(call): libxlsxwriter returned no object (out of memory?)"
        case let .closed(call):
            return "\(call): the workbook is already closed"
        case let .outOfRange(call, row, col):
            return
                "\(call): cell (row \(row), col \(col)) is outside the sheet; expected row 0…\(XlsxLimits.maxRow), col 0…\(XlsxLimits.maxCol)"
        case let .invalidSheetName(name, reason):
            return "invalid sheet name '\(name)': \(reason)"
        case let .stringTooLong(call, length):
            return "\(call): text has \(length) characters; a cell holds at most \(XlsxLimits.maxStringLength)"
        case let .invalidArgument(call, reason):
            return "\(call): \(reason)"
        case let .foreignHandle(call):
            return "\(call): the format or chart belongs to another workbook"
        case let .outputFolder(path, reason):
            return "output folder '\(path)': \(reason)"
        case let .fileSystem(call, path, errno, message):
            return "\(call)('\(path)'): \(message) (errno \(errno))"
        }
    }
}

/// Excel's hard limits, zero-based where they are indices.
public enum XlsxLimits {
    public static let maxRow = 1_048_575
    public static let maxCol = 16_383
    /// Characters (UTF-16 code units, as Excel counts) in one cell.
    public static let maxStringLength = 32_767
    /// Characters in a sheet name.
    public static let maxSheetNameLength = 31
    /// Characters in a header or footer, control codes included.
    public static let maxHeaderFooterLength = 255
}

extension XlsxError {
    /// Throws `.library` when `code` is not `LXW_NO_ERROR`.
    static func check(_ code: lxw_error, _ call: @autoclosure () -> String) throws {
        guard code != LXW_NO_ERROR else { return }
        throw XlsxError.library(call: call(), code: Int32(code.rawValue), message: strerror(code))
    }

    static func strerror(_ code: lxw_error) -> String {
        guard let text = lxw_strerror(code) else { return "unknown error" }
        return String(cString: text)
    }
}
