import EckwertCore
import Foundation
import Testing
@testable import EckwertExport

/// The Kämmerei workbook's lookups made once per workbook give what the model's own search by number or level
/// gives, for every product and every level of the shipped models and the test fixture.
@Suite struct KaemmereiNachschlagenTests {
    static let ordner = [
        "/scenarios/musterstadt", "/scenarios/musterstadt-eckwertestand", "/Tests/Fixtures/eckwerte-klein",
    ]

    @Test(arguments: ordner) func wieDieSucheImModell(_ ordner: String) throws {
        let l = ModellLader.laden(ordner: repoRoot + ordner)
        let m = try #require(l.modell, "\(l.diagnostics)")
        #expect(!m.budgetbereiche.isEmpty)
        let bb = KaemmereiMappe.budgetbereiche(m)
        #expect(bb.map { $0?.id } == m.produkte.map { m.budgetbereich(von: $0.nr)?.id })
        let indizes = KaemmereiMappe.indizes(m)
        let ids = Set(m.produkte.map(\.nr) + m.produktgruppen.map(\.nr) + m.produktbereiche.map(\.nr))
        for id in ids { #expect(indizes[id] ?? [] == m.produktIndizes(unter: id), "\(id)") }
        // Every product is found under its number and its levels, and nowhere else.
        #expect(
            indizes.values.reduce(0) { $0 + $1.count }
                == m.produkte.reduce(0) { n, p in
                    n + 1 + p.ebenen.subtracting([p.nr]).count
                })
        #expect(m.produkte.count >= 3)
    }
}

/// The check behind `SUM(range)`: a range formula only where no row is added twice.
@Suite struct SummenzeilenTests {
    @Test func doppelteZeilenWerdenErkannt() {
        #expect(Blatt.ohneDoppelte([4, 5, 6, 7]))
        #expect(Blatt.ohneDoppelte([6, 4, 5]))
        #expect(Blatt.ohneDoppelte([]))
        #expect(!Blatt.ohneDoppelte([4, 5, 5, 6]))
        #expect(!Blatt.ohneDoppelte([5, 4, 5]))
        #expect(!Blatt.ohneDoppelte([7, 7]))
    }
}

/// The run's Kämmerei workbooks share one Basis der Prognose: a workbook written with the shared one has the
/// bytes of one that computes its own.
@Suite struct GeteilteBasisTests {
    @Test func gleicheBytesMitUndOhneGeteilteBasis() throws {
        let l = ModellLader.laden(ordner: repoRoot + "/scenarios/musterstadt")
        let m = try #require(l.modell, "\(l.diagnostics)")
        let e = Planungslauf.rechnen(m)
        let ordner = NSTemporaryDirectory() + "geteilte-basis-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: ordner) }
        let basis = Einmal { Fortschreibungsbasis(m) }
        for s in m.szenarien.map(\.name) {
            let a = try Berichtsmappen.kaemmerei(e, szenario: s, ordner: ordner + "/eigen", version: "t")
            let b = try Berichtsmappen.kaemmerei(
                e, szenario: s, ordner: ordner + "/geteilt", version: "t", basis: basis)
            let da = try #require(FileManager.default.contents(atPath: a))
            #expect(da.count > 10_000)
            #expect(da == FileManager.default.contents(atPath: b), "\(s)")
        }
        #expect(!basis.wert.linien.isEmpty)
    }
}
