import Foundation
import Testing
@testable import EckwertCore
import EckwertTestSupport

/// The loader's checks of the Sozialraum rows (`SozialraumDateien.pruefen`, on integer indexes) give exactly the
/// messages — text, file, line, order — of the plain reference below, which looks every case up by
/// (jahr, gebiet, produkt) as the checks first did.
@Suite struct SozialraumPruefungTests {
    static let dateien = (faelle: "faelle_gebiete.csv", indikatoren: "indikatoren.csv")

    static func text(_ d: Diagnostic) -> String {
        let ort = d.location.map {
            "\($0.file):\($0.line.map(String.init) ?? "-"):\($0.column.map(String.init) ?? "-")"
        }
        return "\(d.severity) \(ort ?? "-") \(d.message)"
    }

    static func geprueft(_ m: Planungsmodell) -> [String] {
        let b = Befund()
        SozialraumDateien.pruefen(
            m, faelleZeilen: m.sozialraum.faelleZeilen, indikatorZeilen: m.sozialraum.indikatorZeilen,
            dateien: dateien, befund: b)
        return b.diagnostics.items.map(text)
    }

    /// The reference: every case by its composite key, every product by `Planungsmodell.produkt`, every
    /// population sum by `Bevoelkerung.summe`.
    static func referenz(_ m: Planungsmodell) -> [String] {
        var d = Diagnostics()
        let s = m.sozialraum, gebiete = m.bevoelkerung.gebiete, datei = dateien.faelle
        let ort = { (z: Int?) in SourceLocation(file: datei, line: z) }
        let fehler = s.faelleZeilen.filter { !gebiete.contains($0.key.gebiet) || m.produkt($0.key.produkt) == nil }
        for (k, z) in fehler.sorted(by: { $0.value < $1.value }) {
            if !gebiete.contains(k.gebiet) { d.error(ort(z), "Gebiet '\(k.gebiet)' gibt es in bevoelkerung.csv nicht") }
            if m.produkt(k.produkt) == nil { d.error(ort(z), "Produkt '\(k.produkt)' gibt es in modell.yaml nicht") }
        }
        let erklaert = s.indikatoren.map(\.id)
        let iFehler = s.indikatorZeilen.filter {
            !gebiete.contains($0.key.gebiet) || !erklaert.contains($0.key.indikator)
        }
        for (k, z) in iFehler.sorted(by: { $0.value < $1.value }) {
            let o = SourceLocation(file: dateien.indikatoren, line: z)
            if !gebiete.contains(k.gebiet) { d.error(o, "Gebiet '\(k.gebiet)' gibt es in bevoelkerung.csv nicht") }
            if !erklaert.contains(k.indikator) {
                var t = "Indikator '\(k.indikator)' ist nicht unter indikatoren: in modell.yaml erklärt"
                if let h = Aehnlichkeit.vorschlag(k.indikator, aus: erklaert.sorted()) {
                    t += " – meinten Sie '\(h)'?"
                }
                d.error(o, t)
            }
        }
        for nr in Set(s.faelle.keys.map(\.produkt)).sorted() {
            guard let p = m.produkt(nr) else { continue }
            guard let fz = p.fallzahl else {
                d.warning(
                    ort(nil),
                    "Produkt \(nr) hat Fallzahlen je Sozialraum, aber keinen Fallzahltreiber "
                        + "– sie werden nur gezeigt, nicht fortgeschrieben")
                continue
            }
            let fehlend = gebiete.filter { s.faelle(m.basisjahr, $0, nr) == nil }
            if !fehlend.isEmpty {
                d.error(
                    ort(nil),
                    "Produkt \(nr): für das Basisjahr \(m.basisjahr) fehlen Fallzahlen der Sozialräume "
                        + "\(fehlend.joined(separator: ", ")) (erwartet eine Zeile je Sozialraum, 0 wo keine Fälle)")
                continue
            }
            for jahr in Set(s.faelle.keys.filter { $0.produkt == nr }.map(\.jahr)).sorted() {
                let pop = jahr == m.basisjahr ? m.bevoelkerung : m.bevoelkerungHistorie?.jahre[jahr]
                var summe = 0.0
                for g in gebiete {
                    guard let f = s.faelle(jahr, g, nr) else { continue }
                    summe += f
                    var b = fz.bezug
                    b.gebiet = g
                    if let pop, f > pop.summe(b) {
                        d.warning(
                            ort(s.faelleZeilen[GebietsfallSchluessel(jahr: jahr, gebiet: g, produkt: nr)]),
                            "Produkt \(nr), Gebiet \(g), \(jahr): \(Datendateien.deutsch(f)) Fälle, aber nur "
                                + "\(Datendateien.deutsch(pop.summe(b))) Personen der Bezugsbevölkerung")
                    }
                }
                if let stadt = m.ist.wert(jahr, nr, "faelle"), summe > stadt + 1e-9 {
                    d.warning(
                        ort(nil),
                        "Produkt \(nr), \(jahr): die Fälle der Sozialräume ergeben \(Datendateien.deutsch(summe)), "
                            + "mehr als die \(Datendateien.deutsch(stadt)) Fälle der Stadt in ist.csv "
                            + "(ist.csv bleibt maßgeblich)")
                }
            }
        }
        return d.items.map(text)
    }

    static func musterstadt() throws -> Planungsmodell {
        let wurzel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/musterstadt")
        return try #require(ModellLader.laden(ordner: wurzel.path).modell)
    }

    static func setzen(_ m: inout Planungsmodell, _ jahr: Int, _ g: String, _ nr: String, _ f: Double?, zeile: Int) {
        let k = GebietsfallSchluessel(jahr: jahr, gebiet: g, produkt: nr)
        m.sozialraum.faelle[k] = f
        m.sozialraum.faelleZeilen[k] = f == nil ? nil : zeile
    }

    @Test func musterstadtWieDieReferenz() throws {
        let m = try Self.musterstadt()
        #expect(m.sozialraum.faelle.count > 100)
        #expect(Self.geprueft(m) == Self.referenz(m))
    }

    /// Unknown Sozialraum, unknown product, a Sozialraum missing in the Basisjahr, cases above the reference
    /// population and above the city, a product without driver, a history year, an undeclared indicator.
    @Test func kaputteSozialraumzeilenWieDieReferenz() throws {
        var m = try Self.musterstadt()
        let b = m.basisjahr
        let mitFaellen = Set(m.sozialraum.faelle.keys.map(\.produkt)).sorted()
        let erstes = try #require(mitFaellen.first), letztes = try #require(mitFaellen.last)
        #expect(erstes != letztes)
        let ohneTreiber = try #require(m.produkte.first { $0.fallzahl == nil }).nr
        let g = m.bevoelkerung.gebiete
        Self.setzen(&m, b, "S99", erstes, 5, zeile: 502)
        Self.setzen(&m, b, g[0], "99.9.99", 1, zeile: 500)
        Self.setzen(&m, b, "X", "98.9.99", 1, zeile: 501)
        Self.setzen(&m, b, g[1], letztes, nil, zeile: 0)
        Self.setzen(&m, b, g[2], erstes, 1e9, zeile: 503)
        for (i, gebiet) in g.enumerated() { Self.setzen(&m, b, gebiet, ohneTreiber, 1, zeile: 600 + i) }
        if let h = m.bevoelkerungHistorie?.jahre.keys.min() {
            for (i, gebiet) in g.enumerated() { Self.setzen(&m, h, gebiet, erstes, i == 0 ? 1e9 : 1, zeile: 700 + i) }
        }
        m.sozialraum.indikatorZeilen[IndikatorSchluessel(jahr: b, gebiet: "S98", indikator: "unbekannt")] = 800
        let ist = Self.geprueft(m)
        #expect(ist == Self.referenz(m))
        // By hand: the row errors in line order first.
        let f = Self.dateien.faelle
        #expect(
            Array(ist.prefix(4)) == [
                "error \(f):500:- Produkt '99.9.99' gibt es in modell.yaml nicht",
                "error \(f):501:- Gebiet 'X' gibt es in bevoelkerung.csv nicht",
                "error \(f):501:- Produkt '98.9.99' gibt es in modell.yaml nicht",
                "error \(f):502:- Gebiet 'S99' gibt es in bevoelkerung.csv nicht",
            ])
        #expect(ist.contains { $0.hasPrefix("error indikatoren.csv:800:- Gebiet 'S98'") })
        #expect(ist.contains { $0.contains("Basisjahr \(b) fehlen Fallzahlen der Sozialräume \(g[1]) ") })
        #expect(ist.contains { $0.hasPrefix("warning \(f):503:- Produkt \(erstes), Gebiet \(g[2]), \(b): ") })
        #expect(ist.contains { $0.contains("Produkt \(ohneTreiber) hat Fallzahlen je Sozialraum, aber keinen") })
        #expect(ist.contains { $0.contains("Produkt \(erstes), \(b): die Fälle der Sozialräume ergeben") })
        #expect(ist.contains { $0.hasPrefix("warning \(f):700:- Produkt \(erstes), Gebiet \(g[0]), ") })
    }

    /// Through the whole loader: a duplicate row (reported by the reader), an unknown Sozialraum and product,
    /// S2 missing in the Basisjahr; messages written down by hand, in the loader's order (file, line, column).
    @Test func kaputteDateiImLader() throws {
        var d = Modellbauer.klein().dateien
        d["faelle_gebiete.csv"] =
            "jahr;gebiet;produkt;faelle\n2024;S1;31.1.01;300\n2024;S1;31.1.01;30\n2024;X9;31.1.01;3\n"
            + "2024;S1;99.9.99;1\n"
        let r = try Modellbauer(d).laden()
        let f = r.diagnostics.filter { $0.location?.file == "faelle_gebiete.csv" }.map(Self.text)
        #expect(
            f == [
                "error faelle_gebiete.csv:-:- Produkt 31.1.01: für das Basisjahr 2024 fehlen Fallzahlen der "
                    + "Sozialräume S2 (erwartet eine Zeile je Sozialraum, 0 wo keine Fälle)",
                "error faelle_gebiete.csv:3:1 doppelter Eintrag für Jahr 2024, Gebiet S1, 31.1.01: Zeilen 2 und 3",
                "error faelle_gebiete.csv:4:- Gebiet 'X9' gibt es in bevoelkerung.csv nicht",
                "error faelle_gebiete.csv:5:- Produkt '99.9.99' gibt es in modell.yaml nicht",
            ])
    }

    /// Whether the raster found every case's gebiet, and how many cases it was given: by hand.
    @Test func rasterKenntSeineGebiete() {
        let a = GebietsfallSchluessel(jahr: 2024, gebiet: "A", produkt: "1.1")
        let c = GebietsfallSchluessel(jahr: 2024, gebiet: "C", produkt: "1.1")
        let gut = Gebietsfallraster(gebiete: ["A", "B"], faelle: [a: 1])
        #expect(gut.anzahl == 1 && gut.alleGebieteBekannt)
        let schlecht = Gebietsfallraster(gebiete: ["A", "B"], faelle: [a: 1, c: 2])
        #expect(schlecht.anzahl == 2 && !schlecht.alleGebieteBekannt)
        #expect(Gebietsfallraster(gebiete: [], faelle: [:]).alleGebieteBekannt)
    }

    /// Only an unknown Sozialraum, then only an unknown product, each among known rows: the one row is
    /// reported (the rows are skipped only when nothing in them is unknown).
    @Test func einzelnerUnbekannterEintrag() throws {
        let f = Self.dateien.faelle
        var m = try Self.musterstadt()
        let nr = try #require(Set(m.sozialraum.faelle.keys.map(\.produkt)).sorted().first)
        #expect(Self.geprueft(m).allSatisfy { !$0.hasPrefix("error \(f):") })
        Self.setzen(&m, m.basisjahr, "S77", nr, 1, zeile: 900)
        var ist = Self.geprueft(m)
        #expect(ist == Self.referenz(m))
        #expect(
            ist.filter { $0.hasPrefix("error \(f):900") } == [
                "error \(f):900:- Gebiet 'S77' gibt es in bevoelkerung.csv nicht"
            ])
        m = try Self.musterstadt()
        Self.setzen(&m, m.basisjahr, m.bevoelkerung.gebiete[0], "97.9.99", 1, zeile: 901)
        ist = Self.geprueft(m)
        #expect(ist == Self.referenz(m))
        #expect(
            ist.filter { $0.hasPrefix("error \(f):901") } == [
                "error \(f):901:- Produkt '97.9.99' gibt es in modell.yaml nicht"
            ])
    }
}
