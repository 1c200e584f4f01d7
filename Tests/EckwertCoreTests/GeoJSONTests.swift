import Foundation
import Testing
@testable import EckwertCore

/// The map reader: valid shapes (holes, MultiPolygon), every kind of bad input with feature index and id, and
/// seeded mutation fuzzing (nothing may crash). `ECKWERT_FUZZ_GEOJSON=100000 swift test --filter GeoJSONTests`
/// runs more inputs.
@Suite struct GeoJSONTests {
    static func feature(_ id: String, _ geometrie: String) -> String {
        "{\"type\": \"Feature\", \"properties\": {\"gebiet\": \"\(id)\"}, \"geometry\": \(geometrie)}"
    }
    static func sammlung(_ features: [String]) -> [UInt8] {
        Array("{\"type\": \"FeatureCollection\", \"features\": [\n\(features.joined(separator: ",\n"))\n]}".utf8)
    }
    static let quadrat =
        "{\"type\": \"Polygon\", \"coordinates\": [[[12.3, 51.3], [12.4, 51.3], [12.4, 51.4], [12.3, 51.4], "
        + "[12.3, 51.3]],"
        + " [[12.33, 51.33], [12.36, 51.33], [12.36, 51.36], [12.33, 51.33]]]}"
    static let multi =
        "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[12.4, 51.3], [12.5, 51.3], [12.5, 51.4], [12.4, 51.3]]],"
        + " [[[12.6, 51.3], [12.7, 51.3], [12.7, 51.4], [12.6, 51.3]]]]}"
    static let gueltig = sammlung([feature("A", quadrat), feature("B", multi)])

    func lesen(_ b: [UInt8], gebiete: [String] = ["A", "B"]) -> Leseergebnis<Karte> {
        GeoJSON.lesen(b, datei: "karte.geojson", schluessel: "gebiet", gebiete: gebiete)
    }

    @Test func polygonMitLochUndMultiPolygon() throws {
        let r = lesen(Self.gueltig)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let k = try #require(r.wert)
        #expect(k.flaeche("A")?.polygone.count == 1 && k.flaeche("A")?.polygone[0].count == 2)
        #expect(k.flaeche("B")?.polygone.count == 2)
        #expect(k.flaeche("A")?.polygone[0][0][1] == Karte.Punkt(lon: 12.4, lat: 51.3))
    }

    @Test func schlechteEingabenMitFeatureUndId() {
        func meldungen(_ b: [UInt8]) -> [Diagnostic] { lesen(b).diagnostics }
        // Missing key property: error with the index.
        let ohneId = Self.sammlung(["{\"type\": \"Feature\", \"properties\": {}, \"geometry\": \(Self.quadrat)}"])
        #expect(
            meldungen(ohneId).contains {
                $0.severity == .error && $0.message.contains("Feature 1") && $0.message.contains("'gebiet'")
            })
        // Unknown id: warning, map still drawn; B without polygon: warning.
        let unbekannt = lesen(Self.sammlung([Self.feature("A", Self.quadrat), Self.feature("Z", Self.multi)]))
        #expect(unbekannt.wert != nil)
        #expect(
            unbekannt.diagnostics.contains { $0.severity == .warning && $0.message.contains("Feature 2 (gebiet Z)") })
        #expect(unbekannt.diagnostics.contains { $0.severity == .warning && $0.message.contains("Sozialraum B") })
        // Unclosed ring: warning, ring closed.
        let offen = lesen(
            Self.sammlung([
                Self.feature("A", "{\"type\": \"Polygon\", \"coordinates\": [[[1, 1], [2, 1], [2, 2]]]}"),
                Self.feature("B", Self.multi),
            ]))
        #expect(offen.diagnostics.contains { $0.severity == .warning && $0.message.contains("nicht geschlossen") })
        #expect(offen.wert?.flaeche("A")?.polygone[0][0].count == 4)
        // Bow tie: self-intersecting, warning naming the edges.
        let schleife = lesen(
            Self.sammlung([
                Self.feature(
                    "A", "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}"),
                Self.feature("B", Self.multi),
            ]))
        #expect(
            schleife.diagnostics.contains {
                $0.message.contains("Feature 1 (gebiet A)") && $0.message.contains("schneidet sich selbst")
            })
        // Projected coordinates: error with the hint.
        let utm = meldungen(
            Self.sammlung([
                Self.feature(
                    "A",
                    "{\"type\": \"Polygon\", \"coordinates\": [[[316000, 5690000], [317000, 5690000], [317000, "
                        + "5691000], [316000, 5690000]]]}"
                )
            ]))
        #expect(
            utm.contains {
                $0.severity == .error && $0.message.contains("außerhalb der Erde")
                    && $0.message.contains("EPSG:25832/25833")
            })
        // Non-numeric coordinates: error naming the point.
        let text = meldungen(
            Self.sammlung([
                Self.feature(
                    "A", "{\"type\": \"Polygon\", \"coordinates\": [[[\"12,3\", 51], [1, 2], [2, 2], [1, 1]]]}")
            ]))
        #expect(
            text.contains { $0.severity == .error && $0.message.contains("Punkt 1") && $0.message.contains("Zahlen") })
        // Other geometry.
        let punkt = meldungen(Self.sammlung([Self.feature("A", "{\"type\": \"Point\", \"coordinates\": [1, 2]}")]))
        #expect(punkt.contains { $0.message.contains("\"Point\"") && $0.message.contains("Polygon oder MultiPolygon") })
        // Deep nesting: an error with line and column, no stack overflow.
        let tief = Array(String(repeating: "[", count: 100_000).utf8)
        let t = meldungen(tief)
        #expect(t.contains { $0.message.contains("zu tief verschachtelt") && $0.location?.column == 65 })
        // Too large: refused before parsing.
        let gross = [UInt8](repeating: 0x20, count: GeoJSON.maxBytes + 1)
        #expect(meldungen(gross).contains { $0.message.contains("größer als 32 MB") })
        // Not JSON at all.
        #expect(meldungen(Array("{\"type\": ".utf8)).contains { $0.message.contains("kein gültiges JSON") })
    }

    @Test func fuzzNichtsStuerztAb() {
        let n = Int(ProcessInfo.processInfo.environment["ECKWERT_FUZZ_GEOJSON"] ?? "") ?? 300
        var rng = SplitMix64(seed: 13)
        let basis = Self.gueltig
        let zeichen = Array("[]{},:\"-0123456789.eE truefalsnul\\".utf8)
        for _ in 0..<n {
            var b = basis
            for _ in 0..<(1 + Int(rng.next() % 8)) {
                guard !b.isEmpty else { break }
                let i = Int(rng.next() % UInt64(b.count))
                switch rng.next() % 4 {
                case 0: b[i] = zeichen[Int(rng.next() % UInt64(zeichen.count))]
                case 1: b.remove(at: i)
                case 2: b.insert(UInt8(truncatingIfNeeded: rng.next()), at: i)
                default: b.insert(contentsOf: b[i..<min(b.count, i + Int(rng.next() % 40))], at: i)
                }
            }
            let r = lesen(b)
            for d in r.diagnostics { #expect(d.location?.file == "karte.geojson") }
            if r.wert == nil { #expect(r.diagnostics.contains { $0.severity == .error }) }
        }
    }
}
