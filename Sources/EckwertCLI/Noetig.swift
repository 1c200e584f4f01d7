import ArgumentParser
import EckwertCore
import EckwertExport
import Foundation

extension Eckwert {
    /// `eckwert noetig <modell>`: what one lever would have to be to close a gap or reach a Ziel.
    public struct Noetig: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "noetig",
            abstract: "Was wäre nötig? Je Deckungslücke und verfehltem Ziel der Wert eines Hebels, "
                + "der sie schließt.")

        @OptionGroup var auswahl: ModellUndSzenario

        public init() {}

        public func run() throws {
            let (m, _) = try auswahl.laden()
            let e = Planungslauf.rechnen(m)
            ausgeben(Kreislaufbericht.noetig(WasWaereNoetig.rechnen(e, szenario: auswahl.scenario ?? "status-quo")))
        }
    }
}
