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

    /// In blocks of any size the bytes handed over are the whole text, each block at least the block size
    /// (but the last).
    @Test func csvInBloeckenGleichDemGanzen() {
        let ganz = Array(Langformat.csv(Self.zeilen).utf8)
        for block in [1, 7, 64, 1 << 20] {
            var teile: [[UInt8]] = []
            Langformat.csv(Self.zeilen, block: block) { teile.append(Array($0)) }
            #expect(Array(teile.joined()) == ganz)
            #expect(teile.dropLast().allSatisfy { $0.count >= block })
        }
    }
}
