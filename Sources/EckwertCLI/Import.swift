import ArgumentParser
import EckwertImport
import Foundation

extension Eckwert {
    /// `eckwert import haushalt|bevoelkerung`: data from the finance system and the statistics office into a model.
    public struct Import: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Übernimmt Daten aus dem Finanzverfahren oder der Statistikstelle in ein Modell.",
            discussion: "Beschreibung der Zuordnungsdateien mit Beispielen: docs/import.md.",
            subcommands: [ImportHaushalt.self, ImportBevoelkerung.self])
        public init() {}
    }

    public struct ImportHaushalt: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "haushalt",
            abstract: "Haushaltsexport (SAP, H&H, Infoma …) → ist.csv, ansatz.csv, planung.csv und Produkte.",
            discussion: """
                Summiert die Beträge je Produkt, Zeile, Jahr und Wertart, stimmt sie je Jahr, Wertart und \
                Produktbereich auf den Cent mit dem Export ab und listet jede Zeile, die nicht übernommen wurde. \
                Von Hand Geschriebenes im Modell bleibt erhalten; alle Dateien werden gemeinsam oder gar nicht geändert.
                """)

        @Argument(help: "Die Exportdatei (CSV).") var export: String
        @Option(name: .customLong("zuordnung"), help: "Die Zuordnungsdatei (YAML), siehe docs/import.md.")
        var zuordnung: String
        @Argument(help: "Der Modellordner, in den übernommen wird.") var modell: String
        @Flag(name: .customLong("probelauf"), help: "Nur abstimmen und berichten, nichts schreiben.")
        var probelauf = false

        public init() {}

        public func run() throws {
            switch HaushaltImport.ausfuehren(
                export: export, zuordnung: zuordnung, modell: modell,
                probelauf: probelauf)
            {
            case .failure(let e): throw importFehler(e.description)
            case .success(let b): FileHandle.standardOutput.write(Data(b.text.utf8))
            }
        }
    }

    public struct ImportBevoelkerung: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "bevoelkerung",
            abstract: "Bevölkerungstabelle der Statistikstelle → bevoelkerung.csv und bevoelkerung_historie.csv.",
            discussion: """
                Fasst Ortsteile zu Sozialräumen zusammen und teilt Altersgruppen summentreu auf Einzeljahre 0–100 \
                auf (Verfahren: docs/import.md). Druckt die Summen je Sozialraum und Jahr vor und nach der Aufteilung.
                """)

        @Argument(help: "Die Tabelle (CSV).") var tabelle: String
        @Option(name: .customLong("zuordnung"), help: "Die Zuordnungsdatei (YAML), siehe docs/import.md.")
        var zuordnung: String
        @Argument(help: "Der Modellordner, in den übernommen wird.") var modell: String
        @Flag(name: .customLong("probelauf"), help: "Nur aufteilen und berichten, nichts schreiben.")
        var probelauf = false

        public init() {}

        public func run() throws {
            switch BevoelkerungImport.ausfuehren(
                tabelle: tabelle, zuordnung: zuordnung, modell: modell,
                probelauf: probelauf)
            {
            case .failure(let e): throw importFehler(e.description)
            case .success(let b): FileHandle.standardOutput.write(Data(b.text.utf8))
            }
        }
    }
}

/// Prints the diagnostics and ends with status 1: nothing was written.
private func importFehler(_ text: String) -> ExitCode {
    FileHandle.standardError.write(Data((text + "\nImport abgebrochen – am Modell wurde nichts geändert.\n").utf8))
    return ExitCode(1)
}
