import ArgumentParser
import EckwertCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// eckwert-bench: the benchmark.
///   eckwert-bench generate <dir> [--products 1000] [--gebiete 60] [--seed N]   a large synthetic model
///   eckwert-bench run <dir> [--draws N] [--repeat K] [--seed S] [--dump FILE] [--tsv]   phase timings
///   eckwert-bench goals <dir> --eckwert PATH [--draws N] [--repeat K]   phases and whole processes against the goals
///   eckwert-bench scaling <folder> [--repeat K]   growth with products, Sozialräume and draws
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eckwert-bench",
        abstract: "Leistungsmessung: synthetisches Großmodell erzeugen und die Phasen eines Planungslaufs messen.",
        subcommands: [Generate.self, Run.self, Goals.self, Scaling.self])

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

        @Flag(help: "Tabulatorgetrennt ausgeben (für goals und scaling).")
        var tsv = false

        func validate() throws {
            guard draws >= 0 else { throw ValidationError("--draws erwartet eine Zahl ≥ 0") }
            guard wiederholungen >= 1 else { throw ValidationError("--repeat erwartet eine Zahl ≥ 1") }
        }

        func run() throws {
            let messung = Phasenmessung(
                ordner: ordner, ziehungen: draws, wiederholungen: wiederholungen, seed: seed,
                dump: dump, tsv: tsv)
            let status = messung.ausfuehren()
            if status != 0 { throw ExitCode(status) }
        }
    }

    struct Goals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Jede Phase und die ganzen Prozesse (forecast, run) gegen die Leistungsziele.")

        @Argument(help: "Der Modellordner (das Großmodell von generate).")
        var ordner: String

        @Option(help: "Pfad des eckwert-Programms (Release-Build).")
        var eckwert: String

        @Option(help: "Monte-Carlo-Ziehungen.")
        var draws = 10_000

        @Option(name: .customLong("repeat"), help: "Wiederholungen; jede Zahl ist der Median.")
        var wiederholungen = 5

        func validate() throws {
            guard draws >= 1 else { throw ValidationError("--draws erwartet eine Zahl ≥ 1") }
            guard wiederholungen >= 1 else { throw ValidationError("--repeat erwartet eine Zahl ≥ 1") }
        }

        func run() throws {
            let m = Zielmessung(ordner: ordner, eckwert: eckwert, ziehungen: draws, wiederholungen: wiederholungen)
            let status = try m.ausfuehren()
            if status != 0 { throw ExitCode(status) }
        }
    }

    struct Scaling: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Wachstum der Laufzeit mit Produkten, Sozialräumen und Ziehungen (je eine Größe variiert).")

        @Argument(help: "Ordner für die erzeugten Modelle (bleiben für den nächsten Aufruf).")
        var ordner: String

        @Option(name: .customLong("repeat"), help: "Wiederholungen je Konfiguration (Median).")
        var wiederholungen = 3

        @Option(name: .customLong("repeat-large"), help: "Wiederholungen mit 100.000 Ziehungen.")
        var wiederholungenGross = 1

        func validate() throws {
            guard wiederholungen >= 1, wiederholungenGross >= 1 else {
                throw ValidationError("--repeat und --repeat-large erwarten eine Zahl ≥ 1")
            }
        }

        func run() throws {
            let s = Skalierung(ordner: ordner, wiederholungen: wiederholungen, wiederholungenGross: wiederholungenGross)
            let status = try s.ausfuehren()
            if status != 0 { throw ExitCode(status) }
        }
    }
}

/// Flushes what `print` buffered (into a file or pipe it would wait for the end), so a long measurement shows
/// each row as it is done.
func ausgabeSenden() {
    fflush(nil)
}

/// Unbuffered line to stdout (or another descriptor), so the output interleaves with stderr as it happens.
func say(_ line: String, to fd: Int32 = 1) {
    var text = line + "\n"
    text.withUTF8 { _ = write(fd, $0.baseAddress, $0.count) }
}
