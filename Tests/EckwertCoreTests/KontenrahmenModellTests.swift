import Foundation
import Testing
@testable import EckwertCore

/// `kontenrahmen:` in modell.yaml: built-in ids, the warning for unverified lines, aliases in a model's data, and a
/// fuzz test of the scheme reader. Uses the small valid model of `YAMLFuzzTests`.
@Suite struct KontenrahmenModellTests {
    static func laden(
        kontenrahmen: String?, ist zusatz: String = "",
        dateien extra: [String: String] = [:]
    ) -> Ladeergebnis {
        var modell = YAMLFuzzTests.modell
        if let kontenrahmen {
            modell = modell.replacingOccurrences(
                of: "basisjahr: 2025\n",
                with: "basisjahr: 2025\nkontenrahmen: \(kontenrahmen)\n")
        }
        var d = YAMLFuzzTests.csv
        d["modell.yaml"] = Array(modell.utf8)
        d["szenarien.yaml"] = Array(YAMLFuzzTests.szenarien.utf8)
        d["ist.csv"] = (d["ist.csv"] ?? []) + Array(zusatz.utf8)
        for (n, t) in extra { d[n] = Array(t.utf8) }
        return ModellLader.laden(name: "kr", dateien: d)
    }

    @Test func nkfOhneBefund() {
        let e = Self.laden(kontenrahmen: "nkf")
        #expect(e.diagnostics.map(\.description) == [])
        #expect(e.modell?.kontenrahmen.id == "nkf")
        #expect(Self.laden(kontenrahmen: nil).modell?.kontenrahmen.id == "nkf")
    }

    @Test func eingebauteIdsLadenMitWarnungFuerUngepruefteZeilen() throws {
        for id in Kontenrahmen.eingebauteIDs where id != "nkf" {
            let e = Self.laden(kontenrahmen: id)
            #expect(e.diagnostics.filter { $0.severity == .error }.map(\.description) == [], "\(id)")
            let m = try #require(e.modell, "\(id)")
            #expect(m.kontenrahmen.id == id)
            let offen = m.kontenrahmen.ungeprueft.map(\.nr)
            let w = e.diagnostics.filter { $0.severity == .warning && $0.message.hasPrefix("Kontenrahmen \(id):") }
            #expect(w.count == (offen.isEmpty ? 0 : 1), "\(id)")
            // modell.yaml line 3 holds `kontenrahmen:` (inserted after line 2, basisjahr), value at column 15.
            if let w = w.first {
                #expect(w.location?.description == "modell.yaml:3:15")
                #expect(w.message.contains("Zeilen \(m.kontenrahmen.ungepruefteNummern) nicht am amtlichen Muster"))
            }
            // The model computes: the Teilplan's Zuschussbedarf is Aufwendungen − Erträge of that scheme.
            let r = Planungslauf.rechnen(m)
            #expect(!r.szenarien.isEmpty)
        }
        // Sachsen: lines 7–10, 12 and 18–23 are open (lines 1–6, 11, 13–17 were read in budgets), and the whole
        // Finanzplan; the two plans are named apart because both have a line 9.
        let sn = try #require(Kontenrahmen.eingebaut("sachsen"))
        #expect(
            sn.ungepruefteNummern
                == "Ergebnisplan 7, 8, 9, 10, 12, 18, 19, 20, 21, 22, 23; Finanzplan 9, 16, 17, 18, 23, 25, 30, 31, 32")
        // Schleswig-Holstein: Ergebnisplan 1–22 read in published statements; the ILV lines and the Finanzplan are
        // open.
        let sh = try #require(Kontenrahmen.eingebaut("sh"))
        #expect(sh.ungepruefteNummern == "Ergebnisplan 28, 29, 30; Finanzplan 9, 16, 17, 18, 23, 25, 30, 31, 32")
        // Baden-Württemberg: Nr. 24 and the Finanzhaushalt lines not read in § 3 (9, 16, 17 and 18 were).
        let bw = try #require(Kontenrahmen.eingebaut("bw"))
        #expect(bw.ungepruefteNummern == "Ergebnisplan 24; Finanzplan 23, 25, 30, 31, 32")
    }

    @Test func unbekannteId() {
        let e = Self.laden(kontenrahmen: "bayrn")
        #expect(e.modell == nil)
        #expect(
            e.diagnostics.contains {
                $0.location?.description == "modell.yaml:3:15"
                    && $0.message.contains("'bayrn' ist kein eingebauter Kontenrahmen")
                    && $0.message.contains("meinten Sie 'bayern'?")
            })
    }

    @Test func aliasImIstWirdZurZeile() throws {
        // BW calls line 2 "Zuweisungen, Zuwendungen und Umlagen"; the model may use either key.
        let e = Self.laden(kontenrahmen: "bw", ist: "2025;36.3.01;zuweisungen_zuwendungen_umlagen;5000\n")
        #expect(e.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let m = try #require(e.modell)
        #expect(m.ist.wert(2025, "36.3.01", "zuwendungen_umlagen") == 5000)
        #expect(m.ist.wert(2025, "36.3.01", "zuweisungen_zuwendungen_umlagen") == nil)
        // Key and alias for the same year and product: one value too many.
        let doppelt = Self.laden(
            kontenrahmen: "bw",
            ist: "2025;36.3.01;zuwendungen_umlagen;1\n"
                + "2025;36.3.01;zuweisungen_zuwendungen_umlagen;2\n")
        #expect(doppelt.modell == nil)
        #expect(
            doppelt.diagnostics.contains {
                $0.location?.file == "ist.csv"
                    && $0.message.contains(
                        "'zuweisungen_zuwendungen_umlagen' ist ein anderer Name der Zeile 'zuwendungen_umlagen'")
            })
    }

    @Test func aliasImKontoWirdZurZeile() throws {
        // NKF knows `abschreibungen` as another name of line 14; a measure booking to it books to that line.
        var d = YAMLFuzzTests.csv
        let modell = YAMLFuzzTests.modell.replacingOccurrences(
            of: "jaehrlich: 10000, konto: aufwendungen_sach_dienstleistungen",
            with: "jaehrlich: 10000, konto: abschreibungen")
        #expect(modell != YAMLFuzzTests.modell)
        d["modell.yaml"] = Array(modell.utf8)
        d["szenarien.yaml"] = Array(YAMLFuzzTests.szenarien.utf8)
        let e = ModellLader.laden(name: "alias", dateien: d)
        let m = try #require(e.modell, "\(e.diagnostics.map(\.description))")
        #expect(m.massnahmen.first?.kosten.konto == "bilanzielle_abschreibungen")
    }

    @Test func eigeneDateiMitAliasImKonto() throws {
        var schema = KontenrahmenLeserTests.gut
        // transferaufwendungen becomes an alias of line 16.2; the sum line 16 gets another key.
        schema[12] =
            "  - {nr: \"16.2\", key: transfer_b, name: Transfer B, art: aufwand, "
            + "aliase: [hilfen, transferaufwendungen]}"
        schema[13] = "  - {nr: 16, key: transfer_summe, name: Transferaufwendungen, summe: [transfer_a, hilfen]}"
        schema[15] = "  - {nr: 18, key: aufwendungen, name: Aufwendungen, summe: [transfer_summe, abschreibungen]}"
        // The fuzz model books transferaufwendungen (now an alias: accepted), kostenerstattungen,
        // personalaufwendungen and aufwendungen_sach_dienstleistungen (not in this scheme: each one is an error).
        let e = Self.laden(kontenrahmen: "eigen.yaml", dateien: ["eigen.yaml": schema.joined(separator: "\n")])
        let texte = e.diagnostics.map(\.description)
        #expect(e.modell == nil)
        #expect(
            texte.contains { $0.contains("'kostenerstattungen' ist keine Buchungszeile des Kontenrahmens eigen") },
            "\(texte)")
        #expect(texte.contains { $0.contains("'personalaufwendungen'") }, "\(texte)")
        #expect(!texte.contains { $0.contains("'transferaufwendungen'") }, "\(texte)")
        let fehlt = Self.laden(kontenrahmen: "fehlt.yaml")
        #expect(
            fehlt.diagnostics.contains { $0.severity == .error && $0.location?.file == "fehlt.yaml" },
            "\(fehlt.diagnostics.map(\.description))")
    }

    /// Mutated scheme files (the NKF file and the own-scheme example) never crash the reader; every diagnostic
    /// names the file; a scheme that still loads forms its sums. `ECKWERT_FUZZ_KONTENRAHMEN=N` runs more.
    @Test func mutierteKontenrahmenStuerzenNie() {
        let anzahl = ProcessInfo.processInfo.environment["ECKWERT_FUZZ_KONTENRAHMEN"].flatMap(Int.init) ?? 400
        let quellen = [
            Kontenrahmen.eingebauterQuelltext("nkf") ?? "", Kontenrahmen.eingebauterQuelltext("sh") ?? "",
            KontenrahmenLeserTests.gut.joined(separator: "\n"),
        ].map { Array($0.utf8) }
        var rng = SplitMix64(seed: 11)
        var geladen = 0
        for i in 0..<anzahl {
            let bytes = YAMLFuzzTests.mutiere(quellen[i % quellen.count], &rng)
            let b = Befund()
            let k = KontenrahmenLeser.lesen(String(decoding: bytes, as: UTF8.self), datei: "k.yaml", befund: b)
            for d in b.diagnostics.items where d.location?.file != "k.yaml" {
                Issue.record("Diagnose ohne Datei: \(d) – Eingabe \(i)")
            }
            if let k {
                geladen += 1
                var werte = k.zeilen.map { _ in [1.0] }
                Summen.bilden(&werte, k.zeilen)
                _ = k.zeilenschluessel(fuerKonto: "53110000")
            }
        }
        #expect(geladen > anzahl / 50)
    }
}
