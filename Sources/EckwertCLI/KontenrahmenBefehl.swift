import ArgumentParser
import EckwertCore
import EckwertExport

extension Eckwert {
    /// `eckwert kontenrahmen [NAME]`: the built-in line schemes, or every line of one scheme (built-in or a file).
    public struct KontenrahmenBefehl: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "kontenrahmen",
            abstract: "Zeigt die eingebauten Kontenrahmen oder alle Zeilen eines Kontenrahmens.",
            discussion: """
                Ohne NAME: jeder eingebaute Kontenrahmen mit Land, Zeilenzahl und Prüfstand. Mit NAME (eine Id wie \
                nkf, sh, nds, hessen, bw, bayern, sachsen oder eine eigene YAML-Datei): jede Zeile mit Nummer, \
                Schlüssel, Bezeichnung, Art oder Summenformel, Fortschreibung, zahlungswirksam, Kontengruppen und Aliasen.
                """)

        @Argument(help: "Id eines eingebauten Kontenrahmens oder Pfad einer Kontenrahmen-Datei (.yaml).")
        var name: String?

        public init() {}

        public func run() throws {
            guard let name else { return ausgeben(Kontenrahmenanzeige.uebersicht()) }
            if let k = Kontenrahmen.eingebaut(name) { return ausgeben(Kontenrahmenanzeige.zeilen(k)) }
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else {
                let ids = Kontenrahmen.eingebauteIDs.joined(separator: ", ")
                fehlerausgabe("Kontenrahmen '\(name)' ist nicht eingebaut (\(ids)) und keine YAML-Datei.")
                throw ExitCode(1)
            }
            let (k, befunde) = Kontenrahmen.laden(datei: name)
            for d in befunde { fehlerausgabe(d.description) }
            guard let k else { throw ExitCode(1) }
            ausgeben(Kontenrahmenanzeige.zeilen(k))
        }
    }
}
