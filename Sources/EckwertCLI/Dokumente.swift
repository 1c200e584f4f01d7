import ArgumentParser
import EckwertCore
import Foundation

/// Where reports go: `--out`, else `reports/<model name>/` under the current folder.
func berichtsordner(_ m: Planungsmodell, _ out: String?) -> String {
    out ?? "reports/\(m.name)"
}

/// Writes documents and reports each path; a failure names the file and leaves earlier files untouched.
func dokumenteSchreiben(_ titel: String, _ schreiben: () throws -> [String]) throws {
    do {
        let hier = FileManager.default.currentDirectoryPath + "/"
        for pfad in try schreiben() {
            ausgeben("\(titel): \(pfad.hasPrefix(hier) ? String(pfad.dropFirst(hier.count)) : pfad)\n")
        }
    } catch {
        fehlerausgabe("error: \(error)")
        throw ExitCode(1)
    }
}
