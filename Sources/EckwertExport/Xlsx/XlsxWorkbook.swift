import CXlsxWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A calendar day (UTC) used as the workbook's creation date, so the same input gives the same bytes.
public struct XlsxDate: Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Seconds since 1970-01-01T00:00:00Z at midnight UTC of this day (proleptic Gregorian calendar).
    public var unixTime: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146_097 + doe - 719_468) * 86_400
    }

    var isValid: Bool {
        guard (1...12).contains(month), (1971...9999).contains(year) else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}

/// The document properties written to `docProps/core.xml`. `created` is required: libxlsxwriter would
/// otherwise stamp the current time and two runs would differ.
public struct XlsxDocumentProperties: Hashable, Sendable {
    public var created: XlsxDate
    public var title: String?
    public var subject: String?
    public var author: String?
    public var company: String?
    public var comments: String?

    public init(
        created: XlsxDate, title: String? = nil, subject: String? = nil, author: String? = nil,
        company: String? = nil, comments: String? = nil
    ) {
        self.created = created
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.comments = comments
    }
}

/// One xlsx file being written. Owns the `lxw_workbook*`.
///
/// Lifetime: the C workbook lives until `close()` (which writes the file) or `discard()`/deinit (which
/// frees it and writes nothing). Worksheet, format and chart handles keep the workbook object alive and
/// check `isClosed` before every C call, so a handle used after `close()` throws `XlsxError.closed`
/// instead of touching freed memory.
///
/// Output: libxlsxwriter writes to a hidden temporary file next to the target
/// (`.<name>.tmp-<pid>-<random>`); only after a successful close is it fsynced and renamed over the
/// target (`rename(2)`, atomic within one file system). On any failure, or if the workbook is dropped
/// without `close()`, the temporary file is removed and an earlier file at the target is untouched.
///
/// Not `Sendable`: one workbook per task, used from one thread.
public final class XlsxWorkbook {
    /// Where the finished file goes.
    public let targetPath: String
    /// Where libxlsxwriter writes until `close()` renames it.
    public let temporaryPath: String
    // Read before every C call (for every cell written) by the one thread that owns the workbook, never by two
    // overlapping accesses: the run-time exclusivity check, a noticeable share of a large sheet, is left out.
    /// True after `close()` or `discard()`: the C objects are freed.
    @exclusivity(unchecked) public private(set) var isClosed = false

    @exclusivity(unchecked) private var pointer: UnsafeMutablePointer<lxw_workbook>?
    /// Set once `closeToTemporary()` has passed the temporary file on.
    private var handedOver = false
    private var sheetNames: [String] = []
    private var definedNames: Set<String> = []
    private var formatCache: [XlsxFormatSpec: UnsafeMutablePointer<lxw_format>] = [:]

    /// Starts a workbook for `path`. Checks that the folder exists and is writable.
    /// - Parameters:
    ///   - properties: document properties with the fixed creation date.
    ///   - constantMemory: libxlsxwriter's streaming mode (rows must be written in order; no merges or
    ///     `set_row` on earlier rows). Off by default.
    public init(path: String, properties: XlsxDocumentProperties, constantMemory: Bool = false) throws {
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw XlsxError.invalidArgument(call: "XlsxWorkbook(path:)", reason: "'\(path)' is not a file path")
        }
        guard properties.created.isValid else {
            let c = properties.created
            throw XlsxError.invalidArgument(
                call: "XlsxWorkbook(path:)",
                reason: "creation date \(c.year)-\(c.month)-\(c.day) is not a valid day in 1971…9999")
        }
        let (folder, name) = XlsxWorkbook.split(path)
        var st = stat()
        if stat(folder, &st) != 0 {
            throw XlsxError.outputFolder(path: folder, reason: "does not exist (\(XlsxWorkbook.errnoText(errno)))")
        }
        if (st.st_mode & S_IFMT) != S_IFDIR {
            throw XlsxError.outputFolder(path: folder, reason: "is not a folder")
        }
        if access(folder, W_OK | X_OK) != 0 {
            throw XlsxError.outputFolder(path: folder, reason: "is not writable (\(XlsxWorkbook.errnoText(errno)))")
        }
        self.targetPath = path
        let random = UInt32.random(in: 0...UInt32.max)
        let prefix = folder == "." && !path.hasPrefix("./") ? "" : folder + (folder.hasSuffix("/") ? "" : "/")
        self.temporaryPath = prefix + ".\(name).tmp-\(getpid())-\(String(random, radix: 16))"

        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        guard let wb = temporaryPath.withCString({ workbook_new_opt($0, &options) }) else {
            throw XlsxError.allocationFailed(call: "workbook_new_opt('\(temporaryPath)')")
        }
        pointer = wb
        try setProperties(properties)
    }

    deinit {
        // Dropped without close(): free the C objects, write nothing, leave the target alone.
        if let wb = pointer {
            lxw_workbook_free(wb)
            pointer = nil
        }
        // A temporary file handed over by `closeToTemporary()` belongs to its `XlsxPendingFile`.
        if !handedOver { unlink(temporaryPath) }
    }

    /// Frees everything without writing. The target is untouched. Calling it after `close()` does nothing.
    public func discard() {
        guard !isClosed, let wb = pointer else { return }
        isClosed = true
        pointer = nil
        lxw_workbook_free(wb)
        unlink(temporaryPath)
    }

    /// Writes the file and renames it over the target. Call exactly once; a second call throws
    /// `XlsxError.closed`. After a failure the workbook is closed, the temporary file removed and the
    /// target untouched.
    public func close() throws { try closeToTemporary().finish() }

    /// The first part of `close()`: libxlsxwriter writes the whole file under its temporary name; `finish()` of
    /// the result does the rest (flush to disk, rename over the target), for a caller that waits for the disk
    /// on another thread while it goes on working. Until then the target is untouched. After a failure the
    /// workbook is closed and the temporary file removed.
    public func closeToTemporary() throws -> XlsxPendingFile {
        guard !isClosed, let wb = pointer else { throw XlsxError.closed(call: "close()") }
        // workbook_close frees the workbook even when it fails: never touch the pointer again.
        isClosed = true
        pointer = nil
        formatCache.removeAll()
        let code = workbook_close(wb)
        do {
            try XlsxError.check(code, "workbook_close('\(temporaryPath)')")
        } catch {
            unlink(temporaryPath)
            throw error
        }
        handedOver = true
        return XlsxPendingFile(temporaryPath: temporaryPath, targetPath: targetPath)
    }

    // MARK: Sheets, formats, charts, names

    /// Names of the sheets added so far, in order.
    public var worksheetNames: [String] { sheetNames }

    /// Adds a worksheet. The name must be valid (see `XlsxNames.sheetNameProblem`) and unique
    /// case-insensitively; use `XlsxNames.safeSheetName(_:existing:)` to make one from arbitrary text.
    public func addWorksheet(_ name: String) throws -> XlsxWorksheet {
        let wb = try live("workbook_add_worksheet('\(name)')")
        if let problem = XlsxNames.sheetNameProblem(name) {
            throw XlsxError.invalidSheetName(name: name, reason: problem)
        }
        if sheetNames.contains(where: { $0.lowercased() == name.lowercased() }) {
            throw XlsxError.invalidSheetName(
                name: name, reason: "a sheet with this name (ignoring case) already exists")
        }
        let code = name.withCString { workbook_validate_sheet_name(wb, $0) }
        if code != LXW_NO_ERROR {
            throw XlsxError.invalidSheetName(name: name, reason: XlsxError.strerror(code))
        }
        guard let ws = name.withCString({ workbook_add_worksheet(wb, $0) }) else {
            throw XlsxError.allocationFailed(call: "workbook_add_worksheet('\(name)')")
        }
        sheetNames.append(name)
        return XlsxWorksheet(workbook: self, pointer: ws, name: name)
    }

    /// The format for `spec`; identical specs share one `lxw_format`.
    public func format(_ spec: XlsxFormatSpec) throws -> XlsxFormat {
        let wb = try live("workbook_add_format")
        if let cached = formatCache[spec] { return XlsxFormat(workbook: self, pointer: cached) }
        try spec.validate()
        guard let f = workbook_add_format(wb) else { throw XlsxError.allocationFailed(call: "workbook_add_format") }
        spec.apply(to: f)
        formatCache[spec] = f
        return XlsxFormat(workbook: self, pointer: f)
    }

    /// Number of distinct `lxw_format`s created (for tests of the cache).
    public var formatCount: Int { formatCache.count }

    /// Adds a chart; insert it into a worksheet with `XlsxWorksheet.insertChart`.
    public func addChart(_ kind: XlsxChart.Kind) throws -> XlsxChart {
        let wb = try live("workbook_add_chart(\(kind))")
        guard let c = workbook_add_chart(wb, kind.lxwType) else {
            throw XlsxError.allocationFailed(call: "workbook_add_chart(\(kind))")
        }
        return XlsxChart(workbook: self, pointer: c, kind: kind)
    }

    /// Defines a workbook-level name, e.g. `defineName("Gesamt_Zuschuss_2027", refersTo: "='Gesamt'!$D$40")`.
    /// Names are checked (characters, not a cell reference, unique ignoring case): libxlsxwriter accepts
    /// duplicates and spaces silently and writes a file Excel repairs.
    public func defineName(_ name: String, refersTo formula: String) throws {
        let call = "workbook_define_name('\(name)', '\(formula)')"
        let wb = try live(call)
        if let problem = XlsxNames.definedNameProblem(name) {
            throw XlsxError.invalidArgument(call: call, reason: problem)
        }
        if definedNames.contains(name.lowercased()) {
            throw XlsxError.invalidArgument(call: call, reason: "the name is already defined")
        }
        if formula.isEmpty || formula.contains("\0") {
            throw XlsxError.invalidArgument(call: call, reason: "the formula is empty or contains NUL")
        }
        let code = name.withCString { n in formula.withCString { f in workbook_define_name(wb, n, f) } }
        try XlsxError.check(code, call)
        definedNames.insert(name.lowercased())
    }

    // MARK: Internals

    /// The C pointer, or `.closed` when it is gone.
    func live(_ call: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard !isClosed, let wb = pointer else { throw XlsxError.closed(call: call()) }
        return wb
    }

    func hasSheet(_ name: String) -> Bool { sheetNames.contains(name) }

    private func setProperties(_ p: XlsxDocumentProperties) throws {
        let wb = try live("workbook_set_properties")
        var props = lxw_doc_properties()
        props.created = time_t(p.created.unixTime)
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { owned.forEach { free($0) } }
        func dup(_ s: String?) -> UnsafeMutablePointer<CChar>? {
            guard let s, let d = strdup(s) else { return nil }
            owned.append(d)
            return d
        }
        props.title = dup(p.title)
        props.subject = dup(p.subject)
        props.author = dup(p.author)
        props.company = dup(p.company)
        props.comments = dup(p.comments)
        try XlsxError.check(workbook_set_properties(wb, &props), "workbook_set_properties")
    }

    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    static func errnoText(_ e: Int32) -> String {
        guard let s = strerror(e) else { return "errno \(e)" }
        return String(cString: s)
    }

    static func fsyncFile(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let e = errno
            throw XlsxError.fileSystem(call: "open", path: path, errno: e, message: errnoText(e))
        }
        defer { closeDescriptor(fd) }
        if fsync(fd) != 0 {
            let e = errno
            throw XlsxError.fileSystem(call: "fsync", path: path, errno: e, message: errnoText(e))
        }
    }
}

/// A workbook file written in full under its temporary name (`XlsxWorkbook.closeToTemporary()`), waiting to be
/// flushed to disk and renamed over its target.
public struct XlsxPendingFile: Sendable {
    public let temporaryPath: String
    public let targetPath: String

    /// Flushes the file to disk and renames it over the target, then flushes the folder (a failure there does
    /// not undo a complete, renamed file). On failure the temporary file is removed and the target untouched.
    public func finish() throws {
        do {
            try XlsxWorkbook.fsyncFile(temporaryPath)
            if rename(temporaryPath, targetPath) != 0 {
                let e = errno
                throw XlsxError.fileSystem(
                    call: "rename", path: "\(temporaryPath) → \(targetPath)", errno: e,
                    message: XlsxWorkbook.errnoText(e))
            }
        } catch {
            unlink(temporaryPath)
            throw error
        }
        let fd = open(XlsxWorkbook.split(targetPath).folder, O_RDONLY)
        if fd >= 0 { _ = fsync(fd); closeDescriptor(fd) }
    }
}

/// `close(2)`, reachable from inside `XlsxWorkbook` whose `close()` hides the free function.
private func closeDescriptor(_ fd: Int32) { _ = close(fd) }
