import EckwertCore
import Foundation
import Testing
@testable import EckwertExport

/// The shown values a sheet keeps (for the cached values of its sums), in one flat array that is re-laid out when
/// the sheet grows wider: every value written is read back, cells never written read as empty, and a sum formula's
/// cached value is the sum of the shown parts — checked against a dictionary of the cells written.
@Suite struct BlattWerteTests {
    @Test func werteUeberVerbreiterungHinweg() throws {
        let ordner = NSTemporaryDirectory() + "blatt-werte-\(getpid())"
        try FileManager.default.createDirectory(atPath: ordner, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: ordner) }
        let l = ModellLader.laden(ordner: repoRoot + "/scenarios/musterstadt")
        let m = try #require(l.modell, "\(l.diagnostics)")
        let mappe = try Mappe(
            pfad: ordner + "/t.xlsx", modell: m, titel: "t", fusszeileRechts: "t", version: "t")
        defer { mappe.book.discard() }
        let b = try mappe.blatt("Werte", titel: "Werte")
        var erwartet: [[Int]: Double] = [:]
        // Narrow rows first, then columns far to the right (two widenings), then narrow rows again, out of order.
        let zellen = [(0, 0), (0, 3), (2, 1), (5, 7), (1, 9), (7, 2), (3, 20), (9, 0), (4, 4), (0, 1), (12, 35)]
        for (i, (r, c)) in zellen.enumerated() {
            let v = Double(i * 7 + 1) * (i % 2 == 0 ? 1 : -1)
            try b.zahl(v, r, c, .ganzzahl)
            erwartet[[r, c]] = v
        }
        try b.zahl(2.5, 0, 3, .dezimal)  // overwritten
        erwartet[[0, 3]] = 2.5
        for r in 0..<15 {
            for c in 0..<40 {
                let w = erwartet[[r, c]]
                #expect(b.hatWert(r, c) == (w != nil), "\(r),\(c)")
                #expect(b.wert(r, c) == (w ?? 0), "\(r),\(c)")
            }
        }
        #expect(!b.hatWert(1_000, 0) && b.wert(0, 1_000) == 0)
        // A sum over column 0 (rows 0, 9 and the empty row 3) caches the sum of what is shown there.
        try b.summe([(1, 0), (1, 9), (-1, 3)], spalte: 0, nach: 14, .ganzzahlSumme)
        #expect(b.wert(14, 0) == (erwartet[[0, 0]] ?? 0) + (erwartet[[9, 0]] ?? 0))
        #expect(b.wert(14, 0) == 1 - 50)
    }
}

/// The map table written straight into the document has the bytes of the general table writer fed with the same
/// rows (escaping, suppressed values, missing values, the unit in the head).
@Suite struct KartentabelleTests {
    @Test func gleicheBytesWieDieAllgemeineTabelle() {
        let werte = [
            Kartenwert(gebiet: "S01", name: "Altstadt & Hafen", wert: 1234.5),
            Kartenwert(gebiet: "S<2>", name: "Bahnhof \"Süd\"", wert: 2, gesperrt: true),
            Kartenwert(gebiet: "S03", name: "Chemiepark", wert: nil),
            Kartenwert(gebiet: "S04", name: "Dorf", wert: -0.25),
        ]
        for stellen in [0, 1, 2] {
            let k = Sozialraumbild.Kartenreihe(
                titel: "Hilfe zur Erziehung <HzE>", einheit: "Fälle je 1.000 & mehr", stellen: stellen, werte: werte,
                erlaeuterung: "e")
            var direkt = "vorher"
            AusschussHTML.kartentabelle(k, in: &direkt)
            let zeilen = werte.map { w -> (klasse: String?, zellen: [(String, Bool)]) in
                let wert = w.gesperrt ? Geheimhaltung.zeichen : Zahlformat.zahl(w.wert, stellen: stellen)
                return (nil, [(HTMLText.esc(w.gebiet), false), (HTMLText.esc(w.name), false), (wert, true)])
            }
            let allgemein =
                "vorher"
                + AusschussHTML.tabelle(
                    "Tabelle zur Karte: \(HTMLText.esc(k.titel))",
                    kopf: [("Sozialraum", false), ("Name", false), (HTMLText.esc(k.einheit), true)],
                    zeilen: zeilen, klasse: "kompakt")
            #expect(direkt == allgemein)
            #expect(direkt.contains("<th scope=\"row\">S&lt;2&gt;</th><td>Bahnhof &quot;Süd&quot;</td>"))
            #expect(direkt.contains("<td class=\"n\">•</td>") && direkt.hasSuffix("</tbody></table>\n"))
        }
    }

    /// The general writer itself, on a small table with a row group, row classes and a table class, against the
    /// markup written out by hand.
    @Test func allgemeineTabelleVonHand() {
        let t = AusschussHTML.tabelle(
            "Kopf", kopf: [("A", false), ("B", true)],
            zeilen: [(nil, [("Gruppe", false)]), ("summe", [("x", false), ("1", true)])], ersteSpalteKopf: false,
            klasse: "k")
        #expect(
            t == "<table class=\"k\"><caption>Kopf</caption><thead><tr><th scope=\"col\">A</th>"
                + "<th scope=\"col\" class=\"n\">B</th></tr></thead><tbody><tr><th scope=\"rowgroup\" colspan=\"2\">"
                + "Gruppe</th></tr><tr class=\"summe\"><td>x</td><td class=\"n\">1</td></tr></tbody></table>\n")
        #expect(
            AusschussHTML.tabelle(nil, kopf: [("A", false)], zeilen: [(nil, [("a", false)])])
                == "<table><thead><tr><th scope=\"col\">A</th></tr></thead><tbody><tr><th scope=\"row\">a</th></tr>"
                + "</tbody></table>\n")
    }
}
