import ArgumentParser
import EckwertCore
import EckwertExport

extension Eckwert {
    /// `eckwert export kaemmerei|eckwerte|ausschuss <model>`.
    public struct Export: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Schreibt ein einzelnes Dokument (Kämmerei-Mappe, Eckwerte-Mappe oder Ausschuss-Paket).")

        public enum Dokument: String, ExpressibleByArgument, CaseIterable, Sendable {
            case kaemmerei, eckwerte, ausschuss
        }

        @Argument(help: "kaemmerei, eckwerte oder ausschuss.")
        var dokument: Dokument

        /// The model; `--scenario` limits the Kämmerei-Mappe to one scenario.
        @OptionGroup var auswahl: ModellUndSzenario

        @Option(help: "Zielordner (Standard: reports/<modell>/).")
        var out: String?

        @OptionGroup var rechnen: Rechenoptionen

        public init() {}

        public func run() throws {
            let (m, szenarien) = try auswahl.laden()
            let e = Planungslauf.rechnen(m, rechnen.optionen)
            let ordner = berichtsordner(m, out)
            let version = EckwertVersion.text
            switch dokument {
            case .kaemmerei:
                try dokumenteSchreiben("Kämmerei-Mappe") {
                    try szenarien.map {
                        try Berichtsmappen.kaemmerei(e, szenario: $0.name, ordner: ordner, version: version)
                    }
                }
            case .eckwerte:
                try dokumenteSchreiben("Eckwerte-Mappe") {
                    [try Berichtsmappen.eckwerte(e, ordner: ordner, version: version)]
                }
            case .ausschuss:
                try dokumenteSchreiben("Ausschuss-Paket") {
                    try Ausschusspaket.schreiben(e, ordner: ordner, version: version)
                }
            }
        }
    }
}
