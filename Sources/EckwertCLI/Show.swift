import ArgumentParser
import EckwertCore
import EckwertExport

extension Eckwert {
    /// `eckwert show <model>`: the Ist Ergebnisplan at every level and the Kennzahlen on Ist years.
    public struct Show: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Zeigt das Ist: Ergebnisplan auf jeder Ebene und die Kennzahlen der Ist-Jahre.")

        @OptionGroup var modell: Modellwahl

        @Option(help: "Ausgabe: table (lesbar), csv oder json (Langformat, docs/modellformat.md Abschnitt 11).")
        var format: Ausgabeformat = .table

        public init() {}

        public func run() throws {
            let m = try modell.laden()
            let ist = Istrechnung.rechnen(m)
            switch format {
            case .csv:
                let zeilen = Langformat.zeilen(m, ist, mitFinanzplan: false)
                try ausgebenInBloecken { Langformat.csv(zeilen, an: $0) }
            case .json: ausgeben(Langformat.json(Langformat.zeilen(m, ist, mitFinanzplan: false)))
            case .table: ausgeben(Terminaltabellen.ist(m, ist))
            }
        }
    }
}
