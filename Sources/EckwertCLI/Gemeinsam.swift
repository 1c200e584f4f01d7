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

/// Writes text to stdout without Swift's print buffering surprises on large outputs.
func ausgeben(_ s: String) {
    FileHandle.standardOutput.write(Data(s.utf8))
}

/// Progress lines on stderr (so stdout stays clean for --format csv).
let fortschrittAusgabe: @Sendable (String) -> Void = { zeile in fehlerausgabe(zeile) }
