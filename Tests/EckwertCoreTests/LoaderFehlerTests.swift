import Foundation
import Testing
@testable import EckwertCore
import EckwertTestSupport

// Every kind of model error is reported with file, line (and column where there is one) and a
// message saying what was expected. Each test starts from a small valid model (`Basis`) and breaks one thing by
// replacing whole lines, so that the expected line numbers can be read off the numbered listing below. Columns
// are 1-based and counted by hand from the line text (the counting is written next to each expectation).

/// The valid starting model. `modellZeilen[i]` is line i + 1 of modell.yaml.
private let modellZeilen = [
    "kommune: Teststadt",  // 1
    "basisjahr: 2024",  // 2
    "horizont: 2027",  // 3
    "altersgruppen:",  // 4
    "  kinder: [0, 17]",  // 5
    "produkte:",  // 6
    "  - nr: \"31.1.01\"",  // 7
    "    name: Hilfe A",  // 8
    "    art: pflicht",  // 9
    "    fallzahl:",  // 10
    "      bezug: {gruppe: kinder}",  // 11
    "      quote: ist",  // 12
    "    fallkosten:",  // 13
    "      basis: ist",  // 14
    "      konto: transferaufwendungen",  // 15
    "      personalanteil: 0.5",  // 16
    "  - nr: \"36.1.01\"",  // 17
    "    name: Freiwillig B",  // 18
    "    art: freiwillig",  // 19
    "produktgruppen:",  // 20
    "  - {nr: \"31.1\", name: Gruppe A}",  // 21
    "  - {nr: \"36.1\", name: Gruppe B}",  // 22
    "produktbereiche:",  // 23
    "  - {nr: \"31\", name: Soziales}",  // 24
    "  - {nr: \"36\", name: Jugend}",  // 25
    "budgetbereiche:",  // 26
    "  - {id: B1, name: Soziales, produkte: [\"31\"]}",  // 27
    "  - {id: B2, name: Jugend, produkte: [\"36\"]}",  // 28
    "kennzahlen:",  // 29
    "  - id: K1",  // 30
    "    name: Fälle je 1.000 Kinder",  // 31
    "    formel: faelle(\"31.1.01\") / bev(alter=[0, 17]) * 1000",  // 32
    "ziele:",  // 33
    "  - id: Z1",  // 34
    "    produkt: \"31.1.01\"",  // 35
    "    zielfeld: wirkung",  // 36
    "    text: Die Quote sinkt.",  // 37
    "    kennzahl: K1",  // 38
    "    bis: 2026",  // 39
    "massnahmen:",  // 40
    "  - id: M1",  // 41
    "    name: Prävention",  // 42
    "    produkt: \"36.1.01\"",  // 43
    "    kosten: {ab: 2025, jaehrlich: 1000, konto: transferaufwendungen}",  // 44
    "    wirkung:",  // 45
    "      - {produkt: \"31.1.01\", quote: -0.1, ab: 2026, rampe: 2}",  // 46
    "investitionen:",  // 47
    "  - id: I1",  // 48
    "    name: Neubau",  // 49
    "    produkt: \"36.1.01\"",  // 50
    "    auszahlungen: {2025: 100000}",  // 51
    "    nutzungsdauer: 10",  // 52
    "    inbetriebnahme: 2026",  // 53
    "strategische_ziele:",  // 54
    "  - {id: S1, name: Prävention, gewicht: 0.4}",  // 55
    "  - {id: S2, name: Teilhabe, gewicht: 0.6}",  // 56
]

private let szenarienZeilen = [
    "szenarien:",  // 1
    "  status-quo:",  // 2
    "    bevoelkerung:",  // 3
    "      methode: kohorten",  // 4
    "      wanderungssaldo: 0",  // 5
    "    preise:",  // 6
    "      tarif: 0.03",  // 7
    "      sachkosten: 0.02",  // 8
    "    produkte:",  // 9
    "      \"31.1.01\": {quote_trend: 0.01}",  // 10
    "    massnahmen: [M1]",  // 11
    "  best:",  // 12
    "    massnahmen: []",  // 13
    "  worst:",  // 14
    "    preise:",  // 15
    "      tarif: 0.04",  // 16
]

private let istZeilen = [
    "jahr;produkt;groesse;wert",  // 1
    "2024;31.1.01;faelle;360",  // 2
    "2024;31.1.01;transferaufwendungen;360000",  // 3
    "2024;36.1.01;personalaufwendungen;50000",  // 4
]

/// Replaces whole lines (1-based); a replacement may hold several lines ("\n"), which moves the later lines down.
private func ersetzt(_ zeilen: [String], _ neu: [Int: String]) -> String {
    var z = zeilen
    for (nr, text) in neu { z[nr - 1] = text }
    return z.joined(separator: "\n") + "\n"
}

/// The model's files; `modell`, `szenarien`, `ist` replace lines of the listings above, `extra` replaces whole files
/// (an empty text removes the file).
private func dateien(
    modell: [Int: String] = [:], szenarien: [Int: String] = [:], ist: [Int: String] = [:],
    extra: [String: String] = [:]
) -> [String: String] {
    var d: [String: String] = [
        "modell.yaml": ersetzt(modellZeilen, modell),
        "szenarien.yaml": ersetzt(szenarienZeilen, szenarien),
        "ist.csv": ersetzt(istZeilen, ist),
        // One Sozialraum "gesamt", 100 persons in every (sex, age) cell: lines 2–102 w 0…100, 103–203 m 0…100.
        "bevoelkerung.csv": Modellbauer.bevoelkerungCSV(gebiete: ["gesamt"]) { _, _, _ in 100 },
        "sterbetafel.csv": Modellbauer.sterbetafelCSV(q: 0.01),
        "fruchtbarkeit.csv": Modellbauer.fruchtbarkeitCSV(rate: 0.04),
        "wanderung.csv": Modellbauer.wanderungCSV(),
    ]
    for (name, text) in extra { d[name] = text.isEmpty ? nil : text }
    return d
}

private func meldungen(
    modell: [Int: String] = [:], szenarien: [Int: String] = [:], ist: [Int: String] = [:],
    extra: [String: String] = [:]
) throws -> [String] {
    try Modellbauer(dateien(modell: modell, szenarien: szenarien, ist: ist, extra: extra)).laden().meldungen
}

@Suite struct LoaderFehlerTests {
    @Test func basisModellIstFehlerfrei() throws {
        let r = try Modellbauer(dateien()).laden()
        #expect(r.meldungen == [])
        let m = try #require(r.modell)
        #expect(m.produkte.map(\.nr) == ["31.1.01", "36.1.01"])
        #expect(m.szenarien.map(\.name) == ["best", "status-quo", "worst"])
        #expect(m.horizont == 2027)
        #expect(m.haushaltsjahr == 2026)  // default B + 2
    }

    // MARK: Unresolved references

    @Test func produktImZielUnbekannt() throws {
        // Line 35 "    produkt: \"31.1.09\"": 4 spaces, "produkt:" in 5–12, space 13, the value at 14.
        #expect(
            try meldungen(modell: [35: "    produkt: \"31.1.09\""]) == [
                "modell.yaml:35:14: error: Ziel Z1: Produkt '31.1.09' gibt es nicht – meinten Sie '31.1.01'?"
            ])
    }

    @Test func produktInMassnahmenwirkungUnbekannt() throws {
        // Line 46: 6 spaces, "- " in 7–8, "{" 9, "produkt:" 10–17, space 18, the value at 19.
        #expect(
            try meldungen(modell: [46: "      - {produkt: \"31.1.09\", quote: -0.1, ab: 2026, rampe: 2}"]) == [
                "modell.yaml:46:19: error: Maßnahme M1 wirkung: Produkt '31.1.09' gibt es nicht – meinten Sie '31.1.01'?"
            ])
    }

    @Test func produktDerInvestitionUnbekannt() throws {
        #expect(
            try meldungen(modell: [50: "    produkt: \"36.1.09\""]) == [
                "modell.yaml:50:14: error: Investition I1: Produkt '36.1.09' gibt es nicht – meinten Sie '36.1.01'?"
            ])
    }

    @Test func produktgruppeNichtBenannt() throws {
        // Group 36.1 renamed to 36.2: product 36.1.01 (its mapping starts at line 17, column 5 after "  - ")
        // still lies in Produktbereich 36, so it is usable, but the Produktgruppe sums lack it: a warning.
        #expect(
            try meldungen(modell: [22: "  - {nr: \"36.2\", name: Gruppe B}"]) == [
                "modell.yaml:17:5: warning: Produkt 36.1.01 liegt in keiner benannten Produktgruppe – in den Summen der "
                    + "Produktgruppen fehlt es"
            ])
    }

    @Test func produktbereichNichtBenannt() throws {
        // Bereich 36 renamed to 37: 36.1.01 keeps its group 36.1 (warning: no Produktbereich), and Budgetbereich
        // B2's "36" (line 28, the quote at column 39) is now no declared level: the product is in no Budgetbereich.
        // The hint is the first of the equally close candidates in sorted order ("31" before "37").
        #expect(
            try meldungen(modell: [25: "  - {nr: \"37\", name: Jugend}"]) == [
                "modell.yaml:17:5: warning: Produkt 36.1.01 liegt in keinem benannten Produktbereich – in den Summen der "
                    + "Produktbereiche fehlt es",
                "modell.yaml:17:5: error: Produkt 36.1.01 gehört zu keinem Budgetbereich",
                "modell.yaml:28:39: error: Budgetbereich B2: Produkt, Produktgruppe oder Produktbereich '36' gibt es nicht "
                    + "– meinten Sie '31'?",
            ])
    }

    @Test func kennzahlImZielUnbekannt() throws {
        // "    kennzahl: K2": "kennzahl:" in 5–13, space 14, value at 15.
        #expect(
            try meldungen(modell: [38: "    kennzahl: K2"]) == [
                "modell.yaml:38:15: error: Ziel Z1: Kennzahl 'K2' gibt es nicht – meinten Sie 'K1'?"
            ])
    }

    @Test func massnahmeImSzenarioUnbekannt() throws {
        // szenarien.yaml line 11 "    massnahmen: [M2]": "massnahmen:" in 5–15, space 16, "[" 17, "M2" at 18.
        #expect(
            try meldungen(szenarien: [11: "    massnahmen: [M2]"]) == [
                "szenarien.yaml:11:18: error: Szenario status-quo massnahmen: Maßnahme 'M2' gibt es nicht – meinten Sie 'M1'?"
            ])
    }

    @Test func budgetbereichOhneProdukt() throws {
        // Line 28 "  - {id: B2, name: Jugend, produkte: [\"37\"]}": "{" 5, "id: B2, " 6–13, "name: Jugend, " 14–27,
        // "produkte:" 28–36, space 37, "[" 38, the string at 39. 36.1.01 is then in no Budgetbereich.
        #expect(
            try meldungen(modell: [28: "  - {id: B2, name: Jugend, produkte: [\"37\"]}"]) == [
                "modell.yaml:17:5: error: Produkt 36.1.01 gehört zu keinem Budgetbereich",
                "modell.yaml:28:39: error: Budgetbereich B2: Produkt, Produktgruppe oder Produktbereich '37' gibt es nicht – meinten Sie '31'?",
            ])
    }

    // MARK: Duplicates

    @Test func produktnummerDoppelt() throws {
        // Three lines added after line 19: the second "31.1.01" starts at line 20, column 5.
        let r = try meldungen(modell: [
            19: "    art: freiwillig\n  - nr: \"31.1.01\"\n    name: Doppelt\n    art: freiwillig"
        ])
        #expect(r == ["modell.yaml:20:5: error: Produktnummer '31.1.01' ist doppelt vergeben (zuerst in Zeile 7)"])
    }

    @Test func kennzahlIdDoppelt() throws {
        let r = try meldungen(modell: [32: modellZeilen[31] + "\n  - id: K1\n    name: Doppelt\n    formel: \"1\""])
        #expect(r == ["modell.yaml:33:5: error: Kennzahl-id 'K1' ist doppelt vergeben (zuerst in Zeile 30)"])
    }

    @Test func zielIdDoppelt() throws {
        let r = try meldungen(modell: [
            39: "    bis: 2026\n  - {id: Z1, produkt: \"31.1.01\", zielfeld: leistung, text: Zweites Ziel}"
        ])
        #expect(r == ["modell.yaml:40:5: error: Ziel-id 'Z1' ist doppelt vergeben (zuerst in Zeile 34)"])
    }

    @Test func massnahmenIdDoppelt() throws {
        let zweite =
            "  - {id: M1, name: Zweite, produkt: \"36.1.01\", kosten: {ab: 2025, jaehrlich: 1, konto: transferaufwendungen}}"
        let r = try meldungen(modell: [46: modellZeilen[45] + "\n" + zweite])
        #expect(r == ["modell.yaml:47:5: error: Maßnahmen-id 'M1' ist doppelt vergeben (zuerst in Zeile 41)"])
    }

    @Test func budgetbereichIdDoppelt() throws {
        #expect(
            try meldungen(modell: [28: "  - {id: B1, name: Jugend, produkte: [\"36\"]}"]) == [
                "modell.yaml:28:5: error: Budgetbereich-id 'B1' ist doppelt vergeben (zuerst in Zeile 27)"
            ])
    }

    @Test func doppelterYAMLSchluessel() throws {
        // "basisjahr" a second time at line 3, column 1: the message points at the repetition and names the first.
        #expect(
            try meldungen(modell: [3: "basisjahr: 2025"]) == [
                "modell.yaml:3:1: error: doppelter Schlüssel 'basisjahr' (zuerst in Zeile 2) – jeder Schlüssel darf in einem Abschnitt nur einmal stehen"
            ])
        // Inside a product: "art" on lines 18 and 19, both at column 5.
        #expect(
            try meldungen(modell: [18: "    art: pflicht"]) == [
                "modell.yaml:19:5: error: doppelter Schlüssel 'art' (zuerst in Zeile 18) – jeder Schlüssel darf in einem Abschnitt nur einmal stehen"
            ])
    }

    // MARK: Ages

    @Test func altersgruppeUeber100() throws {
        // The only error: no follow-ons such as "Altersgruppe 'kinder' ist nicht definiert" (line 11), "Maßnahme M1
        // wirkt auf Produkt ohne fallzahl" or the scenarios' quote_trend for it.
        // "  kinder: [0, 101]": "kinder:" 3–9, space 10, "[" 11, "0" 12, "," 13, space 14, "101" at 15.
        #expect(
            try meldungen(modell: [5: "  kinder: [0, 101]"]) == [
                "modell.yaml:5:15: error: Altersgruppe kinder: 101 liegt außerhalb von 0..100"
            ])
    }

    @Test func bezugUeber100() throws {
        // "      bezug: {alter: [0, 101]}": "bezug:" 7–12, space 13, "{" 14, "alter:" 15–20, space 21, "[" 22,
        // "0" 23, "," 24, space 25, "101" at 26.
        #expect(
            try meldungen(modell: [11: "      bezug: {alter: [0, 101]}"]) == [
                "modell.yaml:11:26: error: Produkt 31.1.01 fallzahl bezug alter: 101 liegt außerhalb von 0..100"
            ])
    }

    @Test func bevInFormelUeber100() throws {
        // Value at column 13 (after "    formel: "); in the formula "faelle(\"31.1.01\") / bev(alter=[0, 101]) * 1000"
        // "faelle(\"31.1.01\")" is 1–17, " / " 18–20, "bev(" 21–24, "alter=" 25–30, "[" 31, "0" 32, "," 33, " " 34,
        // "101" at 35 → file column 13 + 35 − 1 = 47.
        #expect(
            try meldungen(modell: [32: "    formel: faelle(\"31.1.01\") / bev(alter=[0, 101]) * 1000"]) == [
                "modell.yaml:32:47: error: Kennzahl K1: Formel fehlerhaft an Spalte 35: Alter zwischen 0 und 100 erwartet"
            ])
    }

    @Test func alterInBevoelkerungUeber100() throws {
        // A 204th line with age 101; the age is in column 3.
        let bev = Modellbauer.bevoelkerungCSV(gebiete: ["gesamt"]) { _, _, _ in 100 } + "gesamt;w;101;5\n"
        #expect(
            try meldungen(extra: ["bevoelkerung.csv": bev]) == [
                "bevoelkerung.csv:204:3: error: Alter 101 liegt außerhalb von 0..100"
            ])
    }

    // MARK: Data files

    @Test func fehlendeBevoelkerungszelle() throws {
        // Without (gesamt, m, 17): m 0…16 are lines 103–119, m 18…100 lines 120–202; the last line of the gebiet is 202.
        var zeilen = Modellbauer.bevoelkerungCSV(gebiete: ["gesamt"]) { _, _, _ in 100 }.split(separator: "\n").map(
            String.init)
        zeilen.removeAll { $0 == "gesamt;m;17;100" }
        #expect(
            try meldungen(extra: ["bevoelkerung.csv": Modellbauer.text(zeilen)]) == [
                "bevoelkerung.csv:202: error: Gebiet gesamt: es fehlt m 17"
            ])
    }

    @Test func qxAusserhalbVon0Bis1() throws {
        // w 0…100 are lines 2–102, so (w, 5) is line 7; qx is column 3.
        let tafel = Modellbauer.sterbetafelCSV(q: 0.01).replacingOccurrences(of: "\nw;5;0.01\n", with: "\nw;5;1.5\n")
        #expect(
            try meldungen(extra: ["sterbetafel.csv": tafel]) == [
                "sterbetafel.csv:7:3: error: qx 1.5 liegt außerhalb von 0..1"
            ])
    }

    @Test func wanderungsanteileNichtEins() throws {
        #expect(
            try meldungen(extra: ["wanderung.csv": "geschlecht;alter;anteil\nw;30;0.6\nm;30;0.3\n"]) == [
                "wanderung.csv: error: Die Anteile summieren sich zu 0,9 statt zu 1 (erlaubt ±0,001)"
            ])
    }

    @Test func negativeAnzahlUndFallzahl() throws {
        let bev = Modellbauer.bevoelkerungCSV(gebiete: ["gesamt"]) { _, s, a in s == .m && a == 40 ? -5 : 100 }
        // (m, 40) is line 103 + 40 = 143; the count is column 4.
        #expect(
            try meldungen(extra: ["bevoelkerung.csv": bev]) == [
                "bevoelkerung.csv:143:4: error: negative Anzahl -5, erwartet eine Zahl ≥ 0"
            ])
        #expect(
            try meldungen(ist: [2: "2024;31.1.01;faelle;-360"]) == [
                "ist.csv:2:4: error: negative Fallzahl -360, erwartet eine Zahl ≥ 0"
            ])
    }

    // MARK: Years

    @Test func massnahmeAbAusserhalbDesPlanungszeitraums() throws {
        // "    kosten: {ab: 2023, …}": "kosten:" 5–11, space 12, "{" 13, "ab:" 14–16, space 17, "2023" at 18.
        #expect(
            try meldungen(modell: [44: "    kosten: {ab: 2023, jaehrlich: 1000, konto: transferaufwendungen}"]) == [
                "modell.yaml:44:18: error: Maßnahme M1 kosten ab: Jahr 2023 liegt außerhalb von Basisjahr..Horizont (2024..2027)"
            ])
        // "      - {produkt: \"31.1.01\", quote: -0.1, ab: 2030, rampe: 2}": "{" 9, "produkt: \"31.1.01\", " 10–29,
        // "quote: -0.1, " 30–42, "ab:" 43–45, space 46, "2030" at 47.
        #expect(
            try meldungen(modell: [46: "      - {produkt: \"31.1.01\", quote: -0.1, ab: 2030, rampe: 2}"]) == [
                "modell.yaml:46:47: error: Maßnahme M1 wirkung ab: Jahr 2030 liegt außerhalb von Basisjahr..Horizont (2024..2027)"
            ])
    }

    @Test func auszahlungAusserhalbDesPlanungszeitraums() throws {
        // "    auszahlungen: {2030: 100000}": "auszahlungen:" 5–17, space 18, "{" 19, the year key at 20.
        #expect(
            try meldungen(modell: [51: "    auszahlungen: {2030: 100000}"]) == [
                "modell.yaml:51:20: error: Investition I1 auszahlungen: Jahr '2030' liegt außerhalb von Basisjahr..Horizont (2024..2027)"
            ])
    }

    @Test func istJahrNachDemBasisjahr() throws {
        #expect(
            try meldungen(ist: [4: "2024;36.1.01;personalaufwendungen;50000\n2025;36.1.01;personalaufwendungen;51000"])
                == [
                    "ist.csv:5:1: error: Jahr 2025 liegt nach dem Basisjahr 2024 – Ist-Daten reichen bis zum Basisjahr"
                ])
    }

    // MARK: Drivers without their Ist

    @Test func quoteIstOhneFaelleDesBasisjahres() throws {
        // The only case number is of 2023; the product's mapping is at 7:5.
        #expect(
            try meldungen(ist: [2: "2023;31.1.01;faelle;350"]) == [
                "modell.yaml:7:5: error: Produkt 31.1.01: quote: ist braucht die Fallzahl des Basisjahres 2024 ('faelle' in ist.csv)",
                "modell.yaml:7:5: error: Produkt 31.1.01: fallkosten basis ist braucht die Fallzahl des Basisjahres 2024 ('faelle' in ist.csv)",
            ])
    }

    @Test func fallkostenIstOhneKontoDesBasisjahres() throws {
        #expect(
            try meldungen(ist: [3: "2023;31.1.01;transferaufwendungen;350000"]) == [
                "modell.yaml:7:5: error: Produkt 31.1.01: fallkosten basis ist braucht 'transferaufwendungen' des Basisjahres 2024 in ist.csv"
            ])
    }

    @Test func szenarioUeberschreibtProduktOhneTreiber() throws {
        // szenarien.yaml line 10 "      \"36.1.01\": {quote_trend: 0.01}": the key at column 7. best and worst inherit the
        // override but do not write it, so it is reported once, where it is written.
        #expect(
            try meldungen(szenarien: [10: "      \"36.1.01\": {quote_trend: 0.01}"]) == [
                "szenarien.yaml:10:7: error: Szenario status-quo: quote_trend für Produkt 36.1.01, das keine fallzahl hat"
            ])
    }

    // MARK: Budgetbereiche, weights

    @Test func budgetbereicheUeberschneidenSich() throws {
        #expect(
            try meldungen(modell: [28: "  - {id: B2, name: Jugend, produkte: [\"36\", \"31.1\"]}"]) == [
                "modell.yaml:28:5: error: Budgetbereiche B1 und B2 überschneiden sich: Produkt 31.1.01 liegt in beiden"
            ])
    }

    @Test func produktOhneBudgetbereich() throws {
        #expect(
            try meldungen(modell: [28: "  # B2 fehlt"]) == [
                "modell.yaml:17:5: error: Produkt 36.1.01 gehört zu keinem Budgetbereich"
            ])
    }

    @Test func wirkungsbeitragGewichteNichtEins() throws {
        // The list of strategic goals starts at line 55, column 3 ("- ").
        #expect(
            try meldungen(modell: [56: "  - {id: S2, name: Teilhabe, gewicht: 0.5}"]) == [
                "modell.yaml:55:3: error: strategische_ziele: die Gewichte ergeben 0.9, erwartet 1"
            ])
    }

    // MARK: Unknown keys

    @Test func unbekannterSchluesselObersteEbene() throws {
        #expect(
            try meldungen(modell: [3: "horizon: 2027"]) == [
                "modell.yaml:3:1: error: unbekannter Schlüssel 'horizon' in modell.yaml – meinten Sie 'horizont'?"
            ])
    }

    @Test func unbekannterSchluesselImProdukt() throws {
        // One line added after line 19: "    gremiun: JHA" is line 20, the key at column 5.
        #expect(
            try meldungen(modell: [19: "    art: freiwillig\n    gremiun: JHA"]) == [
                "modell.yaml:20:5: error: unbekannter Schlüssel 'gremiun' in Produkt 36.1.01 – meinten Sie 'gremium'?"
            ])
    }

    @Test func unbekannterSchluesselImSzenario() throws {
        #expect(
            try meldungen(szenarien: [13: "    massnahme: []"]) == [
                "szenarien.yaml:13:5: error: unbekannter Schlüssel 'massnahme' in Szenario best – meinten Sie 'massnahmen'?"
            ])
    }

    // MARK: Formulas

    @Test func formelSyntaxfehler() throws {
        // Formula "faelle(\"31.1.01\") / * 1000": "faelle(\"31.1.01\")" 1–17, space 18, "/" 19, space 20, "*" at 21;
        // the value starts at column 13, so the file column is 13 + 21 − 1 = 33.
        #expect(
            try meldungen(modell: [32: "    formel: faelle(\"31.1.01\") / * 1000"]) == [
                "modell.yaml:32:33: error: Kennzahl K1: Formel fehlerhaft an Spalte 21: Zahl, Funktion oder '(' erwartet, gefunden: '*'"
            ])  // and not also "Ziel Z1: Kennzahl 'K1' gibt es nicht" – K1 is written, only its formula is wrong
        // A quoted formula: the opening quote moves the formula one column right ("    formel: \"" → formula at 14).
        #expect(
            try meldungen(modell: [32: "    formel: \"faelle(\\\"31.1.01\\\") / * 1000\""]) == [
                "modell.yaml:32:34: error: Kennzahl K1: Formel fehlerhaft an Spalte 21: Zahl, Funktion oder '(' erwartet, gefunden: '*'"
            ])
    }

    @Test func kennzahlZyklus() throws {
        // K1 → K2 → K1; K2 is added as lines 33–35. The cycle is reported at the Kennzahl it starts from (K1, 30:5).
        let r = try meldungen(modell: [
            32: "    formel: kennzahl(\"K2\") + 1\n  - id: K2\n    name: Zwei\n    formel: kennzahl(\"K1\")"
        ])
        #expect(r == ["modell.yaml:30:5: error: Kennzahlen verweisen im Kreis: K1 → K2 → K1"])
    }

    // MARK: Files

    @Test func pflichtdateiFehlt() throws {
        #expect(
            try meldungen(extra: ["szenarien.yaml": ""]) == [
                "szenarien.yaml: error: Datei fehlt (Szenarien best, status-quo, worst)"
            ])
    }

    @Test func nichtUTF8() throws {
        var bauer = Modellbauer(dateien())
        // Line 8 "    name: Hilfe A" with a Latin-1 "ü" (0xFC) instead of "A".
        var modell = Array(ersetzt(modellZeilen, [8: "    name: Hilfe X"]).utf8)
        let i = try #require(modell.firstIndex(of: UInt8(ascii: "X")))
        modell[i] = 0xFC
        bauer.bytes["modell.yaml"] = modell
        let r = try bauer.laden()
        #expect(r.meldungen == ["modell.yaml:8: error: \(Kodierung.windows1252) (erstes solches Zeichen in Zeile 8)"])
        #expect(r.modell == nil)
    }

    // MARK: Many faults at once

    @Test func alleFehlerEinesModellsWerdenGemeldet() throws {
        // Seven different faults in three files; all are listed, sorted by file, line, column.
        let r = try Modellbauer(
            dateien(
                modell: [
                    3: "horizon: 2027",  // unknown key
                    35: "    produkt: \"31.1.09\"",  // unknown Produkt in a Ziel
                    38: "    kennzahl: K2",  // unknown Kennzahl
                    56: "  - {id: S2, name: Teilhabe, gewicht: 0.5}",  // weights 0.9
                ],
                szenarien: [11: "    massnahmen: [M2]"],  // unknown Maßnahme
                ist: [
                    2: "2024;31.1.01;faelle;-360",  // negative case count
                    4: "2024;36.1.01;personalaufwendungen;50000\n2025;36.1.01;personalaufwendungen;1",
                ])
        ).laden()  // year after B
        #expect(
            r.meldungen == [
                "ist.csv:2:4: error: negative Fallzahl -360, erwartet eine Zahl ≥ 0",
                "ist.csv:5:1: error: Jahr 2025 liegt nach dem Basisjahr 2024 – Ist-Daten reichen bis zum Basisjahr",
                "modell.yaml:3:1: error: unbekannter Schlüssel 'horizon' in modell.yaml – meinten Sie 'horizont'?",
                "modell.yaml:35:14: error: Ziel Z1: Produkt '31.1.09' gibt es nicht – meinten Sie '31.1.01'?",
                "modell.yaml:38:15: error: Ziel Z1: Kennzahl 'K2' gibt es nicht – meinten Sie 'K1'?",
                "modell.yaml:55:3: error: strategische_ziele: die Gewichte ergeben 0.9, erwartet 1",
                "szenarien.yaml:11:18: error: Szenario status-quo massnahmen: Maßnahme 'M2' gibt es nicht – meinten Sie 'M1'?",
            ])
        #expect(r.modell == nil)
    }
}
