import Foundation
import Testing
@testable import EckwertCore
import EckwertTestSupport

// Section 15 (plan data, base of the forecast) on a small model computed by hand. Population from the
// eckwerte-klein fixture (constant); no drivers. status-quo: Tarif +5 %, Sachkosten +10 % a year.
//   20.1.01  Sach: Ist 2020 0, 2021 100 (under its former number 201009), 2022 110 (former number), 2023 121,
//            2024 133,1, 2025 156,41 with a Sondereffekt of 10 → base 146,41; `trend` over n = 4 years
//            (2020 is not positive): g = (146,41 / 100)^(1/4) − 1 = 10 %, so 2026 = 161,051, 2027 = 177,1561.
//            Personal: Ist 2025 1.000 with a Sondereffekt of 200 → base 800 → 2026 = 840, 2027 = 882.
//   20.1.02  no Ist, Ansatz 2026 Sach 500 and 2027 520 (Doppelhaushalt) → automatically basis ansatz:
//            2026 = 500, 2027 = 520, 2028 = 572 (Sachkosten after the last Ansatz year).
//   20.1.03  basis: ansatz; Ist 2025 Sach 300, Personal 200; Ansatz 2026 Sach 330 only → 2026 Sach 330,
//            Personal 0 (the Ansatz has no such line); 2027 Sach 363.
//   Planung: 2026 20.1.01 Sach 170, 20.1.02 Sach 480; 2027 20.1.01 Personal 900.

private let klein = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/eckwerte-klein")

enum Planfixture {
    static let modell = """
        kommune: Planstadt
        basisjahr: 2025
        horizont: 2028
        produktbereiche: [{nr: "20", name: Verwaltung}]
        produktgruppen: [{nr: "20.1", name: Dienste}]
        produkte:
          - nr: "20.1.01"
            name: Bürgerbüro
            art: freiwillig
            vorgaenger: "201009"
            fortschreibung: {aufwendungen_sach_dienstleistungen: trend}
          - {nr: "20.1.02", name: Neues Angebot, art: freiwillig}
          - {nr: "20.1.03", name: Beratung, art: freiwillig, basis: ansatz}
        budgetbereiche: [{id: V, name: Verwaltung, produkte: ["20"]}]

        """
    static let szenarien = """
        szenarien:
          status-quo:
            bevoelkerung: {methode: vorausberechnung, variante: konstant}
            preise: {tarif: 0.05, sachkosten: 0.10}
          best: {preise: {sachkosten: 0.0}}
          worst: {preise: {sachkosten: 0.20}}

        """
    static let ist = """
        jahr;produkt;groesse;wert
        2020;20.1.01;aufwendungen_sach_dienstleistungen;0
        2021;201009;aufwendungen_sach_dienstleistungen;100
        2022;201009;aufwendungen_sach_dienstleistungen;110
        2023;20.1.01;aufwendungen_sach_dienstleistungen;121
        2024;20.1.01;aufwendungen_sach_dienstleistungen;133.1
        2025;20.1.01;aufwendungen_sach_dienstleistungen;156.41
        2025;20.1.01;personalaufwendungen;1000
        2025;20.1.03;aufwendungen_sach_dienstleistungen;300
        2025;20.1.03;personalaufwendungen;200

        """
    static let ansatz = """
        jahr;produkt;groesse;wert
        2026;20.1.02;aufwendungen_sach_dienstleistungen;500
        2027;20.1.02;aufwendungen_sach_dienstleistungen;520
        2026;20.1.03;aufwendungen_sach_dienstleistungen;330

        """
    static let planung = """
        jahr;produkt;groesse;wert
        2026;20.1.01;aufwendungen_sach_dienstleistungen;170
        2026;20.1.02;aufwendungen_sach_dienstleistungen;480
        2027;20.1.01;personalaufwendungen;900

        """
    static let sondereffekte = """
        jahr;produkt;groesse;wert
        2025;20.1.01;aufwendungen_sach_dienstleistungen;10
        2025;20.1.01;personalaufwendungen;200

        """

    static func dateien(_ aenderung: [String: String] = [:]) throws -> [String: String] {
        var d = [
            "modell.yaml": modell, "szenarien.yaml": szenarien, "ist.csv": ist, "ansatz.csv": ansatz,
            "planung.csv": planung, "sondereffekte.csv": sondereffekte,
        ]
        for f in ["bevoelkerung.csv", "vorausberechnung.csv"] {
            d[f] = try String(contentsOf: klein.appendingPathComponent(f), encoding: .utf8)
        }
        for (k, v) in aenderung { d[k] = v }
        return d
    }
}

@Suite struct PlanbasisTests {
    func lauf() throws -> (Planungsmodell, Rechenergebnis) {
        let m = try Fixture.modell(try Planfixture.dateien())
        let sq = try #require(m.szenario("status-quo"))
        return (m, Projektion(m).rechnen(sq))
    }

    func zeile(_ m: Planungsmodell, _ e: Rechenergebnis, _ nr: String, _ key: String) throws -> [Double] {
        let i = try #require(m.produkte.firstIndex { $0.nr == nr })
        return e.produkte[i].ergebnisplan[try #require(m.kontenrahmen.index(key))]
    }

    @Test func trendUeberVierJahreMitSondereffektUndVorgaenger() throws {
        let (m, e) = try lauf()
        let fb = Fortschreibungsbasis(m)
        let z = try #require(m.kontenrahmen.index("aufwendungen_sach_dienstleistungen"))
        #expect(fb.linien[0][z].trendjahre == 4)
        #expect(nahe(fb.linien[0][z].wachstum, 0.1, abs: 1e-12))
        let sach = try zeile(m, e, "20.1.01", "aufwendungen_sach_dienstleistungen")
        #expect(sach[0] == 156.41)  // the Ist column shows the Ist as booked
        #expect(nahe(sach, [156.41, 161.051, 177.1561, 194.87171], abs: 1e-9))
        let personal = try zeile(m, e, "20.1.01", "personalaufwendungen")
        #expect(nahe(personal, [1000, 840, 882, 926.1], abs: 1e-9))
        // The former number's Ist is the product's own now.
        #expect(m.ist.wert(2021, "20.1.01", "aufwendungen_sach_dienstleistungen") == 100)
        #expect(m.ist.wert(2021, "201009", "aufwendungen_sach_dienstleistungen") == nil)
    }

    @Test func ansatzOhneIstUndDoppelhaushalt() throws {
        let (m, e) = try lauf()
        let fb = Fortschreibungsbasis(m)
        #expect(fb.ansatzbasis.map(\.produkt) == [1, 2])
        #expect(fb.ansatzbasis.map(\.automatisch) == [true, false])
        #expect(nahe(try zeile(m, e, "20.1.02", "aufwendungen_sach_dienstleistungen"), [0, 500, 520, 572], abs: 1e-9))
        #expect(
            nahe(try zeile(m, e, "20.1.03", "aufwendungen_sach_dienstleistungen"), [300, 330, 363, 399.3], abs: 1e-9))
        #expect(nahe(try zeile(m, e, "20.1.03", "personalaufwendungen"), [200, 0, 0, 0]))
    }

    /// The lean Monte-Carlo engine follows the same base (trend, Ansatz years, Sondereffekte) in every scenario.
    @Test func schnellrechnungFolgtDerBasis() throws {
        let m = try Fixture.modell(try Planfixture.dateien())
        let p = Projektion(m)
        let schnell = Schnellrechnung(p)
        let J = p.n - 1
        let zr = m.kontenrahmen.zuschussrechnung
        for s in m.szenarien {
            let pop = p.bevoelkerung(s.bevoelkerung).jahre
            let a = Rechenannahmen(modell: m, szenario: s)
            let e = p.rechnen(name: s.name, annahmen: a, bevoelkerung: pop)
            var z = [Double](repeating: .nan, count: m.produkte.count * J), f = z
            schnell.rechnen(a, pop, zuschuss: &z, faelle: &f)
            for i in m.produkte.indices {
                for t in 1...J { #expect(nahe(z[i * J + t - 1], zr.jahr(e.produkte[i].ergebnisplan, t), abs: 1e-9)) }
            }
        }
    }

    @Test func planungAufJederEbeneSummiert() throws {
        let (m, e) = try lauf()
        let zeilen = Langformat.zeilen(m, e) + Langformat.planung(m)
        func wert(_ ebene: Ebene, _ nr: String, _ g: String, _ j: Int) -> Double? {
            zeilen.first {
                $0.szenario == "planung" && $0.ebene == ebene && $0.nr == nr && $0.groesse == g && $0.jahr == j
            }?.wert
        }
        let sach = "aufwendungen_sach_dienstleistungen"
        #expect(wert(.produkt, "20.1.01", sach, 2026) == 170)
        #expect(wert(.produktgruppe, "20.1", sach, 2026) == 650)
        #expect(wert(.produktbereich, "20", "ordentliche_aufwendungen", 2026) == 650)
        #expect(wert(.budgetbereich, "V", "personalaufwendungen", 2027) == 900)
        #expect(wert(.gesamt, "", "ordentliche_aufwendungen", 2027) == 900)
        // Zuschussbedarf = Aufwand here (no Erträge); the Ergebnis is its negative.
        #expect(wert(.gesamt, "", "ordentliches_ergebnis", 2026) == -650)
        #expect(wert(.produkt, "20.1.03", sach, 2026) == nil)  // no Planung for it
    }

    // MARK: Bad inputs

    func fehler(_ aenderung: [String: String]) throws -> [String] {
        try Modellbauer(try Planfixture.dateien(aenderung)).laden().fehlermeldungen
    }

    @Test func ansatzjahrAusserhalbDesPlanungszeitraums() throws {
        let f = try fehler(["ansatz.csv": Planfixture.ansatz + "2030;20.1.02;aufwendungen_sach_dienstleistungen;1\n"])
        #expect(
            f == [
                "ansatz.csv:5:1: error: Ansatz für das Jahr 2030: ein Ansatz gilt für ein Planjahr 2026…2028 (Basisjahr 2025 + 1 bis Horizont)"
            ])
    }

    @Test func sondereffektOhneIst() throws {
        let f = try fehler([
            "sondereffekte.csv": Planfixture.sondereffekte + "2024;20.1.03;aufwendungen_sach_dienstleistungen;5\n"
        ])
        #expect(
            f == [
                "sondereffekte.csv:4:1: error: Sondereffekt für Produkt 20.1.03, aufwendungen_sach_dienstleistungen, 2024: "
                    + "ist.csv hat für diese Zeile und dieses Jahr kein Ist – ein Sondereffekt wird aus dem Ist herausgerechnet"
            ])
    }

    @Test func trendMitNurEinemPositivenJahr() throws {
        let modell = Planfixture.modell.replacingOccurrences(
            of: "{nr: \"20.1.03\", name: Beratung, art: freiwillig, basis: ansatz}",
            with: "{nr: \"20.1.03\", name: Beratung, art: freiwillig, fortschreibung: {personalaufwendungen: trend}}")
        let f = try fehler(["modell.yaml": modell])
        #expect(f.count == 1)
        #expect(
            f.first?.hasSuffix(
                "Produkt 20.1.03, Zeile personalaufwendungen: fortschreibung trend braucht ein positives "
                    + "Ist (nach Sondereffekten) im Basisjahr 2025 und im Jahr davor; vorhanden: 2025: 200") == true)
    }

    /// The loader's trend check (`Planpruefung.trendfehler`, which measures only the trend lines on the Ist as
    /// read) gives the errors of the projection's `Fortschreibungsbasis`, in the same order, on the fixture with
    /// random lines set to `trend` and random Ist values removed, zeroed or negated (so that trends fail).
    @Test func trendpruefungWieFortschreibungsbasis() throws {
        let basis = try Fixture.modell(try Planfixture.dateien())
        let keys = basis.kontenrahmen.buchungszeilen
        let schluessel = basis.ist.werte.keys.sorted {
            ($0.jahr, $0.produkt, $0.groesse) < ($1.jahr, $1.produkt, $1.groesse)
        }
        var g = SplitMix64(seed: 15)
        var fehlgeschlagen = 0
        for _ in 0..<200 {
            var m = basis
            for i in m.produkte.indices {
                for k in keys where g.next() % 4 == 0 { m.produkte[i].fortschreibung[k] = .trend }
            }
            for k in schluessel {
                switch g.next() % 6 {
                case 0: m.ist.werte[k] = nil
                case 1: m.ist.werte[k] = 0
                case 2: m.ist.werte[k] = -(m.ist.werte[k] ?? 0)
                default: break
                }
            }
            let erwartet = Fortschreibungsbasis(m).fehler
            #expect(Planpruefung.trendfehler(m) == erwartet)
            fehlgeschlagen += erwartet.count
        }
        // The mutations do make trends fail (the comparison is not between two empty lists).
        #expect(fehlgeschlagen > 100)
        // The fixture as it is: its one trend line (20.1.01, measured over 4 years) has no error.
        #expect(Planpruefung.trendfehler(basis).isEmpty)
    }

    // MARK: Plausibility

    /// 20.1.03 on its Ist (basis: ist): forecast 2026 = Sach 300 · 1,1 + Personal 200 · 1,05 = 540 against the
    /// Ansatz 330 → +63,6 % (> 10 %). An Ist 2024 Personal of −50 on 20.1.03 is no sign-convention warning (the
    /// loader warns only when every Aufwand value of a Produktbereich's Basisjahr is negative). 20.1.02's Sach stands in Ansatz and Planung but in no Ist year.
    @Test func warnungenGleichInCheckUndRun() throws {
        let modell = Planfixture.modell.replacingOccurrences(of: ", basis: ansatz}", with: "}")
        let dateien = try Planfixture.dateien([
            "modell.yaml": modell,
            "ist.csv": Planfixture.ist + "2024;20.1.03;personalaufwendungen;-50\n",
        ])
        let geladen = try Modellbauer(dateien).laden()
        let m = try #require(geladen.modell, "\(geladen.meldungen)")
        // check: the loader's result and a projection; run: the whole Planungslauf. One function, one list.
        let l = Planungslauf.projizieren(m)
        let check = Plausibilitaet.warnungen(m, ladebefunde: geladen.diagnostics, laeufe: l.laeufe, ist: l.ist)
        let run = Planungslauf.rechnen(m, ladebefunde: geladen.diagnostics).warnungen
        #expect(check == run)
        #expect(
            check.map(\.description) == [
                "ansatz.csv:4:1: warning: Produkt 20.1.03 Beratung: die Prognose 2026 (status-quo) weicht vom Ansatz 2026 ab – "
                    + "Zuschussbedarf Prognose 540 €, Ansatz 330 € (+63,6 %); erlaubt sind 10 % (plausibilitaet.abweichung)",
                "ansatz.csv:2:1: warning: Produkt 20.1.02: aufwendungen_sach_dienstleistungen steht im Ansatz, hat aber in "
                    + "keinem Ist-Jahr einen Wert – neue Zeile, oder im Ist anders zugeordnet?",
                "planung.csv:3:1: warning: Produkt 20.1.02: aufwendungen_sach_dienstleistungen steht in der Planung, hat aber "
                    + "in keinem Ist-Jahr einen Wert – neue Zeile, oder im Ist anders zugeordnet?",
            ])
        let a = Plausibilitaet.ansatzabweichungen(m, statusQuo: l.laeufe.first { $0.szenario == "status-quo" })
        #expect(a.map(\.produkt) == [2])
        #expect(nahe(a.first?.anteil ?? 0, 210.0 / 330, abs: 1e-12))
    }
}
