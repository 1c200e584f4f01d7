import ArgumentParser

/// The root command. Subcommands live in their own files as extensions.
public struct Eckwert: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "eckwert",
        abstract: "Integrierte Sozial- und Finanzplanung für Kommunen (kommunale Doppik).",
        version: EckwertVersion.text,
        subcommands: []
    )
    public init() {}
}

public enum EckwertVersion {
    public static let text = "0.1.0"
}
