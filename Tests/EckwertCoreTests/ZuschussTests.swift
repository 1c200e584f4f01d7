import Testing
import EckwertCore

// The one home of the Zuschussbedarf arithmetic, against values worked out by hand on the NKF scheme.
@Suite struct ZuschussTests {
    let zr = Kontenrahmen.nkf.zuschussrechnung

    @Test func koeffizientenDesNKF() {
        #expect(zr.koeffizient("transferaufwendungen") == 1)
        #expect(zr.koeffizient("personalaufwendungen") == 1)
        #expect(zr.koeffizient("kostenerstattungen") == -1)
        #expect(zr.koeffizient("zuwendungen_umlagen") == -1)
        // Finanzergebnis and außerordentliche lines are outside the ordentliche Aufwendungen / Erträge.
        #expect(zr.koeffizient("zinsen_finanzaufwendungen") == 0)
        #expect(zr.koeffizient("ausserordentliche_aufwendungen") == 0)
        #expect(zr.koeffizient("gibt_es_nicht") == 0)
    }

    @Test func summeAusBuchungszeilen() {
        let werte = [
            "transferaufwendungen": 1_000.0, "personalaufwendungen": 300, "kostenerstattungen": 200,
            "zinsen_finanzaufwendungen": 50,
        ]
        // 1.000 + 300 − 200; the interest is not part of the Zuschussbedarf.
        #expect(zr.summe { werte[$0] } == 1_100)
        #expect(zr.summe { _ in nil } == nil)
        var laufend = 10.0
        #expect(zr.addieren(&laufend) { werte[$0] })
        #expect(laufend == 1_110)
        #expect(!zr.addieren(&laufend) { _ in nil })
        #expect(laufend == 1_110)
    }

    @Test func reiheAusPlan() throws {
        let k = Kontenrahmen.nkf
        var plan = k.zeilen.map { _ in [0.0, 0.0] }
        plan[try #require(k.index(k.aufwendungen))] = [500, 700]
        plan[try #require(k.index(k.ertraege))] = [120, 90]
        #expect(zr.reihe(plan) == [380, 610])
        #expect(zr.jahr(plan, 1) == 610)
        #expect(zr.definiert)
    }
}
