import EckwertCore
import Foundation

/// The presentation pack for the Fachausschuss: a self-contained HTML report (`ausschuss.html`) and the
/// same pack as a workbook with native Excel charts (`Ausschuss_<modell>.xlsx`). Both are public documents: case
/// counts per Sozialraum follow the model's Geheimhaltung rule. Pure consumers of a `Planungsergebnis`.
public enum Ausschusspaket {
    /// File name of the HTML report.
    public static let htmlDateiname = "ausschuss.html"

    /// File name of the workbook for a model.
    public static func xlsxDateiname(_ m: Planungsmodell) -> String {
        "Ausschuss_\(dateinamenTeil(m.name)).xlsx"
    }

    /// The HTML report. Same result → same bytes.
    public static func html(_ e: Planungsergebnis, version: String) -> String {
        AusschussHTML.dokument(Ausschussdaten(e, version: version))
    }

    /// Writes `ausschuss.html` and `Ausschuss_<modell>.xlsx` into `ordner` (created when missing), each atomically
    /// (temporary file, then rename). Returns both paths, HTML first.
    public static func schreiben(_ e: Planungsergebnis, ordner: String, version: String) throws -> [String] {
        try Dateiausgabe.ordnerAnlegen(ordner)
        let d = Ausschussdaten(e, version: version)
        let p = pfade(e.modell, ordner: ordner)
        try html(d, pfad: p.html)
        try AusschussXlsx.schreiben(d, pfad: p.xlsx)
        return [p.html, p.xlsx]
    }

    /// Where `schreiben` puts the HTML report and the workbook.
    static func pfade(_ m: Planungsmodell, ordner: String) -> (html: String, xlsx: String) {
        let url = URL(fileURLWithPath: ordner)
        return (url.appendingPathComponent(htmlDateiname).path, url.appendingPathComponent(xlsxDateiname(m)).path)
    }

    /// Writes the HTML report atomically.
    static func html(_ d: Ausschussdaten, pfad: String, nachlauf: Dateiausgabe.Nachlauf? = nil) throws {
        // Written out a megabyte at a time as it is made: a large model's pack is tens of megabytes.
        try Dateiausgabe.schreiben(nach: pfad, nachlauf: nachlauf) { AusschussHTML.dokument(d, in: &$0, weiter: $1) }
    }

    /// The HTML of one section only (same head and styles), e.g. for per-section previews. `abschnitt` is one of
    /// `abschnitte` or "titel".
    public static func htmlAbschnitt(_ e: Planungsergebnis, version: String, abschnitt: String) -> String {
        AusschussHTML.dokument(Ausschussdaten(e, version: version), nurAbschnitt: abschnitt)
    }

    /// Section ids of the report, in order (the anchors `#ueberblick` …).
    public static var abschnitte: [String] { AusschussHTML.abschnitte.map(\.id) }

    /// A model name as a safe file-name part: letters, digits, `-` and `_` kept, everything else `_`.
    static func dateinamenTeil(_ s: String) -> String {
        let t = String(s.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return t.isEmpty ? "modell" : t
    }
}
