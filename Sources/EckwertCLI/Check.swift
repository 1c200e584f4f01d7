import ArgumentParser
import EckwertCore
import EckwertExport

extension Eckwert {
    /// `eckwert check <model>`: what was loaded, every error and warning; exit 0 only without errors.
    public struct Check: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Prüft ein Planungsmodell und zeigt, was geladen wurde, mit jedem Fehler und jeder Warnung.")

        @OptionGroup var modell: Modellwahl

        public init() {}

        public func run() throws {
            // check shows every finding of a model with errors too, so it reads the loader's result itself.
            let e = ModellLader.laden(ordner: modell.modell)
            var befunde = e.diagnostics
            var zusatz: [Diagnostic] = []
            if let m = e.modell {
                ausgeben(Pruefbericht.zusammenfassung(m, dateien: e.dateien))
                // The same list of warnings as `run`: loader, Kennzahlen, plausibility, the scenario runs. The
                // loader's own findings are listed as the loader cut them; the rest is added after them.
                let l = Planungslauf.projizieren(m)
                let geladen = Set(e.diagnostics)
                zusatz = Plausibilitaet.warnungen(m, ladebefunde: e.diagnostics, laeufe: l.laeufe, ist: l.ist)
                    .filter { !geladen.contains($0) }
                befunde += zusatz
            }
            // Counted over every finding, also those beyond the listing's limit per file.
            let fehler = e.anzahlFehler + zusatz.filter { $0.severity == .error }.count
            let warnungen = e.anzahlWarnungen + zusatz.filter { $0.severity == .warning }.count
            if !befunde.isEmpty {
                ausgeben("\nBefunde:\n")
                for d in befunde { ausgeben("  \(d.description)\n") }
            }
            ausgeben(
                "\n\(fehler) Fehler, \(warnungen) Warnung\(warnungen == 1 ? "" : "en")"
                    + (fehler == 0 ? " – das Modell ist verwendbar.\n" : " – das Modell ist so nicht verwendbar.\n"))
            if fehler > 0 { throw ExitCode(1) }
        }
    }
}
