import ArgumentParser
import EckwertCore
import EckwertExport

extension Eckwert {
    /// `eckwert check <model>`: what was loaded, every error and warning; exit 0 only without errors.
    public struct Check: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Prüft ein Planungsmodell und zeigt, was geladen wurde, mit jedem Fehler und jeder Warnung.")

        @OptionGroup var modell: Modellwahl

        public init() {}

        public func run() throws {
            // check shows every finding of a model with errors too, so it reads the loader's result itself.
            let e = ModellLader.laden(ordner: modell.modell)
            var befunde = e.diagnostics
            if let m = e.modell {
                ausgeben(Pruefbericht.zusammenfassung(m, dateien: e.dateien))
                // The same list of warnings as `run`: loader, Kennzahlen, plausibility, the scenario runs.
                let l = Planungslauf.projizieren(m)
                befunde = Plausibilitaet.warnungen(m, ladebefunde: e.diagnostics, laeufe: l.laeufe, ist: l.ist)
            }
            let fehler = befunde.filter { $0.severity == .error }
            let warnungen = befunde.filter { $0.severity == .warning }
            if !befunde.isEmpty {
                ausgeben("\nBefunde:\n")
                for d in befunde { ausgeben("  \(d.description)\n") }
            }
            ausgeben("\n\(fehler.count) Fehler, \(warnungen.count) Warnung\(warnungen.count == 1 ? "" : "en")"
                     + (fehler.isEmpty ? " – das Modell ist verwendbar.\n" : " – das Modell ist so nicht verwendbar.\n"))
            if !fehler.isEmpty { throw ExitCode(1) }
        }
    }
}
