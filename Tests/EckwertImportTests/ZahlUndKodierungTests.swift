import Foundation
import Testing
@testable import EckwertImport

@Suite struct ZahlUndKodierungTests {
    @Test func deutschesZahlenformat() {
        func h(_ s: String) -> Int? { try? ImportZahl.hundertstel(s, .deutsch).get() }
        #expect(h("1.500") == 150_000)  // one thousand five hundred, never 1.5
        #expect(h("1.234.567,89") == 123_456_789)
        #expect(h("-1.234,5") == -123_450)
        #expect(h("1.234,56-") == -123_456)  // SAP: minus behind
        #expect(h("0,07") == 7)
        #expect(h(",5") == 50)
        #expect(h("12,3400") == 1234)  // trailing zeros beyond the cent are fine
        #expect(h(" 42 ") == 4200)
        #expect(ImportZahl.hundertstel("1.5", .deutsch) == .failure(.tausenderGruppen(.deutsch)))
        #expect(ImportZahl.hundertstel("1,234", .deutsch) == .failure(.zuVieleNachkommastellen))
        #expect(ImportZahl.hundertstel("1,2,3", .deutsch) == .failure(.mehrereDezimaltrenner))
        #expect(ImportZahl.hundertstel("1,23.4", .deutsch) == .failure(.tausenderNachKomma))
        #expect(ImportZahl.hundertstel("12 €", .deutsch) == .failure(.keineZahl))
        #expect(ImportZahl.hundertstel("", .deutsch) == .failure(.leer))
        #expect(ImportZahl.hundertstel("-", .deutsch) == .failure(.keineZahl))
    }

    @Test func englischesZahlenformat() {
        func h(_ s: String) -> Int? { try? ImportZahl.hundertstel(s, .englisch).get() }
        #expect(h("1,234.56") == 123_456)
        #expect(h("1.5") == 150)
        #expect(h("1,500") == 150_000)
        #expect(ImportZahl.hundertstel("1.234,56", .englisch) == .failure(.tausenderNachKomma))
    }

    @Test func anzahlen() throws {
        #expect(try ImportZahl.anzahl("3.081", .deutsch).get() == 3081)
        #expect(ImportZahl.anzahl("3,5", .deutsch) == .failure(.keineGanzeZahl))
        #expect(ImportZahl.anzahl("-3", .deutsch) == .failure(.negativ))
    }

    @Test func anzeigeUndCSV() {
        #expect(ImportZahl.anzeige(-123_456_789) == "-1.234.567,89")
        #expect(ImportZahl.anzeige(5) == "0,05")
        #expect(ImportZahl.csvText(300_075) == "3000,75")
        #expect(ImportZahl.csvText(300_000) == "3000")
        #expect(ImportZahl.csvText(-7) == "-0,07")
    }

    @Test func kodierungErkennen() throws {
        let utf8 = Array("Straße;Ä\n".utf8)
        let a = try Kodierung.dekodieren(utf8, angegeben: nil, datei: "x").get()
        #expect(a.kodierung == .utf8 && !a.mitBOM && a.erkannt && a.utf8 == utf8)
        let b = try Kodierung.dekodieren([0xEF, 0xBB, 0xBF] + utf8, angegeben: nil, datei: "x").get()
        #expect(b.kodierung == .utf8 && b.mitBOM && b.utf8 == utf8)
        // Windows-1252: ß = DF, Ä = C4, € = 80, „ = 84.
        let c = try Kodierung.dekodieren(
            [0x53, 0x74, 0x72, 0x61, 0xDF, 0x65, 0x3B, 0xC4, 0x80, 0x84],
            angegeben: nil, datei: "x"
        ).get()
        #expect(c.kodierung == .windows1252 && c.erkannt)
        #expect(String(decoding: c.utf8, as: UTF8.self) == "Straße;Ä€„")
        #expect(c.beschreibung == "Windows-1252 (erkannt)")
        let l = try Kodierung.dekodieren([0x80, 0xC4], angegeben: .latin1, datei: "x").get()
        #expect(String(decoding: l.utf8, as: UTF8.self) == "\u{80}Ä")
    }

    @Test func falscheKodierungMitOrt() {
        let bytes: [UInt8] = Array("a;b\nc;".utf8) + [0xE4] + Array("d\n".utf8)
        guard case .failure(let e) = Kodierung.dekodieren(bytes, angegeben: .utf8, datei: "x.csv") else {
            Issue.record("Windows-1252-Byte in einer als UTF-8 angegebenen Datei nicht gemeldet")
            return
        }
        #expect(e.diagnostics.first?.location == EckwertCore.SourceLocation(file: "x.csv", line: 2, column: 3))
        #expect(e.description.contains("windows-1252"))
        guard case .failure(let u) = Kodierung.dekodieren([0xFF, 0xFE, 0x41, 0], angegeben: nil, datei: "y") else {
            Issue.record("UTF-16 nicht gemeldet")
            return
        }
        #expect(u.description.contains("UTF-16"))
    }
}

import EckwertCore
