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
            // With all scenarios (no --scenario) the rows that are not a scenario's go along: the Planung der
            // Kämmerei beside the forecast (szenario=planung) and the Sozialräume's Ist rows (cases, smoothed rate,
            // indicators, Sozialindex, allocations) as its base.
            let alle = auswahl.scenario == nil
            let beiwerk = alle ? Langformat.sozialraumIst(m, p) + Langformat.planung(m) : []
            let zeilen = beiwerk + laeufe.flatMap { Langformat.zeilen(m, $0) }
            switch format {
            case .csv: ausgeben(Langformat.csv(zeilen))
            case .json: ausgeben(Langformat.json(zeilen))
            case .table: for l in laeufe { ausgeben(Laufbericht.prognosetabelle(m, l)) }
            }
        }
    }
}
