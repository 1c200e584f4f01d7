import EckwertTestSupport
import Foundation

// Helpers shared by the document tests; the process runner itself is `Prozess` in EckwertTestSupport.

/// The repository root (tests read the shipped model and the tools from the source tree).
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// A fresh folder per test.
func makeFolder() throws -> String { try temporaererOrdner() }

/// Runs an external program (LibreOffice, Chromium, python3) under a time limit; exit status and output.
@discardableResult
func run(
    _ executable: String, _ arguments: [String], sekunden: Int = 600
) throws -> (status: Int32, out: String, err: String) {
    let l = try Prozess.ausfuehren(executable, arguments, sekunden: sekunden)
    return (l.status, l.stdout, l.stderr)
}

func haveCommand(_ name: String) -> Bool { Prozess.vorhanden(name) }
