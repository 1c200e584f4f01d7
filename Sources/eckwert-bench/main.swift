import EckwertCore
import EckwertExport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// eckwert-bench: benchmarks and hidden test helpers.
//   eckwert-bench generate <dir> [--products 1000] [--gebiete 60] [--seed N]   a large synthetic model
//   eckwert-bench run <dir> [--draws N] [--repeat K] [--seed S] [--dump FILE]   phase timings (Phasenmessung.swift)
// Hidden test mode, used by XlsxTests' kill test:
//   eckwert-bench xlsx-slow <path> [rows]
// writes a large workbook (rows × 10 numbers, default 300,000 rows) to <path> through XlsxWorkbook,
// printing "writing", "closing" (just before workbook_close assembles the file) and "done". The test
// SIGKILLs it while it is closing and checks that an older file at <path> is untouched.
/// Unbuffered line to stdout (or another descriptor), so the parent sees it at once.
func say(_ line: String, to fd: Int32 = 1) {
    var text = line + "\n"
    text.withUTF8 { _ = write(fd, $0.baseAddress, $0.count) }
}

func xlsxSlow(_ arguments: [String]) {
    let path = arguments[2]
    let rows = arguments.count >= 4 ? Int(arguments[3]) ?? 300_000 : 300_000
    do {
        let book = try XlsxWorkbook(path: path, properties: XlsxDocumentProperties(created: XlsxDate(year: 2026, month: 1, day: 1)))
        let sheet = try book.addWorksheet("Daten")
        say("writing")
        for r in 0..<rows {
            for c in 0..<10 { try sheet.write(number: Double(r * 10 + c) + 0.25, row: r, col: c) }
        }
        say("closing")
        try book.close()
        say("done")
    } catch {
        say("error: \(error)", to: 2)
        exit(1)
    }
}

let arguments = CommandLine.arguments
switch arguments.count >= 2 ? arguments[1] : "" {
case "xlsx-slow" where arguments.count >= 3:
    xlsxSlow(arguments)
case "generate":
    exit(generieren(Array(arguments.dropFirst(2))))
case "run":
    exit(Phasenmessung.argumente(Array(arguments.dropFirst(2)))?.ausfuehren() ?? 2)
default:
    print("bench")
}
