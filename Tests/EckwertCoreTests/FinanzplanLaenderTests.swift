import Foundation
import EckwertTestSupport
import Testing
@testable import EckwertCore

/// The Finanzplan of each Land's scheme, computed for the small model of `Modellbauer.klein()` with `kontenrahmen:`
/// switched: the Finanzplan values equal a hand computation from the model's Ergebnisplan lines. Which lines are
/// payments is written out per Land below (by the regulation, not read from the scheme's `zahlungswirksam` flags).
@Suite struct FinanzplanLaenderTests {
    /// One Land: the Ertrag and Aufwand lines that are payments of the laufende Verwaltungstätigkeit, whether the
    /// Auflösung der Sonderposten is booked on a payment line (and must come out of the Einzahlungen), and the
    /// printed numbers of the four booked Finanzplan lines (Einzahlungen, Auszahlungen, Investitionszuwendungen,
    /// Baumaßnahmen).
    struct Land {
        var id: String
        var einzahlungen: [String]
        var auszahlungen: [String]
        var sonderpostenAufZahlungszeile: Bool
        var nummern: [String]
    }

    static let ertraegeOhneSonderposten = [
        "steuern", "zuwendungen_umlagen", "sonstige_transferertraege", "oeffentlich_rechtliche_leistungsentgelte",
        "privatrechtliche_leistungsentgelte", "kostenerstattungen", "sonstige_ordentliche_ertraege", "finanzertraege",
    ]
    static let aufwendungenOhneAbschreibungen = [
        "personalaufwendungen", "versorgungsaufwendungen", "aufwendungen_sach_dienstleistungen", "transferaufwendungen",
        "sonstige_ordentliche_aufwendungen", "zinsen_finanzaufwendungen",
    ]
    static let ausserordentlich = (ertrag: "ausserordentliche_ertraege", aufwand: "ausserordentliche_aufwendungen")

    /// SH: Ergebnisplan 1–22 without außerordentliche lines; the Sonderposten are dissolved on line 2 (Zuwendungen).
    @Test func schleswigHolstein() throws {
        try pruefen(
            Land(
                id: "sh", einzahlungen: Self.ertraegeOhneSonderposten,
                auszahlungen: Self.aufwendungenOhneAbschreibungen,
                sonderpostenAufZahlungszeile: true, nummern: ["9", "16", "18", "25"]))
    }

    /// A Land whose Ergebnisplan has außerordentliche lines (payments of the laufende Verwaltungstätigkeit).
    static func mitAusserordentlichen(
        _ id: String, sonderpostenAufZahlungszeile: Bool, nummern: [String] = ["9", "16", "18", "25"],
        weitereAufwendungen: [String] = []
    ) -> Land {
        Land(
            id: id, einzahlungen: ertraegeOhneSonderposten + [ausserordentlich.ertrag],
            auszahlungen: aufwendungenOhneAbschreibungen + [ausserordentlich.aufwand] + weitereAufwendungen,
            sonderpostenAufZahlungszeile: sonderpostenAufZahlungszeile, nummern: nummern)
    }

    /// Niedersachsen: own line 3 Auflösungserträge aus Sonderposten (no payment).
    @Test func niedersachsen() throws {
        try pruefen(Self.mitAusserordentlichen("nds", sonderpostenAufZahlungszeile: false))
    }

    /// Hessen § 3: Nr. 8 and 17 hold the außerordentliche Ein-/Auszahlungen; Zuweisungen/Zuschüsse and Steuer-
    /// aufwendungen are own Aufwand lines; Sonderposten on line 8 of the Ergebnishaushalt (no payment).
    @Test func hessen() throws {
        try pruefen(
            Self.mitAusserordentlichen(
                "hessen", sonderpostenAufZahlungszeile: false, nummern: ["9", "18", "20", "25"],
                weitereAufwendungen: ["zuweisungen_zuschuesse", "steueraufwendungen"]))
    }

    /// Baden-Württemberg § 3: 9, 16 sums of the laufende Verwaltungstätigkeit, 18 Investitionszuwendungen.
    @Test func badenWuerttemberg() throws {
        try pruefen(Self.mitAusserordentlichen("bw", sonderpostenAufZahlungszeile: false))
    }

    @Test func bayern() throws {
        try pruefen(Self.mitAusserordentlichen("bayern", sonderpostenAufZahlungszeile: false))
    }

    /// Sachsen: like NKF the Sonderposten are dissolved on line 2 (Zuweisungen … sowie aufgelöste Sonderposten).
    @Test func sachsen() throws {
        try pruefen(Self.mitAusserordentlichen("sachsen", sonderpostenAufZahlungszeile: true))
    }

    func pruefen(_ land: Land, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var bauer = Modellbauer.klein()
        try bauer.ersetzen("basisjahr: 2024\n", durch: "basisjahr: 2024\nkontenrahmen: \(land.id)\n", in: "modell.yaml")
        let m = try Fixture.modell(bauer, sourceLocation: sourceLocation)
        let k = m.kontenrahmen
        #expect(k.id == land.id, sourceLocation: sourceLocation)
        let gebucht = [k.einzahlungenVerwaltung, k.auszahlungenVerwaltung, k.investitionszuwendungen, k.baumassnahmen]
        #expect(gebucht.map { $0.flatMap { k.zeile($0)?.nr } } == land.nummern, sourceLocation: sourceLocation)
        let e = Projektion(m).rechnen(try #require(m.szenario("status-quo"), sourceLocation: sourceLocation))
        let alle = Array(m.produkte.indices)
        func plan(_ key: String, _ einheit: [Int]) throws -> [Double] {
            try #require(
                Teilplan(e, einheit, modell: m).zeile(key, k), "\(land.id): \(key)", sourceLocation: sourceLocation)
        }
        func summe(_ keys: [String], _ einheit: [Int]) throws -> [Double] {
            try keys.reduce(Array(repeating: 0.0, count: 5)) { s, key in zip(s, try plan(key, einheit)).map(+) }
        }
        // I1 (product C): 150.000 € Förderung dissolved over 10 years from 2027; Auszahlungen 2025/2026, 50 %
        // gefördert.
        let sonderposten = [0, 0, 0, 15_000, 15_000.0]
        let abzug = land.sonderpostenAufZahlungszeile ? sonderposten : [0, 0, 0, 0, 0]
        let ein = zip(try summe(land.einzahlungen, alle), abzug).map(-)
        let aus = try summe(land.auszahlungen, alle)
        let investiv = [0, -50_000, -100_000, 0, 0.0]
        func gleich(_ key: String, _ erwartet: [Double], _ einheit: [Int]) throws {
            let ist = try plan(key, einheit)
            #expect(nahe(ist, erwartet), "\(land.id) \(key): \(ist) ≠ \(erwartet)", sourceLocation: sourceLocation)
        }
        try gleich("einzahlungen_verwaltungstaetigkeit", ein, alle)
        try gleich("auszahlungen_verwaltungstaetigkeit", aus, alle)
        try gleich("saldo_verwaltungstaetigkeit", zip(ein, aus).map(-), alle)
        try gleich("einzahlungen_investitionszuwendungen", [0, 50_000, 100_000, 0, 0], alle)
        try gleich("auszahlungen_baumassnahmen", [0, 100_000, 200_000, 0, 0], alle)
        try gleich("saldo_investitionstaetigkeit", investiv, alle)
        try gleich("finanzmittelsaldo", (0..<5).map { ein[$0] - aus[$0] + investiv[$0] }, alle)
        // Product C alone, fully by hand: no Einzahlungen (its only Ertrag is the dissolved Sonderposten), Auszahlungen
        // = Personal 10.000 · tarif index + Fälle · 2.000 · 1,02^t + Folgekosten of I1 (see InvestitionTests).
        let tarif = [1, 1.03, 1.03 * 1.04, 1.03 * 1.04 * 1.05, 1.03 * 1.04 * 1.05 * 1.05]
        let faelle = [300.0, 330, 432, 546, 588]
        let folge = [0, 0, 0, 12_000, 12_240.0]
        let ausC = (0..<5).map { 10_000 * tarif[$0] + faelle[$0] * 2000 * pow(1.02, Double($0)) + folge[$0] }
        try gleich("einzahlungen_verwaltungstaetigkeit", [0, 0, 0, 0, 0], [1])
        try gleich("auszahlungen_verwaltungstaetigkeit", ausC, [1])
    }
}
