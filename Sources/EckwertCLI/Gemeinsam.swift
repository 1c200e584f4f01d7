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

/// Writes what `erzeuge` hands over block by block straight to stdout, so that a large output (the long-format
/// CSV of a big model) never sits in memory as a whole. A failed write (disk full, closed pipe) stops the output
/// and is reported as an error.
func ausgebenInBloecken(_ erzeuge: ((UnsafeRawBufferPointer) -> Void) -> Void) throws {
    var fehlercode: Int32 = 0
    erzeuge { block in
        var rest = block
        while fehlercode == 0, let anfang = rest.baseAddress, !rest.isEmpty {
            let n = write(STDOUT_FILENO, anfang, rest.count)
            if n < 0 {
                if errno != EINTR { fehlercode = errno }
                continue
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
        }
    }
    if fehlercode != 0 {
        fehlerausgabe("Fehler: Ausgabe konnte nicht geschrieben werden (\(String(cString: strerror(fehlercode)))).")
        throw ExitCode(1)
    }
}

/// Progress lines on stderr (so stdout stays clean for --format csv).
let fortschrittAusgabe: @Sendable (String) -> Void = { zeile in fehlerausgabe(zeile) }
