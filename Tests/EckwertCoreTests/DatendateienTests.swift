import Foundation
import Testing
@testable import EckwertCore

/// Rows `prefix gebiet;s;a;wert` for w 0..100, then m 0..100, leaving out the cells named in `ohne` ("w 17").
/// Default count: a + 1 for w, a + 1000 for m.
private func bevZeilen(
    _ prefix: String, _ gebiet: String, ohne: Set<String> = [],
    wert: (Geschlecht, Int) -> String = { s, a in "\(s == .w ? a + 1 : a + 1000)" }
) -> [String] {
    var z: [String] = []
    for s in [Geschlecht.w, .m] {
        for a in 0...100 where !ohne.contains("\(s.rawValue) \(a)") {
            z.append("\(prefix)\(gebiet);\(s.rawValue);\(a);\(wert(s, a))")
        }
    }
    return z
}

private func text(_ zeilen: [String]) -> [UInt8] { Array((zeilen.joined(separator: "\n") + "\n").utf8) }

private func meldungen<W>(_ r: Leseergebnis<W>) -> [String] { r.diagnostics.map(\.description) }

@Suite struct DatendateienTests {
    // MARK: bevoelkerung.csv

    @Test func bevoelkerungVollstaendig() throws {
        let zeilen =
            ["gebiet;geschlecht;alter;anzahl"]
            + bevZeilen("", "S02", wert: { s, a in s == .w && a == 0 ? "1.234,5" : "\(s == .w ? a + 1 : a + 1000)" })
            + bevZeilen("", "S01")
        let r = Datendateien.bevoelkerung(bytes: text(zeilen), datei: "bevoelkerung.csv")
        #expect(meldungen(r) == [])
        #expect(!r.hatFehler)
        let b = try #require(r.wert)
        #expect(b.gebiete == ["S02", "S01"])
        #expect(b[gebiet: 0, geschlecht: .w, alter: 0] == 1234.5)
        #expect(b[gebiet: 1, geschlecht: .m, alter: 5] == 1005)
        #expect(b[gebiet: 1, geschlecht: .w, alter: 100] == 101)
        // Per gebiet: w Σ(a+1) = 5151, m Σ(a+1000) = 106050; S02 w 0 is 1234.5 instead of 1.
        #expect(b.gesamt == 2 * (5151 + 106_050) + 1233.5)
    }

    @Test func bevoelkerungSammeltAlleFehler() throws {
        // Lines 2–101: w 0..100 without 17; lines 102–197: m 5..100; then the faulty rows 198–203.
        let zeilen =
            ["gebiet;geschlecht;alter;anzahl"]
            + bevZeilen("", "S01", ohne: ["w 17", "m 0", "m 1", "m 2", "m 3", "m 4"])
            + ["S01;x;5;10", "S01;w;101;10", "S01;m;4;-5", "S01;w;3;7", "S01;w;;5", "S01;w;1O;5"]
        let r = Datendateien.bevoelkerung(bytes: text(zeilen), datei: "bevoelkerung.csv")
        #expect(
            meldungen(r) == [
                "bevoelkerung.csv:198:2: error: Geschlecht 'x' ist ungültig, erwartet w oder m",
                "bevoelkerung.csv:199:3: error: Alter 101 liegt außerhalb von 0..100",
                "bevoelkerung.csv:200:4: error: negative Anzahl -5, erwartet eine Zahl ≥ 0",
                "bevoelkerung.csv:201:1: error: doppelter Eintrag für Gebiet S01, w, Alter 3: Zeilen 5 und 201",
                "bevoelkerung.csv:202:3: error: leeres Feld 'alter', erwartet eine ganze Zahl 0..100",
                "bevoelkerung.csv:203:3: error: Alter '1O' ist keine ganze Zahl, erwartet 0..100",
                // m 4 was given (with a bad count), so only m 0–3 are missing; the duplicate in 201 is S01's last line.
                "bevoelkerung.csv:201: error: Gebiet S01: es fehlen w 17, m 0–3",
            ])
        #expect(r.hatFehler)
        #expect(r.wert?[gebiet: 0, geschlecht: .w, alter: 3] == 4)  // the first of the duplicates counts
    }

    @Test func bevoelkerungSpaltenInAndererReihenfolgeUndGrossgeschrieben() throws {
        // Lines 2–102: w 0..100; 103–202: m 0..99; 203: duplicate of w 0 (line 2).
        var zeilen = ["Anzahl;Alter;Geschlecht;GEBIET"]
        for s in ["w", "m"] {
            for a in 0...100 where !(s == "m" && a == 100) { zeilen.append("\(a);\(a);\(s);gesamt") }
        }
        zeilen.append("9;0;w;gesamt")
        let r = Datendateien.bevoelkerung(bytes: text(zeilen), datei: "bevoelkerung.csv")
        #expect(
            meldungen(r) == [
                // The key fields are columns 2–4: the duplicate is reported at column 2.
                "bevoelkerung.csv:203:2: error: doppelter Eintrag für Gebiet gesamt, w, Alter 0: Zeilen 2 und 203",
                "bevoelkerung.csv:203: error: Gebiet gesamt: es fehlt m 100",
            ])
        #expect(r.wert?[gebiet: 0, geschlecht: .m, alter: 42] == 42)
        #expect(r.wert?[gebiet: 0, geschlecht: .w, alter: 0] == 0)
    }

    @Test func kopfzeileMitTippfehler() {
        let r = Datendateien.bevoelkerung(
            bytes: text(["gebiet;geschlecht;alter;anzahll", "S01;w;0;1"]),
            datei: "bevoelkerung.csv")
        #expect(
            meldungen(r) == [
                "bevoelkerung.csv:1:4: error: unbekannte Spalte 'anzahll', erwartet gebiet;geschlecht;alter;anzahl – meinten Sie 'anzahl'?",
                "bevoelkerung.csv:1: error: Spalte 'anzahl' fehlt, erwartet gebiet;geschlecht;alter;anzahl (gefunden: gebiet;geschlecht;alter;anzahll)",
            ])
        #expect(r.wert == nil)
    }

    @Test func kopfzeileHinweiseUndDoppelteSpalten() {
        let r = Datendateien.bevoelkerung(
            bytes: text(["Gebiet;Geschlect;alt;alter;anzahl;alter;Jahrgang", "S01;w;0;0;1;0;x"]),
            datei: "b.csv")
        #expect(
            meldungen(r) == [
                "b.csv:1:2: error: unbekannte Spalte 'Geschlect', erwartet gebiet;geschlecht;alter;anzahl – meinten Sie 'geschlecht'?",
                "b.csv:1:3: error: unbekannte Spalte 'alt', erwartet gebiet;geschlecht;alter;anzahl – meinten Sie 'alter'?",
                "b.csv:1:6: error: Spalte 'alter' kommt doppelt vor (Spalten 4 und 6)",
                "b.csv:1:7: error: unbekannte Spalte 'Jahrgang', erwartet gebiet;geschlecht;alter;anzahl",
                "b.csv:1: error: Spalte 'geschlecht' fehlt, erwartet gebiet;geschlecht;alter;anzahl (gefunden: Gebiet;Geschlect;alt;alter;anzahl;alter;Jahrgang)",
            ])
        #expect(r.wert == nil)
    }

    @Test func zusaetzlicheSpalteIstFehlerAberDieDatenWerdenGeprueft() {
        let zeilen =
            ["gebiet;geschlecht;alter;anzahl;Bemerkung"] + bevZeilen("", "S01").map { $0 + ";" } + ["S01;w;0;1;doppelt"]
        let r = Datendateien.bevoelkerung(bytes: text(zeilen), datei: "bevoelkerung.csv")
        #expect(
            meldungen(r) == [
                "bevoelkerung.csv:1:5: error: unbekannte Spalte 'Bemerkung', erwartet gebiet;geschlecht;alter;anzahl",
                "bevoelkerung.csv:204:1: error: doppelter Eintrag für Gebiet S01, w, Alter 0: Zeilen 2 und 204",
            ])
        #expect(r.wert?[gebiet: 0, geschlecht: .m, alter: 1] == 1001)
    }

    @Test func leereSpaltenAmEndeWerdenIgnoriert() {
        // Spreadsheets leave `;;` behind: unnamed columns without values are fine, with a value they are not.
        let gut = ["gebiet;geschlecht;alter;anzahl;;"] + bevZeilen("", "S01").map { $0 + ";;" }
        #expect(meldungen(Datendateien.bevoelkerung(bytes: text(gut), datei: "b.csv")) == [])
        var schlecht = gut
        schlecht[2] += "x"  // line 3, column 6
        #expect(
            meldungen(Datendateien.bevoelkerung(bytes: text(schlecht), datei: "b.csv")) == [
                "b.csv:1:6: error: Spalte 6 hat keine Überschrift, enthält aber Werte (z. B. Zeile 3), erwartet gebiet;geschlecht;alter;anzahl"
            ])
    }

    @Test func csvFehlerWerdenZuDiagnosen() {
        let bytes = Array("gebiet;geschlecht;alter;anzahl\nK".utf8) + [0xF6] + Array("ln;w;0;1\n".utf8)
        let r = Datendateien.bevoelkerung(bytes: bytes, datei: "bevoelkerung.csv")
        #expect(
            meldungen(r) == [
                "bevoelkerung.csv:2:1: error: \(Kodierung.windows1252) (erstes solches Zeichen: 'ö' = Byte 0xF6 an "
                    + "Byteposition 2 der Zeile 2, Spalte 1)"
            ])
        #expect(r.wert == nil)
    }

    // MARK: bevoelkerung_historie.csv

    @Test func historie() throws {
        // 2023: lines 2–203 complete; 2024: lines 204–404 without m 100; 405 duplicate; 406 bad year.
        let zeilen =
            ["jahr;gebiet;geschlecht;alter;anzahl"]
            + bevZeilen("2023;", "gesamt") + bevZeilen("2024;", "gesamt", ohne: ["m 100"])
            + ["2024;gesamt;w;0;5", "20x4;gesamt;w;1;5"]
        let r = Datendateien.bevoelkerungHistorie(bytes: text(zeilen), datei: "bevoelkerung_historie.csv")
        #expect(
            meldungen(r) == [
                "bevoelkerung_historie.csv:405:1: error: doppelter Eintrag für Jahr 2024, Gebiet gesamt, w, Alter 0: Zeilen 204 und 405",
                "bevoelkerung_historie.csv:406:1: error: Jahr '20x4' ist keine ganze Zahl",
                "bevoelkerung_historie.csv:405: error: Jahr 2024, Gebiet gesamt: es fehlt m 100",
            ])
        let h = try #require(r.wert)
        #expect(Set(h.jahre.keys) == [2023, 2024])
        #expect(h.jahre[2023]?[gebiet: 0, geschlecht: .m, alter: 100] == 1100)
        #expect(h.jahre[2024]?[gebiet: 0, geschlecht: .w, alter: 0] == 1)
    }

    // MARK: vorausberechnung.csv

    @Test func vorausberechnung() throws {
        // mittel 2030: lines 2–203; hoch 2030: only w, lines 204–304; 305: empty variante.
        let zeilen =
            ["variante;jahr;gebiet;geschlecht;alter;anzahl"]
            + bevZeilen("mittel;2030;", "gesamt")
            + bevZeilen("hoch;2030;", "gesamt", ohne: Set((0...100).map { "m \($0)" }))
            + [";2030;gesamt;w;0;1"]
        let r = Datendateien.vorausberechnung(bytes: text(zeilen), datei: "vorausberechnung.csv")
        #expect(
            meldungen(r) == [
                "vorausberechnung.csv:305:1: error: leeres Feld 'variante', erwartet eine Variante",
                "vorausberechnung.csv:304: error: Variante hoch, Jahr 2030, Gebiet gesamt: es fehlen m 0–100",
            ])
        let v = try #require(r.wert)
        #expect(Set(v.varianten.keys) == ["mittel", "hoch"])
        #expect(v.varianten["mittel"]?[2030]?[gebiet: 0, geschlecht: .w, alter: 50] == 51)
        #expect(v.varianten["hoch"]?[2030]?[gebiet: 0, geschlecht: .m, alter: 50] == 0)
    }

    @Test func vorausberechnungDuplikatProVarianteUndJahr() {
        // The same cell in two years is no duplicate; in the same year it is (line 2 and line 405).
        let zeilen =
            ["variante;jahr;gebiet;geschlecht;alter;anzahl"]
            + bevZeilen("mittel;2030;", "S1") + bevZeilen("mittel;2031;", "S1") + ["mittel;2030;S1;m;7;1"]
        let r = Datendateien.vorausberechnung(bytes: text(zeilen), datei: "v.csv")
        #expect(
            meldungen(r) == [
                "v.csv:406:1: error: doppelter Eintrag für Variante mittel, Jahr 2030, Gebiet S1, m, Alter 7: Zeilen 110 und 406"
            ])
    }

    // MARK: ist.csv

    @Test func istMitFehlern() throws {
        let zeilen = [
            "jahr;produkt;groesse;wert",
            "2024;36.3.05;faelle;12,5",  // 2
            "2024;36.3.05;transferaufwendungen;1.234.567,89",  // 3
            "2024;36.3.05;faelle;13",  // 4 duplicate of 2
            "2025;36.3.05;faelle;-3",  // 5 negative cases
            "2025;36.3.05;kostenerstattungen;-100",  // 6 negative amount: allowed
            "2024,5;36.3.05;faelle;1",  // 7
            "2025;36.3.05;personalaufwendungen;12x",  // 8
            "2025;;faelle;1",  // 9
        ]
        let r = Datendateien.ist(bytes: text(zeilen), datei: "ist.csv")
        #expect(
            meldungen(r) == [
                "ist.csv:4:1: error: doppelter Eintrag für Jahr 2024, Produkt 36.3.05, Größe faelle: Zeilen 2 und 4",
                "ist.csv:5:4: error: negative Fallzahl -3, erwartet eine Zahl ≥ 0",
                "ist.csv:7:1: error: Jahr '2024,5' ist keine ganze Zahl",
                "ist.csv:8:4: error: Wert '12x' ist keine Zahl",
                "ist.csv:9:2: error: leeres Feld 'produkt', erwartet ein Produkt",
            ])
        let ist = try #require(r.wert)
        #expect(ist.wert(2024, "36.3.05", "faelle") == 12.5)
        #expect(ist.wert(2024, "36.3.05", "transferaufwendungen") == 1_234_567.89)
        #expect(ist.wert(2025, "36.3.05", "kostenerstattungen") == -100)
        #expect(
            ist.orte[IstSchluessel(jahr: 2024, produkt: "36.3.05", groesse: "transferaufwendungen")]
                == SourceLocation(file: "ist.csv", line: 3))
        #expect(ist.jahre == [2024, 2025])
    }

    @Test func istMitKommaUndAnfuehrungszeichen() throws {
        let r = Datendateien.ist(
            bytes: text([
                "Jahr,Produkt,Groesse,Wert", "2024,\"36.3.05\",faelle,\"1,234.5\"",
                " 2024 , 31.2.01 , transferaufwendungen , 99 ",
            ]),
            datei: "ist.csv")
        #expect(meldungen(r) == [])
        #expect(r.wert?.wert(2024, "36.3.05", "faelle") == 1234.5)
        #expect(r.wert?.wert(2024, "31.2.01", "transferaufwendungen") == 99)
    }

    // MARK: sterbetafel.csv

    private static func qx(_ a: Int) -> String { a == 100 ? "1" : "0,\(a < 10 ? "0" : "")\(a)" }

    @Test func sterbetafelVollstaendig() throws {
        var zeilen = ["geschlecht;alter;qx"]
        for s in ["w", "m"] { for a in 0...100 { zeilen.append("\(s);\(a);\(Self.qx(a))") } }
        let r = Datendateien.sterbetafel(bytes: text(zeilen), datei: "sterbetafel.csv")
        #expect(meldungen(r) == [])
        let t = try #require(r.wert)
        #expect(t.qx[0][5] == 0.05)
        #expect(t.qx[1][50] == 0.5)
        #expect(t.qx[1][100] == 1)
    }

    @Test func sterbetafelFehler() {
        // Lines 2–101: w 0..99; 102–197: m 5..100; 198–201 faulty.
        var zeilen = ["geschlecht;alter;qx"]
        for a in 0...99 { zeilen.append("w;\(a);\(Self.qx(a))") }
        for a in 5...100 { zeilen.append("m;\(a);\(Self.qx(a))") }
        zeilen += ["m;4;1,2", "w;3;0,5", "w;abc;0,1", "w;5;-0,1"]
        let r = Datendateien.sterbetafel(bytes: text(zeilen), datei: "sterbetafel.csv")
        #expect(
            meldungen(r) == [
                "sterbetafel.csv:198:3: error: qx 1,2 liegt außerhalb von 0..1",
                "sterbetafel.csv:199:1: error: doppelter Eintrag für w, Alter 3: Zeilen 5 und 199",
                "sterbetafel.csv:200:2: error: Alter 'abc' ist keine ganze Zahl, erwartet 0..100",
                "sterbetafel.csv:201:3: error: qx -0,1 liegt außerhalb von 0..1",
                "sterbetafel.csv:201:1: error: doppelter Eintrag für w, Alter 5: Zeilen 7 und 201",
                "sterbetafel.csv: error: Sterbetafel unvollständig: es fehlen w 100, m 0–3",
            ])
    }

    // MARK: fruchtbarkeit.csv

    @Test func fruchtbarkeitVollstaendig() throws {
        let zeilen = ["alter;rate"] + (15...49).map { "\($0);0,04" }
        let r = Datendateien.fruchtbarkeit(bytes: text(zeilen), datei: "fruchtbarkeit.csv")
        #expect(meldungen(r) == [])
        let f = try #require(r.wert)
        #expect(f.raten.count == 35)
        #expect(f.raten[0] == 0.04)
        #expect(abs(f.summe - 1.4) < 1e-12)
    }

    @Test func fruchtbarkeitFehler() {
        // Lines 2–6: 15..19; 7–15: 21..29; 16–32: 33..49; 33–36 faulty.
        let zeilen =
            ["alter;rate"] + [Int](15...49).filter { ![20, 30, 31, 32].contains($0) }.map { "\($0);0,04" }
            + ["50;0,01", "14;0", "16;0,1", "30;-0,1"]
        let r = Datendateien.fruchtbarkeit(bytes: text(zeilen), datei: "fruchtbarkeit.csv")
        #expect(
            meldungen(r) == [
                "fruchtbarkeit.csv:33:1: error: Alter 50 liegt außerhalb von 15..49",
                "fruchtbarkeit.csv:34:1: error: Alter 14 liegt außerhalb von 15..49",
                "fruchtbarkeit.csv:35:1: error: doppelter Eintrag für Alter 16: Zeilen 3 und 35",
                "fruchtbarkeit.csv:36:2: error: negative Rate -0,1, erwartet eine Zahl ≥ 0",
                "fruchtbarkeit.csv: error: Fruchtbarkeit unvollständig: es fehlen Alter 20, 31–32",
            ])
    }

    // MARK: wanderung.csv

    @Test func wanderungSummeFalsch() {
        let r = Datendateien.wanderung(
            bytes: text(["geschlecht;alter;anteil", "w;20;0,5", "m;20;0,6", "m;70;-0,15"]),
            datei: "wanderung.csv")
        #expect(
            meldungen(r) == ["wanderung.csv: error: Die Anteile summieren sich zu 0,95 statt zu 1 (erlaubt ±0,001)"])
        let r2 = Datendateien.wanderung(
            bytes: text(["geschlecht;alter;anteil", "w;20;0,5", "m;20;0,502"]),
            datei: "wanderung.csv")
        #expect(
            meldungen(r2) == ["wanderung.csv: error: Die Anteile summieren sich zu 1,002 statt zu 1 (erlaubt ±0,001)"])
    }

    @Test func wanderungNegativeAnteileUndFehlendeZellen() throws {
        // 0.5 + 0.6 − 0.0995 = 1.0005: within ±0.001.
        let r = Datendateien.wanderung(
            bytes: text(["geschlecht;alter;anteil", "w;20;0,5", "m;20;0,6", "m;70;-0,0995"]),
            datei: "wanderung.csv")
        #expect(meldungen(r) == [])
        let w = try #require(r.wert)
        #expect(w.anteile[1][70] == -0.0995)
        #expect(w.anteile[0][0] == 0)
        #expect(w.anteile[0][20] == 0.5)
    }

    @Test func wanderungDuplikatUndKeineZahl() {
        let r = Datendateien.wanderung(
            bytes: text(["geschlecht;alter;anteil", "w;20;1", "w;20;0,1", "m;3;viel"]),
            datei: "wanderung.csv")
        #expect(
            meldungen(r) == [
                "wanderung.csv:3:1: error: doppelter Eintrag für w, Alter 20: Zeilen 2 und 3",
                "wanderung.csv:4:3: error: Anteil 'viel' ist keine Zahl",
            ])
    }

    // MARK: ansatz.csv

    @Test func ansatz() throws {
        let r = Datendateien.ansatz(
            bytes: text([
                "produkt;groesse;wert", "36.3.05;transferaufwendungen;1.000.000",
                "36.3.05;transferaufwendungen;5", "36.3.05;faelle;12",
            ]),
            datei: "ansatz.csv", standardjahr: 2026)
        #expect(
            meldungen(r) == [
                "ansatz.csv:3:1: error: doppelter Eintrag für Produkt 36.3.05, Größe transferaufwendungen: Zeilen 2 und 3"
            ])
        let a = try #require(r.wert)
        #expect(a.jahre == [2026])
        #expect(a.wert(2026, "36.3.05", "transferaufwendungen") == 1_000_000)
        #expect(a.wert(2026, "36.3.05", "faelle") == 12)
    }

    /// A Doppelhaushalt: `jahr` as a column (anywhere), the same product and line in two years.
    @Test func ansatzMitJahren() throws {
        let r = Datendateien.ansatz(
            bytes: text([
                "produkt;jahr;groesse;wert", "36.3.05;2026;transferaufwendungen;1.000",
                "36.3.05;2027;transferaufwendungen;1.100,50", "36.3.05;2027;transferaufwendungen;9",
                "36.3.05;zwei;personalaufwendungen;1",
            ]),
            datei: "ansatz.csv", standardjahr: 2026)
        #expect(
            meldungen(r) == [
                "ansatz.csv:2:4: warning: '1.000' als 1000 gelesen: die Datei schreibt Dezimalkommas, der Punkt ist hier "
                    + "Tausendertrenner – eindeutig wäre 1000,00 oder ohne Punkt",
                "ansatz.csv:4:1: error: doppelter Eintrag für Jahr 2027, Produkt 36.3.05, Größe transferaufwendungen: Zeilen 3 und 4",
                "ansatz.csv:5:2: error: Jahr 'zwei' ist keine ganze Zahl",
            ])
        let a = try #require(r.wert)
        #expect(a.jahre == [2026, 2027])
        #expect(a.wert(2027, "36.3.05", "transferaufwendungen") == 1_100.5)
        #expect(a.orte[IstSchluessel(jahr: 2027, produkt: "36.3.05", groesse: "transferaufwendungen")]?.line == 3)
    }

    @Test func planungUndSondereffekte() throws {
        let r = Datendateien.jahreswerte(
            bytes: text([
                "jahr;produkt;groesse;wert", "2026;31.1.01;personalaufwendungen;50000",
                "2027;31.1.01;personalaufwendungen;51000",
            ]), datei: "planung.csv")
        #expect(meldungen(r) == [])
        let p = try #require(r.wert)
        #expect(
            p.zeilen(produkte: ["31.1.01", "fehlt"], jahr: 2027, ["personalaufwendungen", "x"])
                == ["personalaufwendungen": 51_000, "x": 0])
        let ohneJahr = Datendateien.jahreswerte(
            bytes: text(["produkt;groesse;wert", "31.1.01;personalaufwendungen;1"]),
            datei: "sondereffekte.csv")
        #expect(
            meldungen(ohneJahr) == [
                "sondereffekte.csv:1: error: Spalte 'jahr' fehlt, erwartet jahr;produkt;groesse;wert (gefunden: produkt;groesse;wert)"
            ])
        #expect(ohneJahr.wert == nil)
    }

    /// Random and mutated bytes through the three plan-data readers: never a crash, every message names the file.
    @Test func plandatenZufallseingaben() {
        var rng = SplitMix64(seed: 15)
        let vorlage = Array("jahr;produkt;groesse;wert\n2026;36.3.05;transferaufwendungen;1.000,5\n".utf8)
        for i in 0..<600 {
            var b = i % 3 == 0 ? (0..<Int(rng.next() % 80)).map { _ in UInt8(truncatingIfNeeded: rng.next()) } : vorlage
            if i % 3 != 0 { b = YAMLFuzzTests.mutiere(b, &rng) }
            for r in [
                Datendateien.ansatz(bytes: b, datei: "x.csv", standardjahr: 2026),
                Datendateien.jahreswerte(bytes: b, datei: "x.csv"),
            ] {
                #expect(r.diagnostics.allSatisfy { $0.location?.file == "x.csv" })
                if !r.hatFehler, let w = r.wert { #expect(w.schluessel.count == w.orte.count) }
            }
            // Read ahead of modell.yaml (with or without a `jahr` column): the same values and messages.
            let ohneJahr = i % 2 == 0 ? b : Array(b.drop { $0 != 0x3B }.dropFirst())
            for jahr in [2026, 2031] {
                Self.gleicherAnsatz(
                    Datendateien.ansatzVorab(bytes: ohneJahr, datei: "x.csv").ergebnis(standardjahr: jahr),
                    Datendateien.ansatz(bytes: ohneJahr, datei: "x.csv", standardjahr: jahr))
            }
        }
    }

    static func gleicherAnsatz(_ a: Leseergebnis<Ansatz>, _ b: Leseergebnis<Ansatz>) {
        #expect(a.diagnostics == b.diagnostics)
        #expect(a.wert?.werte == b.wert?.werte)
        #expect(a.wert?.orte == b.wert?.orte)
        #expect(a.wert?.spalten == b.wert?.spalten)
    }

    /// The shipped models' `ansatz.csv`, read ahead of modell.yaml and read with the Basisjahr known: equal, with
    /// and without the `jahr` column (dropped here, so that the rows stand for the year given).
    @Test func ansatzVorabWieNachModell() throws {
        let wurzel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios")
        for modell in ["musterstadt", "musterstadt-eckwertestand"] {
            let b = Array(try Data(contentsOf: wurzel.appendingPathComponent("\(modell)/ansatz.csv")))
            let mit = Datendateien.ansatzVorab(bytes: b, datei: "ansatz.csv")
            guard case .gelesen(let r) = mit else {
                Issue.record("\(modell): ansatz.csv hat eine Spalte jahr")
                continue
            }
            #expect((r.wert?.schluessel.count ?? 0) > 10)
            Self.gleicherAnsatz(r, Datendateien.ansatz(bytes: b, datei: "ansatz.csv", standardjahr: 1900))
            // Without `jahr`: every line loses its first field; the rows are then the year given.
            let zeilen = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let ohne = Array(zeilen.map { $0.drop { $0 != ";" }.dropFirst() }.joined(separator: "\n").utf8)
            let v = Datendateien.ansatzVorab(bytes: ohne, datei: "ansatz.csv")
            guard case .ohneJahr = v else {
                Issue.record("\(modell): ohne jahr nicht als Tabelle vorgelesen")
                continue
            }
            let spaet = v.ergebnis(standardjahr: 2031)
            Self.gleicherAnsatz(spaet, Datendateien.ansatz(bytes: ohne, datei: "ansatz.csv", standardjahr: 2031))
            #expect(spaet.wert?.jahre == [2031])
        }
    }

    // MARK: Helpers

    @Test func hilfsfunktionen() {
        #expect(Aehnlichkeit.abstand(Array("anzahl"), Array("anzahll")) == 1)
        #expect(Aehnlichkeit.abstand(Array("kitten"), Array("sitting")) == 3)
        #expect(Aehnlichkeit.abstand(Array(""), Array("abc")) == 3)
        #expect(Datendateien.bereiche([0, 1, 2, 4, 7, 8]) == "0–2, 4, 7–8")
        #expect(Datendateien.deutsch(0.9500000000000001) == "0,95")
        #expect(Datendateien.deutsch(-1234.5) == "-1234,5")
    }
}

@Suite struct DatendateienTestsRobustheit {
    /// A hand-built table with a short row must not crash the readers; the row's cells read as empty.
    @Test func kurzeZeileInHandgebauterTabelle() {
        let t = CSVTabelle(file: "f.csv", header: ["alter", "rate"], rows: [CSVZeile(line: 2, fields: ["15"])])
        let r = Datendateien.fruchtbarkeit(t)
        #expect(r.diagnostics.first?.description == "f.csv:2:2: error: leeres Feld 'rate', erwartet eine Zahl ≥ 0")
    }

    @Test func geschuetzteLeerzeichenWerdenEntfernt() {
        #expect(CSV.trimmed("\u{00A0}S01\u{00A0}") == "S01")
        #expect(CSV.trimmed(" Köln ") == "Köln")
        #expect(CSV.trimmed("Köln") == "Köln")
        #expect(CSV.normalisiert(" GEBIET\t") == "gebiet")
    }
}
