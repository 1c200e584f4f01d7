import ArgumentParser
import EckwertCore
import EckwertExport

extension Eckwert {
    /// `eckwert run <model>`: all scenarios, a short summary, and the reports.
    public struct Run: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Rechnet alle Szenarien und zeigt eine Übersicht (Zuschussbedarf, verfehlte Ziele, Warnungen).")

        @OptionGroup var modell: Modellwahl

        @OptionGroup var rechnen: Rechenoptionen

        @Flag(help: "Keine Fortschrittsmeldungen.")
        var leise = false

        @Option(help: "Zielordner der Dokumente (Standard: reports/<modell>/).")
        var out: String?

        @Flag(help: "Nur rechnen und die Übersicht zeigen, keine Dokumente schreiben.")
        var ohneDokumente = false

        public init() {}

        public func run() throws {
            let (m, befunde) = try modell.ladenMitBefunden()
            let ordner = berichtsordner(m, out)
            let version = EckwertVersion.text
            var vorab: Laufdokumente.Vorab?
            let e = Planungslauf.rechnen(
                m, rechnen.optionen, ladebefunde: befunde,
                fortschritt: leise ? nil : fortschrittAusgabe,
                vorDenZiehungen: ohneDokumente
                    ? nil : { vorab = Laufdokumente.vorab($0, ordner: ordner, version: version) })
            ausgeben(Laufbericht.zusammenfassung(e))
            guard !ohneDokumente else { return }
            if !leise { fortschrittAusgabe("Dokumente nach \(ordner) …") }
            ausgeben("\nDokumente:\n")
            if rechnen.optionen.ziehungen > 0 { Speicher.freigeben() }
            let d = Laufdokumente.schreiben(e, ordner: ordner, version: version, vorab: vorab)
            Prozessende.ueberlassen(m, e)
            try dokumenteSchreiben("  Kämmerei/Eckwerte") { try d.mappen.get() }
            try dokumenteSchreiben("  Ausschuss") { try d.ausschuss.get() }
        }
    }
}
