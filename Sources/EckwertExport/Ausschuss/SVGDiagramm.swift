import EckwertCore
import Foundation

/// HTML text escaping: every text from the model passes through here before it reaches the document.
enum HTMLText {
    /// Escapes `& < > " '` (safe in text and in quoted attribute values).
    static func esc(_ s: String) -> String {
        // Most text has nothing to escape: return it as it is, without building a copy.
        let rein = s.utf8.allSatisfy { b in
            b >= 0x20 ? b != 0x26 && b != 0x3C && b != 0x3E && b != 0x22 && b != 0x27 : b == 0x0A || b == 0x09
        }
        if rein { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab/newline have no place in a document.
                if c.value < 0x20 && c != "\n" && c != "\t" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}

/// A value axis: range and tick positions.
struct Achse {
    var min: Double
    var max: Double
    var ticks: [Double]
    var stellen: Int

    /// "Nice" ticks (1, 2, 2.5, 5 × 10^k) covering `lo … hi`; `mitNull` extends the range to 0.
    static func skala(_ lo0: Double, _ hi0: Double, ziel: Int = 5, mitNull: Bool = false) -> Achse {
        var lo = lo0.isFinite ? lo0 : 0, hi = hi0.isFinite ? hi0 : 1
        if mitNull { lo = Swift.min(lo, 0); hi = Swift.max(hi, 0) }
        if hi - lo < 1e-12 { hi = lo + (lo == 0 ? 1 : abs(lo) * 0.1) }
        let roh = (hi - lo) / Double(Swift.max(1, ziel))
        var p = 1.0
        while p * 10 <= roh { p *= 10 }
        while p > roh { p /= 10 }
        let schritt = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * p }.first { $0 >= roh } ?? p * 10
        let a = (lo / schritt).rounded(.down) * schritt, b = (hi / schritt).rounded(.up) * schritt
        var ticks: [Double] = []
        var x = a
        while x <= b + schritt * 1e-9 { ticks.append(abs(x) < schritt * 1e-9 ? 0 : x); x += schritt }
        var stellen = 0
        var s = schritt
        while s < 1 - 1e-9, stellen < 6 { s *= 10; stellen += 1 }
        if schritt.truncatingRemainder(dividingBy: 1) != 0 && stellen == 0 { stellen = 1 }
        if (schritt * 10).truncatingRemainder(dividingBy: 1) > 1e-9 { stellen = Swift.max(stellen, 2) }
        return Achse(min: a, max: b, ticks: ticks, stellen: stellen)
    }
}

/// Line style of a series: colour (Okabe–Ito, distinguishable with colour-vision deficiency), dash pattern and
/// marker shape, so that no series is told apart by colour alone.
struct Linienstil {
    var farbe: String
    var strich: String?
    var marker: Marker
    var breite: Double = 3.5

    enum Marker { case kreis, quadrat, dreieck, raute, keiner }

    static let ist = Linienstil(farbe: "#000000", strich: nil, marker: .kreis)
    /// The Planung der Kämmerei: grey, dotted, no marker (an input beside the forecast, not a scenario).
    static let planung = Linienstil(farbe: "#595959", strich: "2 3", marker: .keiner, breite: 2.5)
    static let szenarien: [Linienstil] = [
        Linienstil(farbe: "#009E73", strich: "10 6", marker: .dreieck),  // best
        Linienstil(farbe: "#0072B2", strich: nil, marker: .quadrat),  // status quo
        Linienstil(farbe: "#D55E00", strich: "3 5", marker: .raute),  // worst
        Linienstil(farbe: "#CC79A7", strich: "12 4 3 4", marker: .kreis),
        Linienstil(farbe: "#E69F00", strich: "6 3", marker: .quadrat),
    ]
}

/// Inline SVG charts. Every chart is a `<figure>` with an `<svg role="img">` that carries `aria-label`, a
/// `<title>` and a `<desc>`, a legend drawn in the picture, axis titles with units, and a `<figcaption>`.
/// Numbers are German (Zahlformat). All text is escaped.
enum SVGDiagramm {
    static let breite = 1000.0
    static let schrift = "font-family=\"DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif\""

    /// A running number for ids (clip paths, patterns): deterministic within one document.
    final class Ids {
        private var n = 0
        func neu(_ praefix: String) -> String { n += 1; return "\(praefix)-\(n)" }
    }

    static func kopf(_ id: String, titel: String, beschreibung: String, hoehe: Double) -> String {
        """
        <svg viewBox="0 0 \(Int(breite)) \(Int(hoehe))" role="img" \
        aria-labelledby="\(id)-t \(id)-d" aria-label="\(HTMLText.esc(titel))" \(schrift) font-size="17">\
        <title id="\(id)-t">\(HTMLText.esc(titel))</title><desc id="\(id)-d">\(HTMLText.esc(beschreibung))</desc>
        """ + text(titel, x: 12, y: 30, groesse: 23, fett: true)
    }

    /// Space above the plot for the visible title.
    static let titelraum = 52.0

    /// A coordinate to a tenth: "12", "12.5", "-0.5" (as `String(Int)` / `String(Double)` write them).
    static func f(_ x: Double) -> String {
        let n = (x * 10).rounded()
        let r = n / 10
        if r == r.rounded() { return Zahlformat.ganzzahl(Int(r)) }
        // Below 10^15 tenths the shortest text of n / 10 is its integer part, a point and the tenth digit.
        guard abs(n) < 1e15 else { return String(r) }
        let z = Int(n)
        let q = Zahlformat.ganzzahl(abs(z) / 10)
        return (z < 0 ? "-" : "") + q + "." + Zahlformat.ganzzahl(abs(z) % 10)
    }

    static func text(
        _ s: String, x: Double, y: Double, anker: String = "start", groesse: Double? = nil,
        fett: Bool = false, farbe: String = "#000", drehung: Double? = nil, halo: Bool = false
    ) -> String {
        var a = "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anker)\" fill=\"\(farbe)\""
        // A white outline keeps a label readable where it crosses a line or another mark.
        if halo { a += " stroke=\"#fff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        if let groesse { a += " font-size=\"\(f(groesse))\"" }
        if fett { a += " font-weight=\"bold\"" }
        if let drehung { a += " transform=\"rotate(\(f(drehung)) \(f(x)) \(f(y)))\"" }
        return a + ">\(HTMLText.esc(s))</text>"
    }

    static func marker(_ m: Linienstil.Marker, x: Double, y: Double, farbe: String, r: Double = 6) -> String {
        switch m {
        case .kreis:
            return
                "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" fill=\"\(farbe)\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
        case .quadrat:
            return
                "<rect x=\"\(f(x - r))\" y=\"\(f(y - r))\" width=\"\(f(2 * r))\" height=\"\(f(2 * r))\" fill=\"\(farbe)\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
        case .dreieck:
            return
                "<path d=\"M\(f(x)) \(f(y - r * 1.2)) L\(f(x + r * 1.1)) \(f(y + r * 0.8)) L\(f(x - r * 1.1)) \(f(y + r * 0.8)) Z\" fill=\"\(farbe)\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
        case .raute:
            return
                "<path d=\"M\(f(x)) \(f(y - r * 1.3)) L\(f(x + r * 1.1)) \(f(y)) L\(f(x)) \(f(y + r * 1.3)) L\(f(x - r * 1.1)) \(f(y)) Z\" fill=\"\(farbe)\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
        case .keiner: return ""
        }
    }

    /// Legend entries laid out left to right (wrapping), starting at `y`. Returns the SVG and the height used.
    static func legende(
        _ eintraege: [(symbol: (Double, Double) -> String, text: String)], y: Double, links: Double = 20
    ) -> (String, Double) {
        var out = "<g class=\"legende\">"
        var x = links, zeile = y
        for e in eintraege {
            let w = 48 + Double(e.text.count) * 9.6 + 28
            if x + w > breite - 10 && x > links { x = links; zeile += 30 }
            out += e.symbol(x, zeile)
            out += text(e.text, x: x + 48, y: zeile + 6)
            x += w
        }
        return (out + "</g>", zeile - y + 30)
    }

    static func linienSymbol(_ s: Linienstil) -> (Double, Double) -> String {
        { x, y in
            "<line x1=\"\(f(x))\" y1=\"\(f(y))\" x2=\"\(f(x + 40))\" y2=\"\(f(y))\" stroke=\"\(s.farbe)\" stroke-width=\"\(f(s.breite))\"\(s.strich.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
                + marker(s.marker, x: x + 20, y: y, farbe: s.farbe)
        }
    }

    static func flaechenSymbol(
        _ farbe: String, muster: String? = nil, deckkraft: Double = 1
    ) -> (Double, Double) -> String {
        { x, y in
            "<rect x=\"\(f(x + 4))\" y=\"\(f(y - 10))\" width=\"32\" height=\"20\" fill=\"\(farbe)\" fill-opacity=\"\(f(deckkraft))\" stroke=\"#333\" stroke-width=\"1\"/>"
                + (muster.map {
                    "<rect x=\"\(f(x + 4))\" y=\"\(f(y - 10))\" width=\"32\" height=\"20\" fill=\"url(#\($0))\" stroke=\"none\"/>"
                } ?? "")
        }
    }

    // MARK: - Line chart with optional band

    struct Reihe {
        var name: String
        /// One value per category (nil = no point).
        var werte: [Double?]
        var stil: Linienstil
    }

    struct Band {
        var name: String
        var unten: [Double?]
        var oben: [Double?]
    }

    /// Years on x, values on y (already in the unit of `yTitel`).
    static func linien(
        id: String, titel: String, beschreibung: String, jahre: [Int], reihen: [Reihe], band: Band?,
        xTitel: String, yTitel: String, mitNull: Bool = false, hoehe: Double = 470, trenner: Int? = nil
    ) -> String {
        let alle =
            reihen.flatMap { $0.werte.compactMap { $0 } }
            + (band.map { $0.unten.compactMap { $0 } + $0.oben.compactMap { $0 } } ?? [])
        let achse = Achse.skala(alle.min() ?? 0, alle.max() ?? 1, ziel: 6, mitNull: mitNull)
        let l = 110.0, r = 30.0, o = titelraum
        var eintraege: [(symbol: (Double, Double) -> String, text: String)] = reihen.map {
            (linienSymbol($0.stil), $0.name)
        }
        if let band { eintraege.append((flaechenSymbol("#0072B2", deckkraft: 0.22), band.name)) }
        let u = hoehe - 90.0
        let (leg, legH) = legende(eintraege, y: u + 92)
        let h = u + 92 + legH
        let pw = breite - l - r, ph = u - o
        func x(_ i: Int) -> Double { l + (jahre.count <= 1 ? pw / 2 : pw * Double(i) / Double(jahre.count - 1)) }
        func y(_ v: Double) -> Double { u - (v - achse.min) / (achse.max - achse.min) * ph }
        var s = kopf(id, titel: titel, beschreibung: beschreibung, hoehe: h)
        for t in achse.ticks {
            s +=
                "<line x1=\"\(f(l))\" x2=\"\(f(breite - r))\" y1=\"\(f(y(t)))\" y2=\"\(f(y(t)))\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>"
            s += text(Zahlformat.zahl(t, stellen: achse.stellen), x: l - 10, y: y(t) + 6, anker: "end")
        }
        if let trenner, trenner > 0, trenner < jahre.count {
            let xt = (x(trenner - 1) + x(trenner)) / 2
            s +=
                "<line x1=\"\(f(xt))\" x2=\"\(f(xt))\" y1=\"\(f(o))\" y2=\"\(f(u))\" stroke=\"#666\" stroke-dasharray=\"4 4\"/>"
            s += text("Ist", x: xt - 8, y: o + 18, anker: "end", farbe: "#333")
            s += text("Prognose", x: xt + 8, y: o + 18, farbe: "#333")
        }
        for (i, j) in jahre.enumerated() {
            s += text(String(j), x: x(i), y: u + 26, anker: "middle")
        }
        s +=
            "<line x1=\"\(f(l))\" x2=\"\(f(breite - r))\" y1=\"\(f(u))\" y2=\"\(f(u))\" stroke=\"#000\" stroke-width=\"1.5\"/>"
        s += text(xTitel, x: l + pw / 2, y: u + 56, anker: "middle", fett: true)
        s += text(yTitel, x: 22, y: o + ph / 2, anker: "middle", fett: true, drehung: -90)
        if let band {
            var oben: [(Double, Double)] = [], unten: [(Double, Double)] = []
            for i in jahre.indices {
                if i < band.oben.count, i < band.unten.count, let a = band.oben[i], let b = band.unten[i] {
                    oben.append((x(i), y(a))); unten.append((x(i), y(b)))
                }
            }
            if oben.count > 1 {
                let pts = (oben + unten.reversed()).map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
                s +=
                    "<polygon points=\"\(pts)\" fill=\"#0072B2\" fill-opacity=\"0.22\" stroke=\"#0072B2\" stroke-opacity=\"0.5\" stroke-width=\"1\"/>"
            }
        }
        for rh in reihen {
            var seg: [String] = []
            for (i, v) in rh.werte.enumerated() where i < jahre.count {
                if let v { seg.append("\(f(x(i))),\(f(y(v)))") }
            }
            if seg.count > 1 {
                s +=
                    "<polyline points=\"\(seg.joined(separator: " "))\" fill=\"none\" stroke=\"\(rh.stil.farbe)\" stroke-width=\"\(f(rh.stil.breite))\"\(rh.stil.strich.map { " stroke-dasharray=\"\($0)\"" } ?? "") stroke-linejoin=\"round\"/>"
            }
            for (i, v) in rh.werte.enumerated() where i < jahre.count {
                if let v { s += marker(rh.stil.marker, x: x(i), y: y(v), farbe: rh.stil.farbe) }
            }
        }
        return s + leg + "</svg>"
    }

    // MARK: - Stacked columns (positive parts up, negative parts down)

    struct Komponente {
        var name: String
        var werte: [Double]
        var farbe: String
        /// Id of a hatch pattern drawn on top, so the parts differ by more than colour.
        var muster: String?
    }

    /// SVG `<defs>` with hatch patterns in the given ids.
    static func muster(_ ids: [String: String]) -> String {
        var s = "<defs>"
        for (id, art) in ids.sorted(by: { $0.key < $1.key }) {
            let linie: String
            switch art {
            case "diagonal": linie = "<path d=\"M0 10 L10 0\" stroke=\"#fff\" stroke-width=\"2\"/>"
            case "senkrecht": linie = "<path d=\"M5 0 L5 10\" stroke=\"#fff\" stroke-width=\"2\"/>"
            case "punkte": linie = "<circle cx=\"5\" cy=\"5\" r=\"1.8\" fill=\"#fff\"/>"
            default: linie = "<path d=\"M0 5 L10 5\" stroke=\"#fff\" stroke-width=\"2\"/>"
            }
            s += "<pattern id=\"\(id)\" width=\"10\" height=\"10\" patternUnits=\"userSpaceOnUse\">\(linie)</pattern>"
        }
        return s + "</defs>"
    }

    static func saeulen(
        id: String, titel: String, beschreibung: String, kategorien: [String], komponenten: [Komponente],
        summe: [Double]?, summenName: String, xTitel: String, yTitel: String, hoehe: Double = 520,
        musterDefs: String = ""
    ) -> String {
        var hiV = 0.0, loV = 0.0
        for k in kategorien.indices {
            var p = 0.0, n = 0.0
            for c in komponenten where k < c.werte.count {
                if c.werte[k] > 0 { p += c.werte[k] } else { n += c.werte[k] }
            }
            hiV = max(hiV, p); loV = min(loV, n)
        }
        let achse = Achse.skala(loV, hiV, ziel: 6, mitNull: true)
        let l = 110.0, r = 30.0, o = titelraum
        var eintraege: [(symbol: (Double, Double) -> String, text: String)] = komponenten.map {
            (flaechenSymbol($0.farbe, muster: $0.muster), $0.name)
        }
        if summe != nil {
            eintraege.append(
                (
                    { x, y in
                        "<line x1=\"\(f(x + 4))\" x2=\"\(f(x + 36))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"#000\" stroke-width=\"4\"/>"
                    }, summenName
                ))
        }
        let u = hoehe - 120.0
        let (leg, legH) = legende(eintraege, y: u + 98)
        let h = u + 98 + legH
        let pw = breite - l - r, ph = u - o
        func y(_ v: Double) -> Double { u - (v - achse.min) / (achse.max - achse.min) * ph }
        let slot = pw / Double(max(1, kategorien.count)), bw = min(90, slot * 0.62)
        var s = kopf(id, titel: titel, beschreibung: beschreibung, hoehe: h) + musterDefs
        for t in achse.ticks {
            s +=
                "<line x1=\"\(f(l))\" x2=\"\(f(breite - r))\" y1=\"\(f(y(t)))\" y2=\"\(f(y(t)))\" stroke=\"\(t == 0 ? "#000" : "#c8c8c8")\" stroke-width=\"\(t == 0 ? "1.5" : "1")\"/>"
            s += text(Zahlformat.zahl(t, stellen: achse.stellen), x: l - 10, y: y(t) + 6, anker: "end")
        }
        for (k, name) in kategorien.enumerated() {
            let xm = l + slot * (Double(k) + 0.5)
            var p = 0.0, n = 0.0
            for c in komponenten where k < c.werte.count && c.werte[k] != 0 {
                let v = c.werte[k]
                let (a, b) = v > 0 ? (p, p + v) : (n + v, n)
                if v > 0 { p += v } else { n += v }
                let y0 = y(b), hgt = max(0.5, y(a) - y(b))
                let rect = "x=\"\(f(xm - bw / 2))\" y=\"\(f(y0))\" width=\"\(f(bw))\" height=\"\(f(hgt))\""
                s += "<rect \(rect) fill=\"\(c.farbe)\" stroke=\"#fff\" stroke-width=\"1\"/>"
                if let m = c.muster { s += "<rect \(rect) fill=\"url(#\(m))\"/>" }
            }
            if let summe, k < summe.count {
                let ys = y(summe[k])
                s +=
                    "<line x1=\"\(f(xm - bw / 2 - 8))\" x2=\"\(f(xm + bw / 2 + 8))\" y1=\"\(f(ys))\" y2=\"\(f(ys))\" stroke=\"#000\" stroke-width=\"4\"/>"
            }
            s += text(name, x: xm, y: u + 26, anker: "middle")
        }
        s += text(xTitel, x: l + pw / 2, y: u + 62, anker: "middle", fett: true)
        s += text(yTitel, x: 22, y: o + ph / 2, anker: "middle", fett: true, drehung: -90)
        return s + leg + "</svg>"
    }

    // MARK: - Pareto (ABC)

    struct ParetoBalken {
        var label: String
        var wert: Double
        var kumuliert: Double
        var klasse: String
    }

    static let klassenFarbe = ["A": "#0072B2", "B": "#E69F00", "C": "#999999"]

    static func pareto(
        id: String, titel: String, beschreibung: String, balken: [ParetoBalken], grenzeA: Double,
        grenzeB: Double, yTitel: String, xTitel: String, hoehe: Double = 560
    ) -> String {
        let achse = Achse.skala(
            min(0, balken.map(\.wert).min() ?? 0), balken.map(\.wert).max() ?? 1, ziel: 6, mitNull: true)
        let l = 110.0, r = 90.0, o = titelraum + 14
        let eintraege: [(symbol: (Double, Double) -> String, text: String)] = [
            (flaechenSymbol(klassenFarbe["A"] ?? "#000"), "A-Produkt"),
            (flaechenSymbol(klassenFarbe["B"] ?? "#000", muster: "\(id)-mB"), "B-Produkt"),
            (flaechenSymbol(klassenFarbe["C"] ?? "#000", muster: "\(id)-mC"), "C-Produkt"),
            (
                linienSymbol(Linienstil(farbe: "#000", strich: nil, marker: .kreis, breite: 3)),
                "kumulierter Anteil (rechte Achse)"
            ),
            (
                { x, y in
                    "<line x1=\"\(f(x))\" x2=\"\(f(x + 40))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"#000\" stroke-dasharray=\"8 5\" stroke-width=\"1.5\"/>"
                },
                "Klassengrenzen A \(Zahlformat.prozent(grenzeA, stellen: 0)), B \(Zahlformat.prozent(grenzeB, stellen: 0))"
            ),
        ]
        let u = hoehe - 150.0
        let (leg, legH) = legende(eintraege, y: u + 136)
        let h = u + 136 + legH
        let pw = breite - l - r, ph = u - o
        func y(_ v: Double) -> Double { u - (v - achse.min) / (achse.max - achse.min) * ph }
        func yp(_ p: Double) -> Double { u - p * ph }
        let slot = pw / Double(max(1, balken.count)), bw = min(60, slot * 0.7)
        var s =
            kopf(id, titel: titel, beschreibung: beschreibung, hoehe: h)
            + muster(["\(id)-mB": "diagonal", "\(id)-mC": "punkte"])
        for t in achse.ticks {
            s +=
                "<line x1=\"\(f(l))\" x2=\"\(f(breite - r))\" y1=\"\(f(y(t)))\" y2=\"\(f(y(t)))\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>"
            s += text(Zahlformat.zahl(t, stellen: achse.stellen), x: l - 10, y: y(t) + 6, anker: "end")
        }
        for p in stride(from: 0.0, through: 1.0, by: 0.2) {
            s += text(Zahlformat.zahl(p * 100) + " %", x: breite - r + 10, y: yp(p) + 6)
        }
        for g in [grenzeA, grenzeB] {
            s +=
                "<line x1=\"\(f(l))\" x2=\"\(f(breite - r))\" y1=\"\(f(yp(g)))\" y2=\"\(f(yp(g)))\" stroke=\"#000\" stroke-dasharray=\"8 5\" stroke-width=\"1.5\"/>"
        }
        var pts: [String] = []
        for (k, b) in balken.enumerated() {
            let xm = l + slot * (Double(k) + 0.5)
            let farbe = klassenFarbe[b.klasse] ?? "#999"
            let (a, c) = b.wert >= 0 ? (0.0, b.wert) : (b.wert, 0.0)
            let rect =
                "x=\"\(f(xm - bw / 2))\" y=\"\(f(y(c)))\" width=\"\(f(bw))\" height=\"\(f(max(0.5, y(a) - y(c))))\""
            s += "<rect \(rect) fill=\"\(farbe)\"/>"
            if b.klasse != "A" { s += "<rect \(rect) fill=\"url(#\(id)-m\(b.klasse))\"/>" }
            s += text(b.klasse, x: xm, y: y(c) - 8, anker: "middle", groesse: 16, fett: true, halo: true)
            s += text(b.label, x: xm + 5, y: u + 14, anker: "end", groesse: 15, drehung: -55)
            pts.append("\(f(xm)),\(f(yp(b.kumuliert)))")
        }
        s +=
            "<line x1=\"\(f(l))\" x2=\"\(f(breite - r))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\" stroke=\"#000\" stroke-width=\"1.5\"/>"
        if pts.count > 1 {
            s += "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"#000\" stroke-width=\"3\"/>"
        }
        for p in pts {
            let c = p.split(separator: ",").compactMap { Double($0) }
            if c.count == 2 { s += marker(.kreis, x: c[0], y: c[1], farbe: "#000", r: 5) }
        }
        s += text(xTitel, x: l + pw / 2, y: u + 100, anker: "middle", fett: true)
        s += text(yTitel, x: 22, y: o + ph / 2, anker: "middle", fett: true, drehung: -90)
        s += text("kumulierter Anteil", x: breite - 12, y: o + ph / 2, anker: "middle", fett: true, drehung: 90)
        return s + leg + "</svg>"
    }

    // MARK: - Portfolio scatter

    struct Punkt {
        var label: String
        var x: Double
        var y: Double
        /// Filled (freiwillig) or ring (pflicht).
        var gefuellt: Bool
    }

    static func portfolio(
        id: String, titel: String, beschreibung: String, punkte: [Punkt], medianX: Double, medianY: Double,
        yMax: Double, quadranten: (obenLinks: String, obenRechts: String, untenLinks: String, untenRechts: String),
        xTitel: String, yTitel: String, legendeGefuellt: String, legendeRing: String, hoehe: Double = 640
    ) -> String {
        // Costs spread over two orders of magnitude: a linear axis crowds the small products into a strip at the
        // left. With every value positive the x axis is logarithmic (ticks 1-2-5), otherwise linear from 0.
        let xs = punkte.map(\.x)
        let logX = !xs.isEmpty && xs.allSatisfy { $0 > 0 } && medianX > 0
        var xTicks: [Double] = [], xStellen = 0
        var x0 = 0.0, x1 = 1.0
        if logX {
            let lo = xs.min() ?? 1, hi = xs.max() ?? 10
            var kandidaten: [Double] = []
            var e = Foundation.floor(log10(lo)) - 1
            while e <= Foundation.ceil(log10(hi)) + 1 {
                for m in [1.0, 2.0, 5.0] { kandidaten.append(m * pow(10, e)) }
                e += 1
            }
            x0 = kandidaten.last { $0 <= lo * 0.8 } ?? lo
            x1 = kandidaten.first { $0 >= hi * 1.15 } ?? hi
            xTicks = kandidaten.filter { $0 >= x0 * 0.999 && $0 <= x1 * 1.001 }
            xStellen = x0 < 1 ? 1 : 0
        } else {
            let ax = Achse.skala(min(0, xs.min() ?? 0), xs.max() ?? 1, ziel: 6, mitNull: true)
            x0 = ax.min; x1 = ax.max; xTicks = ax.ticks; xStellen = ax.stellen
        }
        let ay = Achse.skala(0, max(yMax, punkte.map(\.y).max() ?? 1), ziel: 6, mitNull: true)
        let l = 100.0, r = 30.0, o = titelraum
        let eintraege: [(symbol: (Double, Double) -> String, text: String)] = [
            ({ x, y in marker(.kreis, x: x + 20, y: y, farbe: "#0072B2", r: 8) }, legendeGefuellt),
            (
                { x, y in
                    "<circle cx=\"\(f(x + 20))\" cy=\"\(f(y))\" r=\"7\" fill=\"#fff\" stroke=\"#D55E00\" stroke-width=\"3\"/>"
                }, legendeRing
            ),
            (
                { x, y in
                    "<line x1=\"\(f(x))\" x2=\"\(f(x + 40))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"#000\" stroke-dasharray=\"8 5\" stroke-width=\"2\"/>"
                }, "Median (Quadrantengrenze)"
            ),
        ]
        let u = hoehe - 100.0
        let (leg, legH) = legende(eintraege, y: u + 92)
        let h = u + 92 + legH
        let pw = breite - l - r, ph = u - o
        func px(_ v: Double) -> Double {
            logX ? l + (log10(max(v, x0)) - log10(x0)) / (log10(x1) - log10(x0)) * pw : l + (v - x0) / (x1 - x0) * pw
        }
        func py(_ v: Double) -> Double { u - (v - ay.min) / (ay.max - ay.min) * ph }
        var s = kopf(id, titel: titel, beschreibung: beschreibung, hoehe: h)
        let mx = px(medianX), my = py(medianY)
        // Quadrant backgrounds (light, with the name in the corner).
        s += "<rect x=\"\(f(l))\" y=\"\(f(o))\" width=\"\(f(mx - l))\" height=\"\(f(my - o))\" fill=\"#e8f4ec\"/>"
        s +=
            "<rect x=\"\(f(mx))\" y=\"\(f(o))\" width=\"\(f(breite - r - mx))\" height=\"\(f(my - o))\" fill=\"#eef3fa\"/>"
        s += "<rect x=\"\(f(l))\" y=\"\(f(my))\" width=\"\(f(mx - l))\" height=\"\(f(u - my))\" fill=\"#f4f4f4\"/>"
        s +=
            "<rect x=\"\(f(mx))\" y=\"\(f(my))\" width=\"\(f(breite - r - mx))\" height=\"\(f(u - my))\" fill=\"#fbeee6\"/>"
        for t in xTicks {
            s += "<line x1=\"\(f(px(t)))\" x2=\"\(f(px(t)))\" y1=\"\(f(o))\" y2=\"\(f(u))\" stroke=\"#d0d0d0\"/>"
            s += text(Zahlformat.zahl(t, stellen: t < 1 ? max(1, xStellen) : 0), x: px(t), y: u + 26, anker: "middle")
        }
        for t in ay.ticks {
            s +=
                "<line x1=\"\(f(l))\" x2=\"\(f(breite - r))\" y1=\"\(f(py(t)))\" y2=\"\(f(py(t)))\" stroke=\"#d0d0d0\"/>"
            s += text(Zahlformat.zahl(t, stellen: ay.stellen), x: l - 10, y: py(t) + 6, anker: "end")
        }
        s +=
            "<line x1=\"\(f(mx))\" x2=\"\(f(mx))\" y1=\"\(f(o))\" y2=\"\(f(u))\" stroke=\"#000\" stroke-dasharray=\"8 5\" stroke-width=\"2\"/>"
        s +=
            "<line x1=\"\(f(l))\" x2=\"\(f(breite - r))\" y1=\"\(f(my))\" y2=\"\(f(my))\" stroke=\"#000\" stroke-dasharray=\"8 5\" stroke-width=\"2\"/>"
        s += text(quadranten.obenLinks, x: l + 10, y: o + 26, groesse: 20, fett: true, farbe: "#1a5e36")
        s += text(
            quadranten.obenRechts, x: breite - r - 10, y: o + 26, anker: "end", groesse: 20, fett: true,
            farbe: "#1f3f6e")
        s += text(quadranten.untenLinks, x: l + 10, y: u - 12, groesse: 20, fett: true, farbe: "#444")
        s += text(
            quadranten.untenRechts, x: breite - r - 10, y: u - 12, anker: "end", groesse: 20, fett: true,
            farbe: "#8a3a0b")
        s +=
            "<rect x=\"\(f(l))\" y=\"\(f(o))\" width=\"\(f(pw))\" height=\"\(f(ph))\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/>"
        // Points, then labels placed greedily where they do not overlap earlier labels or points.
        var belegt: [(Double, Double, Double, Double)] = punkte.map {
            (px($0.x) - 8, py($0.y) - 8, px($0.x) + 8, py($0.y) + 8)
        }
        // Keep the quadrant names free.
        belegt.append((l, o, l + 260, o + 34)); belegt.append((breite - r - 260, o, breite - r, o + 34))
        belegt.append((l, u - 34, l + 260, u)); belegt.append((breite - r - 260, u - 34, breite - r, u))
        var labels = ""
        for p in punkte {
            let x = px(p.x), y = py(p.y)
            s +=
                p.gefuellt
                ? marker(.kreis, x: x, y: y, farbe: "#0072B2", r: 8)
                : "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"7\" fill=\"#fff\" stroke=\"#D55E00\" stroke-width=\"3\"/>"
        }
        for p in punkte {
            let x = px(p.x), y = py(p.y)
            let w = Double(p.label.count) * 8.6 + 4, hh = 18.0
            let versuche: [(Double, Double, String)] = [
                (x + 11, y + 5, "start"), (x - 11, y + 5, "end"), (x, y - 13, "middle"), (x, y + 24, "middle"),
                (x + 11, y - 12, "start"), (x - 11, y - 12, "end"), (x + 11, y + 22, "start"), (x - 11, y + 22, "end"),
                (x, y - 32, "middle"), (x, y + 42, "middle"), (x + 11, y - 30, "start"), (x + 11, y + 40, "start"),
            ]
            var gewaehlt = versuche[0]
            var box = (0.0, 0.0, 0.0, 0.0)
            for v in versuche {
                let x0 = v.2 == "start" ? v.0 : v.2 == "end" ? v.0 - w : v.0 - w / 2
                let b = (x0, v.1 - hh + 4, x0 + w, v.1 + 4)
                let frei =
                    b.0 >= l && b.2 <= breite - r && b.1 >= o && b.3 <= u
                    && !belegt.contains { b.0 < $0.2 && $0.0 < b.2 && b.1 < $0.3 && $0.1 < b.3 }
                if frei { gewaehlt = v; box = b; break }
                if box == (0, 0, 0, 0) { box = b }
            }
            belegt.append(box)
            labels += text(p.label, x: gewaehlt.0, y: gewaehlt.1, anker: gewaehlt.2, groesse: 15, halo: true)
        }
        s += labels
        s += text(
            xTitel + (logX ? " (logarithmische Skala)" : ""), x: l + pw / 2, y: u + 58, anker: "middle", fett: true)
        s += text(yTitel, x: 22, y: o + ph / 2, anker: "middle", fett: true, drehung: -90)
        return s + leg + "</svg>"
    }
}
