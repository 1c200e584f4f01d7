import Foundation
import Testing
@testable import EckwertCore

/// Bad input as real exports bring it: Windows-1252 files, thousands dots, commas in YAML flow maps, SAP signs,
/// many findings, Ansatz rows. Built on the starter model (`LaderaufbauTests.vorlage`).
@Suite struct LaderEingabeTests {
    typealias V = LaderaufbauTests

    static func ist(_ text: String) -> Leseergebnis<IstDaten> {
        Datendateien.ist(bytes: Array(text.utf8), datei: "ist.csv")
    }

    @Test func tausenderpunktInDateiMitDezimalkomma() throws {
        let r = Self.ist(
            "jahr;produkt;groesse;wert\n2025;1.1.01;personalaufwendungen;1.500\n2025;1.1.01;transferaufwendungen;2,5\n")
        let k = IstSchluessel(jahr: 2025, produkt: "1.1.01", groesse: "personalaufwendungen")
        #expect(r.wert?.werte[k] == 1500)
        #expect(
            r.diagnostics.map(\.description) == [
                "ist.csv:2:4: warning: '1.500' als 1500 gelesen: die Datei schreibt "
                    + "Dezimalkommas, der Punkt ist hier Tausendertrenner – eindeutig wäre 1500,00 oder ohne Punkt"
            ])
    }

    @Test func tausenderpunktInDateiMitDezimalpunkt() throws {
        let r = Self.ist(
            "jahr;produkt;groesse;wert\n2025;1.1.01;personalaufwendungen;1.500\n2025;1.1.01;transferaufwendungen;2.25\n"
        )
        #expect(r.wert?.werte[IstSchluessel(jahr: 2025, produkt: "1.1.01", groesse: "personalaufwendungen")] == 1.5)
        #expect(r.diagnostics.isEmpty)
    }

    @Test func tausenderpunktOhneHinweisDerDateiNieStillschweigend() throws {
        let r = Self.ist(
            "jahr;produkt;groesse;wert\n2025;1.1.01;personalaufwendungen;1.500\n2025;1.1.01;transferaufwendungen;7\n")
        #expect(r.wert?.werte[IstSchluessel(jahr: 2025, produkt: "1.1.01", groesse: "personalaufwendungen")] == 1.5)
        #expect(r.diagnostics.map(\.severity) == [.warning])
        #expect(r.diagnostics.first?.message.hasPrefix("'1.500' als 1,5 gelesen (Dezimalpunkt) – mehrdeutig") == true)
    }

    @Test func mehrdeutigerPunktNurDreiNachkommastellen() {
        #expect(Leser.mehrdeutigerPunkt("1.500"))
        #expect(Leser.mehrdeutigerPunkt("-12.345"))
        #expect(!Leser.mehrdeutigerPunkt("0.003"))  // a lone 0 is never a thousands group
        #expect(!Leser.mehrdeutigerPunkt("1.5"))
        #expect(!Leser.mehrdeutigerPunkt("1234.500"))
        #expect(!Leser.mehrdeutigerPunkt("1.234.567"))
    }

    @Test func windows1252CSV() throws {
        // "# Beträge in €" in Windows-1252: ä = 0xE4 (byte 11 of line 2), € = 0x80.
        var b = Array("jahr;produkt;groesse;wert\n# Betr".utf8) + [0xE4] + Array("ge in ".utf8) + [0x80] + [0x0A]
        b += Array("2025;36.3.01;faelle;100\n".utf8)
        #expect(Kodierung.istWindows1252(b))
        let r = Datendateien.ist(bytes: b, datei: "ist.csv")
        #expect(
            r.diagnostics.map(\.description) == [
                "ist.csv:2: error: Datei ist Windows-1252 kodiert (typisch für Exporte aus SAP/H&H/Infoma) – bitte als "
                    + "UTF-8 speichern oder mit `eckwert import` einlesen (erstes solches Zeichen: 'ä' = Byte 0xE4 an "
                    + "Byteposition 7 der Zeile 2)"
            ])
    }

    @Test func windows1252YAML() throws {
        var d = V.vorlage()
        let text = try #require(String(bytes: d["modell.yaml"] ?? [], encoding: .utf8))
        // Line 3 is the kommune; ö written as the single byte 0xF6.
        d["modell.yaml"] = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
            .map { i, z in i == 2 ? Array("kommune: K".utf8) + [0xF6] + Array("ln".utf8) : Array(z) }
            .joined(separator: [0x0A]).map { $0 }
        let r = ModellLader.laden(name: "x", dateien: d)
        #expect(
            V.meldungen(r) == ["modell.yaml:3: error: \(Kodierung.windows1252) (erstes solches Zeichen in Zeile 3)"])
    }

    @Test func keinWindows1252() {
        #expect(!Kodierung.istWindows1252(Array("ä ok".utf8)))  // valid UTF-8
        #expect(!Kodierung.istWindows1252([0x41, 0x81, 0x42]))  // 0x81 is unassigned in Windows-1252
        #expect(!Kodierung.istWindows1252([0xFF, 0xFE, 0x41, 0x00]))  // UTF-16
    }

    @Test func kommaImTextEinesFlowAbschnitts() {
        let r = ModellLader.laden(
            name: "x",
            dateien: V.vorlage(
                "modell.yaml", "{nr: \"36\", name: \"Kinder-, Jugend- und Familienhilfe\"}",
                "{nr: \"36\", name: Kinder-, Jugend- und Familienhilfe}"))
        #expect(V.meldungen(r).count == 1)
        #expect(
            V.meldungen(r).first?.contains(
                "error: produktbereiche: das Komma nach 'name: Kinder-' beendet in {…} den "
                    + "Eintrag, der Rest 'Jugend- und Familienhilfe' wird zu einem Schlüssel – Text mit Komma in "
                    + "Anführungszeichen setzen: name: \"Kinder-, Jugend- und Familienhilfe\"") == true)
        #expect(!V.meldungen(r).contains { $0.contains("unbekannter Schlüssel") })
    }

    @Test func zaehlungVollstaendigTrotzKuerzung() {
        let dup = String(repeating: "2025;36.3.01;faelle;100\n", count: 60)
        let r = ModellLader.laden(
            name: "x",
            dateien: V.vorlage(
                "ist.csv", "2025;36.3.01;faelle;100\n",
                "2025;36.3.01;faelle;100\n" + dup))
        #expect(r.anzahlFehler == 60)
        #expect(r.diagnostics.count == 51)  // 50 listed and one closing line for ist.csv
        #expect(
            r.diagnostics.last?.message
                == "… und 10 weitere Befunde in dieser Datei (nur die ersten 50 sind aufgeführt)")
    }

    @Test func ansatzMitZeileUndSpalte() {
        var d = V.vorlage()
        d["ansatz.csv"] = Array(
            "produkt;groesse;wert\n36.3.01;transferaufwendungen;1\n36.3.09;transferaufwendungen;2\n36.2.01;ordentliche_aufwendungen;3\n"
                .utf8)
        let r = ModellLader.laden(name: "x", dateien: d)
        #expect(
            V.meldungen(r) == [
                "ansatz.csv:3:1: error: Produkt '36.3.09' gibt es in modell.yaml nicht – meinten Sie '36.3.01'?",
                "ansatz.csv:4:2: error: Größe 'ordentliche_aufwendungen' ist eine Summenzeile – sie wird berechnet und darf "
                    + "nicht im Ansatz stehen",
            ])
    }

    @Test func sapVorzeichenWarnungJeProduktbereich() {
        // The starter model's Basisjahr 2025 has four Aufwand values in Produktbereich 36; all made negative.
        var d = V.vorlage()
        let ist =
            String(decoding: d["ist.csv"] ?? [], as: UTF8.self).split(separator: "\n").map { z -> String in
                let f = z.split(separator: ";", omittingEmptySubsequences: false)
                guard f.count == 4, f[0] == "2025",
                    f[2].hasSuffix("aufwendungen") || f[2] == "aufwendungen_sach_dienstleistungen"
                else { return String(z) }
                return "\(f[0]);\(f[1]);\(f[2]);-\(f[3])"
            }.joined(separator: "\n") + "\n"
        d["ist.csv"] = Array(ist.utf8)
        let r = ModellLader.laden(name: "x", dateien: d)
        let w = V.meldungen(r).filter { $0.contains("Produktbereich 36") }
        #expect(w.count == 1)
        #expect(
            w.first?.hasPrefix(
                "ist.csv:8:4: warning: Produktbereich 36 Kinder-, Jugend- und Familienhilfe: alle 4 "
                    + "Aufwandswerte des Basisjahres 2025 sind negativ") == true)
    }

    /// Random and mutated bytes through the encoding check and the number rule: no crash.
    @Test func fuzzKodierungUndZahl() {
        var rng = SystemRandomNumberGenerator()
        let basis = Array("jahr;produkt;groesse;wert\n2025;1.1.01;faelle;1.500\n2025;1;x;2,5\n".utf8)
        for _ in 0..<3000 {
            var b = basis
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                b[Int.random(in: 0..<b.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            _ = Kodierung.istWindows1252(b)
            _ = Datendateien.ist(bytes: b, datei: "ist.csv")
            _ = Leser.mehrdeutigerPunkt(String(decoding: b.prefix(8), as: UTF8.self))
        }
    }
}
