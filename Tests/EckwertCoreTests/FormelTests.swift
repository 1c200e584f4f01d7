import Testing
@testable import EckwertCore

// MARK: - Helpers

private func parse(_ s: String) throws -> Ausdruck { try Formelparser.parse(s) }

private func fehler(_ s: String) -> Formelfehler? {
    do {
        _ = try Formelparser.parse(s)
        return nil
    } catch {
        return error
    }
}

private func z(_ d: Double) -> Ausdruck { .zahl(d) }
private func bin(_ op: Ausdruck.Operator, _ l: Ausdruck, _ r: Ausdruck) -> Ausdruck { .binaer(op, l, r) }

/// A small context with hand-picked values; unknown keys give nil.
private struct TestKontext: Formelkontext {
    func faelle(_ p: String) -> Double? { ["36.3.05": 120, "36": 300][p] }
    func aufwand(_ p: String) -> Double? { ["36.3.05": 1_000_000, "36": 4_000_000][p] }
    func ertrag(_ p: String) -> Double? { ["36.3.05": 250_000][p] }
    func fallkosten(_ p: String) -> Double? { ["36.3.05": 6_250][p] }
    func zeile(_ p: String, _ key: String) -> Double? {
        p == "36.3.05" && key == "transferaufwendungen" ? 800_000 : nil
    }
    func bev(_ a: BevAuswahl) -> Double? {
        switch (a.alter, a.geschlecht, a.gebiet) {
        case (nil, nil, nil): return 50_000
        case (.bereich(0, 0)?, nil, nil): return 400
        case (.bereich(0, 2)?, .w?, nil): return 590
        case (.gruppe("u3")?, nil, nil): return 1_200
        case (nil, .m?, "nord"?): return 9_000
        default: return nil
        }
    }
    func plaetze(_ p: String) -> Double? { ["36.5": 80][p] }
    func luecke(_ p: String) -> Double? { ["36.5": -12][p] }
    func kennzahl(_ id: String) -> Double? { ["K-1": 2.5, "K-null": 0][id] }
}

private func wert(_ s: String) throws -> Double? { try parse(s).wert(in: TestKontext()) }

// MARK: - Precedence and associativity

@Test func formelVorrangUndAssoziativitaet() throws {
    #expect(try wert("10 - 4 - 3") == 3)
    #expect(try wert("2 + 3 * 4") == 14)
    #expect(try wert("-2 * 3") == -6)
    #expect(try wert("(1+2)*3") == 9)
    #expect(try wert("100 / 10 / 5") == 2)
    #expect(try wert("2 * 3 - 4 / 2") == 4)
    #expect(try wert("2 - -3") == 5)
    #expect(try wert("--3") == 3)
    #expect(try wert("-(1 + 2) * 2") == -6)
    #expect(try wert("0.5 + 0.25") == 0.75)

    #expect(try parse("10 - 4 - 3") == bin(.minus, bin(.minus, z(10), z(4)), z(3)))
    #expect(try parse("2 + 3 * 4") == bin(.plus, z(2), bin(.mal, z(3), z(4))))
    #expect(try parse("-2 * 3") == bin(.mal, .negation(z(2)), z(3)))
    #expect(try parse("(1+2)*3") == bin(.mal, bin(.plus, z(1), z(2)), z(3)))
    #expect(try parse("8 / 4 / 2") == bin(.durch, bin(.durch, z(8), z(4)), z(2)))
    #expect(try parse(" \t1000\n") == z(1000))
    #expect(try parse("007.50") == z(7.5))
}

// MARK: - Every function

@Test func formelFunktionenZumRichtigenAST() throws {
    let faelle: [(String, Aufruf)] = [
        ("faelle(\"36.3.05\")", .faelle("36.3.05")),
        ("aufwand(\"36\")", .aufwand("36")),
        ("ertrag('36.3')", .ertrag("36.3")),
        ("zuschuss(\"36.3.05\")", .zuschuss("36.3.05")),
        ("fallkosten(\"36.3.05\")", .fallkosten("36.3.05")),
        ("plaetze(\"36.5\")", .plaetze("36.5")),
        ("luecke(\"36.5\")", .luecke("36.5")),
        ("zeile(\"36.3.05\", \"transferaufwendungen\")", .zeile("36.3.05", "transferaufwendungen")),
        ("kennzahl(\"K-36.3-1\")", .kennzahl("K-36.3-1")),
        ("bev()", .bev(BevAuswahl())),
        ("bev(alter=[0, 0])", .bev(BevAuswahl(alter: .bereich(0, 0)))),
        ("bev(alter=\"u3\")", .bev(BevAuswahl(alter: .gruppe("u3")))),
        ("bev(geschlecht=\"w\")", .bev(BevAuswahl(geschlecht: .w))),
        ("bev(gebiet=\"nord\", geschlecht='m')", .bev(BevAuswahl(geschlecht: .m, gebiet: "nord"))),
        (
            "bev( gebiet = \"süd\" , alter = [ 18 , 100 ] , geschlecht = \"w\" )",
            .bev(BevAuswahl(alter: .bereich(18, 100), geschlecht: .w, gebiet: "süd"))
        ),
        ("faelle('Produkt \"A\"')", .faelle("Produkt \"A\"")),
    ]
    for (text, aufruf) in faelle {
        #expect(try parse(text) == .aufruf(aufruf, spalte: 1), "\(text)")
    }
    #expect(try parse("  faelle(\"1\")") == .aufruf(.faelle("1"), spalte: 3))
}

@Test func formelSpecBeispiel() throws {
    let a = try parse("faelle(\"36.3.05\") / bev(alter=[0, 0]) * 1000")
    #expect(
        a
            == bin(
                .mal,
                bin(
                    .durch, .aufruf(.faelle("36.3.05"), spalte: 1),
                    .aufruf(.bev(BevAuswahl(alter: .bereich(0, 0))), spalte: 21)),
                z(1000)))
    #expect(a.wert(in: TestKontext()) == 300)  // 120 / 400 * 1000
    let aufrufe = a.aufrufe
    #expect(aufrufe.count == 2)
    #expect(aufrufe.map(\.spalte) == [1, 21])
    #expect(aufrufe.map(\.aufruf) == [.faelle("36.3.05"), .bev(BevAuswahl(alter: .bereich(0, 0)))])
    #expect(try parse("bev(alter=\"u3\")") == .aufruf(.bev(BevAuswahl(alter: .gruppe("u3"))), spalte: 1))
}

// MARK: - Evaluation

@Test func formelAuswertung() throws {
    #expect(try wert("faelle(\"36.3.05\")") == 120)
    #expect(try wert("faelle(\"36\")") == 300)
    #expect(try wert("zuschuss(\"36.3.05\")") == 750_000)
    #expect(try wert("zuschuss(\"36.3.05\") / faelle(\"36.3.05\")") == 6_250)
    #expect(try wert("fallkosten(\"36.3.05\") * 2") == 12_500)
    #expect(try wert("zeile(\"36.3.05\", \"transferaufwendungen\") / aufwand(\"36.3.05\") * 100") == 80)
    #expect(try wert("bev()") == 50_000)
    #expect(try wert("bev(geschlecht=\"w\", alter=[0, 2])") == 590)
    #expect(try wert("bev(alter=\"u3\") / bev() * 100") == 2.4)
    #expect(try wert("bev(gebiet=\"nord\", geschlecht=\"m\")") == 9_000)
    #expect(try wert("plaetze(\"36.5\") + luecke(\"36.5\")") == 68)
    #expect(try wert("kennzahl(\"K-1\") * 4") == 10)
    #expect(try wert("-faelle(\"36\") / 3") == -100)

    // n. v.
    #expect(try wert("zuschuss(\"36\")") == nil)  // ertrag missing
    #expect(try wert("faelle(\"99\") + 1") == nil)
    #expect(try wert("0 * faelle(\"99\")") == nil)
    #expect(try wert("kennzahl(\"K-unbekannt\")") == nil)
    #expect(try wert("bev(alter=[1, 1])") == nil)
}

@Test func formelDivisionDurchNullIstNV() throws {
    #expect(try wert("1 / 0") == nil)
    #expect(try wert("0 / 0") == nil)
    #expect(try wert("faelle(\"36\") / kennzahl(\"K-null\")") == nil)
    #expect(try wert("1 / (2 - 2)") == nil)
    #expect(try wert("(1 / 0) * 0") == nil)
    #expect(try wert("1 / -0") == nil)
    // Overflow to infinity is n. v. as well.
    let gross = String(repeating: "9", count: 300)
    #expect(try wert("\(gross) * \(gross)") == nil)
    #expect(try wert("0 / 5") == 0)
}

// MARK: - Errors

@Test(arguments: [
    ("((1+2)", 7, "schließende Klammer ')' erwartet"),
    ("1+2)", 4, "unerwartete schließende Klammer ')'"),
    ("faele(\"36\")", 1, "unbekannte Funktion 'faele' – meinten Sie 'faelle'?"),
    ("fälle(\"36\")", 1, "meinten Sie 'faelle'?"),
    ("2 * xyz(\"36\")", 5, "unbekannte Funktion 'xyz'"),
    ("faelle()", 8, "Produktnummer in Anführungszeichen erwartet"),
    ("faelle(36)", 8, "Produktnummer in Anführungszeichen erwartet"),
    ("zeile(\"36\")", 11, "',' und Zeilenschlüssel erwartet"),
    ("faelle(\"a\", \"b\")", 11, "zu viele Argumente für 'faelle'"),
    ("faelle", 7, "'(' nach 'faelle' erwartet"),
    ("faelle(\"\")", 8, "leere Zeichenkette"),
    ("bev(alter=[5, 3])", 11, "Altersbereich [5, 3]: Anfang größer als Ende"),
    ("bev(alter=[0, 101])", 15, "Alter zwischen 0 und 100 erwartet"),
    ("bev(alter=[-1, 3])", 12, "Alter zwischen 0 und 100 erwartet"),
    ("bev(alter=[1.5, 3])", 12, "ganze Zahl erwartet"),
    ("bev(alter=[0 3])", 14, "',' erwartet"),
    ("bev(alter=[0, 3)", 16, "schließende Klammer ']' erwartet"),
    ("bev(alter=3)", 11, "Argument 'alter' erwartet [von, bis] oder einen Gruppennamen in Anführungszeichen"),
    ("bev(alter=[0,1], alter=\"u3\")", 18, "Argument 'alter' doppelt angegeben"),
    ("bev(geschlecht=\"x\")", 16, "Argument 'geschlecht' erwartet \"w\" oder \"m\""),
    ("bev(alte=[0, 3])", 5, "unbekanntes Argument 'alte' für bev – meinten Sie 'alter'?"),
    ("bev(alter: [0, 3])", 10, "'=' statt ':'"),
    ("bev(\"u3\")", 5, "benanntes Argument"),
    ("bev(alter=\"u3\",)", 16, "benanntes Argument"),
    ("faelle(\"36.3.05)", 8, "Zeichenkette nicht abgeschlossen"),
    ("1 +", 4, "Zahl, Funktion oder '(' erwartet, aber die Formel endet hier"),
    ("* 3", 1, "Zahl, Funktion oder '(' erwartet, gefunden: '*'"),
    ("+3", 1, "Vorzeichen '+'"),
    ("", 1, "leere Formel"),
    ("   ", 1, "leere Formel"),
    ("2 § 3", 3, "unerwartetes Zeichen '§'"),
    ("2 3", 3, "Rechenzeichen oder Formelende erwartet, gefunden: Zahl 3"),
    (".5", 1, "Zahl muss mit einer Ziffer beginnen"),
    ("5.", 3, "Ziffer nach dem Dezimalpunkt erwartet"),
    ("1,5", 2, "Dezimalzahlen mit Punkt"),
    ("1e5", 2, "Rechenzeichen oder Formelende erwartet"),
    ("()", 2, "Zahl, Funktion oder '(' erwartet"),
    ("\"36\" + 1", 1, "Zeichenkette nur als Argument"),
    ("kennzahl(K1)", 10, "Kennzahl-Id in Anführungszeichen erwartet"),
    ("1 + (2 * (3 - 4)", 17, "zu '(' in Spalte 5"),
    ("bev(geschlecht=\"w\" gebiet=\"x\")", 20, "',' oder ')' erwartet"),
])
func formelFehlerspalten(_ text: String, _ spalte: Int, _ meldung: String) {
    let f = fehler(text)
    #expect(f?.spalte == spalte, "\(text): \(f?.description ?? "kein Fehler")")
    #expect(f?.meldung.contains(meldung) == true, "\(text): \(f?.description ?? "kein Fehler")")
}

@Test func formelGrenzen() throws {
    // Nesting depth: 100 levels fine, 101 rejected at the 101st '('.
    let ok = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
    #expect(try parse(ok) == z(1))
    let tief = String(repeating: "(", count: 101) + "1" + String(repeating: ")", count: 101)
    #expect(fehler(tief) == Formelfehler(spalte: 101, meldung: "Formel zu tief verschachtelt (höchstens 100 Ebenen)"))
    #expect(fehler(String(repeating: "-", count: 101) + "1")?.spalte == 101)
    #expect(try wert(String(repeating: "-", count: 100) + "1") == 1)
    #expect(fehler(String(repeating: "-(", count: 60) + "1")?.meldung.contains("verschachtelt") == true)

    // Length.
    let lang = "1" + String(repeating: " ", count: Formelparser.maxLaenge)
    #expect(fehler(lang)?.spalte == Formelparser.maxLaenge + 1)
    #expect(try parse("1" + String(repeating: " ", count: Formelparser.maxLaenge - 1)) == z(1))

    // Operator count: the 1001st binary operator is rejected, at its column.
    let kette = "1" + String(repeating: "+1", count: 1001)
    #expect(fehler(kette)?.spalte == 2002)
    let erlaubt = "1" + String(repeating: "+1", count: 1000)
    #expect(try wert(erlaubt) == 1001)

    // Numbers that do not fit a Double.
    let riesig = String(repeating: "9", count: 400)
    #expect(fehler("1 + " + riesig) == Formelfehler(spalte: 5, meldung: "Zahl zu groß"))
    #expect(try wert("0." + String(repeating: "0", count: 400) + "1") == 0)

    // Columns count characters (grapheme clusters), not bytes.
    #expect(fehler("\"ä👍🏽\" + §")?.spalte == 1)
    #expect(fehler("bev(gebiet=\"Süd👍🏽\") §")?.spalte == 20)
}

// MARK: - Helpers for the loader

@Test func formelAufrufeUndReferenzen() throws {
    let a = try parse("kennzahl(\"K-2\") + faelle(\"36\") * (kennzahl(\"K-1\") - kennzahl('K-2')) / bev()")
    #expect(a.aufrufe.map(\.aufruf.funktionsname) == ["kennzahl", "faelle", "kennzahl", "kennzahl", "bev"])
    #expect(a.aufrufe.map(\.spalte) == [1, 19, 35, 53, 72])
    #expect(a.kennzahlReferenzen == ["K-2", "K-1"])
    #expect(try parse("1 + 2").aufrufe.isEmpty)
    #expect(Aufruf.zeile("36.3", "x").produkt == "36.3")
    #expect(Aufruf.kennzahl("K").produkt == nil)
}

// MARK: - Printing

@Test(arguments: [
    ("10 - 4 - 3", "10 - 4 - 3"),
    ("10 - (4 - 3)", "10 - (4 - 3)"),
    ("(10 - 4) - 3", "10 - 4 - 3"),
    ("2*(3*4)", "2 * (3 * 4)"),
    ("(2*3)*4", "2 * 3 * 4"),
    ("(1+2)*3", "(1 + 2) * 3"),
    ("1+(2*3)", "1 + 2 * 3"),
    ("8/(4/2)", "8 / (4 / 2)"),
    ("-(1+2)", "-(1 + 2)"),
    ("-(2*3)", "-(2 * 3)"),
    ("(-2)*3", "-2 * 3"),
    ("2 - -3", "2 - -3"),
    ("--3", "--3"),
    ("-(-(3))", "--3"),
    ("1000.0", "1000"),
    ("0.50", "0.5"),
    ("0.00001", "0.00001"),
    ("1000000000000000000000", "1000000000000000000000"),
    ("123456789.125", "123456789.125"),
    ("0.1 + 0.2", "0.1 + 0.2"),
    ("faelle( '36.3.05' )/bev(alter=[0,0])*1000", "faelle(\"36.3.05\") / bev(alter=[0, 0]) * 1000"),
    ("bev( geschlecht='w' , gebiet = \"n\", alter = [ 0 , 2 ] )", "bev(alter=[0, 2], geschlecht=\"w\", gebiet=\"n\")"),
    ("bev(alter='u3')", "bev(alter=\"u3\")"),
    ("bev( )", "bev()"),
    ("zeile('36', 'transferaufwendungen')", "zeile(\"36\", \"transferaufwendungen\")"),
    ("faelle('a\"b')", "faelle('a\"b')"),
    (
        "zuschuss(\"1\") - (ertrag(\"1\") + aufwand(\"1\")) / (plaetze(\"2\") - luecke(\"2\"))",
        "zuschuss(\"1\") - (ertrag(\"1\") + aufwand(\"1\")) / (plaetze(\"2\") - luecke(\"2\"))"
    ),
    ("kennzahl(\"K-1\") * fallkosten(\"3\")", "kennzahl(\"K-1\") * fallkosten(\"3\")"),
])
func formelDruckenUndZurueck(_ eingabe: String, _ kanonisch: String) throws {
    let a = try parse(eingabe)
    #expect(a.text == kanonisch)
    let b = try parse(a.text)
    #expect(b.ohneSpalten == a.ohneSpalten)
    #expect(b.text == a.text)
    #expect(try parse(b.text) == b)  // canonical text: exact, columns included
}

@Test func formelZahlText() {
    for d in [
        0.1, 1e-7, Double.leastNonzeroMagnitude, 1.7976931348623157e308, 2.5e-300, 123.456, 1e15, 1e16, 4.35e22,
        1.0 / 3.0,
    ] {
        let t = Langformat.zahl(d)
        #expect(!t.contains("e"), "\(t)")
        #expect(Double(t) == d, "\(t)")
        #expect((try? parse(t)) == z(d), "\(t)")
    }
    #expect(Langformat.zahl(-2.5) == "-2.5")
}

// MARK: - Random inputs

/// SplitMix64: tiny, deterministic.
private struct Zufall {
    var zustand: UInt64
    mutating func naechste() -> UInt64 {
        zustand &+= 0x9E37_79B9_7F4A_7C15
        var x = zustand
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
    mutating func bis(_ n: Int) -> Int { Int(naechste() % UInt64(n)) }
    mutating func wahl<T>(_ a: [T]) -> T { a[bis(a.count)] }
}

private let texte = ["36.3.05", "36", "u3", "nord", "K-1", "transferaufwendungen", "a'b", "ä ö", "x\"y"]

private func zufallsAusdruck(_ r: inout Zufall, _ tiefe: Int) -> Ausdruck {
    let art = tiefe > 5 ? r.bis(2) : r.bis(6)
    switch art {
    case 0:
        return .zahl(r.wahl([0, 1, 2, 0.5, 1000, 12.75, 1e-9, 3e21, 0.1, Double(r.bis(100_000)) / 100]))
    case 1:
        let t = r.wahl(texte)
        let a: Aufruf
        switch r.bis(10) {
        case 0: a = .faelle(t)
        case 1: a = .aufwand(t)
        case 2: a = .ertrag(t)
        case 3: a = .zuschuss(t)
        case 4: a = .fallkosten(t)
        case 5: a = .plaetze(t)
        case 6: a = .luecke(t)
        case 7: a = .zeile(t, r.wahl(texte))
        case 8: a = .kennzahl(t)
        default:
            var b = BevAuswahl()
            if r.bis(2) == 0 {
                let von = r.bis(101)
                b.alter = r.bis(3) == 0 ? .gruppe(t) : .bereich(von, von + r.bis(101 - von))
            }
            if r.bis(2) == 0 { b.geschlecht = r.wahl(Geschlecht.allCases) }
            if r.bis(2) == 0 { b.gebiet = t }
            a = .bev(b)
        }
        return .aufruf(a, spalte: 0)
    case 2:
        return .negation(zufallsAusdruck(&r, tiefe + 1))
    default:
        let op = r.wahl([Ausdruck.Operator.plus, .minus, .mal, .durch])
        return .binaer(op, zufallsAusdruck(&r, tiefe + 1), zufallsAusdruck(&r, tiefe + 1))
    }
}

private let schnipsel = [
    "faelle", "bev", "zeile", "kennzahl", "zuschuss", "alter", "geschlecht", "gebiet", "(", ")", "[", "]", ",", "=",
    "\"36\"", "'u3'", "\"w\"", "\"", "'", "1", "0.5", "100", "101", "-", "+", "*", "/", " ", "\n", ".", ":", "§",
    "ä", "\u{301}", "\u{200D}", "🇩🇪", "\r\n", "9999999999999999999999999999999999999999", "e5",
]

private let exotisch: [Unicode.Scalar] = [
    "\"", "'", "(", ")", "[", "]", ",", "=", "-", "+", "*", "/", ".", "0", "5", "a", "z", " ", "\t", "\n", "\r",
    "\u{0}", "\u{7F}", "\u{A0}", "\u{301}", "\u{200B}", "\u{200D}", "\u{600}", "\u{1F1E9}", "\u{1F1EA}", "\u{1F44D}",
    "\u{1F3FD}", "\u{FE0F}", "\u{FFFD}", "ß", "ä", "\u{10FFFF}", "\u{E000}",
]

private struct ZufallsKontext: Formelkontext {
    let v: Double?
    func faelle(_ p: String) -> Double? { v }
    func aufwand(_ p: String) -> Double? { v.map { $0 * 2 } }
    func ertrag(_ p: String) -> Double? { v }
    func fallkosten(_ p: String) -> Double? { v.map { -$0 } }
    func zeile(_ p: String, _ key: String) -> Double? { 0 }
    func bev(_ auswahl: BevAuswahl) -> Double? { v }
    func plaetze(_ p: String) -> Double? { .infinity }
    func luecke(_ p: String) -> Double? { .nan }
    func kennzahl(_ id: String) -> Double? { v }
}

@Test func formelZufallseingaben() {
    var r = Zufall(zustand: 0x5EED_F0E1)
    var geparst = 0
    var fehlerzahl = 0
    var probleme: [String] = []

    func pruefe(_ text: String) {
        let laenge = text.count
        do {
            let a = try Formelparser.parse(text)
            geparst += 1
            let zeichen = Array(text)
            for (aufruf, spalte) in a.aufrufe {
                let name = Array(aufruf.funktionsname)
                if spalte < 1 || spalte - 1 + name.count > zeichen.count
                    || Array(zeichen[(spalte - 1)..<(spalte - 1 + name.count)]) != name
                {
                    probleme.append(
                        "Spalte \(spalte) zeigt nicht auf \(aufruf.funktionsname): \(text.debugDescription)")
                }
            }
            let t = a.text
            do {
                let b = try Formelparser.parse(t)
                if b.ohneSpalten != a.ohneSpalten || b.text != t {
                    probleme.append("Rundreise: \(text.debugDescription) → \(t.debugDescription)")
                }
            } catch {
                probleme.append("Kanonischer Text nicht lesbar: \(t.debugDescription) (\(error))")
            }
            for v: Double? in [nil, 0, 1, 3.5, -2, 1e300] {
                if let w = a.wert(in: ZufallsKontext(v: v)), !w.isFinite {
                    probleme.append("nicht endlicher Wert für \(text.debugDescription)")
                }
            }
        } catch {
            fehlerzahl += 1
            if !(1...(laenge + 1)).contains(error.spalte) || error.meldung.isEmpty {
                probleme.append("Spalte \(error.spalte) außerhalb 1...\(laenge + 1): \(text.debugDescription)")
            }
        }
    }

    for i in 0..<20_000 {
        let text: String
        switch i % 5 {
        case 0:
            // Canonical text of a random AST.
            text = zufallsAusdruck(&r, 0).text
        case 1:
            // Canonical text with a few random edits.
            var zeichen = Array(zufallsAusdruck(&r, 0).text)
            for _ in 0...r.bis(3) {
                let pos = r.bis(zeichen.count + 1)
                switch r.bis(3) {
                case 0 where pos < zeichen.count: zeichen.remove(at: pos)
                case 1: zeichen.insert(contentsOf: Array(r.wahl(schnipsel)), at: pos)
                default: if pos < zeichen.count { zeichen[pos] = Character(r.wahl(exotisch)) }
                }
            }
            text = String(zeichen)
        case 2:
            // Token soup.
            text = (0..<r.bis(25)).map { _ in r.wahl(schnipsel) }.joined()
        case 3:
            // Raw bytes, decoded leniently.
            let bytes = (0..<r.bis(60)).map { _ in UInt8(truncatingIfNeeded: r.naechste()) }
            text = String(decoding: bytes, as: UTF8.self)
        default:
            // Odd Unicode scalars.
            var s = String.UnicodeScalarView()
            for _ in 0..<r.bis(40) { s.append(r.wahl(exotisch)) }
            text = String(s)
        }
        pruefe(text)
    }
    // Deep and long inputs near the limits.
    for n in [99, 100, 101, 5_000] {
        pruefe(String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n))
        pruefe(String(repeating: "-", count: n) + "1")
        pruefe(String(repeating: "(-", count: n) + "1")
        pruefe("1" + String(repeating: "*2", count: n))
        pruefe(String(repeating: "bev(", count: n))
    }
    pruefe(String(repeating: "1", count: Formelparser.maxLaenge + 5))
    pruefe(String(repeating: "\"", count: Formelparser.maxLaenge))

    #expect(probleme.isEmpty, "\(probleme.prefix(10))")
    #expect(geparst > 4_000)
    #expect(fehlerzahl > 8_000)
}

// MARK: - Cycles

@Test func kennzahlgraphZyklen() {
    #expect(Kennzahlgraph.zyklen(["A": ["A"]]) == [["A"]])
    #expect(Kennzahlgraph.zyklen(["B": ["C"], "C": ["A"], "A": ["B"]]) == [["A", "B", "C"]])
    #expect(
        Kennzahlgraph.zyklen(["E": ["C"], "A": ["B"], "B": ["A"], "C": ["D"], "D": ["E"]])
            == [["A", "B"], ["C", "D", "E"]])
    // Two cycles through one node, plus a self-loop elsewhere and duplicate edges.
    #expect(
        Kennzahlgraph.zyklen(["A": ["B", "C", "B"], "B": ["A"], "C": ["A"], "D": ["D", "A"]])
            == [["A", "B"], ["A", "C"], ["D"]])
    // A DAG (with references to ids that are not keys) has none.
    #expect(Kennzahlgraph.zyklen(["A": ["B", "C"], "B": ["C"], "C": [], "D": ["A", "X"]]).isEmpty)
    #expect(Kennzahlgraph.zyklen([:]).isEmpty)
    // Complete digraph on 4 nodes: 6·1! + 4·2! + 1·3! = 20 elementary cycles.
    let k4 = Dictionary(
        uniqueKeysWithValues: ["A", "B", "C", "D"].map { a in (a, ["A", "B", "C", "D"].filter { $0 != a }) })
    let zyklen = Kennzahlgraph.zyklen(k4)
    #expect(zyklen.count == 20)
    #expect(Set(zyklen).count == 20)
    #expect(zyklen.allSatisfy { $0.first == $0.min() })
    #expect(zyklen == zyklen.sorted { $0.lexicographicallyPrecedes($1) })
    #expect(zyklen.contains(["A", "C", "B", "D"]))
    // Cap.
    let namen = (0..<8).map { "K\($0)" }
    let k8 = Dictionary(uniqueKeysWithValues: namen.map { a in (a, namen.filter { $0 != a }) })
    #expect(Kennzahlgraph.zyklen(k8, hoechstens: 50).count == 50)
    // A very long cycle: no recursion.
    let n = 20_000
    var ring: [String: [String]] = [:]
    for i in 0..<n { ring["K\(100_000 + i)"] = ["K\(100_000 + (i + 1) % n)"] }
    let lang = Kennzahlgraph.zyklen(ring)
    #expect(lang.count == 1)
    #expect(lang.first?.count == n)
    #expect(lang.first?.first == "K100000")
}

/// Formulas parsed ahead (the loader's second core) answer as the parser: a tree, an error with its column, and a
/// text that was not among them (parsed when asked).
@Test func formelvorratWieParser() throws {
    let texte = ["faelle('31') / bev(alter=[0, 17]) * 1000", "1 + * 2", "zuschuss('36')", "1 + * 2"]
    let vorrat = Formelvorrat(texte)
    for t in texte + ["aufwand('31') - ertrag('31')", "(("] {
        switch vorrat[t] {
        case .success(let a): #expect(a == (try parse(t)), "\(t)")
        case .failure(let f): #expect(f == fehler(t), "\(t)")
        }
    }
    guard case .failure(let f) = vorrat["1 + * 2"] else { Issue.record("kein Fehler"); return }
    #expect(f.spalte == fehler("1 + * 2")?.spalte && f.spalte > 1)
    guard case .success(let a) = vorrat["zuschuss('36')"] else { Issue.record("nicht gelesen"); return }
    #expect(a == .aufruf(.zuschuss("36"), spalte: 1))
}
