import Foundation
import Testing
@testable import EckwertCore

/// The number text of the long format as it was first written (String pieces, a regular expression for the
/// trailing zeros): the reference the byte writer must reproduce exactly.
private func zahlReferenz(_ v: Double) -> String {
    guard v.isFinite else { return "" }
    if v == 0 { return "0" }
    let d = "\(v)"
    guard d.utf8.contains(UInt8(ascii: "e")) else { return d.hasSuffix(".0") ? String(d.dropLast(2)) : d }
    let teile = d.split(separator: "e")
    guard teile.count == 2, let exp = Int(teile[1]) else { return d }
    var mant = String(teile[0])
    let neg = mant.hasPrefix("-")
    if neg { mant.removeFirst() }
    let ziffernTeile = mant.split(separator: ".", omittingEmptySubsequences: false)
    let ganz = String(ziffernTeile[0])
    let bruch = ziffernTeile.count > 1 ? String(ziffernTeile[1]) : ""
    var ziffern = ganz + bruch
    var punkt = ganz.count + exp
    if punkt <= 0 {
        ziffern = String(repeating: "0", count: -punkt + 1) + ziffern
        punkt = 1
    } else if punkt > ziffern.count {
        ziffern += String(repeating: "0", count: punkt - ziffern.count)
    }
    var ergebnis = String(ziffern.prefix(punkt))
    let rest = String(ziffern.dropFirst(punkt)).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
    if !rest.isEmpty { ergebnis += "." + rest }
    return (neg ? "-" : "") + ergebnis
}

@Suite struct LangformatTests {
    @Test func zahlVonHand() {
        #expect(Langformat.zahl(0.1) == "0.1")
        #expect(Langformat.zahl(-2) == "-2")
        #expect(Langformat.zahl(-0.0) == "0")
        #expect(Langformat.zahl(1234567.25) == "1234567.25")
        #expect(Langformat.zahl(1e-5) == "0.00001")
        #expect(Langformat.zahl(-1.25e-7) == "-0.000000125")
        #expect(Langformat.zahl(1.5e16) == "15000000000000000")
        #expect(Langformat.zahl(1e22) == "10000000000000000000000")
        #expect(Langformat.zahl(.nan) == "")
        #expect(Langformat.zahl(-.infinity) == "")
    }

    /// Random bit patterns (every exponent, subnormals) and random amounts in the ranges budgets have,
    /// including values just around the switch to exponent notation (1e-4, 2^53, 1e16).
    @Test func zahlWieReferenzAufZufallswerten() {
        var g = SplitMix64(seed: 20_261_203)  // reproducible: a failure can be replayed
        var abweichungen: [String] = []
        for k in 0..<1_000_000 {
            let v: Double
            switch k % 4 {
            case 0: v = Double(bitPattern: g.next())
            case 1: v = Double.random(in: -1e9...1e9, using: &g)
            case 2: v = Double.random(in: -1...1, using: &g) * pow(10, Double(Int.random(in: -8...18, using: &g)))
            default:
                v =
                    (Double(Int.random(in: -1_000_000_000...1_000_000_000, using: &g)) / 100)
                    * (k % 8 == 3 ? 1 : 1e-6)
            }
            let neu = Langformat.zahl(v), alt = zahlReferenz(v)
            if neu != alt && abweichungen.count < 5 { abweichungen.append("\(v.bitPattern): \(neu) ≠ \(alt)") }
        }
        #expect(abweichungen.isEmpty, "\(abweichungen)")
    }

    @Test func ganzzahlWieString() {
        var g = SplitMix64(seed: 7)
        let werte =
            [0, 9, 10, 99, 100, -1, -10, 2026, Int.max, Int.min, Int.max - 1, Int.min + 1]
            + (0..<10_000).map { _ in Int(bitPattern: UInt(g.next())) >> Int.random(in: 0...62, using: &g) }
        for n in werte {
            var s: [UInt8] = []
            Langformat.ganzzahl(n, an: &s)
            #expect(String(decoding: s, as: UTF8.self) == String(n))
        }
    }

    private static let zeilen: [Langzeile] = [
        Langzeile(szenario: "worst", ebene: .produkt, nr: "1.1.01", groesse: "faelle", jahr: 2027, wert: 12.5),
        Langzeile(szenario: "best", ebene: .gesamt, nr: "", groesse: "kennzahl:quote", jahr: 2026, wert: 1e-5),
        Langzeile(szenario: "best", ebene: .gebiet, nr: "Nord;Süd", groesse: "bevoelkerung", jahr: 2026, wert: 4000),
        Langzeile(szenario: "best", ebene: .produkt, nr: "Ein \"A\"", groesse: "faelle", jahr: 2026, wert: -3),
        Langzeile(szenario: "best", ebene: .produkt, nr: "1.1.01", groesse: "luecke", jahr: 2026, wert: .nan),
    ]

    @Test func csvVonHand() {
        // Sorted by szenario, ebene by its text (gebiet < gesamt < produkt), nr, groesse, jahr; NaN left empty.
        let erwartet = #"""
            szenario;ebene;nr;groesse;jahr;wert
            best;gebiet;"Nord;Süd";bevoelkerung;2026;4000
            best;gesamt;;kennzahl:quote;2026;0.00001
            best;produkt;1.1.01;luecke;2026;
            best;produkt;"Ein ""A""";faelle;2026;-3
            worst;produkt;1.1.01;faelle;2027;12.5

            """#
        #expect(Langformat.csv(Self.zeilen) == erwartet)
    }

    /// In blocks of any size the bytes handed over are the whole text, each block at least the block size or
    /// `Schreibpuffer.direktAb` (but the last).
    @Test func csvInBloeckenGleichDemGanzen() {
        let ganz = Array(Langformat.csv(Self.zeilen).utf8)
        for block in [1, 7, 64, 1 << 20] {
            var teile: [[UInt8]] = []
            Langformat.csv(Self.zeilen, block: block) { teile.append(Array($0)) }
            #expect(Array(teile.joined()) == ganz)
            #expect(teile.dropLast().allSatisfy { $0.count >= min(block, Langformat.Schreibpuffer.direktAb) })
        }
    }

    /// Rows of several sources (szenario names out of order, one name twice, texts equal as Strings but not in
    /// their bytes: "Süd" composed and decomposed): written szenario by szenario they are the bytes of a plain
    /// reference — a stable sort on (szenario, ebene text, nr, groesse, jahr) and each row with its own texts.
    @Test func csvNachSzenarienGleichDerReferenz() {
        let zusammen = "S\u{00FC}d", zerlegt = "Su\u{0308}d"
        #expect(zusammen == zerlegt && Array(zusammen.utf8) != Array(zerlegt.utf8))
        func z(_ s: String, _ e: Ebene, _ nr: String, _ g: String, _ j: Int, _ w: Double) -> Langzeile {
            Langzeile(szenario: s, ebene: e, nr: nr, groesse: g, jahr: j, wert: w)
        }
        let quellen: [(String, [Langzeile])] = [
            ("worst", [z("worst", .produkt, "2", "faelle", 2027, 1), z("worst", .gebiet, zerlegt, "faelle", 2026, 2)]),
            ("ist", [z("ist", .gebiet, zusammen, "faelle", 2026, 3), z("ist", .gebiet, "Nord", "quote", 2025, 0.25)]),
            (
                "best",
                [z("best", .gebiet, zerlegt, "faelle", 2026, 4), z("best", .gebiet, zusammen, "faelle", 2026, 5)]
            ),
            ("ist", [z("ist", .gebiet, zerlegt, "faelle", 2026, 6), z("ist", .gesamt, "", "kennzahl:a;b", 2026, -7)]),
            ("best", [z("best", .produkt, "10", "faelle", 1 << 40, 8), z("best", .produkt, "9", "faelle", -3, 9)]),
        ]
        let alle = quellen.flatMap(\.1)
        let reihe = alle.indices.sorted { a, b in
            let x = alle[a], y = alle[b]
            if x.szenario != y.szenario { return x.szenario < y.szenario }
            if x.ebene != y.ebene { return x.ebene.rawValue < y.ebene.rawValue }
            if x.nr != y.nr { return x.nr < y.nr }
            if x.groesse != y.groesse { return x.groesse < y.groesse }
            if x.jahr != y.jahr { return x.jahr < y.jahr }
            return a < b
        }
        var erwartet = "szenario;ebene;nr;groesse;jahr;wert\n"
        for i in reihe {
            let r = alle[i]
            erwartet +=
                [
                    Langformat.feld(r.szenario), r.ebene.rawValue, Langformat.feld(r.nr), Langformat.feld(r.groesse),
                    String(r.jahr), Langformat.zahl(r.wert),
                ].joined(separator: ";") + "\n"
        }
        var bytes: [UInt8] = []
        let tabellen: [Langformat.Quelle] = quellen.map { q in
            (q.0, { $0.anfuegen(contentsOf: q.1) })
        }
        Langformat.csv(szenarien: tabellen, block: 16) { bytes.append(contentsOf: $0) }
        #expect(bytes == Array(erwartet.utf8))
        #expect(Langformat.csv(alle) == erwartet)
        // The compact table gives back every row as added.
        let t = Langtabelle(alle)
        #expect(t.count == alle.count)
        #expect(t.langzeilen == alle)
        #expect(t.langzeilen.map { Array($0.nr.utf8) } == alle.map { Array($0.nr.utf8) })
    }

    /// The shipped model's long format (Ist, Planung and every scenario, written through one table emptied between
    /// szenarios, in small blocks) is byte for byte the plain reference: all rows ordered by the comparison sort
    /// of `Langzeile.sortiert` and each written with its own String fields.
    @Test func musterstadtWieDieVergleichssortierung() throws {
        let m = try #require(Musterstadt.modell)
        let p = Projektion(m)
        let laeufe = m.szenarien.map { p.rechnen($0) }
        var alle = Langformat.sozialraumIst(m, p) + Langformat.planung(m)
        for l in laeufe { alle += Langformat.zeilen(m, l) }
        #expect(alle.count > 1000)
        var erwartet = Array(Langformat.kopfzeile.utf8)
        for z in Langzeile.sortiert(alle) { Langformat.zeile(z, an: &erwartet) }
        var quellen: [Langformat.Quelle] = [
            ("ist", { $0.anfuegen(contentsOf: Langformat.sozialraumIst(m, p)) }),
            ("planung", { $0.anfuegen(contentsOf: Langformat.planung(m)) }),
        ]
        for l in laeufe.reversed() { quellen.append((l.szenario, { Langformat.zeilen(m, l, in: &$0) })) }
        for block in [4096, 1 << 20] {
            var bytes: [UInt8] = []
            Langformat.csv(szenarien: quellen, block: block) { bytes.append(contentsOf: $0) }
            #expect(bytes == erwartet)
        }
    }

    /// The radix sort orders by the chosen bits and keeps the input order among equal ones, as a stable
    /// comparison sort on the same bits does.
    @Test func radixWieStabileVergleichssortierung() {
        var g = SystemRandomNumberGenerator()
        for (anzahl, bits) in [(0, 0..<8), (1, 3..<40), (1000, 0..<5), (5000, 7..<31), (3000, 20..<64), (300, 2..<2)] {
            let werte = (0..<anzahl).map { _ in UInt64.random(in: 0...UInt64.max, using: &g) }
            func teil(_ x: UInt64) -> UInt64 {
                bits.isEmpty ? 0 : (x >> UInt64(bits.lowerBound)) & (UInt64.max >> UInt64(64 - bits.count))
            }
            let erwartet = werte.indices.sorted { (teil(werte[$0]), $0) < (teil(werte[$1]), $1) }.map { werte[$0] }
            for teile in [1, 2, 3] {
                var a = werte
                Langtabelle.radixsortieren(&a, bits: bits, teile: teile)
                #expect(a == erwartet)
            }
        }
        // Few distinct digits (passes left out where every value has the same digit).
        let werte: [UInt64] = (0..<2000).map { UInt64($0 % 3) << 30 | UInt64(1999 - $0) }
        for teile in [1, 2] {
            var a = werte
            Langtabelle.radixsortieren(&a, bits: 11..<40, teile: teile)
            #expect(a == werte.indices.sorted { (werte[$0] >> 11, $0) < (werte[$1] >> 11, $1) }.map { werte[$0] })
        }
    }

    /// A table large enough to be ordered in two halves on two cores gives the order of a stable comparison sort
    /// of its rows by szenario, ebene (raw value), nr, groesse (String <) and jahr.
    @Test func grosseTabelleInZweiHaelften() {
        var g = SystemRandomNumberGenerator()
        let nummern = ["1", "1.1", "1.10", "1.2", "2", "", "S\u{00FC}d/1.1", "Nord/2", "10"]
        let groessen = ["faelle", "aufwand", "ertrag", "kennzahl:a", "luecke"]
        let szenarien = ["status_quo", "best"]
        let ebenen = Ebene.allCases
        var t = Langtabelle()
        var zeilen: [Langzeile] = []
        for _ in 0..<(Langtabelle.parallelAb + 1234) {
            let z = Langzeile(
                szenario: szenarien.randomElement(using: &g)!, ebene: ebenen.randomElement(using: &g)!,
                nr: nummern.randomElement(using: &g)!, groesse: groessen.randomElement(using: &g)!,
                jahr: Int.random(in: 2024...2030, using: &g), wert: Double(Int.random(in: -5...5, using: &g)))
            zeilen.append(z)
            t.anfuegen(z)
        }
        func schluessel(_ z: Langzeile) -> (String, String, String, String, Int) {
            (z.szenario, z.ebene.rawValue, z.nr, z.groesse, z.jahr)
        }
        let erwartet = zeilen.indices.sorted {
            let a = schluessel(zeilen[$0]), b = schluessel(zeilen[$1])
            return a < b || (a == b && $0 < $1)
        }
        #expect(t.reihenfolge() == erwartet)
    }

    /// The longest numbers (the smallest subnormal, the largest finite value) fit the room the writer keeps.
    @Test func laengsteZahlen() {
        for v in [
            Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude,
            -Double.greatestFiniteMagnitude, -2.2250738585072014e-308,
        ] {
            let t = Langformat.zahl(v)
            #expect(t == zahlReferenz(v))
            #expect(t.utf8.count <= Kuerzestzahl.hoechstlaenge)
        }
        #expect(Langformat.zahl(-Double.leastNonzeroMagnitude).utf8.count == 327)
    }
}

/// The writer's pieces and the texts looked up once per table.
struct LangformatStueckTests {
    /// The Sozialraum/product texts by position are the texts `text(_:)` gives for "gebiet/nr": found once and
    /// kept while the lists hold the same bytes; lists equal as Strings but not in their bytes start afresh.
    @Test func gebietsnummernWieText() {
        let zusammen = "S\u{00FC}d", zerlegt = "Su\u{0308}d"
        var t = Langtabelle()
        t.gebietsnummern(gebiete: ["Nord", zusammen], nummern: ["1.1", "2"])
        let a = t.gebietsnummer(1, 0), b = t.gebietsnummer(0, 1)
        #expect(Array(t.texte[Int(a)].utf8) == Array("S\u{00FC}d/1.1".utf8))
        #expect(a == t.text(zusammen + "/1.1"))
        #expect(b == t.text("Nord/2"))
        #expect(t.gebietsnummer(1, 0) == a)
        let anzahl = t.texte.count
        // The same lists again (other array instances): the texts are kept, none is added.
        t.gebietsnummern(gebiete: ["Nord"] + [zusammen], nummern: ["1.1", "2"])
        #expect(t.gebietsnummer(1, 0) == a && t.gebietsnummer(0, 1) == b)
        #expect(t.texte.count == anzahl)
        // Decomposed "Süd": == as a String, other bytes, so another text with its own bytes.
        t.gebietsnummern(gebiete: ["Nord", zerlegt], nummern: ["1.1", "2"])
        let c = t.gebietsnummer(1, 0)
        #expect(c != a)
        #expect(Array(t.texte[Int(c)].utf8) == Array("Su\u{0308}d/1.1".utf8))
        #expect(t.gebietsnummer(0, 1) == b)
        // Other product numbers: other texts.
        t.gebietsnummern(gebiete: ["Nord", zerlegt], nummern: ["1.1", "3"])
        let d = t.gebietsnummer(0, 1)
        #expect(t.texte[Int(d)] == "Nord/3")
    }

    /// Formatted in pieces of any size (two side by side), the rows are the bytes of the rows written one by one
    /// in sorted order; each block handed over is at least the block size or `Schreibpuffer.direktAb` (but the
    /// last).
    @Test func stueckweiseGleichZeileFuerZeile() throws {
        let m = try #require(Musterstadt.modell)
        let p = Projektion(m)
        var zeilen = Langformat.zeilen(m, p.rechnen(m.szenarien[0]))
        // A quoted text, a year outside 32 bits, a value that is not written.
        zeilen.append(Langzeile(szenario: "s", ebene: .produkt, nr: "Ein \"A\"", groesse: "x;y", jahr: 2026, wert: -3))
        zeilen.append(Langzeile(szenario: "s", ebene: .produkt, nr: "10", groesse: "faelle", jahr: 1 << 40, wert: 8))
        zeilen.append(Langzeile(szenario: "s", ebene: .gesamt, nr: "", groesse: "luecke", jahr: 2027, wert: .nan))
        #expect(zeilen.count > 1000)
        var erwartet = Array(Langformat.kopfzeile.utf8)
        for z in Langzeile.sortiert(zeilen) { Langformat.zeile(z, an: &erwartet) }
        final class Sammler { var bytes: [UInt8] = []; var bloecke: [Int] = [] }
        for stueck in [1, 2, 3, 1000, zeilen.count - 1, zeilen.count, zeilen.count + 1] {
            for block in [1, 4096, 1 << 20] {
                let g = Sammler()
                var s = Langformat.Schreibpuffer(block: block) {
                    g.bytes.append(contentsOf: $0)
                    g.bloecke.append($0.count)
                }
                s.kopf()
                var t = Langtabelle(zeilen)
                s.zeilen(&t, stueck: stueck)
                s.leeren()
                #expect(g.bytes == erwartet, "stueck \(stueck), block \(block)")
                #expect(g.bloecke.dropLast().allSatisfy { $0 >= min(block, Langformat.Schreibpuffer.direktAb) })
            }
        }
    }

    /// The Ist rows of the Sozialräume written into a table are the rows built one by one as `Langzeile`s (the
    /// loop as it was written first), in the same order.
    @Test func sozialraumIstWieEinzelnGebaut() throws {
        let m = try #require(Musterstadt.modell)
        let p = Projektion(m)
        let s = m.sozialraum
        #expect(!s.faelle.isEmpty)
        var erwartet: [Langzeile] = []
        func add(_ nr: String, _ g: String, _ jahr: Int, _ v: Double) {
            if v.isFinite {
                erwartet.append(Langzeile(szenario: "ist", ebene: .gebiet, nr: nr, groesse: g, jahr: jahr, wert: v))
            }
        }
        for (k, v) in s.faelle { add("\(k.gebiet)/\(k.produkt)", "faelle", k.jahr, v) }
        var quoten = 0
        for (i, prod) in m.produkte.enumerated() {
            guard let kr = p.kleinraum[i] else { continue }
            for (g, gebiet) in m.bevoelkerung.gebiete.enumerated() {
                add("\(gebiet)/\(prod.nr)", "quote", m.basisjahr, kr.geglaettet[g])
                quoten += 1
            }
        }
        #expect(quoten > 0)
        for (k, v) in s.indikatorwerte { add(k.gebiet, "indikator:\(k.indikator)", k.jahr, v) }
        if let si = s.sozialindex, let index = Kleinraum.sozialindex(m) {
            for (g, gebiet) in m.bevoelkerung.gebiete.enumerated() { add(gebiet, "sozialindex", si.jahr, index[g]) }
        }
        for v in Kleinraum.verteilungen(m) {
            for (g, gebiet) in m.bevoelkerung.gebiete.enumerated() {
                add(gebiet, "verteilung:\(v.verteilung.id)", v.verteilung.jahr ?? m.haushaltsjahr, Double(v.euro[g]))
            }
        }
        #expect(Langformat.sozialraumIst(m, p) == erwartet)
        // Into a table that has the szenario rows' texts already (as `eckwert forecast` fills it).
        var t = Langtabelle()
        Langformat.zeilen(m, p.rechnen(m.szenarien[0]), in: &t)
        let vorher = t.count
        Langformat.sozialraumIst(m, p, in: &t)
        #expect(Array(t.langzeilen[vorher...]) == erwartet)
    }
}

/// The plans of many units of one run summed from the run's rows in one array.
struct PlanzeilenTests {
    /// A run of three years with four products (scheme of 3 Ergebnisplan and 2 Finanzplan lines); values with
    /// fractions that do not add exactly and a −0 (a one-product plan with a −0 is summed, not shared).
    func lauf() -> Rechenergebnis {
        var g = SystemRandomNumberGenerator()
        func reihe() -> [Double] { (0..<3).map { _ in Double.random(in: -1e6...1e6, using: &g) } }
        var produkte = (0..<4).map { i in
            Produktergebnis(nr: "\(i + 1)", ergebnisplan: (0..<3).map { _ in reihe() }, finanzplan: [reihe(), reihe()])
        }
        produkte[2].ergebnisplan[1][0] = -0.0
        return Rechenergebnis(
            szenario: "status_quo", jahre: [2026, 2027, 2028], bevoelkerung: [nil, nil, nil], produkte: produkte,
            warnungen: [])
    }

    @Test func summenWieProduktFuerProdukt() throws {
        let e = lauf()
        let pz = try #require(Planzeilen(e, zeilen: 3, finanzzeilen: 2))
        for indizes in [[0, 1, 2, 3], [3, 1], [2], [1], [], [2, 0, 2]] {
            let aus = Teilplan(e, indizes, zeilen: 3, finanzzeilen: 2, planzeilen: pz)
            let ohne = Teilplan(e, indizes, zeilen: 3, finanzzeilen: 2)
            // By hand: from 0, each product's value added in the order given.
            let reihen: [(KeyPath<Teilplan, [[Double]]>, KeyPath<Produktergebnis, [[Double]]>)] = [
                (\.ergebnisplan, \.ergebnisplan), (\.finanzplan, \.finanzplan),
            ]
            for (plan, zeilen) in reihen {
                for z in e.produkte[0][keyPath: zeilen].indices {
                    for t in 0..<3 {
                        var summe = 0.0
                        for i in indizes { summe += e.produkte[i][keyPath: zeilen][z][t] }
                        #expect(aus[keyPath: plan][z][t].bitPattern == summe.bitPattern)
                        #expect(ohne[keyPath: plan][z][t].bitPattern == summe.bitPattern)
                    }
                }
            }
        }
        // The −0 of product 3 alone: summed from 0 (+0), not shared.
        #expect(Teilplan(e, [2], zeilen: 3, finanzzeilen: 2, planzeilen: pz).ergebnisplan[1][0].bitPattern == 0)
    }

    /// Rows that are not the scheme's lines of one value a year: no Planzeilen (Teilplan sums the rows itself).
    @Test func unvollstaendigeZeilen() {
        var e = lauf()
        #expect(Planzeilen(e, zeilen: 4, finanzzeilen: 2) == nil)
        e.produkte[1].finanzplan[0].removeLast()
        #expect(Planzeilen(e, zeilen: 3, finanzzeilen: 2) == nil)
    }
}
