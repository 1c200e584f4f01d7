import Foundation

/// `eckwert-bench goals <model> --eckwert PATH`: every phase's time, CPU time and peak memory against the goals.
///
/// In-process phases (load, projection of all scenarios, draws, …) come from `eckwert-bench run --tsv` in a child
/// process (its own peak memory); the whole-process figures from running the `eckwert` binary itself:
/// `forecast --format csv` into a file, `run` with all documents, without and with draws. Every figure is the
/// median of `wiederholungen` runs (peak memory: the largest).
struct Zielmessung {
    var ordner: String
    var eckwert: String
    var ziehungen = 10_000
    var wiederholungen = 5

    /// One measured line: median wall time, median CPU time, largest peak RSS.
    struct Messwert {
        var name: String
        var sekunden: Double
        var cpu: Double
        var rssMB: Double
    }

    struct Ziel {
        var name: String
        var wert: Double
        var grenze: Double
        var einheit: String
    }

    func ausfuehren() throws -> Int32 {
        let tmp = try temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        guard
            let phasen = Phasenmessung.imKindprozess(
                ordner, ziehungen: ziehungen, wiederholungen: wiederholungen,
                ablage: tmp)
        else {
            say("error: eckwert-bench run \(ordner) ist fehlgeschlagen", to: 2)
            return 1
        }
        let prozesse: [(String, [String])] = [
            ("eckwert forecast --format csv", ["forecast", ordner, "--format", "csv"]),
            ("eckwert run (all documents)", ["run", ordner, "--leise", "--out", tmp + "/berichte"]),
            (
                "eckwert run --draws \(ziehungen)",
                [
                    "run", ordner, "--leise", "--draws", String(ziehungen),
                    "--out", tmp + "/berichte",
                ]
            ),
        ]
        var ganz: [Messwert] = []
        for (name, argumente) in prozesse {
            var laeufe: [Kindlauf] = []
            for _ in 0..<wiederholungen {
                guard let l = Kindlauf.messen([eckwert] + argumente, ausgabe: tmp + "/stdout"), l.status == 0 else {
                    say("error: \(eckwert) \(argumente.joined(separator: " ")) ist fehlgeschlagen", to: 2)
                    return 1
                }
                laeufe.append(l)
            }
            ganz.append(
                Messwert(
                    name: name, sekunden: median(laeufe.map(\.sekunden)), cpu: median(laeufe.map(\.cpu)),
                    rssMB: laeufe.map(\.rssMB).max() ?? 0))
        }
        tabelle(phasen.werte, ganz, info: phasen.info)
        let ziele = ziele(phasen.werte, ganz)
        zieltabelle(ziele)
        return 0
    }

    func tabelle(_ phasen: [Messwert], _ ganz: [Messwert], info: String) {
        print(
            "eckwert-bench goals \(ordner)  (median of \(wiederholungen) runs, "
                + "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(systemlast()) at the start)")
        print(info)
        print("")
        print("measure                                   wall [s]    cpu [s]   peak RSS [MB]")
        print("----------------------------------------  ---------  ---------  -------------")
        func zeile(_ m: Messwert, _ rss: Bool) {
            let name = m.name.padding(toLength: 40, withPad: " ", startingAt: 0)
            let speicher = rss ? String(format: "%13.0f", m.rssMB) : String(repeating: " ", count: 12) + "-"
            print("\(name)  \(String(format: "%9.3f", m.sekunden))  \(String(format: "%9.3f", m.cpu))  \(speicher)")
        }
        // Within one process the peak only grows: it is shown once, for the whole in-process run.
        for m in phasen {
            zeile(
                Messwert(
                    name: "in-process: \(m.name)", sekunden: m.sekunden, cpu: m.cpu,
                    rssMB: m.rssMB), m.name == "total")
        }
        for m in ganz {
            zeile(
                Messwert(
                    name: "process: \(m.name)", sekunden: m.sekunden, cpu: m.cpu,
                    rssMB: m.rssMB), true)
        }
    }

    func ziele(_ phasen: [Messwert], _ ganz: [Messwert]) -> [Ziel] {
        func phase(_ n: String) -> Double { phasen.first { $0.name == n }?.sekunden ?? .nan }
        let forecast = ganz[0], lauf = ganz[1], mitZiehungen = ganz[2]
        return [
            Ziel(name: "load (parse + validate)", wert: phase("load"), grenze: 0.1, einheit: "s"),
            Ziel(name: "projection, all scenarios", wert: phase("projection"), grenze: 0.015, einheit: "s"),
            Ziel(name: "\(ziehungen) draws (wall)", wert: phase("draws"), grenze: 0.6, einheit: "s"),
            Ziel(name: "eckwert forecast with its CSV", wert: forecast.sekunden, grenze: 0.6, einheit: "s"),
            Ziel(name: "peak memory, eckwert forecast", wert: forecast.rssMB, grenze: 100, einheit: "MB"),
            Ziel(
                name: "peak memory, run with \(ziehungen) draws", wert: mitZiehungen.rssMB, grenze: 300,
                einheit: "MB"),
            Ziel(name: "eckwert run, all documents", wert: lauf.sekunden, grenze: 2, einheit: "s"),
            Ziel(name: "eckwert run with \(ziehungen) draws", wert: mitZiehungen.sekunden, grenze: 3, einheit: "s"),
        ]
    }

    func zieltabelle(_ ziele: [Ziel]) {
        print("")
        print("goal                                         measured        goal   met")
        print("----------------------------------------  -----------  ----------  ------------------")
        for z in ziele {
            let name = z.name.padding(toLength: 40, withPad: " ", startingAt: 0)
            let wert = (String(format: z.einheit == "s" ? "%.3f" : "%.0f", z.wert) + " " + z.einheit).leftPad(11)
            let grenze =
                ("< " + (z.einheit == "s" ? String(format: "%g", z.grenze) : String(Int(z.grenze)))
                + " " + z.einheit).leftPad(10)
            let erfuellt = z.wert < z.grenze ? "yes" : String(format: "no (%.1f× the goal)", z.wert / z.grenze)
            print("\(name)  \(wert)  \(grenze)  \(erfuellt)")
        }
    }
}

extension String {
    /// Right-aligned in a field of `breite` characters.
    func leftPad(_ breite: Int) -> String {
        count >= breite ? self : String(repeating: " ", count: breite - count) + self
    }
}

/// A fresh, empty temporary folder.
func temporaererOrdner() throws -> String {
    let pfad = NSTemporaryDirectory() + "eckwert-bench-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: pfad, withIntermediateDirectories: true)
    return pfad
}
