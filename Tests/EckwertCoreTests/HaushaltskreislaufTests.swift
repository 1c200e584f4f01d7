import Foundation
import Testing
@testable import EckwertCore
import EckwertTestSupport

// The hand-computed fixture Tests/Fixtures/eckwerte-klein (see EckwerteTests): status-quo Zuschussbedarf
//   BB1 2027 = 1.000.000 × 1,1² + (200.000 × 1,1² − 50.000) = 1.210.000 + 192.000 = 1.402.000;
//   BB1 2028 = 1.331.000 + 216.200 = 1.547.200;  BB2 2027 = 36.000 × 1,21 = 43.560.

private let fixtureOrdner = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/eckwerte-klein").path

/// The fixture's files, with `aendern` applied (name → new text, or nil to leave out).
private func dateien(_ aendern: [String: String?] = [:]) throws -> [String: String] {
    var out: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: fixtureOrdner) {
        out[name] = try String(contentsOfFile: fixtureOrdner + "/" + name, encoding: .utf8)
    }
    for (k, v) in aendern { out[k] = v }
    return out
}

private func modell(_ aendern: [String: String?] = [:]) throws -> Planungsmodell {
    try Fixture.modell(try dateien(aendern))
}

private func rahmen(_ bb1: String) -> String { "beschluss: Test\nrahmen:\n  BB1: {\(bb1)}\n  BB2: {2027: 50000}\n" }

@Suite struct HochrechnungTests {
    @Test func saisonalAusVorjahren() {
        // share(9) = (600.000 + 700.000) / (950.000 + 1.000.000) = 2/3; HR = 900.000 / (2/3) = 1.350.000.
        let r = Hochrechnung.betrag(
            kumuliert: 900_000, monat: 9,
            vorjahre: [
                .init(jahr: 2024, kumuliert: 600_000, jahreswert: 950_000),
                .init(jahr: 2025, kumuliert: 700_000, jahreswert: 1_000_000),
            ])
        #expect(abs(r.wert - 1_350_000) < 1e-6)
        #expect(r.methode == .saisonal(jahre: [2024, 2025], anteil: 1_300_000.0 / 1_950_000.0))
        #expect(r.hinweis == nil)
    }

    @Test func linearOhneVorjahre() {
        // 900 × 12 / 9 = 1.200; month 12 gives the figure itself.
        let r = Hochrechnung.betrag(kumuliert: 900, monat: 9, vorjahre: [])
        #expect(r.wert == 1200 && r.methode == .linear && r.hinweis == nil)
        #expect(Hochrechnung.betrag(kumuliert: 777, monat: 12, vorjahre: []).wert == 777)
    }

    @Test func jahressummeNullGibtLinearMitHinweis() {
        let r = Hochrechnung.betrag(
            kumuliert: 900, monat: 9, vorjahre: [.init(jahr: 2025, kumuliert: 0, jahreswert: 0)])
        #expect(r.wert == 1200 && r.methode == .linear)
        #expect(r.hinweis?.contains("Jahressumme der Vorjahre (2025) ist 0") == true)
        // Nothing booked by month m in the earlier year although its total is positive: also linear, with a note.
        let s = Hochrechnung.betrag(
            kumuliert: 90, monat: 3, vorjahre: [.init(jahr: 2025, kumuliert: 0, jahreswert: 500)])
        #expect(s.wert == 360 && s.hinweis != nil)
    }

    @Test func faelleMittelwert() {
        #expect(Hochrechnung.faelle([100, 104, 99])?.wert == 101)
        #expect(Hochrechnung.faelle([]) == nil)
    }
}

@Suite struct ControllingTests {
    static let unterjaehrig = """
        jahr;monat;produkt;groesse;wert
        2024;9;10.1.01;transferaufwendungen;600000
        2025;9;10.1.01;transferaufwendungen;700000
        2025;9;10.2.01;transferaufwendungen;27000
        2026;3;10.1.01;transferaufwendungen;300000
        2026;9;10.1.01;transferaufwendungen;900000
        2026;6;10.1.02;aufwendungen_sach_dienstleistungen;120000
        2026;9;10.1.02;aufwendungen_sach_dienstleistungen;150000
        2026;9;10.2.01;transferaufwendungen;28500
        2026;1;10.1.01;faelle;98
        2026;2;10.1.01;faelle;101
        2026;3;10.1.01;faelle;104

        """

    @Test func abweichungsberichtVonHand() throws {
        let m = try modell(["ist_unterjaehrig.csv": Self.unterjaehrig])
        let sq = Projektion(m).rechnen(try #require(m.szenario("status-quo")))
        let a = try Abweichungsbericht.rechnen(m, prognose: sq)
        #expect(a.jahr == 2026 && a.monat == 9)
        let p1 = try #require(a.produkte.first { $0.nr == "10.1.01" })
        // Seasonal: 900.000 / (1.300.000 / 1.950.000) = 1.350.000 against the Ansatz 1.050.000: +300.000 = +28,6 % → rot.
        let t1 = try #require(p1.zeilen.first { $0.groesse == "transferaufwendungen" })
        #expect(abs(t1.hochrechnung - 1_350_000) < 1e-6 && t1.ansatz == 1_050_000 && t1.ampel == .rot)
        #expect(abs((t1.abweichungAnteil ?? 0) - 300_000.0 / 1_050_000.0) < 1e-12)
        #expect(t1.vorjahr == 1_000_000)
        // Cases: mean of 98, 101, 104 = 101 against the status-quo forecast of 2026: 100 cases (rate and population held).
        #expect(p1.faelle?.mittelBisher == 101 && p1.faelle?.monate == 3)
        #expect(abs((p1.faelle?.prognose ?? 0) - 100) < 1e-9)
        // 10.1.02: no earlier year → linear 150.000 × 12 / 9 = 200.000; the Zuwendungen of the Ansatz (50.000) have no
        // in-year booking: HR 0, an unfavourable Ertrag shortfall → rot. Zuschuss HR 200.000 against 160.000.
        let p2 = try #require(a.produkte.first { $0.nr == "10.1.02" })
        #expect(p2.zeilen.first { $0.groesse == "aufwendungen_sach_dienstleistungen" }?.hochrechnung == 200_000)
        #expect(p2.zeilen.first { $0.groesse == "zuwendungen_umlagen" }?.ampel == .rot)
        #expect(abs(p2.zuschuss.hochrechnung - 200_000) < 1e-9 && p2.zuschuss.ansatz == 160_000)
        // 10.2.01: 2025 only: share 27.000 / 36.000 = 0,75, HR = 28.500 / 0,75 = 38.000 = Ansatz → grün.
        let p3 = try #require(a.produkte.first { $0.nr == "10.2.01" })
        #expect(abs(p3.zuschuss.hochrechnung - 38_000) < 1e-9 && p3.zuschuss.ampel == .gruen)
        // BB1 = 1.350.000 + 200.000; its Ansatz 1.050.000 + 160.000; Gesamt adds BB2.
        let bb1 = try #require(a.bereiche.first { $0.einheit.nr == "BB1" })
        #expect(abs(bb1.zuschuss.hochrechnung - 1_550_000) < 1e-6 && bb1.zuschuss.ansatz == 1_210_000)
        #expect(abs(a.gesamt.zuschuss.hochrechnung - 1_588_000) < 1e-6)
        // Long format: hochrechnung, ansatz and abweichung = HR − Ansatz beside each other.
        let z = a.langzeilen.filter { $0.ebene == .budgetbereich && $0.nr == "BB1" && $0.groesse == "zuschussbedarf" }
        #expect(z.map(\.szenario) == ["abweichung", "ansatz", "hochrechnung"])
        #expect(abs(z[0].wert - 340_000) < 1e-6)
        // As of month 3: 10.1.01 has no earlier-year month-3 figure → linear 300.000 × 4 = 1.200.000.
        let m3 = try Abweichungsbericht.rechnen(m, monat: 3, prognose: nil)
        #expect(m3.produkte.first { $0.nr == "10.1.01" }?.zeilen.first?.hochrechnung == 1_200_000)
    }

    @Test func ampelSchwellen() {
        let s = Abweichungsbericht.Schwellen(gelb: 0.02, rot: 0.05)
        #expect(Abweichungsbericht.ampel(hochrechnung: 101.9, ansatz: 100, richtung: 1, s) == .gruen)
        #expect(Abweichungsbericht.ampel(hochrechnung: 102, ansatz: 100, richtung: 1, s) == .gelb)
        #expect(Abweichungsbericht.ampel(hochrechnung: 105, ansatz: 100, richtung: 1, s) == .rot)
        #expect(Abweichungsbericht.ampel(hochrechnung: 80, ansatz: 100, richtung: 1, s) == .gruen)
        #expect(Abweichungsbericht.ampel(hochrechnung: 94, ansatz: 100, richtung: -1, s) == .rot)
        #expect(Abweichungsbericht.ampel(hochrechnung: 94, ansatz: nil, richtung: 1, s) == .keine)
    }

    @Test func schlechteEingaben() throws {
        let kopf = "jahr;monat;produkt;groesse;wert\n"
        let f = try Modellbauer(
            try dateien([
                "ist_unterjaehrig.csv": kopf + """
                    2026;13;10.1.01;transferaufwendungen;1
                    2026;0;10.1.01;transferaufwendungen;1
                    2026;4;10.1.01;transferaufwendungen;500
                    2026;5;10.1.01;transferaufwendungen;400
                    2026;5;99.9.99;transferaufwendungen;1
                    2026;5;10.1.02;transferaufwendung;1

                    """
            ])
        ).laden()
        let d = f.diagnostics.filter { $0.location?.file == "ist_unterjaehrig.csv" }.map(\.description)
        #expect(f.modell == nil)
        #expect(d.contains { $0.contains(":2:2") && $0.contains("Monat 13 liegt außerhalb von 1..12") })
        #expect(d.contains { $0.contains(":3:2") && $0.contains("Monat 0 liegt außerhalb") })
        #expect(
            d.contains { $0.contains(":5:5") && $0.contains("aufgelaufener Betrag fällt") && $0.contains("Zeile 4") })
        #expect(d.contains { $0.contains(":6:3") && $0.contains("Produkt '99.9.99' gibt es in modell.yaml nicht") })
        #expect(d.contains { $0.contains(":7:4") && $0.contains("meinten Sie 'transferaufwendungen'") })
        // Without the file: a clear message, no crash.
        let ohne = try modell()
        #expect(throws: Abweichungsbericht.Fehler.self) { try Abweichungsbericht.rechnen(ohne, prognose: nil) }
        let mit = try modell(["ist_unterjaehrig.csv": ControllingTests.unterjaehrig])
        #expect(throws: Abweichungsbericht.Fehler.self) {
            try Abweichungsbericht.rechnen(mit, monat: 10, prognose: nil)
        }
    }
}

@Suite struct RahmenTests {
    @Test func deckungslueckeVonHand() throws {
        let m = try modell(["eckwertebeschluss.yaml": rahmen("2027: 1300000, 2028: 1500000")])
        let e = Planungslauf.rechnen(m)
        let zeilen = Langformat.zeilen(m, try #require(e.szenario("status-quo")))
        func wert(_ nr: String, _ g: String, _ j: Int) -> Double? {
            zeilen.first { $0.ebene == .budgetbereich && $0.nr == nr && $0.groesse == g && $0.jahr == j }?.wert
        }
        #expect(wert("BB1", "rahmen", 2027) == 1_300_000)
        // 1.402.000 − 1.300.000 = 102.000; 2028: 1.547.200 − 1.500.000 = 47.200; BB2 2027: 43.560 − 50.000.
        #expect(abs((wert("BB1", "deckungsluecke", 2027) ?? 0) - 102_000) < 1e-6)
        #expect(abs((wert("BB1", "deckungsluecke", 2028) ?? 0) - 47_200) < 1e-6)
        #expect(abs((wert("BB2", "deckungsluecke", 2027) ?? 0) + 6_440) < 1e-6)
        #expect(wert("BB2", "rahmen", 2028) == nil)
        let rv = try #require(Rahmenvergleich.rechnen(e, Eckwerte.rechnen(e)))
        let bb1 = try #require(rv.bereiche.first)
        #expect(abs((bb1.konsolidierung("status-quo")[0] ?? 0) - 102_000) < 1e-6)
        // KGSt a: room for the freiwillige = 1.300.000 − 1.210.000 = 90.000; b: constant budget (Ansatz 160.000):
        // 1.210.000 + 160.000 − 1.300.000 = 70.000.
        #expect(abs((bb1.spielraum("status-quo")[0] ?? 0) - 90_000) < 1e-6)
        let konstant = try #require(rv.regeln.first { $0.art == .konstant }?.bedarf["status-quo"]?[0][0])
        #expect(abs(konstant - 1_300_000 - 70_000) < 1e-6)
    }

    @Test func schlechterRahmen() throws {
        let f = try Modellbauer(
            try dateien(["eckwertebeschluss.yaml": "rahmen:\n  BB3: {2027: 1}\n  BB1: {2031: 5, 2025: 5}\n"])
        ).laden()
        let d = f.diagnostics.map(\.description)
        #expect(f.modell == nil)
        #expect(
            d.contains {
                $0.contains("eckwertebeschluss.yaml:2") && $0.contains("Budgetbereich 'BB3' gibt es")
                    && $0.contains("meinten Sie 'BB1'")
            })
        #expect(
            d.contains {
                $0.contains("eckwertebeschluss.yaml:3")
                    && $0.contains("Jahr 2031 liegt außerhalb der Planjahre 2026–2028")
            })
        #expect(d.contains { $0.contains("Jahr 2025 liegt außerhalb") })
    }
}

@Suite struct VeraenderungsnachweisTests {
    static let sachkosten5 = "status-quo:\n    beschreibung: Sachkosten +10 % je Jahr."

    /// The fixture's szenarien.yaml with status-quo Sachkosten 5 % instead of 10 %.
    static func annahmen() throws -> String {
        try #require(try dateien()["szenarien.yaml"] ?? nil).replacingOccurrences(
            of: "sachkosten: 0.10", with: "sachkosten: 0.05")
    }

    @Test func einzigeUrsacheTraegtAlles() throws {
        let alt = try modell(), neu = try modell(["szenarien.yaml": try Self.annahmen()])
        let v = Veraenderungsnachweis.rechnen(alt: alt, neu: neu)
        #expect(v.mitUrsachen && v.jahre == [2026, 2027, 2028])
        // status-quo BB1 2027: NEU 1.000.000 × 1,05² + 200.000 × 1,05² − 50.000 = 1.273.000; ALT 1.402.000.
        let p = try #require(v.posten("status-quo", .budgetbereich, "BB1", 2027))
        #expect(abs(p.veraenderung + 129_000) < 1e-6)
        #expect(abs(p.anteile[2] + 129_000) < 1e-6)
        #expect(p.anteile[0] == 0 && p.anteile[1] == 0 && p.anteile[3] == 0)
        // best and worst set their own Sachkosten: no change at all.
        #expect(v.posten("best", .gesamt, "", 2028)?.veraenderung == 0)
    }

    @Test func shapleyVonHandUndAdditiv() throws {
        let ist = try #require(try dateien()["ist.csv"] ?? nil)
            .replacingOccurrences(
                of: "2025;10.1.01;transferaufwendungen;1000000", with: "2025;10.1.01;transferaufwendungen;1100000")
        let alt = try modell(), neu = try modell(["szenarien.yaml": try Self.annahmen(), "ist.csv": ist])
        let v = Veraenderungsnachweis.rechnen(alt: alt, neu: neu)
        // v(∅) = 1.402.000; v(ist) = 1.100.000 × 1,21 + 192.000 = 1.523.000; v(annahmen) = 1.273.000;
        // v(beide) = 1.100.000 × 1,1025 + 170.500 = 1.383.250.
        // φ_ist = ½ (1.523.000 − 1.402.000) + ½ (1.383.250 − 1.273.000) = 115.625;
        // φ_annahmen = ½ (1.273.000 − 1.402.000) + ½ (1.383.250 − 1.523.000) = −134.375.
        let p = try #require(v.posten("status-quo", .budgetbereich, "BB1", 2027))
        #expect(abs(p.alt - 1_402_000) < 1e-6 && abs(p.neu - 1_383_250) < 1e-6)
        #expect(abs(p.anteile[0] - 115_625) < 1e-6 && abs(p.anteile[2] + 134_375) < 1e-6)
        #expect(abs(p.anteile[1]) < 1e-9 && abs(p.anteile[3]) < 1e-9)
        // Additivity everywhere (every scenario, level, year and line).
        for q in v.posten { #expect(abs(q.anteile.reduce(0, +) - q.veraenderung) < 1e-6 * max(1, abs(q.alt))) }
        // Drill-down to lines: 10.1.01 transferaufwendungen carries the whole change of the product.
        let z = try #require(
            v.posten.first { $0.szenario == "status-quo" && $0.nr == "10.1.01/transferaufwendungen" && $0.jahr == 2027 }
        )
        #expect(abs(z.veraenderung - (1_100_000 * 1.1025 - 1_210_000)) < 1e-6)
        #expect(v.langzeilen.contains { $0.groesse == "veraenderung:ist" && $0.nr == "BB1" && $0.jahr == 2027 })
    }

    @Test func produktNeuIstStruktur() throws {
        let alt = try modell()
        var neu = alt
        var p = Produkt(nr: "10.1.03", name: "Neu", art: .freiwillig)
        p.fallkosten = nil
        // Built past the loader: the product takes its levels (Produktgruppe 10.1, Bereich 10) from its sibling,
        // as the loader's numbering would.
        let geschwister = try #require(alt.produkte.first { $0.nr == "10.1.01" })
        p.produktgruppe = geschwister.produktgruppe
        p.produktbereich = geschwister.produktbereich
        p.ebenen = geschwister.ebenen
        neu.produkte.append(p)
        neu.ist.werte[IstSchluessel(jahr: 2025, produkt: "10.1.03", groesse: "aufwendungen_sach_dienstleistungen")] =
            1000
        let v = Veraenderungsnachweis.rechnen(alt: alt, neu: neu)
        // The new product: 1.000 × 1,21 in 2027, all of it structure (it brings its own Ist along).
        let q = try #require(v.posten("status-quo", .budgetbereich, "BB1", 2027))
        #expect(abs(q.veraenderung - 1_210) < 1e-6)
        #expect(abs(q.anteile[3] - 1_210) < 1e-6 && q.anteile[0] == 0)
    }

    @Test func anderesBasisjahrNurGesamtveraenderung() throws {
        let alt = try modell()
        var neu = alt
        neu.basisjahr = 2024
        neu.haushaltsjahr = 2026
        let v = Veraenderungsnachweis.rechnen(alt: neu, neu: alt)
        #expect(!v.mitUrsachen && v.jahre == [2026, 2027, 2028])
        #expect(v.hinweise.first?.contains("Basisjahr ALT 2024, NEU 2025") == true)
        #expect(v.posten.allSatisfy { $0.anteile.isEmpty })
        #expect(!v.langzeilen.contains { $0.groesse.hasPrefix("veraenderung:") })
    }

    @Test func shapleyGewichte() {
        // Two causes: v(∅) = 0, v({0}) = 10, v({1}) = 20, v({0,1}) = 50 → φ0 = ½·10 + ½·30 = 20, φ1 = ½·20 + ½·40 = 30.
        let s = Veraenderungsnachweis.Schluessel(szenario: "s", ebene: .gesamt, nr: "", zeile: nil, jahr: 2027)
        let p = Veraenderungsnachweis.shapley([[s: 0], [s: 10], [s: 20], [s: 50]], k: 2, namen: [:])
        #expect(p.first?.anteile == [20, 30])
    }
}

@Suite struct WasWaereNoetigTests {
    @Test func nullstelleGeschlosseneForm() {
        // 3x − 1 = 0 → x = 1/3; x² − 2 on [0, 2] → √2.
        guard case let .gefunden(x, _) = Nullstelle.suchen(von: 0, bis: 1, ftol: 1e-12, { 3 * $0 - 1 }) else {
            Issue.record("nicht gefunden"); return
        }
        #expect(abs(x - 1.0 / 3.0) < 1e-9)
        guard case let .gefunden(y, _) = Nullstelle.suchen(von: 0, bis: 2, ftol: 1e-12, { $0 * $0 - 2 }) else {
            Issue.record("nicht gefunden"); return
        }
        #expect(abs(y - 2.0.squareRoot()) < 1e-9)
        #expect(Nullstelle.suchen(von: 0, bis: 1, ftol: 1e-9, { $0 + 5 }) == .nichtErreichbar(bestesX: 0, fx: 5))
        #expect(Nullstelle.suchen(von: 0, bis: 1, ftol: 1e-9, { _ in 7 }) == .wirkungslos(fx: 7))
        // A ratio that is n. v. at one end of the range (1/x − 2 at x = 0) still has its root 1/2 inside: the lever
        // acts, it is not "wirkungslos". The same from the other side: 2 − 1/(3 − x) → x = 2,5.
        guard case let .gefunden(q, _) = Nullstelle.suchen(von: 0, bis: 3, ftol: 1e-12, { 1 / $0 - 2 }) else {
            Issue.record("Nullstelle neben dem undefinierten Rand nicht gefunden"); return
        }
        #expect(abs(q - 0.5) < 1e-9)
        guard case let .gefunden(r, _) = Nullstelle.suchen(von: 0, bis: 3, ftol: 1e-12, { 2 - 1 / (3 - $0) }) else {
            Issue.record("Nullstelle neben dem undefinierten Rand nicht gefunden"); return
        }
        #expect(abs(r - 2.5) < 1e-9)
        // A jump over zero (no root): not reachable at the jump.
        if case .gefunden = Nullstelle.suchen(von: 0, bis: 1, ftol: 1e-9, { $0 < 0.5 ? -1 : 1 }) {
            Issue.record("Sprung als Nullstelle gemeldet")
        }
    }

    @Test func hebelAmModell() throws {
        let m = try modell(["eckwertebeschluss.yaml": rahmen("2027: 1300000")])
        let w = WasWaereNoetig.rechnen(Planungslauf.rechnen(m))
        let a = try #require(w.aufgaben.first { $0.art == .rahmen(budgetbereich: "BB1") })
        #expect(a.jahr == 2027 && abs(a.luecke - 102_000) < 1e-6)
        #expect(!w.aufgaben.contains { $0.art == .rahmen(budgetbereich: "BB2") })
        func hebel(_ h: WasWaereNoetig.Hebelart) -> WasWaereNoetig.Hebel? { a.hebel.first { $0.art == h } }
        // Budget of the freiwillige: 192.000 × (1 + v) = 192.000 − 102.000 → v = −0,53125.
        #expect(abs((hebel(.freiwilligesBudget(budgetbereich: "BB1"))?.noetig ?? 0) + 0.53125) < 0.5 / 192_000)
        // quote_trend of 10.1.01: 1.210.000 (1 + q)² + 192.000 = 1.300.000 → q = √(1.108.000 / 1.210.000) − 1.
        let q = (1_108_000.0 / 1_210_000.0).squareRoot() - 1
        #expect(abs((hebel(.quoteTrend(produkt: "10.1.01"))?.noetig ?? 0) - q) < 1e-6)
        // Cost per case of 10.1.01 in 2027: 12.100 × 1.108.000 / 1.210.000 = 11.080 €.
        #expect(abs((hebel(.fallkosten(produkt: "10.1.01"))?.noetig ?? 0) - 11_080) < 0.01)
    }

    @Test func nichtErreichbar() throws {
        let m = try modell(["eckwertebeschluss.yaml": rahmen("2027: 100000")])
        let a = try #require(WasWaereNoetig.rechnen(Planungslauf.rechnen(m)).aufgaben.first)
        // Even at −30 % a year: 1.210.000 × 0,49 + 192.000 = 784.900 → 684.900 left.
        let q = try #require(a.hebel.first { $0.art == .quoteTrend(produkt: "10.1.01") })
        #expect(q.noetig == nil && q.bester == -0.3 && abs((q.restluecke ?? 0) - 684_900) < 1e-6)
        // Even without the freiwillige (v = −1): 1.210.000 − 100.000 left.
        let f = try #require(a.hebel.first { $0.art == .freiwilligesBudget(budgetbereich: "BB1") })
        #expect(f.noetig == nil && f.bester == -1 && abs((f.restluecke ?? 0) - 1_110_000) < 1e-6)
        #expect(f.hinweis?.contains("nicht erreichbar") == true)
    }
}

@Suite struct ZielhierarchieTests {
    static func modellYAML(_ ziele: String) throws -> String {
        let y = try #require(try dateien()["modell.yaml"] ?? nil)
        return y + ziele
    }

    /// The fixture's Z1 linked to an aggregate Ziel of BB2 with Zwischenziele.
    static let ziele = """
          - id: Z2
            budgetbereich: BB2
            zielfeld: leistung
            text: Die Besucherzahl je 1.000 Minderjährige steigt auf mindestens 19 (2027) und 21 (2028).
            kennzahl: K1
            zielwert: {absolut: {2027: 19, 2028: 21}}

        """

    @Test func zwischenzieleUndBaum() throws {
        var y = try Self.modellYAML(Self.ziele)
        y = y.replacingOccurrences(of: "    bis: 2028\n", with: "    bis: 2028\n    oberziel: Z2\n")
        let m = try modell(["modell.yaml": y])
        let z2 = try #require(m.ziele.first { $0.id == "Z2" })
        #expect(z2.ebene == .budgetbereich && z2.produkt == "BB2" && z2.bis == 2028)
        #expect(z2.zwischenziele[2027] == .absolut(19) && z2.zielwert == .absolut(21))
        let e = Planungslauf.rechnen(m)
        // K1 = 36 / 1.800 × 1.000 = 20 in every year: 2027 ≥ 19 reached, 2028 ≥ 21 missed.
        let x = try #require(e.zielerreichung.first { $0.ziel == "Z2" && $0.szenario == "status-quo" })
        #expect(x.erreicht == false && x.zwischenziele.count == 1)
        #expect(x.zwischenziele.first?.jahr == 2027 && x.zwischenziele.first?.erreicht == true)
        #expect(e.smart.first { $0.ziel == "Z2" }?.a.erfuellt == true)
        let baum = Zielbaum.bauen(m).eintraege.map { eintrag -> String in
            if case .ziel(let z) = eintrag.knoten { return "\(eintrag.tiefe):\(z.id)" }
            return "?"
        }
        #expect(baum == ["0:Z2", "1:Z1"])
        #expect(Zielbaum.genutzt(m))
    }

    @Test func schlechteHierarchie() throws {
        var y = try Self.modellYAML(Self.ziele + "    oberziel: Z9\n")
        y = y.replacingOccurrences(of: "    bis: 2028\n", with: "    bis: 2028\n    oberziel: Z1\n")
        let f = try Modellbauer(try dateien(["modell.yaml": y])).laden()
        let d = f.diagnostics.map(\.description)
        #expect(f.modell == nil)
        #expect(
            d.contains {
                $0.contains("Ziel Z2 oberziel: 'Z9' ist weder ein Ziel noch ein strategisches Ziel")
                    && $0.contains("meinten Sie 'Z1'")
            })
        #expect(d.contains { $0.contains("Ziel Z1 oberziel: ein Ziel kann nicht sein eigenes Oberziel sein") })
        let zwei = try Self.modellYAML(
            Self.ziele.replacingOccurrences(
                of: "    budgetbereich: BB2\n",
                with: "    budgetbereich: BB9\n    produkt: \"10.1.01\"\n"))
        let g = try Modellbauer(try dateien(["modell.yaml": zwei])).laden().diagnostics.map(\.description)
        #expect(g.contains { $0.contains("nur eines von produkt, produktgruppe, budgetbereich") })
        let bb9 = try Self.modellYAML(
            Self.ziele.replacingOccurrences(of: "budgetbereich: BB2", with: "budgetbereich: BB9"))
        let h = try Modellbauer(try dateien(["modell.yaml": bb9])).laden().diagnostics.map(\.description)
        #expect(h.contains { $0.contains("Ziel Z2: Budgetbereich 'BB9' gibt es nicht (vorhanden: BB1, BB2)") })
        var kreis = try Self.modellYAML(Self.ziele + "    oberziel: Z1\n")
        kreis = kreis.replacingOccurrences(of: "    bis: 2028\n", with: "    bis: 2028\n    oberziel: Z2\n")
        let k = try Modellbauer(try dateien(["modell.yaml": kreis])).laden().diagnostics.map(\.description)
        #expect(k.contains { $0.contains("Kreis in der Zielhierarchie") })
    }
}
