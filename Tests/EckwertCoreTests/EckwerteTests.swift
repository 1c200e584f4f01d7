import Foundation
import Testing
import EckwertCore

// The fixture Tests/Fixtures/eckwerte-klein is computed by hand (population constant: 1.800 minors):
//   10.1.01 Pflicht:     100 cases × 10.000 € (2025), cost per case + Sachkosten each year.
//   10.1.02 freiwillig:  Sach 200.000 € (+ Sachkosten), Zuwendungen 50.000 € (constant).
//   10.2.01 freiwillig:  36 cases × 1.000 €, cost per case + Sachkosten.
//   status-quo: Sachkosten +10 %; best 0 %; worst +20 %.
//   Ansatz 2026: 10.1.01 1.050.000; 10.1.02 210.000 − 50.000 = 160.000; 10.2.01 38.000.

private let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/eckwerte-klein").path

private func laden() throws -> Planungsmodell {
    let l = ModellLader.laden(ordner: fixture)
    return try #require(l.modell, "\(l.diagnostics)")
}

private func nahe(_ a: Double?, _ b: Double, _ tol: Double = 1e-6) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tol
}

@Suite struct EckwerteTests {
    @Test func eckwerteProBudgetbereich() throws {
        let m = try laden()
        let e = Planungslauf.rechnen(m)
        let w = Eckwerte.rechnen(e)
        #expect(w.jahre == [2027, 2028])
        #expect(w.investitionsjahre == [2026, 2027, 2028])
        #expect(w.szenarien == ["best", "status-quo", "worst"])
        #expect(w.bereiche.map(\.einheit.nr) == ["BB1", "BB2"])
        let bb1 = w.bereiche[0], bb2 = w.bereiche[1]
        // Ist 2025: BB1 = 1.000.000 (Pflicht) + 150.000 (freiwillig); BB2 = 36.000 (freiwillig).
        #expect(nahe(bb1.ist.pflicht, 1_000_000) && nahe(bb1.ist.freiwillig, 150_000))
        #expect(nahe(bb2.ist.pflicht, 0) && nahe(bb2.ist.freiwillig, 36_000))
        // Ansatz 2026: BB1 = 1.050.000 + 160.000; BB2 = 38.000.
        #expect(nahe(bb1.ansatz?.pflicht, 1_050_000) && nahe(bb1.ansatz?.freiwillig, 160_000))
        #expect(nahe(bb2.ansatz?.gesamt, 38_000))
        // status-quo 2027: Pflicht 1.000.000 × 1,1² = 1.210.000; freiwillig 200.000 × 1,21 − 50.000 = 192.000.
        // 2028: 1.331.000 and 266.200 − 50.000 = 216.200. BB2: 36.000 × 1,21 = 43.560; × 1,331 = 47.916.
        let sq1 = try #require(bb1.eckwerte["status-quo"]), sq2 = try #require(bb2.eckwerte["status-quo"])
        #expect(nahe(sq1.pflicht[0], 1_210_000, 1e-4) && nahe(sq1.pflicht[1], 1_331_000, 1e-4))
        #expect(nahe(sq1.freiwillig[0], 192_000, 1e-4) && nahe(sq1.freiwillig[1], 216_200, 1e-4))
        #expect(nahe(sq2.gesamt[0], 43_560, 1e-6) && nahe(sq2.gesamt[1], 47_916, 1e-6))
        // worst 2027 (+20 %): 1.440.000 + (288.000 − 50.000) = 1.678.000.
        #expect(nahe(bb1.eckwerte["worst"]?.gesamt[0], 1_678_000, 1e-4))
        // Gesamt = Σ Bereiche: 1.402.000 + 43.560 = 1.445.560.
        #expect(nahe(w.gesamt.eckwerte["status-quo"]?.gesamt[0], 1_445_560, 1e-4))
        // KGSt a: Pflichtanteil BB1 2027 = 1.210.000 / 1.402.000.
        #expect(nahe(bb1.pflichtanteil("status-quo")[0], 1_210_000.0 / 1_402_000.0, 1e-12))
        #expect(bb2.pflichtanteil("status-quo")[0] == 0)
        // No draws → no risk buffer; no investments → zeros.
        #expect(bb1.risikopuffer == nil && w.ziehungen == 0)
        #expect(bb1.investitionen.auszahlungen == [0, 0, 0])
    }

    @Test func konstantesBudgetUndVarianten() throws {
        let m = try laden()
        let e = Planungslauf.rechnen(m)
        let w = Eckwerte.rechnen(e)
        #expect(w.budgetrechnungen.map(\.art) == [.prognose, .konstant, .variante(-0.05), .variante(0.05)])
        let prognose = w.budgetrechnungen[0], konstant = w.budgetrechnungen[1]
        let minus = w.budgetrechnungen[2], plus = w.budgetrechnungen[3]
        // Konstant: freiwillige products held at their Ansatz: BB1 160.000, BB2 38.000 in 2027 and 2028.
        let k = try #require(konstant.freiwillig["status-quo"])
        #expect(nahe(k[0][0], 160_000, 1e-6) && nahe(k[0][1], 160_000, 1e-6))
        #expect(nahe(k[1][0], 38_000, 1e-6) && nahe(k[1][1], 38_000, 1e-6))
        // Variants: forecast × 0,95 / × 1,05: BB1 2027 192.000 → 182.400 / 201.600; BB2 2028 47.916 → 45.520,2 / 50.311,8.
        #expect(nahe(minus.freiwillig["status-quo"]?[0][0], 182_400, 1e-6))
        #expect(nahe(plus.freiwillig["status-quo"]?[0][0], 201_600, 1e-6))
        #expect(nahe(minus.freiwillig["status-quo"]?[1][1], 45_520.2, 1e-6))
        #expect(nahe(plus.freiwillig["status-quo"]?[1][1], 50_311.8, 1e-6))
        #expect(nahe(prognose.freiwillig["status-quo"]?[1][1], 47_916, 1e-6))
        // Z1: K1 = visitors per 1.000 minors ≥ 20 in 2028. Forecast: 36 / 1.800 × 1.000 = 20 → reached.
        // Konstant: 36 × 38.000 / 47.916 = 28,5500… visitors → 15,861… → not reached.
        // −5 %: 19 → not reached; +5 %: 21 → reached. best (no price growth): konstant 36 × 38.000/36.000 = 38 → 21,1 reached.
        func z(_ r: Eckwerte.Budgetrechnung, _ s: String) -> Zielerreichung? {
            r.zielerreichung.first { $0.ziel == "Z1" && $0.szenario == s }
        }
        #expect(z(prognose, "status-quo")?.erreicht == true)
        #expect(nahe(z(prognose, "status-quo")?.wert, 20, 1e-9))
        #expect(z(konstant, "status-quo")?.erreicht == false)
        #expect(nahe(z(konstant, "status-quo")?.wert, 36.0 * 38_000 / 47_916 / 1.8, 1e-9))
        #expect(z(minus, "status-quo")?.erreicht == false)
        #expect(nahe(z(minus, "status-quo")?.wert, 19, 1e-9))
        #expect(z(plus, "status-quo")?.erreicht == true)
        #expect(nahe(z(plus, "status-quo")?.wert, 21, 1e-9))
        #expect(nahe(z(konstant, "best")?.wert, 36.0 * 38_000 / 36_000 / 1.8, 1e-9))
        // Pflicht products are untouched by the rules.
        #expect(nahe(w.bereiche[0].eckwerte["status-quo"]?.pflicht[0], 1_210_000, 1e-4))
    }

    @Test func risikopufferMitZiehungen() throws {
        let m = try laden()
        let e = Planungslauf.rechnen(m, .init(ziehungen: 40))
        let w = Eckwerte.rechnen(e)
        let u = try #require(e.unsicherheit)
        #expect(w.ziehungen == 40)
        // Puffer = P90 of the draws − status-quo figure (BB1 2027: 1.402.000 by hand).
        let ui = try #require(u.einheiten.firstIndex { $0.ebene == .budgetbereich && $0.nr == "BB1" })
        let t = try #require(u.jahre.firstIndex(of: 2027))
        #expect(nahe(w.bereiche[0].risikopuffer?[0], u.zuschuss[ui].p90[t] - 1_402_000, 1e-3))
        // The draws lie between best (0 %) and worst (+20 %): the buffer is in 0 … 1.678.000 − 1.402.000.
        let p = try #require(w.bereiche[0].risikopuffer?[0])
        #expect(p > 0 && p < 276_000)
    }

    @Test func ansatzZuschussUndSkalierung() throws {
        let m = try laden()
        #expect(Eckwerte.ansatzZuschuss(m, 1) == 160_000)
        #expect(m.ansatzZeilen(produkte: [0, 1])?["transferaufwendungen"] == 1_050_000)
        var ohne = m
        ohne.ansatz = nil
        #expect(Eckwerte.ansatzZuschuss(ohne, 1) == nil)
        #expect(ohne.ansatzZeilen(produkte: [0]) == nil)
        // Scaling a run: lines and cases × factor, year 0 (Ist) untouched.
        let e = Planungslauf.rechnen(m)
        let sq = try #require(e.szenario("status-quo"))
        let s = Eckwerte.skaliert(sq, faktoren: [2: [1, 0.5, 0.5, 0.5]])
        #expect(s.produkte[2].faelle == [36, 18, 18, 18])
        let ti = try #require(m.kontenrahmen.index("transferaufwendungen"))
        #expect(nahe(s.produkte[2].ergebnisplan[ti][1], 39_600 * 0.5, 1e-6))
        #expect(s.produkte[2].ergebnisplan[ti][0] == 36_000)
        #expect(s.produkte[0].faelle == sq.produkte[0].faelle)
    }
}
