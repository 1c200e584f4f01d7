import EckwertExport
import ArgumentParser
import EckwertCore
import Foundation

extension Eckwert {
    /// `eckwert init <folder>`: a commented starter model that passes `check`.
    public struct Init: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Legt ein kommentiertes Startermodell an, das `eckwert check` besteht.")

        @Argument(help: "Der neue Modellordner (darf nicht existieren oder muss leer sein).")
        var ordner: String

        @Option(help: "Name der Kommune.")
        var kommune: String = Startervorlage.vorgabeKommune

        public init() {}

        public func run() throws {
            do {
                try Vorlage.anlegen(in: ordner, kommune: kommune)
            } catch {
                fehlerausgabe("\(ordner): error: \(error.meldung)")
                throw ExitCode(1)
            }
            ausgeben("Startermodell angelegt: \(ordner)\nWeiter mit: eckwert check \(ordner)\n")
        }
    }
}
