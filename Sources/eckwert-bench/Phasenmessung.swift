import EckwertCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `eckwert-bench run <dir> [--draws N] [--repeat K] [--seed S] [--dump FILE]`: times each phase of a planning run
/// in-process and prints a table (wall time, CPU time, peak memory so far, minor page faults of the phase) and
/// the model's counts. The page faults show how much fresh memory a phase touches: on the benchmark VM memory
/// that the host has not backed yet costs about 1 ms per MB to touch the first time (a 4 KiB page about 3.5 µs),
/// a cost of the machine that the CPU time of the phase includes.
///
/// The phases are the steps of `Planungslauf.rechnen` (same calls, same order), split so that each can be timed:
///   load        ModellLader.laden (read, parse, validate)
///   projection  Projektion + Ist run + population and plan of every scenario
///   analysis    measures mit/ohne, Kennzahlen (Ist and scenarios), decomposition, SMART and attainment,
///               capacity needs, Haushaltsausgleich
///   draws       Monte-Carlo uncertainty (only with --draws N > 0)
///   output      long format (modellformat.md, 11) of every scenario as CSV text, in memory (as `eckwert forecast`)
/// After the total, with --draws N > 0, one more row that is not part of it:
///   draws: arithmetic   the same N draws computed again right after them, nothing kept and no band selected
///                       (`Unsicherheit.nurZiehen`): what the draws cost before keeping and selecting
/// With --repeat K the whole sequence runs K times and the table shows the median of each phase.
/// --tsv prints the same figures tab-separated for another program (`goals`, `scaling` read them back).
/// --dump FILE writes every computed figure (long CSV, measures, decomposition, Kennzahlen, SMART, draws' bands)
/// with full precision, to check that an optimisation leaves results byte-identical.
struct Phasenmessung {
    var ordner: String
    var ziehungen = 0
    var wiederholungen = 1
    var seed: UInt64 = Planungslauf.Optionen().seed
    var dump: String?
    var tsv = false

    struct Zeile {
        var phase: String; var sekunden: Double; var cpu: Double; var rssMB: Double
        /// Minor page faults (first touches of memory; on the benchmark VM about 3.5 µs each for 4 KiB pages).
        var fehler: Int = 0
    }

    /// Resource usage of this process so far.
    static func verbrauch() -> rusage {
        var r = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &r)
        #else
        getrusage(RUSAGE_SELF, &r)
        #endif
        return r
    }

    /// User + system CPU time in seconds (all threads).
    static func cpuSekunden(_ r: rusage = verbrauch()) -> Double {
        Double(r.ru_utime.tv_sec + r.ru_stime.tv_sec) + Double(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6
    }

    /// Minor page faults of this process so far.
    static func seitenfehler(_ r: rusage = verbrauch()) -> Int { Int(r.ru_minflt) }

    /// Peak resident set size in MB (Linux reports ru_maxrss in KiB, macOS in bytes).
    static func spitzenspeicherMB(_ r: rusage = verbrauch()) -> Double {
        #if os(Linux)
        return Double(r.ru_maxrss) / 1024
        #else
        return Double(r.ru_maxrss) / 1_048_576
        #endif
    }

    static func jetzt() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    func ausfuehren() -> Int32 {
        var laeufe: [[Zeile]] = []
        var zaehlung = ""
        for w in 0..<max(1, wiederholungen) {
            guard let (zeilen, info) = einmal(dumpen: w == 0 ? dump : nil) else { return 1 }
            laeufe.append(zeilen)
            zaehlung = info
        }
        if tsv {
            for (i, z) in laeufe[0].enumerated() {
                let wall = median(laeufe.map { $0[i].sekunden }), cpu = median(laeufe.map { $0[i].cpu })
                print("\(z.phase)\t\(wall)\t\(cpu)\t\(laeufe.map { $0[i].rssMB }.max() ?? 0)")
            }
            for z in zaehlung.split(separator: "\n") { print("info\t\(z)") }
            return 0
        }
        let n = laeufe.count
        print(
            "eckwert-bench run \(ordner)  (draws \(ziehungen), \(n == 1 ? "1 run" : "median of \(n) runs"), \(ProcessInfo.processInfo.activeProcessorCount) cores)"
        )
        print(zaehlung)
        print("")
        print("phase                wall [s]    cpu [s]   peak RSS [MB]   page faults")
        print("-------------------  ---------  ---------  -------------  ------------")
        for (i, z) in laeufe[0].enumerated() {
            let rss = laeufe.map { $0[i].rssMB }.max() ?? 0
            let zeit = String(format: "%9.3f", median(laeufe.map { $0[i].sekunden }))
            let cpu = String(format: "%9.3f", median(laeufe.map { $0[i].cpu }))
            let speicher = String(format: "%13.0f", rss)
            let fehler = String(format: "%12.0f", median(laeufe.map { Double($0[i].fehler) }))
            let phase = z.phase.padding(toLength: 19, withPad: " ", startingAt: 0)
            print("\(phase)  \(zeit)  \(cpu)  \(speicher)  \(fehler)")
        }
        if n > 1 {
            let totals = laeufe.map { lauf in
                String(format: "%.3f", lauf.first { $0.phase == "total" }?.sekunden ?? 0)
            }
            print("(total of each run: \(totals.joined(separator: ", ")) s)")
        }
        return 0
    }

    /// One complete run; nil if the model does not load.
    func einmal(dumpen: String?) -> ([Zeile], String)? {
        var zeilen: [Zeile] = []
        let start = Self.jetzt(), cpuStart = Self.cpuSekunden(), fehlerStart = Self.seitenfehler()
        var t = start, c = cpuStart, pf = Self.seitenfehler()
        func fertig(_ phase: String) {
            let jetzt = Self.jetzt(), cpu = Self.cpuSekunden(), f = Self.seitenfehler()
            zeilen.append(
                Zeile(phase: phase, sekunden: jetzt - t, cpu: cpu - c, rssMB: Self.spitzenspeicherMB(), fehler: f - pf))
            t = jetzt
            c = cpu
            pf = f
        }

        // load
        let geladen = ModellLader.laden(ordner: ordner)
        guard let m = geladen.modell else {
            for d in geladen.diagnostics where d.severity == .error { say("error: \(d)", to: 2) }
            say("error: Modell \(ordner) hat Fehler – erst `eckwert check` beheben", to: 2)
            return nil
        }
        fertig("load")

        // The phases of Planungslauf.rechnen, called one by one so that each is timed on the code `eckwert run` runs.
        let lauf = Planungslauf.projizieren(m)
        fertig("projection")
        var e = Planungslauf.analysieren(lauf, unsicherheit: nil)
        fertig("analysis")
        // The draws' arithmetic alone, right after the draws (the same memory state), left out of the total.
        var arithmetik: Zeile?
        var abzug = (sekunden: 0.0, cpu: 0.0, fehler: 0)
        if ziehungen > 0 {
            e.unsicherheit = Unsicherheit.rechnen(lauf.projektion, ziehungen: ziehungen, seed: seed)
            fertig("draws")
            _ = Unsicherheit.nurZiehen(lauf.projektion, ziehungen: ziehungen, seed: seed)
            let jetzt = Self.jetzt(), cpu = Self.cpuSekunden(), f = Self.seitenfehler()
            arithmetik = Zeile(
                phase: "draws: arithmetic", sekunden: jetzt - t, cpu: cpu - c, rssMB: Self.spitzenspeicherMB(),
                fehler: f - pf)
            abzug = (jetzt - t, cpu - c, f - pf)
            t = jetzt
            c = cpu
            pf = f
        }
        let laeufe = e.szenarien, massnahmen = e.massnahmen, smart = e.smart, warnungen = e.warnungen
        let bedarfe = e.kapazitaetsbedarfe, unsicherheit = e.unsicherheit, zerlegung = e.zerlegung
        let kennzahlen = e.kennzahlen, kennzahlenIst = e.kennzahlenIst, erreichung = e.zielerreichung
        let ausgleich = e.haushaltsausgleich

        // output: the long format of every scenario, to memory
        // (as `eckwert forecast` writes it: szenario by szenario, compact rows)
        var bytes: [UInt8] = []
        let quellen: [Langformat.Quelle] = laeufe.map { l in
            (l.szenario, { Langformat.zeilen(m, l, in: &$0) })
        }
        Langformat.csv(szenarien: quellen) { bytes.append(contentsOf: $0) }
        let csv = String(decoding: bytes, as: UTF8.self)
        fertig("output")
        zeilen.append(
            Zeile(
                phase: "total", sekunden: Self.jetzt() - start - abzug.sekunden,
                cpu: Self.cpuSekunden() - cpuStart - abzug.cpu, rssMB: Self.spitzenspeicherMB(),
                fehler: Self.seitenfehler() - fehlerStart - abzug.fehler))
        if let arithmetik { zeilen.append(arithmetik) }

        let einheiten = m.einheiten.count
        let info =
            "model: \(m.produkte.count) products, \(m.bevoelkerung.gebiete.count) Sozialräume, \(m.szenarien.count) scenarios, "
            + "\(m.prognosejahre.count) forecast years, \(einheiten) units, \(m.kennzahlen.count) Kennzahlen, \(m.ziele.count) Ziele, "
            + "\(m.massnahmen.count) measures, \(m.investitionen.count) investments\n"
            + "results: \(csv.utf8.count / 1_048_576) MB long CSV (\(csv.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 } - 1) rows), "
            + "\(massnahmen.count) measure balances, \(smart.count) SMART checks, \(bedarfe.count) capacity needs, "
            + "\(warnungen.count) warnings, draws \(unsicherheit?.ziehungen ?? 0)"

        if let dumpen {
            var d = csv
            d.reserveCapacity(csv.utf8.count * 2)
            for b in massnahmen {
                d +=
                    "massnahme;\(b.massnahme);\(b.szenario);\(b.imSzenarioAktiv);\(b.amortisation.map(String.init) ?? "-");"
                d += "\(b.kosten);\(b.minderaufwand);\(b.netto);\(b.kumuliert)\n"
            }
            for s in m.szenarien {
                for (i, z) in (zerlegung[s.name] ?? []).enumerated() {
                    d +=
                        "zerlegung;\(s.name);\(m.produkte[i].nr);\(z.demografie);\(z.quote);\(z.preis);\(z.rest);\(z.gesamt)\n"
                }
                for k in m.kennzahlen { d += "kennzahl;\(s.name);\(k.id);\(kennzahlen[s.name]?[k.id] ?? [])\n" }
            }
            for k in m.kennzahlen { d += "kennzahl;ist;\(k.id);\(kennzahlenIst[k.id] ?? [])\n" }
            for z in erreichung { d += "erreichung;\(z)\n" }
            for s in smart { d += "smart;\(s)\n" }
            for b in bedarfe { d += "bedarf;\(b)\n" }
            for a in ausgleich { d += "ausgleich;\(a.szenario);\(a.ergebnis);\(a.deckungsmittel)\n" }
            for w in warnungen { d += "warnung;\(w)\n" }
            if let u = unsicherheit {
                for (i, e) in u.einheiten.enumerated() {
                    d +=
                        "unsicherheit;\(e.ebene.rawValue);\(e.nr);\(u.zuschuss[i].p10);\(u.zuschuss[i].p50);\(u.zuschuss[i].p90)"
                    if let f = u.faelle[i] { d += ";\(f.p10);\(f.p50);\(f.p90)" }
                    d += "\n"
                }
            }
            do {
                try d.write(toFile: dumpen, atomically: true, encoding: .utf8)
            } catch {
                say("error: \(dumpen): \(error)", to: 2)
                return nil
            }
        }
        return (zeilen, info)
    }
}
