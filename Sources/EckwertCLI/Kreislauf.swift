import ArgumentParser
import EckwertCore
import EckwertExport
import Foundation

extension Eckwert {
    /// `eckwert vergleich ALT NEU`: the Veränderungsnachweis between two states of a model.
    public struct Vergleich: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Veränderungsnachweis: warum sich der Zuschussbedarf zwischen zwei Ständen eines Modells ändert.")

        @Argument(help: "Der ältere Stand (Modellordner).")
        var alt: String

        @Argument(help: "Der neuere Stand (Modellordner).")
        var neu: String

        @Option(help: "table (mit Arbeitsmappe), csv oder json.")
        var format: Ausgabeformat = .table

        @Option(help: "Zielordner der Arbeitsmappe (Standard: reports/<neu>/).")
        var out: String?

        public init() {}

        public func run() throws {
            let a = try modellLaden(alt, warnungenZeigen: false)
            let n = try modellLaden(neu, warnungenZeigen: false)
            let v = Veraenderungsnachweis.rechnen(alt: a, neu: n)
            for h in v.hinweise where format != .table { fehlerausgabe("Hinweis: \(h)") }
            switch format {
            case .csv: ausgeben(Langformat.csv(v.langzeilen))
            case .json: ausgeben(Langformat.json(v.langzeilen))
            case .table:
                ausgeben(Kreislaufbericht.vergleich(v, jahr: n.haushaltsjahr))
                try dokumenteSchreiben("Veränderungsnachweis") {
                    [try Kreislaufmappen.vergleich(v, modell: n, ordner: berichtsordner(n, out), version: EckwertVersion.text)]
                }
            }
        }
    }

    /// `eckwert controlling <modell> --monat 9`: the in-year Abweichungsbericht.
    public struct Controlling: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Unterjähriges Controlling: Ansatz, Ist bis Monat, Hochrechnung, Abweichung und Ampel.")

        @Argument(help: "Der Modellordner (mit ist_unterjaehrig.csv).")
        var modell: String

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
            if let monat, !(1...12).contains(monat) { throw ValidationError("--monat erwartet 1 … 12, gefunden \(monat)") }
            guard gelb >= 0, rot >= gelb else { throw ValidationError("--gelb und --rot: erwartet 0 ≤ gelb ≤ rot (Prozent)") }
        }

        public func run() throws {
            let m = try modellLaden(modell, warnungenZeigen: false)
            let p = Projektion(m)
            let prognose = m.szenario("status-quo").map { p.rechnen($0) }
            let a: Abweichungsbericht
            do {
                a = try Abweichungsbericht.rechnen(m, jahr: jahr, monat: monat,
                                                   schwellen: .init(gelb: gelb / 100, rot: rot / 100), prognose: prognose)
            } catch {
                fehlerausgabe("error: \(error.description)")
                throw ExitCode(1)
            }
            switch format {
            case .csv: ausgeben(Langformat.csv(a.langzeilen))
            case .json: ausgeben(Langformat.json(a.langzeilen))
            case .table:
                ausgeben(Kreislaufbericht.controlling(a, m))
                try dokumenteSchreiben("Abweichungsbericht") {
                    [try Kreislaufmappen.controlling(a, modell: m, ordner: berichtsordner(m, out), version: EckwertVersion.text)]
                }
            }
        }
    }

    /// `eckwert noetig <modell>`: what one lever would have to be to close a gap or reach a Ziel.
    public struct Noetig: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Was wäre nötig? Je Deckungslücke und verfehltem Ziel der Wert eines Hebels, der sie schließt.")

        @Argument(help: "Der Modellordner.")
        var modell: String

        @Option(help: "Szenario (Standard: status-quo).")
        var scenario: String = "status-quo"

        public init() {}

        public func run() throws {
            let m = try modellLaden(modell, warnungenZeigen: false)
            guard m.szenario(scenario) != nil else {
                fehlerausgabe("error: Szenario '\(scenario)' gibt es nicht (vorhanden: \(m.szenarien.map(\.name).joined(separator: ", ")))")
                throw ExitCode(1)
            }
            let e = Planungslauf.rechnen(m)
            ausgeben(Kreislaufbericht.noetig(WasWaereNoetig.rechnen(e, szenario: scenario)))
        }
    }
}
