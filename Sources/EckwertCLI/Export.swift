import ArgumentParser
import EckwertCore
import EckwertExport
import Foundation

/// Where reports go: `--out`, else `reports/<model name>/` under the current folder.
func berichtsordner(_ m: Planungsmodell, _ out: String?) -> String {
    out ?? "reports/\(m.name)"
}

/// Writes documents and reports each path; a failure names the file and leaves earlier files untouched.
func dokumenteSchreiben(_ titel: String, _ schreiben: () throws -> [String]) throws {
    do {
        let hier = FileManager.default.currentDirectoryPath + "/"
        for pfad in try schreiben() {
            ausgeben("\(titel): \(pfad.hasPrefix(hier) ? String(pfad.dropFirst(hier.count)) : pfad)\n")
        }
    } catch {
        fehlerausgabe("error: \(error)")
        throw ExitCode(1)
    }
}

extension Eckwert {
    /// `eckwert export kaemmerei|eckwerte|ausschuss <model>`.
    public struct Export: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Schreibt ein einzelnes Dokument (Kämmerei-Mappe, Eckwerte-Mappe oder Ausschuss-Paket).")

        public enum Dokument: String, ExpressibleByArgument, CaseIterable, Sendable {
            case kaemmerei, eckwerte, ausschuss
        }

        @Argument(help: "kaemmerei, eckwerte oder ausschuss.")
        var dokument: Dokument

        @Argument(help: "Der Modellordner.")
        var modell: String

        @Option(help: "Nur dieses Szenario (Kämmerei-Mappe; Standard: alle).")
        var scenario: String?

        @Option(help: "Zielordner (Standard: reports/<modell>/).")
        var out: String?

        @OptionGroup var rechnen: Rechenoptionen

        public init() {}

        public func run() throws {
            let m = try modellLaden(modell, warnungenZeigen: false)
            if let s = scenario, m.szenario(s) == nil {
                fehlerausgabe("error: Szenario '\(s)' gibt es nicht (vorhanden: \(m.szenarien.map(\.name).joined(separator: ", ")))")
                throw ExitCode(1)
            }
            let e = Planungslauf.rechnen(m, rechnen.optionen)
            let ordner = berichtsordner(m, out)
            switch dokument {
            case .kaemmerei:
                try dokumenteSchreiben("Kämmerei-Mappe") {
                    try m.szenarien.filter { scenario == nil || $0.name == scenario }.map {
                        try Berichtsmappen.kaemmerei(e, szenario: $0.name, ordner: ordner, version: EckwertVersion.text)
                    }
                }
            case .eckwerte:
                try dokumenteSchreiben("Eckwerte-Mappe") { [try Berichtsmappen.eckwerte(e, ordner: ordner, version: EckwertVersion.text)] }
            case .ausschuss:
                try dokumenteSchreiben("Ausschuss-Paket") { try Ausschusspaket.schreiben(e, ordner: ordner, version: EckwertVersion.text) }
            }
        }
    }
}
