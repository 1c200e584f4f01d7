import Foundation
import Testing
import EckwertCore
import EckwertTestSupport

@testable import EckwertExport

// Every document of a run written as parallel jobs: the same bytes and the same paths, in the same order, as the
// one-after-the-other writers; job results in list order whatever the order of finishing; errors kept in place.
@Suite struct LaufdokumenteTests {
    private struct Absicht: Error, Equatable { var nr: Int }

    @Test func gleicheBytesWieEinzelnGeschrieben() throws {
        let m = try #require(ModellLader.laden(ordner: repoRoot + "/scenarios/musterstadt").modell)
        let e = Planungslauf.rechnen(m, .init(ziehungen: 50))
        let a = try makeFolder(), b = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        let einzeln =
            try Berichtsmappen.alle(e, ordner: a, version: "1.0-test")
            + Ausschusspaket.schreiben(e, ordner: a, version: "1.0-test")
        let d = Laufdokumente.schreiben(e, ordner: b, version: "1.0-test")
        let parallel = try d.mappen.get() + d.ausschuss.get()
        let name = { (p: String) in (p as NSString).lastPathComponent }
        #expect(parallel.map(name) == einzeln.map(name))
        #expect(
            parallel.map(name) == [
                "Kaemmerei_musterstadt_best.xlsx", "Kaemmerei_musterstadt_status-quo.xlsx",
                "Kaemmerei_musterstadt_worst.xlsx", "Eckwerte_musterstadt.xlsx", "ausschuss.html",
                "Ausschuss_musterstadt.xlsx",
            ])
        for (x, y) in zip(einzeln, parallel) {
            let bx = try #require(FileManager.default.contents(atPath: x))
            #expect(bx == FileManager.default.contents(atPath: y), "\(name(x))")
        }
        // Nothing but the six documents (no temp file left behind).
        #expect(try FileManager.default.contentsOfDirectory(atPath: b).sorted() == parallel.map(name).sorted())

        // The Kämmerei workbooks started beside the draws, from the result before them: the same bytes again.
        let c = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: c) }
        var vorab: Laufdokumente.Vorab?
        var vorher: Planungsergebnis?
        let e2 = Planungslauf.rechnen(
            m, .init(ziehungen: 50),
            vorDenZiehungen: {
                vorher = $0
                vorab = Laufdokumente.vorab($0, ordner: c, version: "1.0-test")
            })
        #expect(vorher?.unsicherheit == nil && e2.unsicherheit?.ziehungen == 50)
        guard let vorab else {
            Issue.record("vorDenZiehungen was not called")
            return
        }
        let d2 = Laufdokumente.schreiben(e2, ordner: c, version: "1.0-test", vorab: vorab)
        let mitVorab = try d2.mappen.get() + d2.ausschuss.get()
        #expect(mitVorab.map(name) == einzeln.map(name))
        for (x, y) in zip(einzeln, mitVorab) {
            #expect(FileManager.default.contents(atPath: x) == FileManager.default.contents(atPath: y), "\(name(x))")
        }
    }

    @Test func ergebnisseInListenreihenfolge() throws {
        // Early jobs run longest, so later ones finish first on two or more cores.
        let auftraege: [@Sendable () throws -> Int] = (0..<12).map { i in
            {
                usleep(useconds_t((12 - i) * 500))
                if i % 5 == 3 { throw Absicht(nr: i) }
                return i * i
            }
        }
        let r = Parallelauftraege.ausfuehren(auftraege)
        #expect(r.count == 12)
        for (i, x) in r.enumerated() {
            switch x {
            case .success(let v): #expect(i % 5 != 3 && v == i * i)
            case .failure(let f): #expect(i % 5 == 3 && (f as? Absicht) == Absicht(nr: i))
            }
        }
        #expect(Parallelauftraege.ausfuehren([@Sendable () throws -> Int]()).isEmpty)
    }

    /// Jobs started ahead on one background worker and jobs added later form one list: a job started ahead
    /// but not yet begun is taken by the workers `abarbeiten` adds (the first job waits until the second has
    /// begun, which one worker alone could never do), every job runs once, results come in list order.
    @Test func vorabGestarteteListeWirdGeteilt() {
        final class Protokoll: @unchecked Sendable {
            let lock = NSLock()
            var laeufe = [Int](repeating: 0, count: 5)
            let zweiterBegonnen = DispatchSemaphore(value: 0)
            func lief(_ i: Int) { lock.lock(); laeufe[i] += 1; lock.unlock() }
        }
        let p = Protokoll()
        let liste = Auftragsliste()
        liste.anhaengen([
            {
                p.lief(0)
                let gesehen = p.zweiterBegonnen.wait(timeout: .now() + 60) == .success
                return gesehen ? "A" : "allein"
            },
            {
                p.lief(1); p.zweiterBegonnen.signal(); return "B"
            },
        ])
        liste.arbeiterStarten()
        let r = liste.abarbeiten(
            [
                {
                    p.lief(2); return "C"
                },
                {
                    p.lief(3); throw Absicht(nr: 3)
                },
                {
                    p.lief(4); return "E"
                },
            ], kerne: 2)
        #expect(r.count == 5 && p.laeufe == [1, 1, 1, 1, 1])
        #expect(r.compactMap { try? $0.get() } == ["A", "B", "C", "E"])
        if case .failure(let f) = r[3] { #expect((f as? Absicht) == Absicht(nr: 3)) } else { Issue.record("\(r[3])") }
    }

    @Test func ordnerNichtAnlegbarMeldetBeideGruppen() throws {
        let m = try #require(ModellLader.laden(ordner: repoRoot + "/scenarios/musterstadt").modell)
        let e = Planungslauf.rechnen(m, .init(ziehungen: 0))
        let a = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: a) }
        let datei = a + "/keinordner"
        _ = FileManager.default.createFile(atPath: datei, contents: Data("x".utf8))
        let d = Laufdokumente.schreiben(e, ordner: datei + "/unter", version: "1.0-test")
        #expect(throws: (any Error).self) { try d.mappen.get() }
        #expect(throws: (any Error).self) { try d.ausschuss.get() }
    }
}
