import EckwertCore
import Foundation
import Testing

@testable import EckwertExport

/// The index of the Produktdatenblätter's Kennzahlen must pick exactly what the plain text search picks: a
/// Kennzahl belongs to a product when a Ziel of the product names it or its formula holds the number in quotes.
@Suite struct KennzahlverweiseTests {
    static func kennzahl(_ id: String, _ formel: String) -> Kennzahl {
        Kennzahl(
            id: id, name: id, einheit: nil, formel: formel, ausdruck: .zahl(0), richtung: nil, quelle: nil)
    }

    /// Formulas with the cases the index must get right: neighbouring quoted texts, a number only inside a longer
    /// quoted text, a quote pair spanning a comma, an unclosed quote, non-ASCII text and a repeated id.
    static let kennzahlen = [
        kennzahl("A", "faelle(\"36.3.1\") / bev()"),
        kennzahl("B", "zuschuss(\"36.3.10\") + zuschuss(\"36.3.1\")"),
        kennzahl("C", "faelle(\"36.3.1\",\"36.3.2\")"),
        kennzahl("D", "faelle(\"x36.3.2\") * 2"),
        kennzahl("E", "bev(alter=\"alle\") + \"36.3.3"),
        kennzahl("F", "faelle(\"36.3.2\") / bev(gebiet=\"Süd\")"),
        kennzahl("G", "faelle(\"36.3.4\")"),
        kennzahl("A", "zuschuss(\"11.1\")"),
        kennzahl("H", "\"\""),
    ]

    @Test(arguments: ["36.3.1", "36.3.2", "36.3.3", "36.3.10", "alle", ",", "Süd", "x\"y", "", "11.1"])
    func gleichDerTextsuche(nr: String) {
        let v = Kennzahlverweise(Self.kennzahlen)
        for ids in [Set<String>(), ["G"], ["A", "H"]] {
            // The second, plain calculation: the text search over every formula.
            let erwartet = Self.kennzahlen.filter { ids.contains($0.id) || $0.formel.contains("\"\(nr)\"") }
            let ist = v.kennzahlen(von: nr, ids: ids)
            #expect(ist.map(\.formel) == erwartet.map(\.formel), "nr \(nr), ids \(ids)")
        }
    }

    @Test func handgezaehlt() {
        let v = Kennzahlverweise(Self.kennzahlen)
        // "36.3.1" stands quoted in A, B and C (not in "36.3.10" alone); "," stands between the quotes of C.
        #expect(v.kennzahlen(von: "36.3.1", ids: []).map(\.id) == ["A", "B", "C"])
        #expect(v.kennzahlen(von: ",", ids: []).map(\.id) == ["C"])
        #expect(
            v.kennzahlen(von: "36.3.4", ids: ["A"]).map(\.formel) == [
                Self.kennzahlen[0].formel, Self.kennzahlen[6].formel, Self.kennzahlen[7].formel,
            ])
    }
}
