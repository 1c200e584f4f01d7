import EckwertCore
import Foundation
import Testing
@testable import EckwertExport

/// The map renderer: projection of a known point by hand, quantile classes, hatching of suppressed areas, labels
/// inside the polygon.
@Suite struct KarteTests {
    // Bounding box λ 12.3…12.5, φ 51.3…51.4 in a 600 × 400 box at (10, 10). φ0 = 51.35°, cos φ0 = 0.6245614.
    // Width 0.2 · 0.6245614 = 0.1249123, height 0.1; scale s = min(600/0.1249123, 400/0.1) = min(4803.4, 4000)
    // = 4000; the map is 499.649 wide, centred: dx = 10 + (600 − 499.649)/2 = 60.175, dy = 10.
    // (12.4, 51.35) → x = 0.1 · 0.6245614 · 4000 + 60.175 = 310.0, y = 0.05 · 4000 + 10 = 210.
    // (12.5, 51.3) → x = 499.649 + 60.175 = 559.825, y = 410.
    @Test func projektionEinesBekanntenPunkts() {
        let ecken = [Karte.Punkt(lon: 12.3, lat: 51.3), Karte.Punkt(lon: 12.5, lat: 51.4)]
        let p = Kartenprojektion(punkte: ecken, x0: 10, y0: 10, breite: 600, hoehe: 400)
        #expect(abs(p.cosPhi0 - 0.6245614) < 1e-7)
        #expect(abs(p.s - 4000) < 1e-9)
        let mitte = p.projizieren(Karte.Punkt(lon: 12.4, lat: 51.35))
        #expect(abs(mitte.x - 310) < 1e-3 && abs(mitte.y - 210) < 1e-9)
        let ecke = p.projizieren(Karte.Punkt(lon: 12.5, lat: 51.3))
        #expect(abs(ecke.x - 559.825) < 1e-3 && abs(ecke.y - 410) < 1e-9)
    }

    @Test func quantilklassen() {
        // Ten values 1…10, five classes: type-7 quantiles at 0.2, 0.4, … → 2.8, 4.6, 6.4, 8.2, 10.
        let g = Kartenbild.klassen((1...10).map(Double.init))
        #expect(g.count == 5)
        for (a, b) in zip(g, [2.8, 4.6, 6.4, 8.2, 10]) { #expect(abs(a - b) < 1e-12) }
        #expect(Kartenbild.klasse(2.8, g) == 0 && Kartenbild.klasse(2.9, g) == 1 && Kartenbild.klasse(10, g) == 4)
        // Two distinct values: two classes; one value: one class.
        #expect(Kartenbild.klassen([0, 0, 0, 5]).count == 2)
        #expect(Kartenbild.klassen([3, 3, 3]) == [3])
    }

    static let quadrate: Karte = {
        func quadrat(_ id: String, _ x: Double) -> Karte.Flaeche {
            let r = [(x, 51.0), (x + 0.1, 51.0), (x + 0.1, 51.1), (x, 51.1), (x, 51.0)].map {
                Karte.Punkt(lon: $0.0, lat: $0.1)
            }
            return Karte.Flaeche(gebiet: id, polygone: [[r]])
        }
        return Karte(flaechen: [quadrat("A", 12.0), quadrat("B", 12.1), quadrat("C", 12.2)])
    }()

    @Test func gesperrtIstSchraffiertUndInDerLegende() {
        let werte = [
            Kartenwert(gebiet: "A", name: "Altstadt", wert: 10),
            Kartenwert(gebiet: "B", name: "Bahnhof", wert: 2, gesperrt: true),
            Kartenwert(gebiet: "C", name: "Chemiepark", wert: 30),
        ]
        let svg = Kartenbild.svg(
            karte: Self.quadrate, werte: werte, titel: "Test", einheit: "Fälle", stellen: 0, ids: SVGDiagramm.Ids())
        #expect(svg.contains("<pattern id=\"schraffur-2\""))
        // B is filled with the pattern, never with a palette colour; A and C are coloured.
        let pfade = svg.components(separatedBy: "<path d=").dropFirst()
        let b = pfade.first { $0.contains("<title>Bahnhof: gesperrt</title>") }
        #expect(b?.contains("fill=\"url(#schraffur-2)\"") == true)
        #expect(!Kartenbild.palette.contains { b?.contains("fill=\"\($0)\"") == true })
        #expect(pfade.first { $0.contains("Altstadt") }?.contains("fill=\"\(Kartenbild.palette[0])\"") == true)
        #expect(pfade.first { $0.contains("Chemiepark") }?.contains("fill=\"\(Kartenbild.palette[4])\"") == true)
        // The legend names the suppressed Sozialraum; its value (2) appears nowhere.
        #expect(svg.contains("gesperrt (Geheimhaltung):") && svg.contains(">B Bahnhof</text>"))
        #expect(!svg.contains(">2<") && !svg.contains("Bahnhof: 2"))
    }

    @Test func beschriftungLiegtImPolygon() throws {
        // An L-shape: its centroid (≈ 1.17, 1.17 for these arms) lies in the notch's corner area; the pole of
        // inaccessibility is inside, at least 0.5 from every edge.
        let l: [(x: Double, y: Double)] = [(0, 0), (4, 0), (4, 1), (1, 1), (1, 4), (0, 4), (0, 0)]
        let p = try #require(Polylabel.punkt([[l]], genauigkeit: 0.01))
        #expect(Polylabel.abstand(p.x, p.y, [l]) >= 0.49)
        // A square with a hole in the middle: the label avoids the hole.
        let q: [(x: Double, y: Double)] = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
        let loch: [(x: Double, y: Double)] = [(3, 3), (7, 3), (7, 7), (3, 7), (3, 3)]
        let r = try #require(Polylabel.punkt([[q, loch]], genauigkeit: 0.01))
        #expect(Polylabel.abstand(r.x, r.y, [q, loch]) > 1.4)
    }

    @Test func beschriftungJeFarbeWieEinzelnGezeichnet() throws {
        // Light classes carry a black label with a white halo, the darkest ones a white label; both are drawn
        // once per geometry. Each label here is spelled out by hand from the label point of its square.
        let g = Kartengeometrie(Self.quadrate)
        let werte = [
            Kartenwert(gebiet: "A", name: "Altstadt", wert: 1),
            Kartenwert(gebiet: "B", name: "Bahnhof", wert: nil),
            Kartenwert(gebiet: "C", name: "Chemiepark", wert: 30),
        ]
        let svg = Kartenbild.svg(
            geometrie: g, werte: werte, titel: "T", einheit: "E", stellen: 0, ids: SVGDiagramm.Ids())
        func label(_ id: String, weiss: Bool) throws -> String {
            let lp = try #require(g.flaeche(id)?.beschriftung)
            let halo = " stroke=\"#fff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\""
            return "<text x=\"\(SVGDiagramm.f(lp.x))\" y=\"\(SVGDiagramm.f(lp.y + 5))\" text-anchor=\"middle\" "
                + "fill=\"\(weiss ? "#fff" : "#000")\"\(weiss ? "" : halo) font-size=\"14\" font-weight=\"bold\">"
                + "\(id)</text>"
        }
        // A: lightest class (black); B: no value (black); C: darkest class (white). In area order, after the paths.
        let erwartet = try label("A", weiss: false) + label("B", weiss: false) + label("C", weiss: true)
        #expect(svg.contains(erwartet))
        let letzterPfad = try #require(svg.range(of: "</path>", options: .backwards))
        #expect(svg[letzterPfad.upperBound...].hasPrefix(erwartet))
        // Appending to a document gives the same text as the map on its own.
        var dokument = "<p>vorher</p>"
        Kartenbild.svg(
            in: &dokument, geometrie: g, werte: werte, titel: "T", einheit: "E", stellen: 0, ids: SVGDiagramm.Ids())
        #expect(dokument == "<p>vorher</p>" + svg)
    }
}
