import ArgumentParser
import EckwertCore
import EckwertExport

extension Eckwert {
    /// `eckwert check <model>`: what was loaded, every error and warning; exit 0 only without errors.
    public struct Check: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Prüft ein Planungsmodell und zeigt, was geladen wurde, mit jedem Fehler und jeder Warnung.")

        @Argument(help: "Der Modellordner, z. B. scenarios/musterstadt.")
        var modell: String

        public init() {}

        public func run() throws {
            let e = ModellLader.laden(ordner: modell)
            if let m = e.modell {
                ausgeben(Pruefbericht.zusammenfassung(m, dateien: e.dateien))
            }
            let fehler = e.diagnostics.filter { $0.severity == .error }
            let warnungen = e.diagnostics.filter { $0.severity == .warning }
            if !e.diagnostics.isEmpty {
                ausgeben("\nBefunde:\n")
                for d in e.diagnostics { ausgeben("  \(d.description)\n") }
            }
            ausgeben("\n\(fehler.count) Fehler, \(warnungen.count) Warnung\(warnungen.count == 1 ? "" : "en")"
                     + (fehler.isEmpty ? " – das Modell ist verwendbar.\n" : " – das Modell ist so nicht verwendbar.\n"))
            if !fehler.isEmpty { throw ExitCode(1) }
        }
    }
}
