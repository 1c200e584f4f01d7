import EckwertCore
import Foundation
import Testing
@testable import EckwertImport

@Suite struct AltersaufteilungTests {
    @Test func spragueVonHand() {
        // Middle panel, group 10–14 of the groups 100, 200, …, 600: first year by hand
        // −0,0128·100 + 0,0848·200 + 0,1504·300 − 0,0240·400 + 0,0016·500 = 52; a linear density gives
        // 52, 56, 60, 64, 68 (slope 0,8 per year and group step 100 / 25).
        let s = Altersaufteilung.sprague([100, 200, 300, 400, 500, 600])
        #expect(s.count == 30)
        for (i, erwartet) in [52.0, 56, 60, 64, 68].enumerated() { #expect(abs(s[10 + i] - erwartet) < 1e-9) }
    }

    @Test func spragueReproduziertKubischeDichte() {
        // Single years that are the integrals of a cubic over [x, x+1] come back exactly from their
        // five-year sums (Sprague's osculatory interpolation is exact for such a density).
        func p(_ t: Double) -> Double { 1000 * t + 15 * t * t - 0.8 * t * t * t / 3 + 0.01 * t * t * t * t / 4 }
        let einzeln = (0..<35).map { p(Double($0 + 1)) - p(Double($0)) }
        let gruppen = (0..<7).map { g in einzeln[(5 * g)..<(5 * g + 5)].reduce(0, +) }
        let s = Altersaufteilung.sprague(gruppen)
        for a in 0..<35 { #expect(abs(s[a] - einzeln[a]) < 1e-6) }
    }

    @Test func groessterRest() {
        // 10 persons over 3,3 / 3,3 / 3,4: floors 3, 3, 3, the one left goes to the largest remainder.
        #expect(Altersaufteilung.groessterRest([3.3, 3.3, 3.4], summe: 10) == [3, 3, 4])
        #expect(Altersaufteilung.groessterRest([1, 1, 1], summe: 2) == [1, 1, 0])  // tie: younger first
        #expect(Altersaufteilung.groessterRest([-1, 2, 2], summe: 5) == [0, 3, 2])  // negative counts as 0
        #expect(Altersaufteilung.groessterRest([0, 0], summe: 3) == [2, 1])
    }

    static func gruppen(_ l: [(String, Int)]) -> [Altersspanne: Int] {
        var d: [Altersspanne: Int] = [:]
        for (t, n) in l { if let g = Altersspanne.lesen(t) { d[g] = n } }
        return d
    }

    @Test func gruppenUndSummenBleibenExakt() throws {
        let fuenfer = (0..<17).map { ("\(5 * $0)-\(5 * $0 + 4)", 300 + 7 * $0) } + [("85+", 211)]
        let q = [Double](repeating: 0.05, count: 101)
        let a = try Altersaufteilung.aufteilen(Self.gruppen(fuenfer), qx: q).get()
        #expect(a.verfahren == .sprague)
        for (t, n) in fuenfer {
            guard let g = Altersspanne.lesen(t) else { continue }
            #expect(a.anzahl[g.von...(g.bis ?? 100)].reduce(0, +) == n)
        }
        #expect(a.anzahl.allSatisfy { $0 >= 0 })
        let unregelmaessig = [
            ("unter 3", 95), ("3 bis unter 6", 101), ("6 bis unter 10", 140), ("10-14", 170),
            ("15-17", 99), ("18-64", 3900), ("65 bis 84", 1200), ("85 und älter", 130),
        ]
        let b = try Altersaufteilung.aufteilen(Self.gruppen(unregelmaessig), qx: q).get()
        #expect(b.verfahren == .spline)
        #expect(b.anzahl[0...2].reduce(0, +) == 95 && b.anzahl[6...9].reduce(0, +) == 140)
        #expect(b.anzahl[18...64].reduce(0, +) == 3900 && b.anzahl[85...100].reduce(0, +) == 130)
        #expect(b.anzahl.reduce(0, +) == 5835 && b.anzahl.allSatisfy { $0 >= 0 })
    }

    @Test func offeneGruppeNachSterbetafel() throws {
        // q = 0,5 from 95 on, else 0: l(95..100) = 1, ½, ¼, ⅛, 1/16, 1/32; L(95..99) = ¾, ⅜, 3/16, 3/32, 3/64;
        // L(100+) = l(100)·(2 − q)/(2q) = 1/32 · 1,5 = 3/64. Sum = 96/64; 96 persons give 48, 24, 12, 6, 3, 3.
        var q = [Double](repeating: 0, count: 101)
        for a in 95...100 { q[a] = 0.5 }
        let g = Self.gruppen([("0-94", 0), ("95+", 96)])
        let a = try Altersaufteilung.aufteilen(g, qx: q).get()
        #expect(Array(a.anzahl[95...100]) == [48, 24, 12, 6, 3, 3])
        guard case .failure(.sterbetafelFehlt(let offen)) = Altersaufteilung.aufteilen(g, qx: nil) else {
            Issue.record("fehlende Sterbetafel nicht gemeldet")
            return
        }
        #expect(offen == Altersspanne(von: 95, bis: nil))
        guard case .failure(.luecke(let t)) = Altersaufteilung.aufteilen(Self.gruppen([("0-4", 1), ("6+", 2)]), qx: q)
        else { Issue.record("Lücke nicht gemeldet"); return }
        #expect(t.contains("Alter 5–5 fehlt"))
    }

    @Test func gruppenLesen() {
        #expect(Altersspanne.lesen("unter 3") == Altersspanne(von: 0, bis: 2))
        #expect(Altersspanne.lesen("3 bis unter 6") == Altersspanne(von: 3, bis: 5))
        #expect(Altersspanne.lesen("6 – 9") == Altersspanne(von: 6, bis: 9))
        #expect(Altersspanne.lesen("95 und älter") == Altersspanne(von: 95, bis: nil))
        #expect(Altersspanne.lesen("90+") == Altersspanne(von: 90, bis: nil))
        #expect(Altersspanne.lesen("17") == Altersspanne(von: 17, bis: 17))
        #expect(Altersspanne.lesen("alt") == nil)
    }
}

@Suite struct BevoelkerungImportTests {
    @Test func langesFormatEinzeljahreUndMehrereJahre() throws {
        // Long table: single ages 0..99 plus 100+, two Ortsteile into one Sozialraum, two years.
        var t = "jahr;ot;sex;alter;n\n"
        for j in [2024, 2025] {
            for o in ["A", "B"] {
                for s in ["w", "m"] { for a in 0...99 { t += "\(j);\(o);\(s);\(a);\(a % 7 + 1)\n" } }
            }
            for o in ["A", "B"] { for s in ["w", "m"] { t += "\(j);\(o);\(s);100+;2\n" } }
        }
        let z = """
            spalten: {jahr: jahr, gebiet: ot, geschlecht: sex, alter: alter, anzahl: n}
            sozialraeume: {A: S1, B: S1}
            """
        let o = try ordner(["modell.yaml": startmodell, "z.yaml": z, "t.csv": t])
        let b = try BevoelkerungImport.ausfuehren(
            tabelle: o + "/t.csv", zuordnung: o + "/z.yaml", modell: o,
            probelauf: false
        ).get()
        // Per year: 2 Ortsteile × 2 sexes × (Σ_{a<100} (a mod 7 + 1) + 2).
        let proGeschlecht = (0...99).map { $0 % 7 + 1 }.reduce(0, +) + 2
        #expect(b.summen.map(\.tabelle) == [4 * proGeschlecht, 4 * proGeschlecht])
        #expect(b.stimmt && b.verfahren[.einzeljahre] == 8)
        let bev = lies(o + "/bevoelkerung.csv")
        #expect(bev.hasPrefix("gebiet;geschlecht;alter;anzahl\nS1;w;0;2\nS1;w;1;4\n"))
        #expect(bev.contains("S1;m;100;4\n"))
        let historie = lies(o + "/bevoelkerung_historie.csv")
        #expect(historie.hasPrefix("jahr;gebiet;geschlecht;alter;anzahl\n2024;S1;w;0;2\n"))
        let vorher = inhalte(o)
        _ = try BevoelkerungImport.ausfuehren(
            tabelle: o + "/t.csv", zuordnung: o + "/z.yaml", modell: o,
            probelauf: false
        ).get()
        #expect(inhalte(o) == vorher)
    }

    @Test func fehlerMitZeileUndSpalte() throws {
        let t = "jahr;ot;sex;alter;n\n2025;A;w;0-4;1.5\n2025;C;w;5-9;3\n2025;A;x;5-9;3\n2025;A;w;0-4;2\n"
        let z = "spalten: {jahr: jahr, gebiet: ot, geschlecht: sex, alter: alter, anzahl: n}\nsozialraeume: {A: S1}\n"
        let o = try ordner(["modell.yaml": startmodell, "z.yaml": z, "t.csv": t])
        guard
            case .failure(let e) = BevoelkerungImport.ausfuehren(
                tabelle: o + "/t.csv", zuordnung: o + "/z.yaml",
                modell: o, probelauf: false)
        else {
            Issue.record("Fehler nicht gemeldet")
            return
        }
        let orte = e.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(orte == ["2:5", "3:2", "4:3"])
        #expect(e.diagnostics[0].message.contains("Tausendertrennzeichen"))  // 1.5 is never one and a half persons
        #expect(Set(inhalte(o).keys) == ["modell.yaml", "z.yaml", "t.csv"])
    }
}

/// Cases the libFuzzer harness (tools/fuzz, target bevoelkerung) led to.
@Suite struct BevoelkerungGrenzenTests {
    @Test func mehrAls100MillionenPersonenInEinerZelleIstEinFehler() throws {
        // Counts up to 9 billion per cell were accepted; summed over Ortsteile and years they overflowed Int.
        #expect(try ImportZahl.anzahl("100.000.000", .deutsch).get() == 100_000_000)
        #expect(ImportZahl.anzahl("100.000.001", .deutsch) == .failure(.zuVielePersonen))
        let t = "jahr;ot;sex;alter;n\n2025;A;w;0-99;100.000.000\n2025;A;w;100+;9.000.000.000.000\n"
        let z = "spalten: {jahr: jahr, gebiet: ot, geschlecht: sex, alter: alter, anzahl: n}\n"
        let o = try ordner(["modell.yaml": startmodell, "z.yaml": z, "t.csv": t])
        guard
            case .failure(let e) = BevoelkerungImport.ausfuehren(
                tabelle: o + "/t.csv", zuordnung: o + "/z.yaml", modell: o, probelauf: true)
        else {
            Issue.record("Riesenzahl nicht gemeldet")
            return
        }
        #expect(
            e.description.contains(
                "t.csv:3:5: error: Anzahl '9.000.000.000.000' nicht lesbar: mehr als 100 Millionen Personen – "
                    + "stimmt das Zahlenformat?"))
        #expect(e.diagnostics.count == 1)
    }
}
