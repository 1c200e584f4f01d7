import ArgumentParser
import EckwertCore
import EckwertExport

extension Eckwert {
    /// `eckwert backtest <model> --from <year>`.
    public struct Backtest: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "backtest",
            abstract:
                "Rechnet die Methode ab einem früheren Basisjahr nach und vergleicht mit dem Ist (MAPE, Verzerrung).")

        @OptionGroup var modell: Modellwahl

        @Option(name: .customLong("from"), help: "Das frühere Basisjahr, z. B. Basisjahr − 3.")
        var ab: Int

        @Option(help: "table oder csv.")
        var format: Ausgabeformat = .table

        public init() {}

        public func run() throws {
            let m = try modell.laden()
            do {
                let b = try EckwertCore.Backtest.rechnen(m, ab: ab)
                ausgeben(format == .table ? Laufbericht.backtest(b) : Laufbericht.backtestCSV(b))
            } catch {
                // The core names the start year; the command adds the option that set it.
                fehlerausgabe("error: " + (error.betrifftStartjahr ? "--from \(ab): " : "") + error.meldung)
                throw ExitCode(1)
            }
        }
    }
}
