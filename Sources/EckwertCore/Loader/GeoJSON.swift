/// Reader for the Sozialraum map (`karte:` in modell.yaml): a GeoJSON FeatureCollection of Polygon or
/// MultiPolygon features (holes allowed) in WGS84 longitude/latitude, whose property `schluessel` holds the
/// gebiet id.
///
/// Errors (the map cannot be drawn): not JSON, not a FeatureCollection, a feature without the key property or
/// with a geometry other than Polygon/MultiPolygon, non-numeric coordinates, coordinates outside the globe,
/// a ring with fewer than three distinct points. Warnings (the map is drawn): a ring that is not closed (it is
/// closed), a self-intersecting ring, a gebiet id the population does not know (the feature is left out), a
/// Sozialraum without a polygon (it is missing from the map), a feature with no geometry. Every message names
/// the feature's index (from 1) and its gebiet id.
public enum GeoJSON {
    /// Largest map file read. A Sozialraum map simplified for display is far below this.
    public static let maxBytes = 32 * 1024 * 1024
    /// Rings with more points than this are not checked for self-intersection (the check is quadratic).
    static let maxPunktePruefung = 5000

    public static func lesen(
        _ bytes: [UInt8], datei: String, schluessel: String, gebiete: [String]
    ) -> Leseergebnis<Karte> {
        var d: [Diagnostic] = []
        guard bytes.count <= maxBytes else {
            let mb = maxBytes / 1_048_576
            d.append(
                .error(
                    SourceLocation(file: datei),
                    "Kartendatei ist größer als \(mb) MB – bitte die Geometrie "
                        + "vereinfachen (z. B. mit mapshaper), für die Karte genügt eine Genauigkeit von wenigen Metern"
                ))
            return Leseergebnis(wert: nil, diagnostics: d)
        }
        let wurzel: JSONLeser.Wert
        switch JSONLeser.lesen(bytes) {
        case .success(let w): wurzel = w
        case .failure(let f):
            d.append(
                .error(SourceLocation(file: datei, line: f.zeile, column: f.spalte), "kein gültiges JSON: \(f.meldung)")
            )
            return Leseergebnis(wert: nil, diagnostics: d)
        }
        guard wurzel["type"]?.text == "FeatureCollection", let features = wurzel["features"]?.liste else {
            d.append(
                .error(
                    SourceLocation(file: datei, line: 1),
                    "erwartet ist eine GeoJSON-FeatureCollection ({\"type\": \"FeatureCollection\", \"features\": […]})"
                ))
            return Leseergebnis(wert: nil, diagnostics: d)
        }
        let bekannt = Set(gebiete)
        var flaechen: [Karte.Flaeche] = []
        var index: [String: Int] = [:]
        for (nr, f) in features.enumerated() {
            var l = Feature(datei: datei, nr: nr + 1, zeile: f.zeile ?? 1)
            guard let polygone = l.lesen(f, schluessel: schluessel, bekannt: bekannt) else { d += l.d; continue }
            d += l.d
            guard let id = l.id else { continue }
            if let j = index[id] {
                flaechen[j].polygone += polygone  // a Sozialraum split over several features: one area
            } else {
                index[id] = flaechen.count
                flaechen.append(Karte.Flaeche(gebiet: id, polygone: polygone))
            }
        }
        let fehlend = gebiete.filter { index[$0] == nil }
        if !fehlend.isEmpty, !d.contains(where: { $0.severity == .error }) {
            d.append(
                .warning(
                    SourceLocation(file: datei),
                    "\(fehlend.count == 1 ? "Sozialraum" : "Sozialräume") "
                        + "\(fehlend.joined(separator: ", ")) aus bevoelkerung.csv "
                        + "\(fehlend.count == 1 ? "hat" : "haben") kein Polygon "
                        + "und \(fehlend.count == 1 ? "fehlt" : "fehlen") auf der Karte"))
        }
        let ok = !d.contains { $0.severity == .error }
        return Leseergebnis(wert: ok ? Karte(flaechen: flaechen) : nil, diagnostics: d)
    }

    /// Reads one feature, collecting its findings.
    private struct Feature {
        let datei: String
        let nr: Int
        let zeile: Int
        var id: String?
        var d: [Diagnostic] = []

        init(datei: String, nr: Int, zeile: Int) { self.datei = datei; self.nr = nr; self.zeile = zeile }

        var ort: SourceLocation { SourceLocation(file: datei, line: zeile) }
        var wer: String { "Feature \(nr)" + (id.map { " (gebiet \($0))" } ?? "") }
        mutating func fehler(_ m: String) { d.append(.error(ort, "\(wer): \(m)")) }
        mutating func warnung(_ m: String) { d.append(.warning(ort, "\(wer): \(m)")) }

        mutating func lesen(_ f: JSONLeser.Wert, schluessel: String, bekannt: Set<String>) -> [[[Karte.Punkt]]]? {
            guard f["type"]?.text == "Feature" else {
                fehler("erwartet ist ein Objekt mit \"type\": \"Feature\""); return nil
            }
            switch f["properties"]?[schluessel] {
            case .text(let t)?: id = t
            case .zahl(let z)?: id = z == z.rounded() && abs(z) < 1e15 ? String(Int(z)) : String(z)
            case let w?: fehler("Eigenschaft '\(schluessel)' ist \(w.art), erwartet eine Gebiets-Id"); return nil
            case nil: fehler("Eigenschaft '\(schluessel)' (die Gebiets-Id) fehlt in \"properties\""); return nil
            }
            guard let id else { return nil }
            guard bekannt.contains(id) else {
                warnung("Gebiet '\(id)' gibt es in bevoelkerung.csv nicht – das Feature wird nicht gezeichnet")
                return nil
            }
            guard let geo = f["geometry"], case .objekt = geo else {
                warnung("hat keine Geometrie – der Sozialraum fehlt auf der Karte")
                return nil
            }
            guard let koord = geo["coordinates"] else { fehler("\"coordinates\" fehlt in der Geometrie"); return nil }
            switch geo["type"]?.text {
            case "Polygon":
                guard let p = polygon(koord, 1) else { return nil }
                return [p]
            case "MultiPolygon":
                guard let l = koord.liste, !l.isEmpty else {
                    fehler("MultiPolygon: Liste von Polygonen erwartet"); return nil
                }
                var out: [[[Karte.Punkt]]] = []
                for (j, x) in l.enumerated() {
                    guard let p = polygon(x, j + 1) else { return nil }
                    out.append(p)
                }
                return out
            case let t:
                fehler("Geometrie \"\(t ?? "?")\" – erwartet Polygon oder MultiPolygon")
                return nil
            }
        }

        mutating func polygon(_ w: JSONLeser.Wert, _ j: Int) -> [[Karte.Punkt]]? {
            guard let ringe = w.liste, !ringe.isEmpty else {
                fehler("Polygon \(j): Liste von Ringen erwartet"); return nil
            }
            var out: [[Karte.Punkt]] = []
            for (r, x) in ringe.enumerated() {
                let was = "Polygon \(j), \(r == 0 ? "Außenring" : "Loch \(r)")"
                guard let ring = ring(x, was) else { return nil }
                out.append(ring)
            }
            return out
        }

        mutating func ring(_ w: JSONLeser.Wert, _ was: String) -> [Karte.Punkt]? {
            guard let l = w.liste else { fehler("\(was): Liste von Punkten [Länge, Breite] erwartet"); return nil }
            var punkte: [Karte.Punkt] = []
            punkte.reserveCapacity(l.count + 1)
            for (k, x) in l.enumerated() {
                guard let xy = x.liste, xy.count >= 2, let lon = xy[0].zahl, let lat = xy[1].zahl else {
                    fehler("\(was), Punkt \(k + 1): erwartet [Länge, Breite] als Zahlen, gefunden \(x.art)")
                    return nil
                }
                guard (-180...180).contains(lon), (-90...90).contains(lat) else {
                    let projiziert = abs(lon) > 1000 || abs(lat) > 1000
                    fehler(
                        "\(was), Punkt \(k + 1): Koordinate [\(lon), \(lat)] liegt außerhalb der Erde (Länge −180…180, "
                            + "Breite −90…90)"
                            + (projiziert
                                ? " – die Datei ist wohl projiziert (z. B. UTM, EPSG:25832/25833); "
                                    + "erwartet ist WGS84 (EPSG:4326)" : ""))
                    return nil
                }
                punkte.append(Karte.Punkt(lon: lon, lat: lat))
            }
            if let erster = punkte.first, let letzter = punkte.last, erster != letzter {
                warnung("\(was) ist nicht geschlossen (erster Punkt ≠ letzter) – er wird geschlossen")
                punkte.append(erster)
            }
            guard Set(punkte).count >= 3 else {
                fehler("\(was) hat weniger als drei verschiedene Punkte – das ist keine Fläche")
                return nil
            }
            if punkte.count <= GeoJSON.maxPunktePruefung, let s = GeoJSON.selbstschnitt(punkte) {
                warnung(
                    "\(was) schneidet sich selbst (Kanten \(s.0 + 1) und \(s.1 + 1)) – die Fläche kann falsch gefüllt "
                        + "werden; bitte die Geometrie reparieren")
            }
            return punkte
        }
    }

    /// The first pair of non-adjacent edges of a closed ring that intersect, or nil.
    static func selbstschnitt(_ ring: [Karte.Punkt]) -> (Int, Int)? {
        var p: [Karte.Punkt] = []  // repeated consecutive points removed (zero-length edges touch their neighbours)
        for x in ring where p.last != x { p.append(x) }
        let n = p.count - 1  // edges i: p[i] → p[i+1]
        guard n >= 4 else { return nil }
        for i in 0..<n {
            for j in stride(from: i + 2, to: n, by: 1) where !(i == 0 && j == n - 1) {
                if schneiden(p[i], p[i + 1], p[j], p[j + 1]) { return (i, j) }
            }
        }
        return nil
    }

    static func schneiden(_ a: Karte.Punkt, _ b: Karte.Punkt, _ c: Karte.Punkt, _ d: Karte.Punkt) -> Bool {
        func kreuz(_ o: Karte.Punkt, _ p: Karte.Punkt, _ q: Karte.Punkt) -> Double {
            (p.lon - o.lon) * (q.lat - o.lat) - (p.lat - o.lat) * (q.lon - o.lon)
        }
        func auf(_ o: Karte.Punkt, _ p: Karte.Punkt, _ q: Karte.Punkt) -> Bool {
            min(o.lon, p.lon) <= q.lon && q.lon <= max(o.lon, p.lon) && min(o.lat, p.lat) <= q.lat
                && q.lat <= max(o.lat, p.lat)
        }
        let d1 = kreuz(c, d, a), d2 = kreuz(c, d, b), d3 = kreuz(a, b, c), d4 = kreuz(a, b, d)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        if d1 == 0 && auf(c, d, a) { return true }
        if d2 == 0 && auf(c, d, b) { return true }
        if d3 == 0 && auf(a, b, c) { return true }
        if d4 == 0 && auf(a, b, d) { return true }
        return false
    }
}
