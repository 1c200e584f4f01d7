import ArgumentParser
import EckwertCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// eckwert-bench: the benchmark.
///   eckwert-bench generate <dir> [--products 1000] [--gebiete 60] [--seed N]   a large synthetic model
///   eckwert-bench run <dir> [--draws N] [--repeat K] [--seed S] [--dump FILE]   phase timings (Phasenmessung.swift)
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eckwert-bench",
        abstract: "Leistungsmessung: synthetisches Großmodell erzeugen und die Phasen eines Planungslaufs messen.",
        subcommands: [Generate.self, Run.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schreibt ein großes, deterministisches synthetisches Planungsmodell.")

        @Argument(help: "Zielordner des Modells.")
        var ordner: String

        @Option(help: "Zahl der Produkte (1 … 100000).")
        var products = Modellgenerator().produkte

        @Option(help: "Zahl der Sozialräume (1 … 999).")
        var gebiete = Modellgenerator().gebiete

        @Option(help: "Startwert des Zufallsgenerators; gleiche Argumente, gleiche Bytes.")
        var seed = Modellgenerator().seed

        func validate() throws {
            guard (1...100_000).contains(products) else { throw ValidationError("--products erwartet 1 … 100000") }
            guard (1...999).contains(gebiete) else { throw ValidationError("--gebiete erwartet 1 … 999") }
        }

        func run() throws {
            let g = Modellgenerator(produkte: products, gebiete: gebiete, seed: seed)
            do {
                try g.schreiben(nach: ordner)
            } catch {
                say("error: \(ordner): \(error)", to: 2)
                throw ExitCode(1)
            }
            say("\(ordner): \(g.produkte) Produkte, \(g.gebiete) Sozialräume (Seed \(g.seed))")
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Misst jede Phase eines Planungslaufs im Prozess (Zeit, CPU-Zeit, Spitzenspeicher).")

        @Argument(help: "Der Modellordner.")
        var ordner: String

        @Option(help: "Monte-Carlo-Ziehungen (0 = keine).")
        var draws = 0

        @Option(name: .customLong("repeat"), help: "Wiederholungen; die Tabelle zeigt den Median jeder Phase.")
        var wiederholungen = 1

        @Option(help: "Startwert des Zufallsgenerators.")
        var seed = Planungslauf.Optionen().seed

        @Option(help: "Schreibt jede berechnete Zahl in voller Genauigkeit in diese Datei (Vergleich vor/nach).")
        var dump: String?

        func validate() throws {
            guard draws >= 0 else { throw ValidationError("--draws erwartet eine Zahl ≥ 0") }
            guard wiederholungen >= 1 else { throw ValidationError("--repeat erwartet eine Zahl ≥ 1") }
        }

        func run() throws {
            let messung = Phasenmessung(ordner: ordner, ziehungen: draws, wiederholungen: wiederholungen, seed: seed,
                                        dump: dump)
            let status = messung.ausfuehren()
            if status != 0 { throw ExitCode(status) }
        }
    }
}

/// Unbuffered line to stdout (or another descriptor), so the output interleaves with stderr as it happens.
func say(_ line: String, to fd: Int32 = 1) {
    var text = line + "\n"
    text.withUTF8 { _ = write(fd, $0.baseAddress, $0.count) }
}
