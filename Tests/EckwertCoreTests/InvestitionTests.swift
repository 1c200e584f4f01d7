import Foundation
import EckwertTestSupport
import Testing
@testable import EckwertCore

// Investments (modellformat.md section 7), the Finanzplan derived from the Ergebnisplan, and the Kita gap of the
// Musterstadt model. Expected values by hand.

/// The Leipzig 2006 example: 3,81 Mio € for a Stadtumbau-Ost project at 66,67 % Fördermittel, 50 years.
private func leipzig(inbetriebnahme monat: Int = 1) -> Investition {
    Investition(
        id: "L", name: "Leipzig 2006", produkt: "36.5.01", auszahlungen: [2027: 1_270_000, 2028: 2_540_000],
        foerderung: .init(programm: "Stadtumbau Ost", quote: 0.6667), nutzungsdauer: 50,
        inbetriebnahmeJahr: 2029, inbetriebnahmeMonat: monat,
        folgekosten: .init(jaehrlich: 100_000, konto: "aufwendungen_sach_dienstleistungen"), plaetze: 120)
}

@Suite struct InvestitionTests {
    @Test func leipzig2006UeberFuenfzigJahre() {
        // Years 2026 … 2085 (n = 60) cover Auszahlungen, 50 years of use 2029–2078 and the years after.
        let n = 60, B = 2026
        let b = Investitionsrechnung.buchung(
            leipzig(), basisjahr: B, n: n, sachkosten: Array(repeating: 0.02, count: n))
        #expect(b.summeAuszahlungen == 3_810_000)
        // 3.810.000 · 0.6667 = 2.540.127 € Fördermittel, 1.269.873 € Eigenmittel (to the euro).
        #expect(b.summeFoerdermittel.rounded() == 2_540_127)
        #expect(b.eigenanteil.rounded() == 1_269_873)
        #expect(nahe(b.summeFoerdermittel, 2_540_127))
        // Per payment: 1.270.000 · 0.6667 = 846.709, 2.540.000 · 0.6667 = 1.693.418.
        #expect(nahe(b.foerdermittel[2027 - B], 846_709) && nahe(b.foerdermittel[2028 - B], 1_693_418))
        #expect(b.auszahlungen[2027 - B] == 1_270_000 && b.auszahlungen[2028 - B] == 2_540_000)
        // AfA 3.810.000 / 50 = 76.200 € and Auflösung 2.540.127 / 50 = 50.802,54 € in each of the 50 years.
        #expect(b.afaJahr == 76_200)
        #expect(nahe(b.aufloesungJahr, 50_802.54))
        for jahr in B..<(B + n) {
            let t = jahr - B
            let inBetrieb = (2029...2078).contains(jahr)
            #expect(nahe(b.abschreibungen[t], inBetrieb ? 76_200 : 0), "\(jahr)")
            #expect(nahe(b.sonderposten[t], inBetrieb ? 50_802.54 : 0), "\(jahr)")
        }
        // Over the whole life the AfA adds up to the investment and the Auflösung to the Fördermittel.
        #expect(nahe(b.abschreibungen.reduce(0, +), 3_810_000))
        #expect(nahe(b.sonderposten.reduce(0, +), 2_540_127))
        // Folgekosten: 100.000 in 2029, then + 2 % a year.
        #expect(nahe(b.folgekosten[2029 - B], 100_000))
        #expect(nahe(b.folgekosten[2030 - B], 102_000))
        #expect(nahe(b.folgekosten[2031 - B], 104_040))
        #expect(b.folgekosten[2028 - B] == 0)
    }

    @Test func inbetriebnahmeImAugust() {
        // "2029-08": in service August–December 2029 = 5 months; 50 years later it ends after July 2079 = 7 months.
        #expect(
            Investitionsrechnung.anteil(jahr: 2029, beginnJahr: 2029, beginnMonat: 8, nutzungsdauer: 50) == 5.0 / 12)
        #expect(Investitionsrechnung.anteil(jahr: 2030, beginnJahr: 2029, beginnMonat: 8, nutzungsdauer: 50) == 1)
        #expect(Investitionsrechnung.anteil(jahr: 2078, beginnJahr: 2029, beginnMonat: 8, nutzungsdauer: 50) == 1)
        #expect(
            Investitionsrechnung.anteil(jahr: 2079, beginnJahr: 2029, beginnMonat: 8, nutzungsdauer: 50) == 7.0 / 12)
        #expect(Investitionsrechnung.anteil(jahr: 2080, beginnJahr: 2029, beginnMonat: 8, nutzungsdauer: 50) == 0)
        #expect(Investitionsrechnung.anteil(jahr: 2028, beginnJahr: 2029, beginnMonat: 8, nutzungsdauer: 50) == 0)
        let n = 60, B = 2026
        let b = Investitionsrechnung.buchung(
            leipzig(inbetriebnahme: 8), basisjahr: B, n: n,
            sachkosten: Array(repeating: 0.02, count: n))
        // First year: 76.200 · 5/12 = 31.750; Auflösung 50.802,54 · 5/12 = 21.167,725; Folgekosten 100.000 · 5/12.
        #expect(nahe(b.abschreibungen[2029 - B], 31_750))
        #expect(nahe(b.sonderposten[2029 - B], 21_167.725))
        #expect(nahe(b.folgekosten[2029 - B], 41_666.666_666_67, abs: 1e-4))
        // Second year in full; Folgekosten grow from the year after Inbetriebnahme: 100.000 · 1.02.
        #expect(nahe(b.abschreibungen[2030 - B], 76_200))
        #expect(nahe(b.folgekosten[2030 - B], 102_000))
        // 51st year: 76.200 · 7/12 = 44.450; Auflösung 50.802,54 · 7/12 = 29.634,815.
        #expect(nahe(b.abschreibungen[2079 - B], 44_450))
        #expect(nahe(b.sonderposten[2079 - B], 29_634.815))
        #expect(b.abschreibungen[2080 - B] == 0)
        // Still exactly the investment over the whole life.
        #expect(nahe(b.abschreibungen.reduce(0, +), 3_810_000))
        #expect(nahe(b.sonderposten.reduce(0, +), 2_540_127))
    }

    @Test func monatlicheInbetriebnahmeDurchDenLader() throws {
        var d = Modellbauer.klein()
        try d.ersetzen("inbetriebnahme: 2027", durch: "inbetriebnahme: \"2027-08\"", in: "modell.yaml")
        let m = try Fixture.modell(d)
        #expect(m.investitionen[0].inbetriebnahmeJahr == 2027 && m.investitionen[0].inbetriebnahmeMonat == 8)
        let c = Projektion(m).rechnen(try #require(m.szenario("status-quo"))).produkte[1]
        // 2027: 5/12 of AfA 30.000, Auflösung 15.000, Folgekosten 12.000; 2028 in full, Folgekosten · 1.02.
        let afa = c.ergebnisplan[m.zeile("bilanzielle_abschreibungen")]
        #expect(nahe(afa, [0, 0, 0, 12_500, 30_000]))
        #expect(nahe(c.ergebnisplan[m.zeile("zuwendungen_umlagen")], [0, 0, 0, 6250, 15_000]))
        #expect(nahe(c.ergebnisplan[m.zeile("aufwendungen_sach_dienstleistungen")], [0, 0, 0, 5000, 12_240]))
    }

    @Test func finanzplanDesKleinenModells() throws {
        let m = try Fixture.modell(.klein())
        let e = Projektion(m).rechnen(try #require(m.szenario("status-quo")))
        let k = m.kontenrahmen
        func fp(_ key: String, _ einheit: [Int]) throws -> [Double] {
            try #require(Teilplan(e, einheit, modell: m).zeile(key, k))
        }
        // Product C (index 1) carries I1: Auszahlungen 2025/2026, 50 % Fördermittel.
        #expect(try fp("auszahlungen_baumassnahmen", [1]) == [0, 100_000, 200_000, 0, 0])
        #expect(try fp("einzahlungen_investitionszuwendungen", [1]) == [0, 50_000, 100_000, 0, 0])
        #expect(try fp("saldo_investitionstaetigkeit", [1]) == [0, -50_000, -100_000, 0, 0])
        // Laufende Verwaltungstätigkeit: Ertrag and Aufwand lines without the AfA (30.000) and without the
        // Sonderposten-Auflösung (15.000, C's only Ertrag). Personal 10.000 · tarif index, transfer F · k, Folgekosten.
        let tarif = [1, 1.03, 1.03 * 1.04, 1.03 * 1.04 * 1.05, 1.03 * 1.04 * 1.05 * 1.05]
        let faelle = [300.0, 330, 432, 546, 588]
        let kosten = (0..<5).map { 2000 * pow(1.02, Double($0)) }
        let folge = [0, 0, 0, 12_000, 12_240.0]
        let aus = (0..<5).map { 10_000 * tarif[$0] + faelle[$0] * kosten[$0] + folge[$0] }
        #expect(nahe(try fp("einzahlungen_verwaltungstaetigkeit", [1]), [0, 0, 0, 0, 0]))
        #expect(nahe(try fp("auszahlungen_verwaltungstaetigkeit", [1]), aus))
        #expect(nahe(try fp("saldo_verwaltungstaetigkeit", [1]), aus.map { -$0 }))
        // …whereas the Ergebnisplan carries both non-cash lines.
        let ep = Teilplan(e, [1], modell: m)
        #expect(
            nahe(
                try #require(ep.zeile("ergebnis_verwaltungstaetigkeit", k)),
                (0..<5).map { t in [0, 0, 0, 15_000, 15_000][t] - aus[t] - [0, 0, 0, 30_000, 30_000][t] }))
        // Finanzmittelsaldo = laufend + investiv, and the Gesamthaushalt sums the products.
        #expect(nahe(try fp("finanzmittelsaldo", [1]), (0..<5).map { -aus[$0] + [0, -50_000, -100_000, 0, 0][$0] }))
        let alle = Array(m.produkte.indices)
        #expect(try fp("saldo_investitionstaetigkeit", alle) == [0, -50_000, -100_000, 0, 0])
        // Product B: Einzahlungen = its privatrechtliche Entgelte 5.000; Auszahlungen = personal + Sach + M1's cost.
        let ausB = (0..<5).map { t in
            40_000 * tarif[t] + 10_000 * pow(1.02, Double(t)) + [0, 1000, 1020, 1040.4, 1061.208][t]
        }
        #expect(nahe(try fp("saldo_verwaltungstaetigkeit", [2]), ausB.map { 5000 - $0 }))
    }

    @Test func musterstadtWorstHatKitaLueckeUndInvestition() throws {
        let m = try #require(Musterstadt.modell)
        let worst = try #require(m.szenario("worst"))
        let e = Projektion(m).rechnen(worst)
        let bedarfe = Kapazitaetsplanung.bedarfe(m, [e]).filter { $0.produkt.hasPrefix("36.5") && $0.gebiet != nil }
        #expect(!bedarfe.isEmpty, "worst: keine Kita-Lücke in einem Sozialraum")
        for b in bedarfe {
            let i = try #require(m.produkte.firstIndex { $0.nr == b.produkt })
            let kap = try #require(e.produkte[i].kapazitaet)
            let g = try #require(kap.gebiete.first { $0.gebiet == b.gebiet })
            // The gap is demand − places per Sozialraum; the indicative investment adds ⌈largest gap⌉ places, which
            // closes the gap in every forecast year.
            let plaetze = b.fehlendePlaetze.rounded(.up)
            #expect(nahe(b.fehlendePlaetze, (1..<g.luecke.count).map { g.bedarf[$0] - g.plaetze[$0] }.max()!))
            for t in 1..<g.luecke.count {
                #expect(nahe(g.luecke[t], Swift.max(0, g.bedarf[t] - g.plaetze[t])))
                #expect(g.bedarf[t] - (g.plaetze[t] + plaetze) <= 0)
            }
            let produkt = m.produkte[i]
            let preis = try #require(produkt.kapazitaet?.kostenJePlatz)
            #expect(b.investition == plaetze * preis)
            // Folgekosten of the added places (36.5.01: 1.500 € per place and year, 36.5.02: 1.000 €).
            let folge = try #require(produkt.kapazitaet?.folgekostenJePlatz)
            #expect(b.folgekostenJaehrlich == plaetze * folge)
            #expect(b.folgekostenJaehrlich! > 0)
        }
        // The shipped investments are in the worst run: I-36.5-01 (S04, 120 places from 2029-08) adds to S04's places.
        let krippe = try #require(m.produkte.firstIndex { $0.nr == "36.5.01" })
        let s04 = try #require(e.produkte[krippe].kapazitaet?.gebiete.first { $0.gebiet == "S04" })
        #expect(s04.plaetze[2029 - m.basisjahr] - s04.plaetze[2028 - m.basisjahr] == 120)
    }
}
