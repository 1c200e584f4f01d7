import Foundation
import Testing

@testable import EckwertExport

/// German number text and SVG coordinates, checked against plain reference formatters: the grouping by
/// reversing characters (what the documents used before the byte-level writer) and `String(Int)` / `String(Double)`.
@Suite struct ZahlformatTests {
    /// The reference: the same rounding, the digits from `String(Int64)` and grouped by reversing characters.
    static func referenz(_ v: Double, stellen: Int) -> String {
        guard v.isFinite else { return "n. v." }
        let r = Zahlformat.runden(v, stellen)
        let neg = r < 0 && r != 0
        let a = abs(r)
        var ganz = a.rounded(.towardZero)
        var bruch = ""
        if stellen > 0 {
            var f = 1.0
            for _ in 0..<stellen { f *= 10 }
            var nach = ((a - ganz) * f).rounded(.toNearestOrAwayFromZero)
            if nach >= f { nach -= f; ganz += 1 }
            let s = String(Int64(nach))
            bruch = "," + String(repeating: "0", count: max(0, stellen - s.count)) + s
        }
        let ziffern = ganz < 9.0e18 ? String(Int64(ganz)) : String(format: "%.0f", ganz)
        var gruppiert = ""
        for (i, c) in ziffern.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { gruppiert.append(".") }
            gruppiert.append(c)
        }
        return (neg ? "-" : "") + String(gruppiert.reversed()) + bruch
    }

    static let werte: [Double] = {
        var g = SystemRandomNumberGenerator()
        var w: [Double] = [
            0, -0.0, 0.5, -0.5, 0.05, -0.049, 1, 999, 1000, -1000, 999.995, 999_999.5, 1_234_567.891, 0.125,
            -0.125, 1e15, 1e18, 8.99e18, 9e18, 1.5e19, -2.5e20, .infinity, .nan, 123_456.0049, 99.999, 0.001,
        ]
        for e in -3...17 {
            for _ in 0..<40 {
                let x = Double.random(in: 0..<1, using: &g) * pow(10, Double(e))
                w.append(Bool.random(using: &g) ? x : -x)
            }
        }
        return w
    }()

    @Test func gleichDerReferenz() {
        for v in Self.werte {
            for stellen in [-1, 0, 1, 2, 3, 4] {
                #expect(Zahlformat.zahl(v, stellen: stellen) == Self.referenz(v, stellen: stellen), "\(v) \(stellen)")
            }
        }
    }

    /// Column widths count the characters of the shown number without building it.
    @Test func laengeGleichDerTextlaenge() {
        for v in Self.werte {
            for stellen in [-1, 0, 1, 2, 3, 4] {
                #expect(Zahlformat.laenge(v, stellen: stellen) == Self.referenz(v, stellen: stellen).count, "\(v)")
            }
        }
        #expect(Zahlformat.laenge(-1234.5) == 6 && Zahlformat.laenge(0.05, stellen: 1) == 3)
    }

    /// The escaping fast path (nothing to escape: the text itself) against escaping by hand.
    @Test func htmlEscapingWieVonHand() {
        let faelle: [(String, String)] = [
            ("Kita Süd 3–6 J.", "Kita Süd 3–6 J."), ("a<b & c>d", "a&lt;b &amp; c&gt;d"),
            ("\"Zitat\" 'x'", "&quot;Zitat&quot; &#39;x&#39;"), ("Zeile\nTab\tEnde\u{1}", "Zeile\nTab\tEnde "),
            ("", ""), ("\r\n", " \n"),
        ]
        for (ein, aus) in faelle { #expect(HTMLText.esc(ein) == aus, "\(ein)") }
    }

    /// Column widths: characters of the longest line (ASCII by bytes, other text by characters).
    @Test func laengsteZeile() {
        #expect(Blatt.laengsteZeile("abc\ndefgh") == 5 && Blatt.laengsteZeile("Ärger über") == 10)
        #expect(Blatt.laengsteZeile("") == 0 && Blatt.laengsteZeile("Produkt 31.1.01") == 15)
        // "\r\n" is one character and not a line break, as before.
        #expect(Blatt.laengsteZeile("a\r\nbc") == 4)
    }

    /// The byte count for text below U+0300 against counting characters, on German text, line breaks, combining
    /// marks, emoji and random scalars; text it does not handle goes character by character.
    @Test func laengsteZeileUeberBytesWieZeichenweise() {
        var texte = [
            "Fälle je Sozialraum", "Größe\nÄnderung ü", "Zeile 1\n\nZeile drei ist länger", "e\u{301}tude",
            "Ŧ ƀ ǅ ɐ ʯ ˿", "a\r\nb", "\r", "👩‍👩‍👧 Familie", "ü\n", "\n", "Ωmega", "\u{2FF}\u{300}x",
        ]
        var zufall = SystemRandomNumberGenerator()
        let vorrat: [Unicode.Scalar] = ["a", "Z", " ", "\n", "\r", "ä", "ß", "\u{2FF}", "\u{300}", "\u{301}", "€", "😀"]
        for _ in 0..<500 {
            var t = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &zufall) { t.append(vorrat.randomElement(using: &zufall)!) }
            texte.append(String(t))
        }
        for t in texte {
            #expect(Blatt.laengsteZeile(t) == Blatt.laengsteZeileZeichenweise(t), "\(t.unicodeScalars.map(\.value))")
        }
        // Counted by hand: "Größe" 5, "Änderung ü" 10; "e" + combining acute is one character.
        #expect(Blatt.laengsteZeile("Größe\nÄnderung ü") == 10 && Blatt.laengsteZeile("e\u{301}tude") == 5)
        var ohne = "Größe\nÄnderung ü"
        #expect(ohne.withUTF8 { Blatt.laengsteZeileSchnell($0) } == 10)
        ohne = "e\u{301}tude"
        #expect(ohne.withUTF8 { Blatt.laengsteZeileSchnell($0) } == nil)
    }

    /// A column's width from its smallest and largest number equals the widest of the widths of all its numbers,
    /// in every kind of display (the width of a number as `Zahlformat.zahl` shows it, plus 4).
    @Test func spaltenbreiteAusKleinsterUndGroessterZahl() {
        var zufall = SystemRandomNumberGenerator()
        let arten: [Mappe.Art] = [.betrag, .ganzzahl, .dezimal, .dezimalMarkiert, .prozent, .prozentSumme]
        for runde in 0..<300 {
            var spannen = Zahlspannen()
            var breiteste = 0.0
            for _ in 0..<Int.random(in: 1...20, using: &zufall) {
                let art = arten.randomElement(using: &zufall)!
                let groesse = [1.0, 100, 1e4, 1e7, 1e12][runde % 5]
                let v = (Double.random(in: -1...1, using: &zufall) * groesse * 1000).rounded() / 1000
                spannen.aufnehmen(v, Zahlspannen.Darstellung(art))
                breiteste = max(breiteste, Blatt.breite(v, art))
            }
            #expect(spannen.breite == breiteste)
        }
        // By hand: -1.234.567 is 10 characters (+4); 0,125 as percent is "12,5" (4, +4); 9,999 with 2 decimals
        // rounds to "10,00" (5, +4).
        var s = Zahlspannen()
        s.aufnehmen(-1_234_567, .ganz)
        s.aufnehmen(5, .ganz)
        #expect(s.breite == 14)
        var p = Zahlspannen()
        p.aufnehmen(0.125, .prozent)
        p.aufnehmen(0.05, .prozent)
        #expect(p.breite == 8)
        var z = Zahlspannen()
        z.aufnehmen(9.999, .zwei)
        #expect(z.breite == 9 && Zahlspannen().breite == 0)
    }

    @Test func spaltennamenUndZitate() {
        #expect(XlsxNames.columnName(0) == "A" && XlsxNames.columnName(25) == "Z" && XlsxNames.columnName(26) == "AA")
        #expect(XlsxNames.columnName(701) == "ZZ" && XlsxNames.columnName(702) == "AAA")
        #expect(XlsxNames.columnName(16_383) == "XFD")
        #expect(XlsxNames.quotedSheetName("Jugend's Plan") == "'Jugend''s Plan'")
        #expect(XlsxNames.quotedSheetName("Teilplan 31") == "'Teilplan 31'")
    }

    @Test func vonHandGeschrieben() {
        #expect(Zahlformat.zahl(1_234_567.891, stellen: 2) == "1.234.567,89")
        #expect(Zahlformat.zahl(-0.004, stellen: 2) == "0,00")
        #expect(Zahlformat.zahl(-1234.5) == "-1.235")
        #expect(Zahlformat.zahl(999.995, stellen: 2) == "1.000,00")
        #expect(Zahlformat.zahl(0.05, stellen: 1) == "0,1")
        #expect(Zahlformat.zahl(nil) == "n. v.")
    }

    @Test func svgKoordinaten() {
        #expect(SVGDiagramm.f(12) == "12" && SVGDiagramm.f(12.54) == "12.5" && SVGDiagramm.f(-0.46) == "-0.5")
        #expect(SVGDiagramm.f(-0.04) == "0" && SVGDiagramm.f(0.96) == "1")
        for v in Self.werte where v.isFinite && abs(v) < 1e17 {
            let r = (v * 10).rounded() / 10
            let erwartet = r == r.rounded() ? String(Int(r)) : String(r)
            #expect(SVGDiagramm.f(v) == erwartet, "\(v)")
        }
    }
}
