import EckwertCore
import EckwertExport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// eckwert-testhelfer: child processes for the kill tests (used only by the test suite, not installed).
//   eckwert-testhelfer xlsx-slow <path> [rows]
//     writes a large workbook (rows × 10 numbers, default 300,000 rows) to <path> through XlsxWorkbook, printing
//     "writing", "closing" (just before workbook_close assembles the file) and "done". XlsxTests SIGKILLs it while
//     it is closing and checks that an older file at <path> is untouched.
//   eckwert-testhelfer mappen <model> <folder> [draws] [pause-ms]
//     computes the model and writes every Kämmerei workbook and the Eckwerte workbook into <folder>; with pause-ms
//     only the status-quo Kämmerei workbook, printing "closing" and sleeping pause-ms just before the file is
//     assembled (MappenTests SIGKILLs it around there and checks that the earlier workbook is untouched).

/// Unbuffered line to stdout (or another descriptor), so the parent sees it at once.
func say(_ line: String, to fd: Int32 = 1) {
    var text = line + "\n"
    text.withUTF8 { _ = write(fd, $0.baseAddress, $0.count) }
}

func xlsxSlow(_ a: [String]) -> Int32 {
    let path = a[0]
    let rows = a.count >= 2 ? Int(a[1]) ?? 300_000 : 300_000
    do {
        let book = try XlsxWorkbook(
            path: path, properties: XlsxDocumentProperties(created: XlsxDate(year: 2026, month: 1, day: 1)))
        let sheet = try book.addWorksheet("Daten")
        say("writing")
        for r in 0..<rows {
            for c in 0..<10 { try sheet.write(number: Double(r * 10 + c) + 0.25, row: r, col: c) }
        }
        say("closing")
        try book.close()
        say("done")
        return 0
    } catch {
        say("error: \(error)", to: 2)
        return 1
    }
}

func sekunden() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func mappen(_ a: [String]) -> Int32 {
    guard let modell = ModellLader.laden(ordner: a[0]).modell else {
        say("error: model \(a[0]) does not load", to: 2)
        return 2
    }
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
        return 0
    } catch {
        say("error: \(error)", to: 2)
        return 1
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first ?? "" {
case "xlsx-slow" where arguments.count >= 2:
    exit(xlsxSlow(Array(arguments.dropFirst())))
case "mappen" where arguments.count >= 3:
    exit(mappen(Array(arguments.dropFirst())))
default:
    say("usage: eckwert-testhelfer xlsx-slow <path> [rows] | mappen <model> <folder> [draws] [pause-ms]", to: 2)
    exit(2)
}
