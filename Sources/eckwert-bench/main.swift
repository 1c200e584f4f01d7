import EckwertCore
@_spi(Test) import EckwertExport
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
case "mappen" where arguments.count >= 4:
    mappenModus(Array(arguments.dropFirst(2)))
case "generate":
    exit(generieren(Array(arguments.dropFirst(2))))
case "run":
    exit(Phasenmessung.argumente(Array(arguments.dropFirst(2)))?.ausfuehren() ?? 2)
default:
    print("bench")
}

// MARK: - Kämmerei and Eckwerte workbooks (hidden mode, used by MappenTests' kill test and for timing)
//   eckwert-bench mappen <model> <folder> [draws] [pause-ms]
// computes the model and writes every Kämmerei workbook and the Eckwerte workbook into <folder>; with pause-ms
// only the status-quo Kämmerei workbook, printing "closing" and sleeping pause-ms just before the file is
// assembled (the test SIGKILLs it around there and checks that the earlier workbook is untouched).
func mappenModus(_ a: [String]) {
    guard let modell = ModellLader.laden(ordner: a[0]).modell else { say("error: model \(a[0]) does not load", to: 2); exit(2) }
    func sekunden() -> Double { var t = timespec(); clock_gettime(CLOCK_MONOTONIC, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
    let t0 = sekunden()
    let ergebnis = Planungslauf.rechnen(modell, .init(ziehungen: a.count > 2 ? Int(a[2]) ?? 0 : 0))
    let t1 = sekunden()
    defer { say("rechnen \(Int((t1 - t0) * 1000)) ms, export \(Int((sekunden() - t1) * 1000)) ms", to: 2) }
    do {
        if a.count > 3, let pause = UInt32(a[3]) {
            _ = try Berichtsmappen.kaemmerei(ergebnis, szenario: "status-quo", ordner: a[1], version: "neu") {
                say("closing")
                usleep(pause * 1000)
            }
        } else {
            for pfad in try Berichtsmappen.alle(ergebnis, ordner: a[1], version: "bench") { say(pfad) }
        }
        say("done")
    } catch {
        say("error: \(error)", to: 2)
        exit(1)
    }
}
