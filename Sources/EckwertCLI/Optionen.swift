import ArgumentParser
import EckwertCore

/// The model folder argument and loading it: every command that computes reads the model through here.
struct Modellwahl: ParsableArguments {
    @Argument(help: "Der Modellordner, z. B. scenarios/musterstadt.")
    var modell: String

    /// Loads the model; prints every diagnostic (with `warnungenZeigen` also warnings) to stderr and exits with
    /// status 1 when there are errors.
    func laden(warnungenZeigen: Bool = false) throws -> Planungsmodell {
        try ladenMitBefunden(warnungenZeigen: warnungenZeigen).modell
    }

    /// As `laden`, also returning the loader's diagnostics (their warnings head the run's list of warnings).
    func ladenMitBefunden(warnungenZeigen: Bool = false) throws -> (modell: Planungsmodell, befunde: [Diagnostic]) {
        let e = ModellLader.laden(ordner: modell)
        for d in e.diagnostics where d.severity == .error || warnungenZeigen {
            fehlerausgabe(d.description)
        }
        guard let m = e.modell else {
            let n = e.diagnostics.filter { $0.severity == .error }.count
            fehlerausgabe(
                "Modell \(modell): \(n) Fehler – nichts berechnet. `eckwert check \(modell)` zeigt die Übersicht.")
            throw ExitCode(1)
        }
        return (m, e.diagnostics)
    }
}

/// The model folder and `--scenario`: loads the model and checks the scenario name once, for every command that
/// can be limited to one scenario.
struct ModellUndSzenario: ParsableArguments {
    @OptionGroup var ordner: Modellwahl

    @Option(help: "Nur dieses Szenario (Standard: alle).")
    var scenario: String?

    /// The model and the chosen scenarios (all without `--scenario`); an unknown name is an error listing the
    /// scenarios of the model (exit status 1).
    func laden() throws -> (modell: Planungsmodell, szenarien: [Szenario]) {
        let m = try ordner.laden()
        guard let name = scenario else { return (m, m.szenarien) }
        guard let s = m.szenario(name) else {
            fehlerausgabe(
                "error: Szenario '\(name)' gibt es nicht (vorhanden: \(m.szenarien.map(\.name).joined(separator: ", ")))"
            )
            throw ExitCode(1)
        }
        return (m, [s])
    }
}

/// Options shared by the commands that compute a forecast.
struct Rechenoptionen: ParsableArguments {
    @Option(help: "Monte-Carlo-Ziehungen für P10/P50/P90 und den Risikopuffer (0 = keine).")
    var draws: Int = 0

    @Option(help: "Startwert des Zufallsgenerators; gleicher Startwert, gleiche Ergebnisse.")
    var seed: UInt64 = 20_251_231

    func validate() throws {
        guard (0...1_000_000).contains(draws) else { throw ValidationError("--draws erwartet 0 … 1.000.000") }
    }

    var optionen: Planungslauf.Optionen { .init(ziehungen: draws, seed: seed) }
}
