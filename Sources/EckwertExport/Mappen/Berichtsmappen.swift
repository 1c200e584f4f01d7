import Foundation
import EckwertCore

/// Public entry points for the budget round's two workbooks: the Kämmerei workbook (one per scenario) and the Eckwerte
/// workbook. Each is written atomically (temporary file in the target folder, then rename), with document dates
/// from `modell.stand`, so the same model gives the same bytes.
public enum Berichtsmappen {
    /// A request the workbooks cannot serve (an unknown scenario, a folder that cannot be created).
    public struct Fehler: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// `Kaemmerei_<modell>_<szenario>.xlsx`, ASCII only.
    public static func dateiname(kaemmerei modell: Planungsmodell, szenario: String) -> String {
        "Kaemmerei_\(ascii(modell.name))_\(ascii(szenario)).xlsx"
    }

    /// `Eckwerte_<modell>.xlsx`, ASCII only.
    public static func dateiname(eckwerte modell: Planungsmodell) -> String {
        "Eckwerte_\(ascii(modell.name)).xlsx"
    }

    /// Writes the Kämmerei workbook of `szenario` into `ordner` (created if missing); returns the file's path.
    /// - Parameter version: the program version shown on the Deckblatt.
    /// - Parameter vorDemSchliessen: called after every sheet is laid out, just before the file is assembled
    ///   (a progress point; the kill test stops the process there).
    public static func kaemmerei(
        _ e: Planungsergebnis, szenario: String, ordner: String, version: String,
        vorDemSchliessen: (() -> Void)? = nil
    ) throws -> String {
        try kaemmerei(
            e, szenario: szenario, ordner: ordner, version: version, basis: nil, vorDemSchliessen: vorDemSchliessen)
    }

    /// The same, with the Basis der Prognose (the same in every scenario) shared by the workbooks of one run.
    static func kaemmerei(
        _ e: Planungsergebnis, szenario: String, ordner: String, version: String,
        basis: Einmal<Fortschreibungsbasis>?, vorDemSchliessen: (() -> Void)? = nil,
        nachlauf: Dateiausgabe.Nachlauf? = nil
    ) throws -> String {
        guard let s = e.modell.szenario(szenario), let l = e.szenario(szenario) else {
            throw Fehler(
                description:
                    "Szenario '\(szenario)' gibt es nicht (vorhanden: \(e.modell.szenarien.map(\.name).joined(separator: ", ")))"
            )
        }
        let pfad = try ziel(ordner, dateiname(kaemmerei: e.modell, szenario: szenario))
        let mappe = try Mappe(
            pfad: pfad, modell: e.modell, titel: "Kämmerei-Mappe \(e.modell.kommune), Szenario \(szenario)",
            fusszeileRechts: "Szenario \(szenario)", version: version)
        try KaemmereiMappe(e: e, l: l, szenario: s, mappe: mappe, basis: basis)
            .schreiben(vorDemSchliessen: vorDemSchliessen, nachlauf: nachlauf)
        return pfad
    }

    /// Writes the Eckwerte workbook into `ordner` (created if missing); returns the file's path.
    public static func eckwerte(_ e: Planungsergebnis, ordner: String, version: String) throws -> String {
        try eckwerte(e, ordner: ordner, version: version, nachlauf: nil)
    }

    /// The same; with `nachlauf`, the file is flushed to disk and renamed there.
    static func eckwerte(
        _ e: Planungsergebnis, ordner: String, version: String, nachlauf: Dateiausgabe.Nachlauf?
    ) throws -> String {
        let pfad = try ziel(ordner, dateiname(eckwerte: e.modell))
        let mappe = try Mappe(
            pfad: pfad, modell: e.modell, titel: "Eckwerte \(e.modell.kommune) \(e.modell.haushaltsjahr)",
            fusszeileRechts: "Eckwertebeschluss \(e.modell.haushaltsjahr), alle Szenarien", version: version)
        try EckwerteMappe(e: e, w: Eckwerte.rechnen(e), mappe: mappe).schreiben(nachlauf: nachlauf)
        return pfad
    }

    /// Every workbook of a run: one Kämmerei workbook per scenario, then the Eckwerte workbook. The workbooks are
    /// independent (each owns its libxlsxwriter workbook on its own thread, nothing is shared but the immutable
    /// result), so they are written in parallel; the paths come back in this fixed order, and the first error in
    /// that order is thrown. Each file is still written atomically on its own.
    public static func alle(_ e: Planungsergebnis, ordner: String, version: String) throws -> [String] {
        _ = try ziel(ordner, "")  // create the folder once, before the workers race to
        let basis = Einmal { Fortschreibungsbasis(e.modell) }
        let auftraege: [@Sendable () throws -> String] =
            e.szenarien.map { s in
                { try kaemmerei(e, szenario: s.szenario, ordner: ordner, version: version, basis: basis) }
            } + [{ try eckwerte(e, ordner: ordner, version: version) }]
        return try Parallelauftraege.ausfuehren(auftraege).map { try $0.get() }
    }

    static func ziel(_ ordner: String, _ name: String) throws -> String {
        let o = ordner.isEmpty ? "." : ordner
        try Dateiausgabe.ordnerAnlegen(o)
        return (o.hasSuffix("/") ? o : o + "/") + name
    }

    static func ascii(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "Ä": out += "Ae"
            case "Ö": out += "Oe"
            case "Ü": out += "Ue"
            case "ß": out += "ss"
            default: out += ch.isASCII && (ch.isLetter || ch.isNumber || ch == "-" || ch == "_") ? String(ch) : "_"
            }
        }
        return out.isEmpty ? "_" : out
    }
}
