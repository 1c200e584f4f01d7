import ArgumentParser
import EckwertCore
import Foundation

/// Output formats of the figure-printing commands (modellformat.md section 11).
public enum Ausgabeformat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json
}

/// Writes to standard error.
func fehlerausgabe(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}

/// Loads a model; prints every diagnostic to stderr and exits with status 1 when there are errors.
func modellLaden(_ ordner: String, warnungenZeigen: Bool = true) throws -> Planungsmodell {
    let e = ModellLader.laden(ordner: ordner)
    for d in e.diagnostics where d.severity == .error || warnungenZeigen {
        fehlerausgabe(d.description)
    }
    guard let m = e.modell else {
        let n = e.diagnostics.filter { $0.severity == .error }.count
        fehlerausgabe("Modell \(ordner): \(n) Fehler – nichts berechnet. `eckwert check \(ordner)` zeigt die Übersicht.")
        throw ExitCode(1)
    }
    return m
}

/// Writes text to stdout without Swift's print buffering surprises on large outputs.
func ausgeben(_ s: String) {
    FileHandle.standardOutput.write(Data(s.utf8))
}
