import EckwertCore

/// The text encoding of an export file. Finance systems (SAP, H&H, Infoma) write Windows-1252 by default,
/// newer versions and statistics offices UTF-8, often with a byte order mark.
public enum Textkodierung: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case latin1 = "latin-1"

    /// The name shown in reports.
    public var anzeige: String {
        switch self {
        case .utf8: "UTF-8"
        case .windows1252: "Windows-1252"
        case .latin1: "Latin-1 (ISO-8859-1)"
        }
    }
}

/// The bytes of an export as UTF-8, with the encoding found and how it was decided.
public struct DekodierteDatei: Sendable {
    public var utf8: [UInt8]
    public var kodierung: Textkodierung
    public var mitBOM: Bool
    /// True when the encoding was detected, false when the mapping stated it.
    public var erkannt: Bool

    /// "Windows-1252 (erkannt)", "UTF-8 mit BOM (laut Zuordnung)".
    public var beschreibung: String {
        kodierung.anzeige + (mitBOM ? " mit BOM" : "") + (erkannt ? " (erkannt)" : " (laut Zuordnung)")
    }
}

/// An export or table read for an importer: decoded, parsed as CSV, and the columns the mapping names found.
struct Importtabelle {
    var kodierung: DekodierteDatei
    var tabelle: CSVTabelle
    /// Column name → 0-based index.
    var spalte: [String: Int]

    /// Every column the mapping names that the header lacks is one error (naming the mapping's role).
    static func lesen(
        _ bytes: [UInt8], datei: String, kodierung: Textkodierung?, spalten: [(rolle: String, name: String)]
    )
        -> Result<Importtabelle, ModelError>
    {
        let dek: DekodierteDatei
        switch Kodierung.dekodieren(bytes, angegeben: kodierung, datei: datei) {
        case .failure(let e): return .failure(e)
        case .success(let d): dek = d
        }
        let t: CSVTabelle
        do { t = try CSV.lesen(dek.utf8, datei: datei) } catch { return .failure(error) }
        var index: [String: Int] = [:]
        var fehlend: [Diagnostic] = []
        for (rolle, name) in spalten {
            switch t.spalteOderFehler(name) {
            case .success(let i): index[name] = i
            case .failure(let e):
                fehlend += e.diagnostics.map {
                    var d = $0; d.message += " (Zuordnung: \(rolle))"; return d
                }
            }
        }
        if !fehlend.isEmpty { return .failure(ModelError(fehlend)) }
        return .success(Importtabelle(kodierung: dek, tabelle: t, spalte: index))
    }
}

/// Detects and converts the encoding of an export.
///
/// Detection: a UTF-8 byte order mark, or bytes that are valid UTF-8 throughout, mean UTF-8; anything else is
/// read as Windows-1252 (a superset of Latin-1 in the printable range, and what German Windows programs write).
/// A stated encoding is obeyed: a file stated as UTF-8 that is not is an error naming line and column.
public enum Kodierung {
    public static func dekodieren(
        _ bytes: [UInt8], angegeben: Textkodierung?, datei: String
    )
        -> Result<DekodierteDatei, ModelError>
    {
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            return .failure(
                ModelError([
                    .error(
                        SourceLocation(file: datei, line: 1),
                        "Datei ist UTF-16-kodiert – bitte als 'CSV UTF-8' oder 'CSV (Trennzeichen-getrennt)' speichern")
                ]))
        }
        let rumpf = bom ? Array(bytes.dropFirst(3)) : bytes
        let ungueltig = ersteUngueltigeStelle(rumpf)
        switch angegeben {
        case .utf8?:
            if let k = ungueltig {
                let (zeile, spalte) = position(rumpf, k)
                return .failure(
                    ModelError([
                        .error(
                            SourceLocation(file: datei, line: zeile, column: spalte),
                            "Datei ist laut Zuordnung UTF-8, enthält aber das Byte 0x\(hex(rumpf[k])) (Zeile \(zeile), "
                                + "Zeichen \(spalte)) – ist sie Windows-1252? Dann 'kodierung: windows-1252' angeben")
                    ]))
            }
            return .success(DekodierteDatei(utf8: rumpf, kodierung: .utf8, mitBOM: bom, erkannt: false))
        case .windows1252?, .latin1?:
            let k = angegeben ?? .windows1252
            return .success(DekodierteDatei(utf8: umwandeln(rumpf, k), kodierung: k, mitBOM: false, erkannt: false))
        case nil:
            if ungueltig == nil {
                return .success(DekodierteDatei(utf8: rumpf, kodierung: .utf8, mitBOM: bom, erkannt: true))
            }
            return .success(
                DekodierteDatei(
                    utf8: umwandeln(rumpf, .windows1252), kodierung: .windows1252,
                    mitBOM: false, erkannt: true))
        }
    }

    /// Index of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func ersteUngueltigeStelle(_ b: [UInt8]) -> Int? {
        var k = 0
        let n = b.count
        func folge(_ j: Int) -> Bool { j < n && b[j] & 0xC0 == 0x80 }
        func zwischen(_ j: Int, _ lo: UInt8, _ hi: UInt8) -> Bool { j < n && b[j] >= lo && b[j] <= hi }
        while k < n {
            let c = b[k]
            if c < 0x80 { k += 1; continue }
            let l: Int
            switch c {
            case 0xC2...0xDF: l = folge(k + 1) ? 2 : 0
            case 0xE0: l = zwischen(k + 1, 0xA0, 0xBF) && folge(k + 2) ? 3 : 0
            case 0xE1...0xEC, 0xEE...0xEF: l = folge(k + 1) && folge(k + 2) ? 3 : 0
            case 0xED: l = zwischen(k + 1, 0x80, 0x9F) && folge(k + 2) ? 3 : 0
            case 0xF0: l = zwischen(k + 1, 0x90, 0xBF) && folge(k + 2) && folge(k + 3) ? 4 : 0
            case 0xF1...0xF3: l = folge(k + 1) && folge(k + 2) && folge(k + 3) ? 4 : 0
            case 0xF4: l = zwischen(k + 1, 0x80, 0x8F) && folge(k + 2) && folge(k + 3) ? 4 : 0
            default: l = 0
            }
            if l == 0 { return k }
            k += l
        }
        return nil
    }

    /// Windows-1252 code points of the bytes 0x80–0x9F (the five unassigned bytes keep their Latin-1 value).
    static let cp1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Converts single-byte text to UTF-8.
    static func umwandeln(_ b: [UInt8], _ k: Textkodierung) -> [UInt8] {
        var aus: [UInt8] = []
        aus.reserveCapacity(b.count + b.count / 16)
        for c in b {
            if c < 0x80 { aus.append(c); continue }
            let u: UInt32 = (k == .windows1252 && c < 0xA0) ? cp1252[Int(c - 0x80)] : UInt32(c)
            if u < 0x800 {
                aus.append(UInt8(0xC0 | (u >> 6)))
                aus.append(UInt8(0x80 | (u & 0x3F)))
            } else {
                aus.append(UInt8(0xE0 | (u >> 12)))
                aus.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
                aus.append(UInt8(0x80 | (u & 0x3F)))
            }
        }
        return aus
    }

    /// 1-based line and character of byte `k`.
    static func position(_ b: [UInt8], _ k: Int) -> (Int, Int) {
        var zeile = 1, anfang = 0
        for j in 0..<min(k, b.count) where b[j] == 0x0A {
            zeile += 1
            anfang = j + 1
        }
        return (zeile, k - anfang + 1)
    }

    static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count < 2 ? "0" + s : s
    }
}
