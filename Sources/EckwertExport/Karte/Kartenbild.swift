import EckwertCore
import Foundation

/// The map projection: equirectangular with the longitude scaled by cos φ0 at the map's middle latitude
/// (a "local plate carrée"), fitted to a box and centred in it. For a city (a few kilometres across) its
/// distortion of lengths and angles is far below a pixel: at 51° N, 10 km north–south change cos φ by 0.1 %.
/// North is up. x = (λ − λmin) · cos φ0 · s + dx, y = (φmax − φ) · s + dy, s the largest scale at which the
/// whole map fits in the box.
struct Kartenprojektion: Sendable {
    let lonMin: Double, latMax: Double
    let cosPhi0: Double
    let s: Double
    let dx: Double, dy: Double

    /// Fitted to the bounding box of `punkte` in the box (x0, y0, breite, hoehe).
    init(punkte: [Karte.Punkt], x0: Double, y0: Double, breite: Double, hoehe: Double) {
        let lons = punkte.map(\.lon), lats = punkte.map(\.lat)
        let lonMin = lons.min() ?? 0, lonMax = lons.max() ?? 1, latMin = lats.min() ?? 0, latMax = lats.max() ?? 1
        let phi0 = (latMin + latMax) / 2 * Double.pi / 180
        cosPhi0 = cos(phi0)
        let w = max((lonMax - lonMin) * cosPhi0, 1e-9), h = max(latMax - latMin, 1e-9)
        s = min(breite / w, hoehe / h)
        dx = x0 + (breite - w * s) / 2
        dy = y0 + (hoehe - h * s) / 2
        self.lonMin = lonMin
        self.latMax = latMax
    }

    func projizieren(_ p: Karte.Punkt) -> (x: Double, y: Double) {
        ((p.lon - lonMin) * cosPhi0 * s + dx, (latMax - p.lat) * s + dy)
    }
}

/// One Sozialraum's value on a map: nil = n. v.; `gesperrt` = suppressed by Statistische Geheimhaltung (hatched,
/// never coloured).
struct Kartenwert: Sendable {
    var gebiet: String
    var name: String
    var wert: Double?
    var gesperrt: Bool = false
}

/// Choropleth maps as inline SVG: quantile classes, a colour-blind-safe sequential palette (viridis, light = low,
/// dark = high), a label inside each Sozialraum (pole of inaccessibility), a legend in the picture, hatching for
/// suppressed areas, and the table of values as the text alternative.
enum Kartenbild {
    static let breite = 1000.0
    static let kartenhoehe = 620.0
    /// The legend's column at the right of the map.
    static let legendeBreite = 300.0
    /// viridis sampled at five points (light → dark); readable with every colour-vision deficiency and in grey.
    static let palette = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"]
    static let grau = "#d9d9d9"

    /// Class borders by quantiles (type 7, linear interpolation) of the values; at most five classes and never
    /// more than distinct values. A value belongs to the first class whose upper border it does not exceed.
    static func klassen(_ werte: [Double], anzahl: Int = 5) -> [Double] {
        let v = werte.filter(\.isFinite).sorted()
        let verschieden = Set(v).count
        let k = min(anzahl, verschieden)
        guard k >= 2 else { return v.first.map { [$0] } ?? [] }
        var grenzen: [Double] = []
        for j in 1...k {
            let h = Double(v.count - 1) * Double(j) / Double(k)
            let lo = Int(h.rounded(.down)), hi = min(v.count - 1, lo + 1)
            let g = v[lo] + (h - Double(lo)) * (v[hi] - v[lo])
            if grenzen.last.map({ g > $0 }) ?? true { grenzen.append(g) }
        }
        return grenzen
    }

    static func klasse(_ x: Double, _ grenzen: [Double]) -> Int {
        grenzen.firstIndex { x <= $0 + 1e-12 * max(1, abs($0)) } ?? max(0, grenzen.count - 1)
    }

    /// The colours used for `n` classes: spread over the palette so that few classes still differ strongly.
    static func farben(_ n: Int) -> [String] {
        guard n > 1 else { return [palette[0]] }
        return (0..<n).map { palette[Int((Double($0) * Double(palette.count - 1) / Double(n - 1)).rounded())] }
    }

    /// Text colour on a fill: white on the dark half of the palette.
    static func textfarbe(_ fill: String) -> String {
        ["#21918c", "#3b528b", "#440154"].contains(fill) ? "#fff" : "#000"
    }

    /// A product's name for a map title: without the bracketed legal reference, at most 48 characters.
    static func kurzname(_ name: String) -> String {
        let ohne = name.components(separatedBy: " (").first ?? name
        return ohne.count > 48 ? String(ohne.prefix(47)) + "…" : ohne
    }

    static func svg(
        karte: Karte, werte: [Kartenwert], titel: String, einheit: String, stellen: Int,
        ids: SVGDiagramm.Ids
    ) -> String {
        svg(
            geometrie: Kartengeometrie(karte), werte: werte, titel: titel, einheit: einheit, stellen: stellen,
            ids: ids)
    }

    /// A map over a geometry drawn once: every map of a document shares the projection, so the areas' paths and
    /// label points are the same on each.
    static func svg(
        geometrie: Kartengeometrie, werte: [Kartenwert], titel: String, einheit: String, stellen: Int,
        ids: SVGDiagramm.Ids
    ) -> String {
        var o = ""
        svg(
            in: &o, geometrie: geometrie, werte: werte, titel: titel, einheit: einheit, stellen: stellen, ids: ids)
        return o
    }

    /// The same map appended to `o` (a committee pack holds a thousand maps: no text per map is built and copied).
    // swiftlint:disable:next function_body_length
    static func svg(
        in o: inout String, geometrie: Kartengeometrie, werte: [Kartenwert], titel: String, einheit: String,
        stellen: Int, ids: SVGDiagramm.Ids
    ) {
        let id = ids.neu("karte")
        let muster = ids.neu("schraffur")
        let gezeigt = werte.filter { !$0.gesperrt }.compactMap(\.wert)
        let grenzen = klassen(gezeigt)
        let farbe = farben(grenzen.count)
        let gesperrt = werte.filter(\.gesperrt)
        let beschreibung =
            "Karte der Sozialräume: \(titel). Klassen nach Quantilen; die Werte stehen in der Tabelle "
            + "unter der Karte."
            + (gesperrt.isEmpty
                ? ""
                : " Schraffiert (gesperrt): "
                    + gesperrt.map(\.name).joined(separator: ", ") + ".")
        o += SVGDiagramm.kopf(id, titel: titel, beschreibung: beschreibung, hoehe: kartenhoehe)
        o +=
            "<defs><pattern id=\"\(muster)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#fff\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#555\" stroke-width=\"3\"/></pattern></defs>"
        var beschriftungen: [String] = []
        beschriftungen.reserveCapacity(werte.count)
        for w in werte {
            guard let fl = geometrie.flaeche(w.gebiet) else { continue }
            let fill: String
            if w.gesperrt {
                fill = "url(#\(muster))"
            } else if let x = w.wert, !grenzen.isEmpty {
                fill = farbe[klasse(x, grenzen)]
            } else {
                fill = grau
            }
            // Appended piece by piece: the path is long, and every `+` would copy it again.
            o += "<path d=\""
            o += fl.pfad
            o += "\" fill=\""
            o += fill
            o += "\" fill-rule=\"evenodd\" stroke=\"#fff\" stroke-width=\"1.5\"><title>"
            o += HTMLText.esc(w.name)
            o += ": "
            o += w.gesperrt ? "gesperrt" : w.wert.map { Zahlformat.zahl($0, stellen: stellen) } ?? "n. v."
            o += "</title></path>"
            // The label of an area is the same on every map but for its colour: made once per geometry.
            let dunkel = w.gesperrt || w.wert == nil || grenzen.isEmpty || textfarbe(fill) == "#000"
            if let b = dunkel ? fl.beschriftungDunkel : fl.beschriftungHell { beschriftungen.append(b) }
        }
        for b in beschriftungen { o += b }
        o += legende(
            grenzen: grenzen, farben: farbe, einheit: einheit, stellen: stellen, gesperrt: gesperrt,
            muster: muster, x: breite - legendeBreite, keinWert: werte.contains { !$0.gesperrt && $0.wert == nil })
        o += "</svg>"
    }

    /// The label of an area at its label point: black with a white halo, or white (on the dark fills).
    static func beschriftung(_ gebiet: String, _ lp: (x: Double, y: Double), dunkel: Bool) -> String {
        SVGDiagramm.text(
            gebiet, x: lp.x, y: lp.y + 5, anker: "middle", groesse: 14, fett: true, farbe: dunkel ? "#000" : "#fff",
            halo: dunkel)
    }

    static func legende(
        grenzen: [Double], farben: [String], einheit: String, stellen: Int, gesperrt: [Kartenwert],
        muster: String, x: Double, keinWert: Bool
    ) -> String {
        var o = "<g class=\"legende\">"
        var y = SVGDiagramm.titelraum + 20
        o += SVGDiagramm.text(einheit, x: x, y: y, fett: true)
        y += 16
        var untere: Double?
        for (k, g) in grenzen.enumerated() {
            let von = untere.map { Zahlformat.zahl($0, stellen: stellen) }
            let bis = Zahlformat.zahl(g, stellen: stellen)
            let text = grenzen.count == 1 ? "alle: \(bis)" : (von.map { "über \($0) bis \(bis)" } ?? "bis \(bis)")
            o +=
                "<rect x=\"\(SVGDiagramm.f(x))\" y=\"\(SVGDiagramm.f(y))\" width=\"34\" height=\"24\" "
                + "fill=\"\(farben[k])\" stroke=\"#777\"/>"
            o += SVGDiagramm.text(text, x: x + 44, y: y + 18)
            y += 32
            untere = g
        }
        if keinWert {
            o +=
                "<rect x=\"\(SVGDiagramm.f(x))\" y=\"\(SVGDiagramm.f(y))\" width=\"34\" height=\"24\" "
                + "fill=\"\(grau)\" stroke=\"#777\"/>"
            o += SVGDiagramm.text("kein Wert (n. v.)", x: x + 44, y: y + 18)
            y += 32
        }
        if !gesperrt.isEmpty {
            o +=
                "<rect x=\"\(SVGDiagramm.f(x))\" y=\"\(SVGDiagramm.f(y))\" width=\"34\" height=\"24\" "
                + "fill=\"url(#\(muster))\" stroke=\"#777\"/>"
            o += SVGDiagramm.text("gesperrt (Geheimhaltung):", x: x + 44, y: y + 18)
            y += 26
            for w in gesperrt {
                o += SVGDiagramm.text("\(w.gebiet) \(w.name)", x: x + 44, y: y + 14, groesse: 15)
                y += 20
            }
        }
        return o + "</g>"
    }
}

/// The Sozialraum areas as drawn on every map of a Karte: the projection into the map box, each area's SVG path
/// and its label point (the pole of inaccessibility of its largest polygon). Computed once per document.
struct Kartengeometrie: Sendable {
    struct Flaeche: Sendable {
        var gebiet: String
        var pfad: String
        var beschriftung: (x: Double, y: Double)?
        /// The SVG label at `beschriftung` in black (with halo) and in white, as every map draws it.
        var beschriftungDunkel: String?
        var beschriftungHell: String?
    }
    let flaechen: [Flaeche]
    /// The first area of each Sozialraum id (as `Karte.flaeche` finds it).
    private let erste: [String: Int]

    init(_ karte: Karte) {
        let alle = karte.flaechen.flatMap { $0.polygone.flatMap { $0.flatMap { $0 } } }
        let proj = Kartenprojektion(
            punkte: alle, x0: 10, y0: SVGDiagramm.titelraum + 4,
            breite: Kartenbild.breite - Kartenbild.legendeBreite - 30,
            hoehe: Kartenbild.kartenhoehe - SVGDiagramm.titelraum - 14)
        var erste: [String: Int] = [:]
        flaechen = karte.flaechen.enumerated().map { n, fl in
            if erste[fl.gebiet] == nil { erste[fl.gebiet] = n }
            var d = ""
            for poly in fl.polygone {
                for ring in poly {
                    for (k, p) in ring.enumerated() {
                        let (x, y) = proj.projizieren(p)
                        d += (k == 0 ? "M" : "L") + SVGDiagramm.f(x) + " " + SVGDiagramm.f(y)
                    }
                    d += "Z"
                }
            }
            let projiziert = fl.polygone.map { $0.map { $0.map { proj.projizieren($0) } } }
            let lp = Polylabel.punkt(projiziert)
            return Flaeche(
                gebiet: fl.gebiet, pfad: d, beschriftung: lp,
                beschriftungDunkel: lp.map { Kartenbild.beschriftung(fl.gebiet, $0, dunkel: true) },
                beschriftungHell: lp.map { Kartenbild.beschriftung(fl.gebiet, $0, dunkel: false) })
        }
        self.erste = erste
    }

    func flaeche(_ gebiet: String) -> Flaeche? { erste[gebiet].map { flaechen[$0] } }
}

/// The pole of inaccessibility of a polygon set (Mapbox "polylabel"): the inner point farthest from every edge,
/// where a label sits best. Grid refinement with a best-first queue, to 0.5 units (pixels) precision, on the
/// polygon with the largest area (holes count as edges).
enum Polylabel {
    static func punkt(_ polygone: [[[(x: Double, y: Double)]]], genauigkeit: Double = 0.5) -> (x: Double, y: Double)? {
        guard let poly = polygone.max(by: { flaeche($0.first ?? []) < flaeche($1.first ?? []) }),
            let aussen = poly.first, aussen.count >= 3
        else { return nil }
        let xs = aussen.map(\.x), ys = aussen.map(\.y)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
        let zelle = min(x1 - x0, y1 - y0)
        guard zelle > 0 else { return (x0, y0) }
        struct Zelle { var x: Double, y: Double, h: Double, d: Double; var max: Double { d + h * 2.0.squareRoot() } }
        func neu(_ x: Double, _ y: Double, _ h: Double) -> Zelle { Zelle(x: x, y: y, h: h, d: abstand(x, y, poly)) }
        var offen: [Zelle] = []
        var h = zelle / 2
        var x = x0
        while x < x1 { var y = y0; while y < y1 { offen.append(neu(x + h, y + h, h)); y += zelle }; x += zelle }
        var beste = neu(x0 + (x1 - x0) / 2, y0 + (y1 - y0) / 2, 0)
        if let s = schwerpunkt(aussen) { let c = neu(s.x, s.y, 0); if c.d > beste.d { beste = c } }
        var schritte = 0
        while !offen.isEmpty, schritte < 20_000 {
            schritte += 1
            let i = offen.indices.max { offen[$0].max < offen[$1].max } ?? 0
            let c = offen.remove(at: i)
            if c.d > beste.d { beste = c }
            guard c.max - beste.d > genauigkeit else { continue }
            h = c.h / 2
            offen += [
                neu(c.x - h, c.y - h, h), neu(c.x + h, c.y - h, h), neu(c.x - h, c.y + h, h), neu(c.x + h, c.y + h, h),
            ]
        }
        return (beste.x, beste.y)
    }

    /// Signed distance from a point to the polygon's edges: positive inside (even–odd rule), negative outside.
    static func abstand(_ x: Double, _ y: Double, _ ringe: [[(x: Double, y: Double)]]) -> Double {
        var innen = false
        var minD = Double.infinity
        for ring in ringe where ring.count >= 2 {
            var j = ring.count - 1
            for i in 0..<ring.count {
                let a = ring[i], b = ring[j]
                if (a.y > y) != (b.y > y), x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x { innen.toggle() }
                minD = min(minD, segmentAbstand(x, y, a, b))
                j = i
            }
        }
        return (innen ? 1 : -1) * minD
    }

    static func segmentAbstand(
        _ px: Double, _ py: Double, _ a: (x: Double, y: Double), _ b: (x: Double, y: Double)
    ) -> Double {
        var x = a.x, y = a.y
        let dx = b.x - x, dy = b.y - y
        if dx != 0 || dy != 0 {
            let t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy)
            if t > 1 { x = b.x; y = b.y } else if t > 0 { x += dx * t; y += dy * t }
        }
        return ((px - x) * (px - x) + (py - y) * (py - y)).squareRoot()
    }

    static func flaeche(_ r: [(x: Double, y: Double)]) -> Double {
        guard r.count >= 3 else { return 0 }
        var s = 0.0
        for i in 0..<r.count { let j = (i + 1) % r.count; s += r[i].x * r[j].y - r[j].x * r[i].y }
        return abs(s) / 2
    }

    static func schwerpunkt(_ r: [(x: Double, y: Double)]) -> (x: Double, y: Double)? {
        var a = 0.0, cx = 0.0, cy = 0.0
        for i in 0..<r.count {
            let j = (i + 1) % r.count
            let f = r[i].x * r[j].y - r[j].x * r[i].y
            a += f; cx += (r[i].x + r[j].x) * f; cy += (r[i].y + r[j].y) * f
        }
        guard a != 0 else { return nil }
        return (cx / (3 * a), cy / (3 * a))
    }
}
