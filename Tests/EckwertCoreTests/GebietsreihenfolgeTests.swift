import Testing
@testable import EckwertCore

/// Every population of a model shares the Sozialraum order of bevoelkerung.csv (the draws address Sozialräume
/// by index), whatever order vorausberechnung.csv or the history list them in.
@Suite struct GebietsreihenfolgeTests {
    @Test func reorderingMovesWholeSozialraumBlocks() {
        var p = Bevoelkerung(gebiete: ["B", "A"])
        p[gebiet: 0, geschlecht: .w, alter: 5] = 7  // B
        p[gebiet: 1, geschlecht: .m, alter: 100] = 3  // A
        let q = p.umgeordnet(nach: ["A", "B", "C"])
        #expect(q.gebiete == ["A", "B", "C"])
        #expect(q[gebiet: 0, geschlecht: .m, alter: 100] == 3)
        #expect(q[gebiet: 1, geschlecht: .w, alter: 5] == 7)
        #expect(q.summe(gebiet: "C") == 0)
        #expect(q.gesamt == 10)
        #expect(q.summe(von: 5, bis: 5, geschlecht: .w, gebiet: "B") == 7)
    }

    @Test func loaderAlignsProjectionAndHistoryToTheBaseOrder() throws {
        var d = YAMLFuzzTests.csv
        d["modell.yaml"] = Array(YAMLFuzzTests.modell.utf8)
        d["szenarien.yaml"] = Array(YAMLFuzzTests.szenarien.utf8)
        // History lists B before A, with different counts per Sozialraum.
        var h = "jahr;gebiet;geschlecht;alter;anzahl\n"
        for g in ["B", "A"] {
            for s in ["w", "m"] { for a in 0...100 { h += "2024;\(g);\(s);\(a);\(g == "A" ? 2 : 5)\n" } }
        }
        d["bevoelkerung_historie.csv"] = Array(h.utf8)
        let e = ModellLader.laden(name: "reihenfolge", dateien: d)
        let m = try #require(e.modell, "\(e.diagnostics)")
        let p = try #require(m.bevoelkerungHistorie?.jahre[2024])
        #expect(p.gebiete == m.bevoelkerung.gebiete)
        #expect(p.gebiete == ["A", "B"])
        // A: 2 persons × 202 cells; by index 0 after alignment.
        #expect(p.summe(gebiet: "A") == 404)
        #expect(p.werte[Bevoelkerung.index(gebiet: 0, geschlecht: 0, alter: 0)] == 2)
    }

    @Test func backtestNeedsTheCohortTables() throws {
        var d = YAMLFuzzTests.csv
        d["modell.yaml"] = Array(YAMLFuzzTests.modell.utf8)
        d["szenarien.yaml"] = Array(YAMLFuzzTests.szenarien.utf8)
        var h = "jahr;gebiet;geschlecht;alter;anzahl\n"
        for g in ["A", "B"] { for s in ["w", "m"] { for a in 0...100 { h += "2024;\(g);\(s);\(a);10\n" } } }
        d["bevoelkerung_historie.csv"] = Array(h.utf8)
        d["ist.csv"] = (d["ist.csv"] ?? []) + Array("2024;36.3.01;faelle;19\n".utf8)
        var m = try #require(ModellLader.laden(name: "bt", dateien: d).modell)
        m.wanderung = nil
        #expect(throws: Backtest.Fehler.self) { try Backtest.rechnen(m, ab: 2024) }
        do {
            _ = try Backtest.rechnen(m, ab: 2024)
        } catch {
            // Every product of this model has a driver: nothing can be backtested from the Ist alone.
            #expect(
                error.meldung == "jedes Produkt hat einen Fallzahltreiber: es fehlt wanderung.csv "
                    + "(geschlecht;alter;anteil) für die Kohortenmethode, mit der der Backtest die Bevölkerung fortschreibt"
            )
            #expect(error.betrifftStartjahr)
        }
    }
}
