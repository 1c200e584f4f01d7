import ArgumentParser
import EckwertCore
import EckwertExport

extension Eckwert {
    /// `eckwert forecast <model>`: every figure of the forecast in the long format.
    public struct Forecast: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Gibt die Prognose aus: jede Zeile auf jeder Ebene, Fallzahlen, Kennzahlen (Langformat).")

        @OptionGroup var auswahl: ModellUndSzenario

        @Option(help: "table, csv oder json.")
        var format: Ausgabeformat = .csv

        public init() {}

        public func run() throws {
            let (m, szenarien) = try auswahl.laden()
            let p = Projektion(m)
            let laeufe = szenarien.map { p.rechnen($0) }
            // The Planung der Kämmerei beside the forecast (without --scenario).
            let planung = auswahl.scenario == nil ? Langformat.planung(m) : []
            switch format {
            case .csv: ausgeben(Langformat.csv(laeufe.flatMap { Langformat.zeilen(m, $0) } + planung))
            case .json: ausgeben(Langformat.json(laeufe.flatMap { Langformat.zeilen(m, $0) } + planung))
            case .table: for l in laeufe { ausgeben(Laufbericht.prognosetabelle(m, l)) }
            }
        }
    }
}
