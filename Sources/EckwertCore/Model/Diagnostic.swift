/// Where something stands in a model folder: file (relative to the model folder), line and column (1-based).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        return (a.column ?? 0) < (b.column ?? 0)
    }
}

/// One finding about a model: an error stops the model from being used, a warning does not.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error = "Fehler", warning = "Warnung" }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation?, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ location: SourceLocation?, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    public static func warning(_ location: SourceLocation?, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, message)
    }

    /// `file:line:column: error: message`, the form editors and compilers use.
    public var description: String {
        let kind = severity == .error ? "error" : "warning"
        if let location { return "\(location): \(kind): \(message)" }
        return "\(kind): \(message)"
    }
}

/// Collects diagnostics while a model is read, so that every problem is reported at once.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation?, _ message: String) {
        items.append(.error(location, message))
    }

    public mutating func warning(_ location: SourceLocation?, _ message: String) {
        items.append(.warning(location, message))
    }

    public mutating func append(_ d: Diagnostic) { items.append(d) }
    public mutating func append(contentsOf ds: [Diagnostic]) { items.append(contentsOf: ds) }
    /// Inserts `ds` before the item at `stelle` (as if they had been appended when there were `stelle` items).
    mutating func insert(contentsOf ds: [Diagnostic], at stelle: Int) {
        items.insert(contentsOf: ds, at: min(max(0, stelle), items.count))
    }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted by file, line, column; stable for equal locations.
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { l, r in
            let a = l.element.location, b = r.element.location
            switch (a, b) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return l.offset < r.offset
            }
        }.map(\.element)
    }
}

/// Raised when a model cannot be used: carries every diagnostic found.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
