import Foundation
import Testing
@testable import EckwertCore

/// A model's own scheme file: sub-lines, aliases, account groups, and the errors of a faulty file (each with file,
/// line and column). `gut[i]` is line i + 1 of a valid own scheme; each fault test replaces whole lines.
@Suite struct KontenrahmenLeserTests {
    static let gut = [
        "id: eigen",  // 1
        "name: Eigener Kontenrahmen",  // 2
        "sonderposten: zuwendungen",  // 3
        "abschreibungen: abschreibungen",  // 4
        "ertraege: ertraege",  // 5
        "aufwendungen: aufwendungen",  // 6
        "ausgleich: ergebnis",  // 7
        "ergebnisplan:",  // 8
        "  - {nr: 1, key: zuwendungen, name: Zuwendungen, art: ertrag, kontengruppen: [\"41\"]}",  // 9
        "  - {nr: 2, key: entgelte, name: Entgelte, art: ertrag, kontengruppen: [\"4\"]}",  // 10
        "  - {nr: 3, key: ertraege, name: Erträge, summe: [zuwendungen, entgelte]}",  // 11
        "  - {nr: \"16.1\", key: transfer_a, name: Transfer A, art: aufwand, kontengruppen: [\"531\"]}",  // 12
        "  - {nr: \"16.2\", key: transfer_b, name: B, art: aufwand, aliase: [hilfen], kontengruppen: [5331]}",  // 13
        // line 14:
        "  - {nr: 16, key: transferaufwendungen, name: Transferaufwendungen, summe: [transfer_a, hilfen]}",
        // line 15:
        "  - {nr: 17, key: abschreibungen, name: AfA, art: aufwand, zahlungswirksam: false, kontengruppen: [57]}",
        "  - {nr: 18, key: aufwendungen, name: Aufwendungen, summe: [transferaufwendungen, abschreibungen]}",  // 16
        "  - {nr: 19, key: ergebnis, name: Ergebnis, summe: [ertraege, -aufwendungen]}",  // 17
    ]

    static func lesen(_ zeilen: [String]) -> (Kontenrahmen?, [Diagnostic]) {
        let b = Befund()
        let k = KontenrahmenLeser.lesen(zeilen.joined(separator: "\n") + "\n", datei: "eigen.yaml", befund: b)
        return (k, b.diagnostics.items)
    }

    /// Line 11 (`ertraege`) with `zuwendungen` and another member; the member starts at column 64.
    static func summe3(_ zweites: String) -> String {
        "  - {nr: 3, key: ertraege, name: Erträge, summe: [zuwendungen, \(zweites)]}"
    }

    static func ersetzt(_ ersatz: [Int: String]) -> [String] {
        gut.enumerated().map { ersatz[$0.offset + 1] ?? $0.element }
    }

    @Test func unterzeilenAliaseUndKontengruppen() throws {
        let (k0, d) = Self.lesen(Self.gut)
        #expect(d.map(\.description) == [])
        let k = try #require(k0)
        #expect(k.zeilen.map(\.nr) == ["1", "2", "3", "16.1", "16.2", "16", "17", "18", "19"])
        // The alias in the sum was replaced by its key.
        #expect(
            k.zeile("transferaufwendungen")?.art
                == .summe([
                    .init(vorzeichen: 1, key: "transfer_a"),
                    .init(vorzeichen: 1, key: "transfer_b"),
                ]))
        #expect(k.schluessel("hilfen") == "transfer_b")
        #expect(k.index("hilfen") == 4)
        #expect(k.istBuchungszeile("hilfen"))
        #expect(!k.istBuchungszeile("transferaufwendungen"))
        #expect(k.schluessel("gibtsnicht") == nil)
        // Longest prefix: 5331 beats 531? No – they do not nest; 53310000 starts with 5331, 53110000 with 531.
        #expect(k.zeilenschluessel(fuerKonto: "53310000") == "transfer_b")
        #expect(k.zeilenschluessel(fuerKonto: "53110000") == "transfer_a")
        #expect(k.zeilenschluessel(fuerKonto: "53210000") == nil)
        // 4 (Entgelte) is a prefix of 41 (Zuwendungen): 41… goes to Zuwendungen, every other 4… to Entgelte.
        #expect(k.zeilenschluessel(fuerKonto: "41100000") == "zuwendungen")
        #expect(k.zeilenschluessel(fuerKonto: "43100000") == "entgelte")
        #expect(k.zeilenschluessel(fuerKonto: "4") == "entgelte")
        // Sub-line sums by hand: 16.1 = 7, 16.2 = 5, 17 = 3, 1 = 10, 2 = 20.
        var werte: [[Double]] = [[10], [20], [0], [7], [5], [0], [3], [0], [0]]
        Summen.bilden(&werte, k.zeilen)
        #expect(werte.map { $0[0] } == [10, 20, 30, 7, 5, 12, 3, 15, 15])  // 30 = 10 + 20; 12 = 7 + 5; 15 = 12 + 3
        #expect(k.geprueft)
        #expect(k.quelle == nil && k.land == nil && k.ilvErtraege == nil && k.finanzplan.isEmpty)
    }

    /// One expected error: file:line:column and a part of the message.
    static func erwarte(
        _ d: [Diagnostic], _ ort: String, _ text: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let treffer = d.filter { $0.severity == .error && $0.location?.description == ort && $0.message.contains(text) }
        #expect(
            treffer.count == 1, "erwartet \(ort): …\(text)…, gefunden: \(d.map(\.description))",
            sourceLocation: sourceLocation)
    }

    @Test func fehlenderPflichtschluessel() {
        var z = Self.gut
        z.remove(at: 6)  // line 7: ausgleich
        let (k, d) = Self.lesen(z)
        #expect(k == nil)
        Self.erwarte(d, "eigen.yaml:1:1", "Pflichtangabe 'ausgleich' fehlt in Kontenrahmen")
        #expect(d.count == 1)
    }

    @Test func unbekannterSummand() {
        let (k, d) = Self.lesen(Self.ersetzt([11: Self.summe3("entgelt")]))
        #expect(k == nil)
        // "  - {nr: 3, key: ertraege, name: Erträge, summe: [zuwendungen, " is 63 characters: column 64.
        Self.erwarte(
            d, "eigen.yaml:11:64",
            "verweist auf 'entgelt', das es in diesem Plan nicht gibt – meinten Sie 'entgelte'?")
    }

    @Test func summandUnterhalbUndZyklus() {
        // Line 11 (ertraege) now also uses ergebnis (line 17), which uses ertraege: a cycle.
        let (_, d) = Self.lesen(Self.ersetzt([11: Self.summe3("ergebnis")]))
        Self.erwarte(d, "eigen.yaml:11:64", "Summen bilden einen Zyklus: ertraege → ergebnis → ertraege")
        // A member below that does not lead back is not a cycle, but still not allowed.
        let (_, d2) = Self.lesen(Self.ersetzt([11: Self.summe3("abschreibungen")]))
        Self.erwarte(d2, "eigen.yaml:11:64", "verweist auf 'abschreibungen', das nicht darüber steht")
        let (_, d3) = Self.lesen(Self.ersetzt([11: "  - {nr: 3, key: ertraege, name: Erträge, summe: [ertraege]}"]))
        Self.erwarte(d3, "eigen.yaml:11:51", "enthält sich selbst (Zyklus)")
    }

    @Test func doppelterSchluesselUndAlias() {
        let (k, d) = Self.lesen(Self.ersetzt([10: "  - {nr: 2, key: zuwendungen, name: Entgelte, art: ertrag}"]))
        #expect(k == nil)
        Self.erwarte(d, "eigen.yaml:10:5", "Schlüssel 'zuwendungen' ist doppelt (zuerst in Zeile 9)")
        let (_, d2) = Self.lesen(
            Self.ersetzt([
                15: "  - {nr: 17, key: abschreibungen, name: Abschreibungen, art: aufwand, aliase: [entgelte]}"
            ]))
        Self.erwarte(d2, "eigen.yaml:15:5", "Alias 'entgelte' ist doppelt (zuerst in Zeile 10)")
        let (_, d3) = Self.lesen(
            Self.ersetzt([
                15: "  - {nr: 17, key: abschreibungen, name: Abschreibungen, art: aufwand, kontengruppen: [\"41\"]}"
            ]))
        Self.erwarte(d3, "eigen.yaml:15:5", "Kontengruppe 41 steht bei 'abschreibungen' und schon bei 'zuwendungen'")
        let (_, d4) = Self.lesen(Self.ersetzt([10: "  - {nr: 1, key: entgelte, name: Entgelte, art: ertrag}"]))
        Self.erwarte(d4, "eigen.yaml:10:5", "Zeilennummer 1 steht schon bei 'zuwendungen'")
    }

    @Test func falscheWerte() {
        let (_, d) = Self.lesen(
            Self.ersetzt([
                9: "  - {nr: 1a, key: Zuwendungen, name: Z, art: ertrag, kontengruppen: [\"4x\"], aliase: [B]}"
            ]))
        // Columns: "  - {nr: " is 9 characters, so nr's value is at 10; key's value at 19; the quote of "4x"
        // at 70; B at 86.
        Self.erwarte(d, "eigen.yaml:9:10", "nr: erwartet eine Zeilennummer wie 15, 161 oder \"16.1\", gefunden '1a'")
        Self.erwarte(
            d, "eigen.yaml:9:19",
            "key: erwartet Kleinbuchstaben, Ziffern und _ (ASCII), gefunden 'Zuwendungen'")
        Self.erwarte(d, "eigen.yaml:9:70", "erwartet eine Kontengruppe aus 1 bis 8 Ziffern")
        Self.erwarte(d, "eigen.yaml:9:86", "aliase: erwartet Kleinbuchstaben")
        let (_, d2) = Self.lesen(Self.ersetzt([7: "ausgleich: ergebnisse"]))
        Self.erwarte(
            d2, "eigen.yaml:7:12",
            "ausgleich: Zeile 'ergebnisse' gibt es im Kontenrahmen nicht – meinten Sie 'ergebnis'?")
        let (_, d3) = Self.lesen(Self.ersetzt([5: "ertraege: zuwendungen"]))
        Self.erwarte(d3, "eigen.yaml:5:11", "ertraege: 'zuwendungen' muss eine Summenzeile sein")
        let (_, d4) = Self.lesen(
            Self.ersetzt([
                11: "  - {nr: 3, key: ertraege, name: Erträge, summe: [zuwendungen, entgelte], kontengruppen: [\"4\"]}"
            ]))
        Self.erwarte(d4, "eigen.yaml:11:90", "eine Summenzeile hat keine Kontengruppen")
        let (_, d5) = Self.lesen(Self.gut + ["zeilen: []"])
        Self.erwarte(d5, "eigen.yaml:18:1", "unbekannter Schlüssel 'zeilen' in Kontenrahmen")
    }

    /// The error lists every required key of an own scheme file (what a user reads to write one).
    @Test func pflichtschluesselSindDokumentiert() throws {
        let doku = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../docs/kontenrahmen.md"), encoding: .utf8)
        for key in KontenrahmenLeser.schluessel + KontenrahmenLeser.zeilenschluessel {
            #expect(doku.contains("`\(key)`"), "docs/kontenrahmen.md erklärt `\(key)` nicht")
        }
        for id in Kontenrahmen.eingebauteIDs { #expect(doku.contains("`\(id)`"), "\(id)") }
    }
}
