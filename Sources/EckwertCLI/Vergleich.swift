import ArgumentParser
import EckwertCore
import EckwertExport
import Foundation

extension Eckwert {
    /// `eckwert vergleich ALT NEU`: the Veränderungsnachweis between two states of a model.
    public struct Vergleich: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "vergleich",
            abstract: "Veränderungsnachweis: warum sich der Zuschussbedarf zwischen zwei Ständen eines Modells "
                + "ändert.")

        @Argument(help: "Der ältere Stand (Modellordner).")
        var alt: String

        @Argument(help: "Der neuere Stand (Modellordner).")
        var neu: String

        @Option(help: "table (mit Arbeitsmappe), csv oder json.")
        var format: Ausgabeformat = .table

        @Option(help: "Zielordner der Arbeitsmappe (Standard: reports/<neu>/).")
        var out: String?

        public init() {}

        public func run() throws {
            let a = try Modellwahl.parse([alt]).laden()
            let n = try Modellwahl.parse([neu]).laden()
            let v = Veraenderungsnachweis.rechnen(alt: a, neu: n)
            for h in v.hinweise where format != .table { fehlerausgabe("Hinweis: \(h)") }
            switch format {
            case .csv: ausgeben(Langformat.csv(v.langzeilen))
            case .json: ausgeben(Langformat.json(v.langzeilen))
            case .table:
                ausgeben(Kreislaufbericht.vergleich(v, jahr: n.haushaltsjahr))
                try dokumenteSchreiben("Veränderungsnachweis") {
                    [
                        try Kreislaufmappen.vergleich(
                            v, modell: n, ordner: berichtsordner(n, out),
                            version: EckwertVersion.text)
                    ]
                }
            }
        }
    }
}
