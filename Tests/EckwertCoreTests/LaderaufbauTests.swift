import Foundation
import Testing
@testable import EckwertCore

/// The loader's tables: the data source registry, the key schema (a resource), the `format:` key and the starter
/// model (resources compiled into the binary).
@Suite struct LaderaufbauTests {
    /// The starter model as in-memory files, optionally with one text replacement in one file.
    static func vorlage(_ datei: String = "", _ alt: String = "", _ neu: String = "") -> [String: [UInt8]] {
        var d: [String: [UInt8]] = [:]
        for (name, text) in Startervorlage.dateien(kommune: "Teststadt") {
            d[name] = Array((name == datei ? text.replacingOccurrences(of: alt, with: neu) : text).utf8)
        }
        return d
    }

    static func meldungen(_ r: Ladeergebnis) -> [String] { r.diagnostics.map(\.description) }

    @Test func startervorlageIstFehlerfrei() {
        let r = ModellLader.laden(name: "vorlage", dateien: Self.vorlage())
        #expect(!r.hatFehler, "\(Self.meldungen(r))")
        #expect(r.modell?.kommune == "Teststadt")
        #expect(r.modell?.produkte.map(\.nr) == ["36.3.01", "36.2.01"])
        // The seven files, every one read.
        #expect(
            r.dateien == [
                "bevoelkerung.csv", "fruchtbarkeit.csv", "ist.csv", "modell.yaml", "sterbetafel.csv",
                "szenarien.yaml", "wanderung.csv",
            ])
    }

    @Test func startervorlageSetztKommuneAlsYAMLText() throws {
        let modell = try #require(Startervorlage.dateien(kommune: "A \"B\" \\ C").first { $0.0 == "modell.yaml" })
        #expect(modell.1.contains("kommune: \"A \\\"B\\\" \\\\ C\"\n"))
        var d = Self.vorlage()
        d["modell.yaml"] = Array(modell.1.utf8)
        #expect(ModellLader.laden(name: "x", dateien: d).modell?.kommune == "A \"B\" \\ C")
    }

    /// `daten: {kontenrahmen: …}` is read like every other data file name, not accepted and ignored: a file that
    /// is not there is reported, a built-in id picks that scheme, and a second, different name at the top is an error.
    @Test func kontenrahmenUnterDatenWirkt() throws {
        let fehlt = ModellLader.laden(
            name: "v",
            dateien: Self.vorlage(
                "modell.yaml", "kontenrahmen: nkf",
                "daten: {kontenrahmen: eigen.yaml}"))
        #expect(
            Self.meldungen(fehlt).contains("eigen.yaml: error: Datei fehlt (Kontenrahmen)"), "\(Self.meldungen(fehlt))")
        let sh = ModellLader.laden(
            name: "v",
            dateien: Self.vorlage(
                "modell.yaml", "kontenrahmen: nkf",
                "daten: {kontenrahmen: sh}"))
        #expect(sh.modell?.kontenrahmen.id == "sh", "\(Self.meldungen(sh))")
        let beide = ModellLader.laden(
            name: "v",
            dateien: Self.vorlage(
                "modell.yaml", "kontenrahmen: nkf",
                "kontenrahmen: nkf\ndaten: {kontenrahmen: sh}"))
        #expect(
            Self.meldungen(beide).contains {
                $0.contains("kontenrahmen: 'nkf' widerspricht daten: {kontenrahmen: sh}")
            },
            "\(Self.meldungen(beide))")
    }

    @Test func schemaIstLesbarUndGeordnet() {
        let s = Schluesselschema.modell
        #expect(s.schluessel().first == "format")
        #expect(s.schluessel().contains("deckungsmittel"))
        #expect(s.schluessel("produkte", "fallzahl", "bezug") == ["alter", "gruppe", "geschlecht", "gebiet"])
        #expect(s.schluessel("investitionen", "folgekosten") == ["jaehrlich", "konto"])
        #expect(s.schluessel("altersgruppen") == [])
        #expect(
            Schluesselschema.szenarien.schluessel("szenarien", "produkte") == [
                "quote_trend", "erstattung_anteil", "fallkosten_trend",
            ])
        // daten: the registry's keys in table order, then the scheme file.
        #expect(
            s.schluessel("daten") == [
                "szenarien", "bevoelkerung", "ist", "sterbetafel", "fruchtbarkeit",
                "wanderung", "vorausberechnung", "ansatz", "planung", "sondereffekte",
                "eckwertebeschluss", "ist_unterjaehrig", "bevoelkerung_historie",
                "gebiete", "faelle_gebiete", "indikatoren", "kontenrahmen",
            ])
    }

    @Test func registerHatEindeutigeSchluesselUndDateien() {
        let q = Datenquellen.alle
        #expect(Set(q.map(\.schluessel)).count == q.count)
        #expect(Set(q.map(\.datei)).count == q.count)
        #expect(q.first?.schluessel == "szenarien")  // read first: what is required depends on the scenarios
        #expect(q.allSatisfy { !$0.wozu.isEmpty })
    }

    @Test func unbekannterSchluesselAusDemSchemaMitHinweis() {
        let r = ModellLader.laden(name: "x", dateien: Self.vorlage("modell.yaml", "rundung: euro", "rundunng: euro"))
        #expect(
            Self.meldungen(r).contains(
                "modell.yaml:8:1: error: unbekannter Schlüssel 'rundunng' in modell.yaml – meinten Sie 'rundung'?"))
        let s = ModellLader.laden(name: "x", dateien: Self.vorlage("szenarien.yaml", "tarif: 0.03", "tarf: 0.03"))
        #expect(
            Self.meldungen(s).contains {
                $0.hasPrefix("szenarien.yaml:")
                    && $0.hasSuffix("unbekannter Schlüssel 'tarf' in Szenario status-quo preise – meinten Sie 'tarif'?")
            })
    }

    @Test func datenSchluesselAusDemRegister() {
        var d = Self.vorlage("modell.yaml", "rundung: euro", "rundung: euro\ndaten: {ist: ist2.csv, anzats: a.csv}")
        d["ist2.csv"] = d["ist.csv"]
        d["ist.csv"] = nil
        let r = ModellLader.laden(name: "x", dateien: d)
        #expect(
            Self.meldungen(r) == [
                "modell.yaml:9:24: error: unbekannter Schlüssel 'anzats' in daten – meinten Sie 'ansatz'?"
            ])
        #expect(r.dateien.contains("ist2.csv"))
    }

    @Test func pflichtdateiFehltNenntZweck() {
        var d = Self.vorlage()
        d["sterbetafel.csv"] = nil
        let r = ModellLader.laden(name: "x", dateien: d)
        #expect(Self.meldungen(r) == ["sterbetafel.csv: error: Datei fehlt (Sterbetafel für methode kohorten)"])
    }

    @Test func formatEinsOderOhne() {
        let r = ModellLader.laden(
            name: "x", dateien: Self.vorlage("modell.yaml", "rundung: euro", "rundung: euro\nformat: 1"))
        #expect(!r.hatFehler, "\(Self.meldungen(r))")
    }

    @Test func neueresFormatKlareMeldung() {
        // Line 9 is the added line; the value starts in column 9 ("format: " is 8 characters).
        let r = ModellLader.laden(
            name: "x",
            dateien: Self.vorlage(
                "modell.yaml", "rundung: euro",
                "rundung: euro\nformat: 2\nneu_in_format_2: ja"))
        #expect(
            Self.meldungen(r) == [
                "modell.yaml:9:9: error: Dieses Modell ist für Format 2 geschrieben; diese Eckwert-Version liest Format 1 – bitte Eckwert aktualisieren"
            ])
        #expect(r.modell == nil)
    }

    @Test func formatKeineZahl() {
        let r = ModellLader.laden(
            name: "x", dateien: Self.vorlage("modell.yaml", "rundung: euro", "rundung: euro\nformat: zwei"))
        #expect(r.hatFehler)
        #expect(Self.meldungen(r).allSatisfy { $0.hasPrefix("modell.yaml:9:9: error: format") })
    }

    /// Every key of the schema and every data file of the registry is described in docs/modellformat.md (inside
    /// backticks, alone or as part of a path such as `produkte.fallzahl.bezug`).
    @Test func dokumentationNenntJedenSchluessel() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/modellformat.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var woerter = Set<String>()
        for (i, teil) in text.components(separatedBy: "`").enumerated() where i % 2 == 1 {
            let w = teil.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
            for x in w {
                woerter.insert(String(x))
                for y in x.split(separator: ".") { woerter.insert(String(y)) }
            }
        }
        let schluessel =
            Schluesselschema.modell.alleSchluessel + Schluesselschema.szenarien.alleSchluessel
            + Datenquellen.alle.map(\.datei)
        let fehlend = schluessel.filter { !woerter.contains($0) }
        #expect(fehlend.isEmpty, "in docs/modellformat.md nicht beschrieben: \(fehlend)")
    }
}
