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
            var zeilen = alle ? Langformat.sozialraumIst(m, p) + Langformat.planung(m) : []
            // One array of exactly the rows, filled scenario by scenario (flatMap's doubling left up to a third of it
            // as slack, and the peak memory is these rows).
            for (i, l) in laeufe.enumerated() {
                let teil = Langformat.zeilen(m, l)
                if i == 0 { zeilen.reserveCapacity(zeilen.count + teil.count * laeufe.count) }
                zeilen.append(contentsOf: teil)
            }
            switch format {
            case .csv: try ausgebenInBloecken { Langformat.csv(zeilen, an: $0) }
            case .json: ausgeben(Langformat.json(zeilen))
            case .table: for l in laeufe { ausgeben(Laufbericht.prognosetabelle(m, l)) }
            }
        }
    }
}
