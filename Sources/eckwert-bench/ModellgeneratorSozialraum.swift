import EckwertCore
import EckwertModellschreiber
import Foundation

/// The Sozialraum part of the benchmark model: cases per Sozialraum in the Basisjahr for every driven product with
/// a city-wide reference population (`faelle_gebiete.csv`) and a map of the Sozialräume as a grid of squares
/// (`sozialraeume.geojson`). Its own random generator, so the rest of the model stays as it was.
extension Modellgenerator {
    /// What the Ist loop knows of a driven product in the Basisjahr.
    struct Basisfall {
        var nr: String
        var faelle: Double
        /// Reference population per Sozialraum.
        var bezug: [Double]
    }

    static let kartenzeile = "\nkarte: {datei: sozialraeume.geojson, schluessel: gebiet}\n"

    func sozialraumDateien(_ ordner: String, basis: [Basisfall], gebietIds: [String]) throws {
        var rng = SplitMix64(seed: seed &+ 13)
        let G = gebietIds.count
        // A burden per Sozialraum (0.5 … 2): where rates are high.
        let last = (0..<G).map { _ in 0.5 + 1.5 * rng.gleich() * rng.gleich() }
        var c = CSVText("jahr", "gebiet", "produkt", "faelle")
        for b in basis {
            let gewichte = (0..<G).map { b.bezug[$0] * last[$0] * (0.9 + 0.2 * rng.gleich()) }
            let zugeordnet = Int((b.faelle * 0.97).rounded(.down))
            let teile = Kleinraum.groessterRest(zugeordnet, gewichte: gewichte)
            for g in 0..<G { c.zeile("\(Self.istJahre.upperBound)", gebietIds[g], b.nr, "\(teile[g])") }
        }
        try schreibe(c, ordner, "faelle_gebiete.csv")
        // Squares of 0.01° in rows of ten, north to south, around 12.3° E, 51.3° N.
        let spalten = 10
        var f: [String] = []
        for (g, id) in gebietIds.enumerated() {
            let x = 12.3 + 0.01 * Double(g % spalten), y = 51.4 - 0.01 * Double(g / spalten)
            let ring = [(x, y), (x + 0.01, y), (x + 0.01, y + 0.01), (x, y + 0.01), (x, y)]
                .map { "[\(String(format: "%.4f", $0.0)), \(String(format: "%.4f", $0.1))]" }.joined(separator: ", ")
            f.append(
                "{\"type\": \"Feature\", \"properties\": {\"gebiet\": \"\(id)\"}, "
                    + "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[\(ring)]]}}")
        }
        try schreibe(
            "{\"type\": \"FeatureCollection\", \"features\": [\n" + f.joined(separator: ",\n") + "\n]}\n",
            ordner, "sozialraeume.geojson")
    }
}
