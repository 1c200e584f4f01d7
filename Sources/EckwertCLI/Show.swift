import ArgumentParser
import EckwertCore
import EckwertExport

extension Eckwert {
    /// `eckwert show <model>`: the Ist Ergebnisplan at every level and the Kennzahlen on Ist years.
    public struct Show: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Zeigt das Ist: Ergebnisplan auf jeder Ebene und die Kennzahlen der Ist-Jahre.")

        @OptionGroup var modell: Modellwahl

        @Option(help: "Ausgabe: table (lesbar), csv oder json (Langformat, docs/modellformat.md Abschnitt 11).")
        var format: Ausgabeformat = .table

        public init() {}

        public func run() throws {
            let m = try modell.laden()
            let ist = Istrechnung.rechnen(m)
            switch format {
            case .csv: ausgeben(Langformat.csv(Langformat.zeilen(m, ist, mitFinanzplan: false)))
            case .json: ausgeben(Langformat.json(Langformat.zeilen(m, ist, mitFinanzplan: false)))
            case .table: ausgeben(Terminaltabellen.ist(m, ist))
            }
        }
    }
}
