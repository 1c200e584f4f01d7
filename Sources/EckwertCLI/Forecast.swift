import ArgumentParser
import EckwertCore
import EckwertExport
import Foundation

extension Eckwert {
    /// `eckwert forecast <model>`: every figure of the forecast in the long format.
    public struct Forecast: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "forecast",
            abstract: "Gibt die Prognose aus: jede Zeile auf jeder Ebene, Fallzahlen, Kennzahlen (Langformat).")

        @OptionGroup var auswahl: ModellUndSzenario

        @Option(help: "table, csv oder json.")
        var format: Ausgabeformat = .csv

        public init() {}

        public func run() throws {
            Speicher.sparsam()
            let (m, szenarien) = try auswahl.laden()
            let p = Projektion(m)
            // With all scenarios (no --scenario) the rows that are not a scenario's go along: the Planung der
            // Kämmerei beside the forecast (szenario=planung) and the Sozialräume's Ist rows (cases, smoothed rate,
            // indicators, Sozialindex, allocations) as its base.
            let alle = auswahl.scenario == nil
            if format == .csv {
                // Szenario by szenario, each run computed, written and dropped in turn (the CSV sorts by szenario
                // first), so that one szenario's rows are held at a time.
                var quellen: [Langformat.Quelle] = []
                if alle {
                    quellen.append(("ist", { Langformat.sozialraumIst(m, p, in: &$0) }))
                    quellen.append(("planung", { $0.anfuegen(contentsOf: Langformat.planung(m)) }))
                }
                // Each run's products on both cores: nothing else runs while a szenario is computed.
                let einheiten = m.einheiten, kerne = ProcessInfo.processInfo.activeProcessorCount
                for s in szenarien {
                    quellen.append(
                        (s.name, { Langformat.zeilen(m, p.rechnen(s, teile: kerne), einheiten: einheiten, in: &$0) }))
                }
                try ausgebenInBloecken { Langformat.csv(szenarien: quellen, an: $0) }
                Prozessende.ueberlassen(m, p, quellen)
                return
            }
            let laeufe = szenarien.map { p.rechnen($0) }
            switch format {
            case .json:
                var zeilen = alle ? Langformat.sozialraumIst(m, p) + Langformat.planung(m) : []
                for l in laeufe { zeilen += Langformat.zeilen(m, l) }
                ausgeben(Langformat.json(zeilen))
            case .table, .csv: for l in laeufe { ausgeben(Laufbericht.prognosetabelle(m, l)) }
            }
        }
    }
}
