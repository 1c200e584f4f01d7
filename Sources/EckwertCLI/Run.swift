import ArgumentParser
import EckwertCore
import EckwertExport
import Foundation

/// Options shared by the commands that compute a forecast.
struct Rechenoptionen: ParsableArguments {
    @Option(help: "Monte-Carlo-Ziehungen für P10/P50/P90 und den Risikopuffer (0 = keine).")
    var draws: Int = 0

    @Option(help: "Startwert des Zufallsgenerators; gleicher Startwert, gleiche Ergebnisse.")
    var seed: UInt64 = 20_251_231

    func validate() throws {
        guard (0...1_000_000).contains(draws) else { throw ValidationError("--draws erwartet 0 … 1.000.000") }
    }

    var optionen: Planungslauf.Optionen { .init(ziehungen: draws, seed: seed) }
}

/// Progress lines on stderr (so stdout stays clean for --format csv).
let fortschrittAusgabe: @Sendable (String) -> Void = { zeile in fehlerausgabe(zeile) }

extension Eckwert {
    /// `eckwert run <model>`: all scenarios, a short summary, and the reports.
    public struct Run: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Rechnet alle Szenarien und zeigt eine Übersicht (Zuschussbedarf, verfehlte Ziele, Warnungen).")

        @Argument(help: "Der Modellordner.")
        var modell: String

        @OptionGroup var rechnen: Rechenoptionen

        @Flag(help: "Keine Fortschrittsmeldungen.")
        var leise = false

        @Option(help: "Zielordner der Dokumente (Standard: reports/<modell>/).")
        var out: String?

        @Flag(help: "Nur rechnen und die Übersicht zeigen, keine Dokumente schreiben.")
        var ohneDokumente = false

        public init() {}

        public func run() throws {
            let m = try modellLaden(modell, warnungenZeigen: false)
            let e = Planungslauf.rechnen(m, rechnen.optionen, fortschritt: leise ? nil : fortschrittAusgabe)
            ausgeben(Laufbericht.zusammenfassung(e))
            guard !ohneDokumente else { return }
            let ordner = berichtsordner(m, out)
            if !leise { fortschrittAusgabe("Dokumente nach \(ordner) …") }
            ausgeben("\nDokumente:\n")
            try dokumenteSchreiben("  Kämmerei/Eckwerte") { try Berichtsmappen.alle(e, ordner: ordner, version: EckwertVersion.text) }
            try dokumenteSchreiben("  Ausschuss") { try Ausschusspaket.schreiben(e, ordner: ordner, version: EckwertVersion.text) }
        }
    }

    /// `eckwert forecast <model>`: every figure of the forecast in the long format.
    public struct Forecast: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Gibt die Prognose aus: jede Zeile auf jeder Ebene, Fallzahlen, Kennzahlen (Langformat).")

        @Argument(help: "Der Modellordner.")
        var modell: String

        @Option(help: "Nur dieses Szenario (Standard: alle).")
        var scenario: String?

        @Option(help: "table, csv oder json.")
        var format: Ausgabeformat = .csv

        public init() {}

        public func run() throws {
            let m = try modellLaden(modell, warnungenZeigen: false)
            if let s = scenario, m.szenario(s) == nil {
                fehlerausgabe("error: Szenario '\(s)' gibt es nicht (vorhanden: \(m.szenarien.map(\.name).joined(separator: ", ")))")
                throw ExitCode(1)
            }
            let p = Projektion(m)
            let laeufe = m.szenarien.filter { scenario == nil || $0.name == scenario }.map { p.rechnen($0) }
            let sozialraum = Langformat.sozialraumIst(m, p)
            switch format {
            case .csv: ausgeben(Langformat.csv(sozialraum + laeufe.flatMap { Langformat.zeilen(m, $0) }))
            case .json: ausgeben(Langformat.json(sozialraum + laeufe.flatMap { Langformat.zeilen(m, $0) }))
            case .table: for l in laeufe { ausgeben(Laufbericht.prognosetabelle(m, l)) }
            }
        }
    }

    /// `eckwert backtest <model> --from <year>`.
    public struct Backtest: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Rechnet die Methode ab einem früheren Basisjahr nach und vergleicht mit dem Ist (MAPE, Verzerrung).")

        @Argument(help: "Der Modellordner.")
        var modell: String

        @Option(name: .customLong("from"), help: "Das frühere Basisjahr, z. B. Basisjahr − 3.")
        var ab: Int

        @Option(help: "table oder csv.")
        var format: Ausgabeformat = .table

        public init() {}

        public func run() throws {
            let m = try modellLaden(modell, warnungenZeigen: false)
            do {
                let b = try EckwertCore.Backtest.rechnen(m, ab: ab)
                ausgeben(format == .table ? Laufbericht.backtest(b) : Laufbericht.backtestCSV(b))
            } catch {
                fehlerausgabe("error: \(error.meldung)")
                throw ExitCode(1)
            }
        }
    }
}
