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
}

public enum EckwertVersion {
    public static let text = "0.1.0"
}
