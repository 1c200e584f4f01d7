import EckwertTestSupport
import Foundation
import Testing

/// Runs the built `eckwert` binary like a planner would, on the shipped model and on a fresh `init` model.
@Suite struct EndToEndTests {
    static let wurzel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let muster = wurzel.appendingPathComponent("scenarios/musterstadt").path

    /// Runs the built `eckwert` binary (stdout and stderr read together, see `Prozess`).
    static func eckwert(_ args: [String], in ordner: String? = nil) throws -> Prozess.Lauf {
        try Prozess.ausfuehren(Prozess.gebaut("eckwert"), args, in: ordner)
    }

    static func tempOrdner() throws -> String { try temporaererOrdner("e2e") }

    @Test func checkMusterstadtPasses() throws {
        let r = try Self.eckwert(["check", Self.muster])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Produkte: 19 (14 Pflicht, 5 freiwillig)"))
        #expect(r.stdout.contains("Bevölkerung 31.12.2025: 622.818 in 12 Sozialräumen"))
        #expect(r.stdout.contains("0 Fehler"))
    }

    @Test func initModelPassesCheckAndRuns() throws {
        let t = try Self.tempOrdner()
        defer { try? FileManager.default.removeItem(atPath: t) }
        let ziel = t + "/neu"
        let i = try Self.eckwert(["init", ziel])
        #expect(i.status == 0)
        let c = try Self.eckwert(["check", ziel])
        #expect(c.status == 0, "\(c.stdout)\(c.stderr)")
        #expect(c.stdout.contains("0 Fehler, 0 Warnungen"))
        // init never overwrites.
        let nochmal = try Self.eckwert(["init", ziel])
        #expect(nochmal.status == 1)
        #expect(nochmal.stderr.contains("existiert bereits und ist nicht leer"))
        let r = try Self.eckwert(["forecast", ziel, "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("szenario;ebene;nr;groesse;jahr;wert\n"))
    }

    /// The long format is sorted by its columns and every value is a plain decimal.
    @Test func forecastCSVIsSortedAndPlain() throws {
        let r = try Self.eckwert(["forecast", Self.muster, "--scenario", "status-quo", "--format", "csv"])
        #expect(r.status == 0)
        let zeilen = r.stdout.split(separator: "\n").dropFirst().map {
            $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(zeilen.count > 5000)
        var vorher: [String]?
        for z in zeilen {
            #expect(z.count == 6)
            #expect(Double(z[5]) != nil && !z[5].contains("e"), "\(z)")
            if let v = vorher {
                let a = (v[0], v[1], v[2], v[3], Int(v[4]) ?? 0), b = (z[0], z[1], z[2], z[3], Int(z[4]) ?? 0)
                #expect(a <= b, "nicht sortiert: \(v) vor \(z)")
            }
            vorher = z
        }
        // The Basisjahr column of the forecast is the Ist: KdU transfer 2025 as in ist.csv (decimal comma there).
        #expect(r.stdout.contains("status-quo;produkt;31.2.01;faelle;2025;28000\n"))
    }

    @Test func runWithSameSeedIsIdenticalAndDifferentSeedDiffers() throws {
        let t = try Self.tempOrdner()
        defer { try? FileManager.default.removeItem(atPath: t) }
        let a = try Self.eckwert(["run", Self.muster, "--draws", "300", "--seed", "5", "--leise", "--out", t + "/a"])
        let b = try Self.eckwert(["run", Self.muster, "--draws", "300", "--seed", "5", "--leise", "--out", t + "/b"])
        let c = try Self.eckwert(["run", Self.muster, "--draws", "300", "--seed", "6", "--leise", "--out", t + "/c"])
        #expect(a.status == 0 && b.status == 0 && c.status == 0)
        func ohnePfade(_ s: String) -> String {
            s.replacingOccurrences(of: t, with: "").replacingOccurrences(of: "/a/", with: "/").replacingOccurrences(
                of: "/b/", with: "/"
            ).replacingOccurrences(of: "/c/", with: "/")
        }
        #expect(ohnePfade(a.stdout) == ohnePfade(b.stdout))
        #expect(ohnePfade(a.stdout) != ohnePfade(c.stdout))
        #expect(a.stdout.contains("Risikopuffer P90 − status-quo"))
    }

    @Test func backtestPrintsErrorsPerProduct() throws {
        let r = try Self.eckwert(["backtest", Self.muster, "--from", "2022"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Backtest ab 2022"))
        #expect(r.stdout.contains("MAPE"))
        #expect(r.stdout.contains("31.2.01"))
        let zu = try Self.eckwert(["backtest", Self.muster, "--from", "2025"])
        #expect(zu.status == 1)
        #expect(zu.stderr == "error: --from 2025: das Startjahr muss vor dem Basisjahr 2025 liegen\n")
    }

    /// `--scenario` is checked once by the shared option group, the same way for every command that has it: an
    /// unknown name lists the model's scenarios and nothing is computed or written; a known one limits the output.
    @Test func unknownScenarioIsRejectedByEveryCommandAlike() throws {
        let t = try Self.tempOrdner()
        defer { try? FileManager.default.removeItem(atPath: t) }
        let erwartet = "error: Szenario 'mittel' gibt es nicht (vorhanden: best, status-quo, worst)\n"
        for befehl in [["forecast", Self.muster], ["export", "kaemmerei", Self.muster, "--out", t]] {
            let r = try Self.eckwert(befehl + ["--scenario", "mittel"])
            #expect(r.status == 1)
            #expect(r.stderr == erwartet, "\(befehl)")
            #expect(r.stdout == "")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: t).isEmpty)
        let best = try Self.eckwert(["forecast", Self.muster, "--scenario", "best", "--format", "csv"])
        let szenarien = Set(best.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != ";" } })
        #expect(szenarien == ["best"])
    }

    /// Two runs writing the same folder at once: every file afterwards is complete and byte-identical to
    /// a run of its own, and no temporary file is left behind.
    @Test func twoRunsIntoTheSameFolderDoNotCorruptEachOther() throws {
        let t = try Self.tempOrdner()
        defer { try? FileManager.default.removeItem(atPath: t) }
        let allein = try Self.eckwert(["run", Self.muster, "--leise", "--out", t + "/allein"])
        #expect(allein.status == 0)
        func starten() throws -> LaufenderProzess {
            try LaufenderProzess(
                Prozess.gebaut("eckwert"), ["run", Self.muster, "--leise", "--out", t + "/gemeinsam"],
                ausgabeVerwerfen: true)
        }
        let a = try starten(), b = try starten()
        let statusA = a.beenden(), statusB = b.beenden()
        #expect(statusA == 0 && statusB == 0)
        let fm = FileManager.default
        let namen = try fm.contentsOfDirectory(atPath: t + "/allein").sorted()
        #expect(namen.count == 6)
        #expect(try fm.contentsOfDirectory(atPath: t + "/gemeinsam").sorted() == namen)
        for n in namen {
            let x = try Data(contentsOf: URL(fileURLWithPath: t + "/allein/" + n))
            let y = try Data(contentsOf: URL(fileURLWithPath: t + "/gemeinsam/" + n))
            #expect(x == y, "\(n) unterscheidet sich")
        }
    }
}
