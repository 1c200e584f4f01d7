import ArgumentParser
import EckwertCore
import EckwertExport
import Foundation

extension Eckwert {
    /// `eckwert controlling <modell> --monat 9`: the in-year Abweichungsbericht.
    public struct Controlling: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "controlling",
            abstract: "Unterjähriges Controlling: Ansatz, Ist bis Monat, Hochrechnung, Abweichung und Ampel.")

        @OptionGroup var ordner: Modellwahl

        @Option(help: "Monat, bis zu dem berichtet wird (Standard: der letzte Monat in ist_unterjaehrig.csv).")
        var monat: Int?

        @Option(help: "Jahr (Standard: das letzte Jahr in ist_unterjaehrig.csv).")
        var jahr: Int?

        @Option(help: "Ampel gelb ab dieser ungünstigen Abweichung vom Ansatz, in Prozent.")
        var gelb: Double = 2

        @Option(help: "Ampel rot ab dieser ungünstigen Abweichung vom Ansatz, in Prozent.")
        var rot: Double = 5

        @Option(help: "table (mit Arbeitsmappe), csv oder json.")
        var format: Ausgabeformat = .table

        @Option(help: "Zielordner der Arbeitsmappe (Standard: reports/<modell>/).")
        var out: String?

        public init() {}

        public func validate() throws {
            if let monat, !(1...12).contains(monat) {
                throw ValidationError("--monat erwartet 1 … 12, gefunden \(monat)")
            }
            guard gelb >= 0, rot >= gelb else {
                throw ValidationError("--gelb und --rot: erwartet 0 ≤ gelb ≤ rot (Prozent)")
            }
        }

        public func run() throws {
            let m = try ordner.laden()
            let p = Projektion(m)
            let prognose = m.szenario("status-quo").map { p.rechnen($0) }
            let a: Abweichungsbericht
            do {
                a = try Abweichungsbericht.rechnen(
                    m, jahr: jahr, monat: monat,
                    schwellen: .init(gelb: gelb / 100, rot: rot / 100),
                    prognose: prognose)
            } catch {
                fehlerausgabe("error: \(error)")
                throw ExitCode(1)
            }
            switch format {
            case .csv: ausgeben(Langformat.csv(a.langzeilen))
            case .json: ausgeben(Langformat.json(a.langzeilen))
            case .table:
                ausgeben(Kreislaufbericht.controlling(a, m))
                try dokumenteSchreiben("Abweichungsbericht") {
                    [
                        try Kreislaufmappen.controlling(
                            a, modell: m, ordner: berichtsordner(m, out),
                            version: EckwertVersion.text)
                    ]
                }
            }
        }
    }
}
