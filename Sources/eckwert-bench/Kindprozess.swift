import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of a child process with what it cost: wall time (measured here), CPU time and peak resident memory of
/// that child alone (from `wait4`, so several measured children do not mix as `RUSAGE_CHILDREN` would).
struct Kindlauf {
    var status: Int32
    var sekunden: Double
    var cpu: Double
    var rssMB: Double

    /// Starts `argumente[0]` (a path) with the rest as arguments; stdout goes to `ausgabe` (a file, truncated),
    /// stderr to /dev/null. Returns nil when the program cannot be started.
    static func messen(_ argumente: [String], ausgabe: String) -> Kindlauf? {
        var aktionen = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&aktionen)
        defer { posix_spawn_file_actions_destroy(&aktionen) }
        posix_spawn_file_actions_addopen(&aktionen, 1, ausgabe, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&aktionen, 2, "/dev/null", O_WRONLY, 0)
        var c: [UnsafeMutablePointer<CChar>?] = argumente.map { strdup($0) } + [nil]
        defer { for p in c { free(p) } }
        var pid: pid_t = 0
        let start = Phasenmessung.jetzt()
        guard posix_spawn(&pid, argumente[0], &aktionen, nil, &c, environ) == 0 else { return nil }
        var status: Int32 = 0
        var r = rusage()
        while wait4(pid, &status, 0, &r) < 0 && errno == EINTR {}
        let sekunden = Phasenmessung.jetzt() - start
        // Exit status as the shell shows it: the code, or 128 + signal number.
        let beendet = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Kindlauf(
            status: beendet, sekunden: sekunden, cpu: Phasenmessung.cpuSekunden(r),
            rssMB: Phasenmessung.spitzenspeicherMB(r))
    }
}

/// The median of a non-empty list (the upper one of the middle two for an even count).
func median(_ werte: [Double]) -> Double {
    let s = werte.sorted()
    return s.isEmpty ? 0 : s[s.count / 2]
}

extension Phasenmessung {
    /// The result of `eckwert-bench run --tsv` read back: one value per phase, and the model's counts.
    struct Kindergebnis {
        var werte: [Zielmessung.Messwert]
        var info: String
    }

    /// Runs this benchmark's `run --tsv` on `ordner` in a child process (so its peak memory is its own) and reads
    /// the phases back; `ablage` is a folder for the child's output. nil if the run fails.
    static func imKindprozess(_ ordner: String, ziehungen: Int, wiederholungen: Int, ablage: String) -> Kindergebnis? {
        let selbst = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let datei = ablage + "/phasen.tsv"
        let argumente = [
            selbst, "run", ordner, "--draws", String(ziehungen), "--repeat", String(wiederholungen),
            "--tsv",
        ]
        guard let lauf = Kindlauf.messen(argumente, ausgabe: datei), lauf.status == 0,
            let text = try? String(contentsOfFile: datei, encoding: .utf8)
        else { return nil }
        var werte: [Zielmessung.Messwert] = []
        var info: [String] = []
        for zeile in text.split(separator: "\n") {
            let f = zeile.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if f.first == "info" {
                info.append(f.dropFirst().joined(separator: "\t"))
            } else if f.count == 4, let s = Double(f[1]), let c = Double(f[2]), let r = Double(f[3]) {
                werte.append(Zielmessung.Messwert(name: f[0], sekunden: s, cpu: c, rssMB: r))
            }
        }
        // The child's own peak (wait4) covers the whole process, start-up included.
        if let i = werte.firstIndex(where: { $0.name == "total" }) { werte[i].rssMB = max(werte[i].rssMB, lauf.rssMB) }
        return Kindergebnis(werte: werte, info: info.joined(separator: "\n"))
    }
}

/// "load average 1.23" of the machine over the last minute: the goals assume a quiet machine, and a figure taken
/// while other work runs says so next to it.
func systemlast() -> String {
    var last = [Double](repeating: 0, count: 3)
    return getloadavg(&last, 3) > 0 ? String(format: "load average %.2f", last[0]) : "load average unknown"
}
