import ArgumentParser

/// The root command. Subcommands live in their own files as extensions.
public struct Eckwert: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "eckwert",
        abstract: "Integrierte Sozial- und Finanzplanung für Kommunen (kommunale Doppik).",
        discussion: """
            Ein Planungsmodell ist ein Ordner (z. B. scenarios/musterstadt) mit modell.yaml, szenarien.yaml und \
            CSV-Daten. Berichte landen in reports/<modell>/.
            """,
        version: EckwertVersion.text,
        // Every subcommand names itself (`commandName`): a name derived from the type is formed by reflection at
        // run time, whose first lookups scan the binary's conformance records on every start.
        subcommands: [
            Check.self, Show.self, Run.self, Forecast.self, Backtest.self, Export.self, Vergleich.self,
            Controlling.self, Noetig.self, Init.self, KontenrahmenBefehl.self, Import.self,
        ]
    )
    public init() {}

    /// The `eckwert` executable: runs the command given on the command line in a process that ends with it.
    public static func hauptprogramm() {
        Prozessende.endetMitBefehl = true
        main()
    }
}

/// What a command leaves behind when the process ends right after it (the `eckwert` executable, not a command run
/// inside a test): its model and results need not be freed object by object, the system takes the whole memory
/// back at once. Freeing the benchmark model and its projection cost `eckwert forecast` 5–8 ms of its main thread.
enum Prozessende {
    /// Set once by `Eckwert.hauptprogramm()` before the command runs (on the main thread, like every use).
    nonisolated(unsafe) static var endetMitBefehl = false
    nonisolated(unsafe) private static var nachlass: [Any] = []

    /// Keeps `werte` until the process ends, when it ends with this command (and lets them go as usual otherwise).
    static func ueberlassen(_ werte: Any...) {
        if endetMitBefehl { nachlass.append(werte) }
    }
}

public enum EckwertVersion {
    public static let text = "0.1.0"
}
