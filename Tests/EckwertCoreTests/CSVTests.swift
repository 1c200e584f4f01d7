import Foundation
import Testing
@testable import EckwertCore

private func b(_ s: String) -> [UInt8] { Array(s.utf8) }

/// Parses or records the thrown diagnostics as `file:line:col: error: message`.
private enum Gelesen {
    case success(CSVTabelle)
    case failure([String])
}

private func lies(_ bytes: [UInt8], _ datei: String = "test.csv") -> Gelesen {
    do {
        return .success(try CSV.lesen(bytes, datei: datei))
    } catch {
        return .failure(error.diagnostics.map(\.description))
    }
}

private func tabelle(_ bytes: [UInt8]) throws -> CSVTabelle {
    try CSV.lesen(bytes, datei: "test.csv")
}

private func fehler(_ bytes: [UInt8]) -> [String] {
    if case .failure(let f) = lies(bytes) { return f }
    return []
}

@Suite struct CSVTests {
    @Test func semikolonMitDezimalkomma() throws {
        let t = try tabelle(b("gebiet;geschlecht;alter;anzahl\nS01;w;0;1.234,5\nS01;m;1;17\n"))
        #expect(t.separator == ";")
        #expect(t.header == ["gebiet", "geschlecht", "alter", "anzahl"])
        #expect(t.headerLine == 1)
        #expect(
            t.rows == [
                CSVZeile(line: 2, fields: ["S01", "w", "0", "1.234,5"]),
                CSVZeile(line: 3, fields: ["S01", "m", "1", "17"]),
            ])
        #expect(Zahl.parse(t.rows[0].fields[3]) == 1234.5)
    }

    @Test func kommaMitDezimalpunkt() throws {
        let t = try tabelle(b("jahr,produkt,groesse,wert\n2024,36.3.05,faelle,1234.5\n"))
        #expect(t.separator == ",")
        #expect(t.rows == [CSVZeile(line: 2, fields: ["2024", "36.3.05", "faelle", "1234.5"])])
        #expect(Zahl.parse(t.rows[0].fields[3]) == 1234.5)
    }

    @Test func tabulator() throws {
        let t = try tabelle(b("alter\trate\n15\t0,002\n16\t0,004\n"))
        #expect(t.separator == "\t")
        #expect(t.rows.map(\.fields) == [["15", "0,002"], ["16", "0,004"]])
        #expect(t.rows.map(\.line) == [2, 3])
    }

    @Test func byteOrderMark() throws {
        let t = try tabelle([0xEF, 0xBB, 0xBF] + b("Jahr;Wert\n2025;1\n"))
        #expect(t.header == ["Jahr", "Wert"])
        #expect(t.spalte("jahr") == 0)
        #expect(t.rows == [CSVZeile(line: 2, fields: ["2025", "1"])])
    }

    @Test func crlfUndLeerzeilen() throws {
        let t = try tabelle(b("a;b\r\n1;2\r\n\r\n3;4\r\n"))
        #expect(t.rows == [CSVZeile(line: 2, fields: ["1", "2"]), CSVZeile(line: 4, fields: ["3", "4"])])
    }

    @Test func einzelnesCRUndKeinZeilenendeAmSchluss() throws {
        let t = try tabelle(b("a;b\r1;2\r3;4"))
        #expect(t.rows == [CSVZeile(line: 2, fields: ["1", "2"]), CSVZeile(line: 3, fields: ["3", "4"])])
    }

    @Test func gemischteZeilenenden() throws {
        let t = try tabelle(b("a;b\n1;2\r\n3;4\r5;6\n"))
        #expect(t.rows.map(\.line) == [2, 3, 4])
        #expect(t.rows.map(\.fields) == [["1", "2"], ["3", "4"], ["5", "6"]])
    }

    @Test func quotierteFelderMitSeparatorAnfuehrungszeichenUndZeilenumbruch() throws {
        let text =
            "name;text;n\n"
            + "1;\"a;b \"\"q\"\"\nzweite Zeile\";5\n"  // lines 2–3
            + "2;\"x\r\ny\r\nz\";6\r\n"  // lines 4–6, CRLF inside
            + "3;\"\";7\n"  // line 7
        let t = try tabelle(b(text))
        #expect(
            t.rows == [
                CSVZeile(line: 2, fields: ["1", "a;b \"q\"\nzweite Zeile", "5"]),
                CSVZeile(line: 4, fields: ["2", "x\ny\nz", "6"]),
                CSVZeile(line: 7, fields: ["3", "", "7"]),
            ])
    }

    @Test func textNachSchliessendemAnfuehrungszeichenUndAnfuehrungszeichenImFeld() throws {
        let t = try tabelle(b("a;b\n\"ab\"c;12\"\n"))
        #expect(t.rows == [CSVZeile(line: 2, fields: ["abc", "12\""])])
    }

    @Test func kommentareUndLeereZeilen() throws {
        let text = "# Bevölkerung 31.12.2025\n\n  a;b\n  # noch ein Kommentar\n1;2\n;\n \t \n3;4\n"
        let t = try tabelle(b(text))
        #expect(t.headerLine == 3)
        #expect(t.header == ["a", "b"])
        #expect(t.rows == [CSVZeile(line: 5, fields: ["1", "2"]), CSVZeile(line: 8, fields: ["3", "4"])])
    }

    @Test func separatorErkennung() throws {
        #expect(try tabelle(b("a;b,c;d\n1;2;3\n")).separator == ";")
        #expect(try tabelle(b("a;b,c\n1;2\n")).separator == ";")  // tie: ; wins
        #expect(try tabelle(b("a,b\tc\n1,2\n")).separator == ",")  // tie: , before tab
        #expect(try tabelle(b("\"x,y,z\";b\n1;2\n")).separator == ";")  // quoted commas do not count
        #expect(try tabelle(b("a,\"b;c;d\"\n1,2\n")).separator == ",")
        let eine = try tabelle(b("wert\n1,5\n"))  // single column: ; and the comma stays in the field
        #expect(eine.separator == ";")
        #expect(eine.rows.map(\.fields) == [["1,5"]])
    }

    @Test func trennzeichenAmEndeErgibtLeeresFeld() throws {
        let t = try tabelle(b("a;b\n1;"))
        #expect(t.rows == [CSVZeile(line: 2, fields: ["1", ""])])
    }

    @Test func nurKopfzeile() throws {
        let t = try tabelle(b("a;b\n"))
        #expect(t.header == ["a", "b"])
        #expect(t.rows.isEmpty)
    }

    @Test func spaltenOhneBeachtungVonGrossKleinschreibung() throws {
        let t = try tabelle(b(" Gebiet ;ALTER\nS;1\n"))
        #expect(t.header == ["Gebiet", "ALTER"])
        #expect(t.spalte("gebiet") == 0)
        #expect(t.spalte(" Alter") == 1)
        #expect(t.spalte("anzahl") == nil)
        #expect(try t.spalteOderFehler("alter").get() == 1)
        guard case .failure(let e) = t.spalteOderFehler("Anzahl") else {
            Issue.record("fehlende Spalte nicht erkannt")
            return
        }
        #expect(
            e.diagnostics.map(\.description) == ["test.csv:1: error: Spalte 'anzahl' fehlt (gefunden: Gebiet;ALTER)"])
    }

    @Test func latin1Umlaut() {
        // "Köln" in Latin-1: ö = 0xF6; position 6 of line 3, field 2.
        let bytes = b("gebiet;name\nS01;ok\nS02;K") + [0xF6] + b("ln\n")
        #expect(
            fehler(bytes) == [
                "test.csv:3:2: error: \(Kodierung.windows1252) (erstes solches Zeichen: 'ö' = Byte 0xF6 an "
                    + "Byteposition 6 der Zeile 3, Spalte 2)"
            ])
    }

    @Test func latin1InMehrzeiligemFeldNenntDiePhysischeZeile() {
        // The row starts in line 2; the bad byte 0xE4 (ä) is in line 3, first byte of that line.
        let bytes = b("a;b\n1;\"erste\n") + [0xE4] + b("\"\n")
        #expect(
            fehler(bytes) == [
                "test.csv:3:2: error: \(Kodierung.windows1252) (erstes solches Zeichen: 'ä' = Byte 0xE4 an "
                    + "Byteposition 1 der Zeile 3, Spalte 2)"
            ])
    }

    @Test func latin1ImKommentarUndImKopf() {
        #expect(
            fehler(b("# Bev") + [0xF6] + b("lkerung\na\n1\n")) == [
                "test.csv:1: error: \(Kodierung.windows1252) (erstes solches Zeichen: 'ö' = Byte 0xF6 an "
                    + "Byteposition 6 der Zeile 1)"
            ])
        #expect(
            fehler(b("a;Gr") + [0xF6] + b("sse\n")) == [
                "test.csv:1:2: error: \(Kodierung.windows1252) (erstes solches Zeichen: 'ö' = Byte 0xF6 an "
                    + "Byteposition 5 der Zeile 1, Spalte 2)"
            ])
    }

    @Test func utf16WirdErkannt() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00]
        #expect(
            fehler(bytes) == [
                "test.csv:1:1: error: Datei ist nicht UTF-8-kodiert (Zeile 1) – bitte als 'CSV UTF-8' speichern "
                    + "(ungültiges Byte 0xFF an Byteposition 1 der Zeile, Spalte 1; die Datei ist UTF-16-kodiert)"
            ])
    }

    @Test func ungueltigeUTF8Folgen() {
        // Overlong "/", a surrogate, a code point above U+10FFFF, a lone continuation byte, a cut-off sequence.
        // Read as Windows-1252 the first, fourth and fifth are characters (À ¯, €, â ‚): the message names that
        // encoding. The surrogate and the code point above U+10FFFF have the shape of UTF-8 sequences (no
        // Windows-1252 text looks like that), and 0x81 is unassigned in Windows-1252: the plain message.
        let schlecht: [([UInt8], Bool)] = [
            ([0xC0, 0xAF], true), ([0xED, 0xA0, 0x80], false),
            ([0xF4, 0x90, 0x80, 0x80], false), ([0x80], true), ([0xE2, 0x82], true),
        ]
        for (s, cp1252) in schlecht {
            let f = fehler(b("a\n") + s)
            #expect(f.count == 1)
            let anfang = cp1252 ? Kodierung.windows1252 : "Datei ist nicht UTF-8-kodiert (Zeile 2)"
            #expect(f.first?.hasPrefix("test.csv:2:1: error: \(anfang)") == true, "\(s)")
        }
        let f = fehler(b("a\n") + [0x81])
        #expect(f.first?.hasPrefix("test.csv:2:1: error: Datei ist nicht UTF-8-kodiert (Zeile 2)") == true)
        // Valid multi-byte sequences pass: ä, €, 𝄞.
        let gut = b("a\nä€𝄞\n")
        #expect((try? tabelle(gut))?.rows.first?.fields == ["ä€𝄞"])
    }

    @Test func nichtGeschlossenesAnfuehrungszeichen() {
        #expect(
            fehler(b("a;b\n1;2\n3;\"offen\n4;5\n")) == [
                "test.csv:3:2: error: Anführungszeichen in Zeile 3, Spalte 2 wird nicht geschlossen"
            ])
    }

    @Test func falscheFeldzahl() {
        #expect(
            fehler(b("a;b;c\n1;2;3\n1;2\n\n1;2;3;4\n")) == [
                "test.csv:3: error: Zeile 3 hat 2 Felder, erwartet 3 wie die Kopfzeile",
                "test.csv:5: error: Zeile 5 hat 4 Felder, erwartet 3 wie die Kopfzeile",
            ])
    }

    @Test func falscheFeldzahlWirdBegrenzt() {
        let text = "a;b\n" + String(repeating: "1\n", count: 60)
        let f = fehler(b(text))
        #expect(f.count == 51)
        #expect(f.last == "test.csv: error: 10 weitere Zeilen mit falscher Feldzahl (erwartet 2)")
    }

    @Test func leereDatei() {
        let erwartet = ["test.csv: error: Datei ist leer: keine Kopfzeile gefunden"]
        #expect(fehler([]) == erwartet)
        #expect(fehler([0xEF, 0xBB, 0xBF]) == erwartet)
        #expect(fehler(b("# nur ein Kommentar\n\n")) == erwartet)
    }

    @Test func ausData() throws {
        let t = try CSV.lesen(Data("a;b\n1;2\n".utf8), datei: "x.csv")
        #expect(t.file == "x.csv")
        #expect(t.rows.first?.fields == ["1", "2"])
    }

    /// Arbitrary bytes never crash; every result is consistent.
    @Test func zufallsbytesStuerzenNichtAb() {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        // Building blocks of CSV text, now and then a raw random byte (often invalid UTF-8).
        let bausteine: [[UInt8]] = [
            b(";"), b(","), b("\t"), b("\""), b("\"\""), b("\n"), b("\r"), b("\r\n"), b("#"),
            b(" "), b("a"), b("1"), b("ä"), b("a;1"), b("1,5"), [0xEF, 0xBB, 0xBF],
            b("geschlecht;alter;anteil\n"), b("w;"), b("m;3;"), b("-0,5"),
        ]
        var gelesen = 0
        for _ in 0..<3000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let n = Int(x >> 56) % 30
            var bytes: [UInt8] = []
            for _ in 0..<n {
                x = x &* 6364136223846793005 &+ 1442695040888963407
                let r = Int(x >> 33)
                if r % 20 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: r >> 8))
                } else {
                    bytes += bausteine[(r >> 8) % bausteine.count]
                }
            }
            switch lies(bytes) {
            case .success(let t):
                gelesen += 1
                #expect(t.rows.allSatisfy { $0.fields.count == t.header.count })
                #expect(zip(t.rows, t.rows.dropFirst()).allSatisfy { $0.line < $1.line })
                #expect(t.rows.allSatisfy { $0.line > t.headerLine })
                // The typed readers must not crash on whatever the table holds either.
                _ = Datendateien.bevoelkerung(t)
                _ = Datendateien.ist(t)
                _ = Datendateien.wanderung(t)
            case .failure(let f):
                #expect(!f.isEmpty)
            }
        }
        #expect(gelesen > 300, "nur \(gelesen) lesbar")
    }
}

@Suite struct CSVTestsZahl {
    static let gueltig: [(String, Double)] = [
        ("1.234,56", 1234.56),
        ("1234,56", 1234.56),
        ("1234.56", 1234.56),
        ("1,234.56", 1234.56),
        ("1,5", 1.5),
        ("1,234", 1.234),  // a lone comma is always a decimal comma
        ("1.234", 1.234),  // a single dot is a decimal point
        ("1.234.567", 1_234_567),  // several dots: thousands
        ("1.234.567,89", 1_234_567.89),
        ("1,234,567.5", 1_234_567.5),
        ("-3,5", -3.5),
        ("+7", 7),
        ("  42 ", 42),
        ("\t0\r\n", 0),
        (",5", 0.5),
        ("-.25", -0.25),
        ("007", 7),
        ("0,000", 0),
        ("1,5e3", 1500),
        ("2.5E-2", 0.025),
        ("-1.234,5e1", -12345),
        ("1e22", 1e22),
        ("1e23", 1e23),
        ("12345678901234567890", 12_345_678_901_234_567_168),  // nearest Double
        ("0,1", 0.1),
        ("123.456.789.012,345", 123_456_789_012.345),
    ]

    static let ungueltig: [String] = [
        "", " ", "-", "+", "abc", "NaN", "nan", "inf", "-Infinity", "1,2,3", "1.2.3", "12.34,5", "1.23,4",
        "1.2345,6", "1,23.4", "1,234.5,6", "1.234,5.6", "5,", "5.", ".", ",", "1e", "1e+", "e5", "0x10", "1 234",
        "1e400", "--1", "+-1", "1.234.", ".234.567", "€5", "5 €", "1_000", "١٢",
    ]

    @Test(arguments: gueltig)
    func gueltigeZahlen(_ fall: (String, Double)) {
        #expect(Zahl.parse(fall.0) == fall.1, "\(fall.0)")
    }

    @Test(arguments: ungueltig)
    func ungueltigeZahlen(_ s: String) {
        #expect(Zahl.parse(s) == nil, "\(s)")
    }

    @Test func negativeNullUndKleineWerte() {
        #expect(Zahl.parse("-0") == 0)
        #expect(Zahl.parse("1e-400") == 0)
        #expect(Zahl.parse("0,0000000000000000000000001") == 1e-25)
    }

    @Test func ganzeZahlen() {
        let gut: [(String, Int)] = [
            ("2025", 2025), ("-3", -3), (" 17 ", 17), ("+5", 5), ("0", 0),
            ("-9223372036854775808", Int.min), ("9223372036854775807", Int.max),
        ]
        for (s, v) in gut { #expect(Zahl.parseInt(s) == v, "\(s)") }
        let schlecht = [
            "17,5", "17.0", "1.000", "", " ", "-", "1e3", "abc", "9223372036854775808",
            "-9223372036854775809", "99999999999999999999", "1 7",
        ]
        for s in schlecht { #expect(Zahl.parseInt(s) == nil, "\(s)") }
    }

    /// The one-pass path of `Zahl.parse(bytes:)` gives exactly the general rule's value (same bits, also the sign
    /// of zero) or leaves the decision to it, for 200,000 generated spellings: signs, 0–19 digits, leading zeros,
    /// one or two separators of either kind anywhere, blanks, exponents, other characters.
    @Test func zahlEinPassWieAllgemein() {
        var rng = SplitMix64(seed: 15)
        let zeichen: [UInt8] = Array("0123456789000,,..-+e ".utf8)
        for _ in 0..<200_000 {
            var b: [UInt8] = []
            if Int.random(in: 0..<4, using: &rng) == 0 { b.append(UInt8(ascii: "-")) }
            let n = Int.random(in: 0...19, using: &rng)
            for _ in 0..<n {
                let c =
                    Int.random(in: 0..<6, using: &rng) == 0
                    ? zeichen.randomElement(using: &rng)! : UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng)
                b.append(c)
            }
            let a = b.withUnsafeBufferPointer { Zahl.parse(bytes: $0) }
            let r = b.withUnsafeBufferPointer { Zahl.allgemein($0) }
            let text = String(decoding: b, as: UTF8.self)
            #expect(a?.bitPattern == r?.bitPattern, "\(text)")
        }
        // Spelled out: the values of the common spellings, and the ones the one-pass path must not take.
        let werte: [(String, Double?)] = [
            ("483", 483), ("431711362,36", 431_711_362.36), ("0,001478", 0.001478), ("-2,5", -2.5), (",5", 0.5),
            ("1.5", 1.5), ("-0", -0.0), ("5,", nil), ("1,2,3", nil), ("1.234.567", 1_234_567),
            ("123456789012345,6", 123_456_789_012_345.6),
            ("1234567890123456", 1_234_567_890_123_456),
        ]
        for (s, v) in werte {
            let a = Array(s.utf8).withUnsafeBufferPointer { Zahl.parse(bytes: $0) }
            #expect(a?.bitPattern == v?.bitPattern, "\(s)")
        }
    }
}
