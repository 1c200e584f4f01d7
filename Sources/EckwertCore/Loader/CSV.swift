import Foundation

/// One data row of a CSV file.
public struct CSVZeile: Sendable, Hashable {
    /// The physical line (1-based) where the row starts; a quoted field with line breaks does not shift it.
    public var line: Int
    /// The fields as written, unquoted (`""` → `"`), not trimmed. Always as many as the header has columns.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A CSV file read by `CSV.lesen`: a header and rows of exactly as many fields.
public struct CSVTabelle: Sendable, Hashable {
    /// The file name used in messages (relative to the model folder).
    public var file: String
    /// The column names, trimmed, in file order (original case).
    public var header: [String]
    /// The physical line of the header.
    public var headerLine: Int
    /// The detected separator: `;`, `,` or tab.
    public var separator: Character
    public var rows: [CSVZeile]

    public init(file: String, header: [String], headerLine: Int = 1, separator: Character = ";", rows: [CSVZeile]) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        self.separator = separator
        self.rows = rows
    }

    /// The 0-based index of the column `name` (trimmed, case-insensitive), or nil.
    public func spalte(_ name: String) -> Int? {
        let key = CSV.normalisiert(name)
        return header.firstIndex { CSV.normalisiert($0) == key }
    }

    /// The 0-based index of the column `name`; if it is missing, an error at the header line listing the
    /// columns found.
    public func spalteOderFehler(_ name: String) -> Result<Int, ModelError> {
        if let i = spalte(name) { return .success(i) }
        let gefunden = header.isEmpty ? "keine" : header.joined(separator: ";")
        return .failure(
            ModelError([
                .error(
                    SourceLocation(file: file, line: headerLine),
                    "Spalte '\(CSV.normalisiert(name))' fehlt (gefunden: \(gefunden))")
            ]))
    }

    /// The location of a field: file, the row's line and the 1-based column of the field.
    public func ort(_ zeile: CSVZeile, spalte index: Int) -> SourceLocation {
        SourceLocation(file: file, line: zeile.line, column: index + 1)
    }
}

/// Reader for CSV files as German spreadsheet programs export them.
///
/// The dialect:
/// - Encoding UTF-8, with or without BOM. Any other encoding (a Latin-1 export of an old Excel, UTF-16) is an
///   error naming the line and column of the first invalid byte.
/// - Line ends CRLF, LF or a lone CR, also mixed. A row's `line` is the physical line where it starts.
/// - Separator `;`, `,` or tab, detected from the header line: the one occurring most often outside quotes;
///   on a tie `;` wins over `,`, and `,` over tab. A header without any of them is one column.
/// - RFC 4180 quoting: a field that starts with `"` (after optional spaces) is quoted and may contain the
///   separator, line breaks (kept as `\n`) and `""` for a quote. Characters after the closing quote up to the
///   next separator are kept as they are (what spreadsheet programs do). A `"` inside an unquoted field is an
///   ordinary character.
/// - Skipped: blank lines (only spaces/tabs), rows whose fields are all empty or blank (`;;;` that spreadsheets
///   leave behind), and comment lines whose first non-blank character is `#` (outside a quoted field).
///   The header is the first line that is none of these.
/// - Every row must have as many fields as the header; each row that does not is reported (up to 50).
/// - Header names are trimmed and matched case-insensitively (``CSVTabelle/spalte(_:)``).
public enum CSV {
    /// At most this many wrong-field-count rows are listed individually.
    static let maxFeldzahlFehler = 50

    /// Reads a CSV file; throws every structural problem found (encoding, quotes, field counts).
    public static func lesen(_ data: Data, datei: String) throws(ModelError) -> CSVTabelle {
        try lesen([UInt8](data), datei: datei)
    }

    /// Reads a CSV file; throws every structural problem found (encoding, quotes, field counts).
    public static func lesen(_ bytes: [UInt8], datei: String) throws(ModelError) -> CSVTabelle {
        let ergebnis: Result<CSVTabelle, ModelError> = bytes.withUnsafeBufferPointer { p in
            var parser = Parser(p: p, datei: datei)
            return parser.run()
        }
        return try ergebnis.get()
    }

    /// Trimmed (spaces, tabs) and lower-cased: the form header names are compared in.
    static func normalisiert(_ s: String) -> String {
        trimmed(s).lowercased()
    }

    /// The string without leading and trailing spaces, tabs, CR/LF and no-break spaces.
    static func trimmed(_ s: String) -> String {
        // Fast path: most cells start and end with neither whitespace nor a possible no-break space (C2 A0).
        let u = s.utf8
        guard let erstes = u.first, let letztes = u.last else { return s }
        let vielleicht = istLeer(erstes) || istLeer(letztes) || erstes >= 0x80 || letztes >= 0x80
        return vielleicht ? s.trimmingCharacters(in: .whitespacesAndNewlines) : s
    }

    @inline(__always)
    static func istLeer(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Length of the valid UTF-8 sequence starting at `k` (whose first byte is ≥ 0x80), or 0 if invalid.
    @inline(__always)
    static func utf8Laenge(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) -> Int {
        let n = p.count
        @inline(__always) func folge(_ j: Int) -> Bool { j < n && p[j] & 0xC0 == 0x80 }
        @inline(__always) func zwischen(_ j: Int, _ lo: UInt8, _ hi: UInt8) -> Bool {
            j < n && p[j] >= lo && p[j] <= hi
        }
        switch p[k] {
        case 0xC2...0xDF: return folge(k + 1) ? 2 : 0
        case 0xE0: return zwischen(k + 1, 0xA0, 0xBF) && folge(k + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return folge(k + 1) && folge(k + 2) ? 3 : 0
        case 0xED: return zwischen(k + 1, 0x80, 0x9F) && folge(k + 2) ? 3 : 0
        case 0xF0: return zwischen(k + 1, 0x90, 0xBF) && folge(k + 2) && folge(k + 3) ? 4 : 0
        case 0xF1...0xF3: return folge(k + 1) && folge(k + 2) && folge(k + 3) ? 4 : 0
        case 0xF4: return zwischen(k + 1, 0x80, 0x8F) && folge(k + 2) && folge(k + 3) ? 4 : 0
        default: return 0
        }
    }

    private static let quote: UInt8 = 0x22
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D
    private static let space: UInt8 = 0x20
    private static let tab: UInt8 = 0x09
    private static let hash: UInt8 = 0x23

    /// A single pass over the bytes. Fatal problems (encoding, open quote) stop it; field-count problems are
    /// collected.
    private struct Parser {
        let p: UnsafeBufferPointer<UInt8>
        let datei: String
        var i = 0
        /// Current physical line (1-based) and the byte index where it starts.
        var line = 1
        var zeilenAnfang = 0
        var sep: UInt8 = 0x3B
        var scratch: [UInt8] = []
        var fehler: [Diagnostic] = []
        var weitereFeldzahlFehler = 0

        init(p: UnsafeBufferPointer<UInt8>, datei: String) {
            self.p = p
            self.datei = datei
        }

        struct Abbruch: Error { var diagnostic: Diagnostic }

        mutating func run() -> Result<CSVTabelle, ModelError> {
            do {
                return try parse()
            } catch {
                return .failure(ModelError([error.diagnostic]))
            }
        }

        /// Consumes a line end at `k` (CR, LF or CRLF) if there is one; returns the index after it.
        @inline(__always)
        mutating func zeilenende(_ k: Int) -> Int {
            let n = p.count
            guard k < n else { return k }
            var j = k
            if p[j] == CSV.cr {
                j += 1
                if j < n && p[j] == CSV.lf { j += 1 }
            } else if p[j] == CSV.lf {
                j += 1
            } else {
                return k
            }
            line += 1
            zeilenAnfang = j
            return j
        }

        func utf8Fehler(_ k: Int, spalte: Int?) -> Abbruch {
            var hinweis = ""
            if p.count >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)) {
                hinweis = "; die Datei ist UTF-16-kodiert"
            }
            let byte = String(p[k], radix: 16, uppercase: true)
            let stelle = k - zeilenAnfang + 1
            let feld = spalte.map { ", Spalte \($0)" } ?? ""
            let ort = SourceLocation(file: datei, line: line, column: spalte)
            if hinweis.isEmpty, Kodierung.istWindows1252(p), let z = Kodierung.zeichen(p[k]) {
                return Abbruch(
                    diagnostic: .error(
                        ort,
                        "\(Kodierung.windows1252) (erstes solches Zeichen: "
                            + "'\(z)' = Byte 0x\(byte) an Byteposition \(stelle) der Zeile \(line)\(feld))"))
            }
            return Abbruch(
                diagnostic: .error(
                    ort,
                    "Datei ist nicht UTF-8-kodiert (Zeile \(line)) – bitte als 'CSV UTF-8' speichern "
                        + "(ungültiges Byte 0x\(byte.count < 2 ? "0" + byte : byte) an Byteposition \(stelle) der Zeile\(feld)\(hinweis))"
                ))
        }

        mutating func parse() throws(Abbruch) -> Result<CSVTabelle, ModelError> {
            let n = p.count
            if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
                i = 3
                zeilenAnfang = 3
            }
            var header: [String]? = nil
            var headerLine = 0
            var rows: [CSVZeile] = []
            while i < n {
                // At the start of a physical line: blank line or comment?
                var j = i
                while j < n && (p[j] == CSV.space || p[j] == CSV.tab) { j += 1 }
                if j == n { break }
                if p[j] == CSV.cr || p[j] == CSV.lf {
                    i = zeilenende(j)
                    continue
                }
                if p[j] == CSV.hash {
                    while j < n && p[j] != CSV.cr && p[j] != CSV.lf {
                        if p[j] >= 0x80 {
                            let l = CSV.utf8Laenge(p, j)
                            if l == 0 { throw utf8Fehler(j, spalte: nil) }
                            j += l
                        } else {
                            j += 1
                        }
                    }
                    i = zeilenende(j)
                    continue
                }
                if header == nil { sep = erkenneSeparator(ab: i) }
                let startLine = line
                let fields = try record(erwartet: header?.count ?? 8)
                if fields.allSatisfy({ $0.utf8.allSatisfy { $0 == CSV.space || $0 == CSV.tab } }) { continue }
                if let header {
                    if fields.count == header.count {
                        rows.append(CSVZeile(line: startLine, fields: fields))
                    } else if fehler.count < CSV.maxFeldzahlFehler {
                        fehler.append(
                            .error(
                                SourceLocation(file: datei, line: startLine),
                                "Zeile \(startLine) hat \(fields.count) Felder, erwartet \(header.count) wie die Kopfzeile"
                            ))
                    } else {
                        weitereFeldzahlFehler += 1
                    }
                } else {
                    header = fields.map { CSV.trimmed($0) }
                    headerLine = startLine
                }
            }
            guard let header else {
                return .failure(
                    ModelError([.error(SourceLocation(file: datei), "Datei ist leer: keine Kopfzeile gefunden")]))
            }
            if weitereFeldzahlFehler > 0 {
                fehler.append(
                    .error(
                        SourceLocation(file: datei),
                        "\(weitereFeldzahlFehler) weitere Zeilen mit falscher Feldzahl (erwartet \(header.count))"))
            }
            if !fehler.isEmpty { return .failure(ModelError(fehler)) }
            let sepChar: Character = sep == CSV.tab ? "\t" : (sep == 0x2C ? "," : ";")
            return .success(
                CSVTabelle(file: datei, header: header, headerLine: headerLine, separator: sepChar, rows: rows))
        }

        /// Counts `;`, `,` and tab outside quotes on the physical line(s) of the header starting at `k`.
        func erkenneSeparator(ab k: Int) -> UInt8 {
            var semikolon = 0, komma = 0, tabs = 0
            var inQuotes = false
            var j = k
            while j < p.count {
                let b = p[j]
                if b == CSV.quote {
                    inQuotes.toggle()
                } else if !inQuotes {
                    if b == CSV.cr || b == CSV.lf { break }
                    if b == 0x3B { semikolon += 1 } else if b == 0x2C { komma += 1 } else if b == CSV.tab { tabs += 1 }
                }
                j += 1
            }
            if semikolon >= komma && semikolon >= tabs { return 0x3B }
            if komma >= tabs { return 0x2C }
            return CSV.tab
        }

        /// Reads one record starting at `i`, consuming its line end.
        mutating func record(erwartet: Int) throws(Abbruch) -> [String] {
            let n = p.count
            var fields: [String] = []
            fields.reserveCapacity(erwartet)
            var k = i
            while true {
                var q = k
                while q < n && p[q] == CSV.space { q += 1 }
                if q < n && p[q] == CSV.quote {
                    // Quoted field.
                    let quoteLine = line
                    let spalte = fields.count + 1
                    scratch.removeAll(keepingCapacity: true)
                    q += 1
                    var geschlossen = false
                    while q < n {
                        let b = p[q]
                        if b == CSV.quote {
                            if q + 1 < n && p[q + 1] == CSV.quote {
                                scratch.append(CSV.quote)
                                q += 2
                                continue
                            }
                            q += 1
                            geschlossen = true
                            break
                        }
                        if b == CSV.cr || b == CSV.lf {
                            scratch.append(CSV.lf)
                            q = zeilenende(q)
                            continue
                        }
                        if b >= 0x80 {
                            let l = CSV.utf8Laenge(p, q)
                            if l == 0 { throw utf8Fehler(q, spalte: spalte) }
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[q..<(q + l)]))
                            q += l
                            continue
                        }
                        scratch.append(b)
                        q += 1
                    }
                    if !geschlossen {
                        throw Abbruch(
                            diagnostic: .error(
                                SourceLocation(file: datei, line: quoteLine, column: spalte),
                                "Anführungszeichen in Zeile \(quoteLine), Spalte \(spalte) wird nicht geschlossen"))
                    }
                    // Anything after the closing quote up to the separator is kept literally.
                    while q < n {
                        let b = p[q]
                        if b == sep || b == CSV.cr || b == CSV.lf { break }
                        if b >= 0x80 {
                            let l = CSV.utf8Laenge(p, q)
                            if l == 0 { throw utf8Fehler(q, spalte: spalte) }
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[q..<(q + l)]))
                            q += l
                            continue
                        }
                        scratch.append(b)
                        q += 1
                    }
                    fields.append(String(decoding: scratch, as: UTF8.self))
                    k = q
                } else {
                    // Unquoted field.
                    let start = k
                    var q = k
                    while q < n {
                        let b = p[q]
                        if b == sep || b == CSV.cr || b == CSV.lf { break }
                        if b >= 0x80 {
                            let l = CSV.utf8Laenge(p, q)
                            if l == 0 { throw utf8Fehler(q, spalte: fields.count + 1) }
                            q += l
                            continue
                        }
                        q += 1
                    }
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<q]), as: UTF8.self))
                    k = q
                }
                if k < n && p[k] == sep {
                    k += 1
                    continue
                }
                i = zeilenende(k)
                return fields
            }
        }
    }
}
