import Foundation
import Testing
@testable import EckwertCore

/// Seeded mutation fuzzing of the budget-cycle files: `eckwertebeschluss.yaml` and `ist_unterjaehrig.csv` of the
/// fuzz model are mutated (bytes, tokens, lines, numbers) and loaded through the real loader; a model that still
/// loads also runs the Abweichungsbericht and the frame comparison. Nothing may crash; every diagnostic must name
/// one of the model's files. `ECKWERT_FUZZ_KREISLAUF=100000 swift test --filter KreislaufFuzzTests` runs more.
@Suite struct KreislaufFuzzTests {
    static let beschluss = "beschluss: Rat 2026\nrahmen:\n  J: {2026: 100000, 2027: 120000, 2028: 130000}\n"
    static let unterjaehrig = """
        jahr;monat;produkt;groesse;wert
        2024;6;36.3.01;transferaufwendungen;40000
        2025;6;36.3.01;transferaufwendungen;45000
        2026;3;36.3.01;transferaufwendungen;20000
        2026;6;36.3.01;transferaufwendungen;47000,50
        2026;6;36.3.02;faelle;12
        2026;6;36.3.01;kostenerstattungen;1.234,56

        """

    static func dateien() -> [String: [UInt8]] {
        var d = YAMLFuzzTests.csv
        d["modell.yaml"] = Array(YAMLFuzzTests.modell.utf8)
        d["szenarien.yaml"] = Array(YAMLFuzzTests.szenarien.utf8)
        d["eckwertebeschluss.yaml"] = Array(beschluss.utf8)
        d["ist_unterjaehrig.csv"] = Array(unterjaehrig.utf8)
        return d
    }

    @Test func unmutatedFilesLoadCleanly() throws {
        let e = ModellLader.laden(name: "fuzz", dateien: Self.dateien())
        #expect(e.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let m = try #require(e.modell)
        #expect(m.eckwertebeschluss?.rahmen("J", 2027) == 120_000)
        #expect(m.istUnterjaehrig?.wert(2026, 6, "36.3.01", "kostenerstattungen") == 1234.56)
    }

    @Test func mutatedFilesNeverCrash() {
        let anzahl = ProcessInfo.processInfo.environment["ECKWERT_FUZZ_KREISLAUF"].flatMap(Int.init) ?? 300
        var rng = SplitMix64(seed: 14)
        let basis = Self.dateien()
        let namen = Set(basis.keys)
        var geladen = 0
        for i in 0..<anzahl {
            var d = basis
            let welche = rng.next() % 3
            if welche != 1, let b = d["eckwertebeschluss.yaml"] {
                d["eckwertebeschluss.yaml"] = YAMLFuzzTests.mutiere(b, &rng)
            }
            if welche != 0, let b = d["ist_unterjaehrig.csv"] {
                d["ist_unterjaehrig.csv"] = YAMLFuzzTests.mutiere(b, &rng)
            }
            let e = ModellLader.laden(name: "fuzz\(i)", dateien: d)
            for diag in e.diagnostics where !(diag.location.map { namen.contains($0.file) } ?? false) {
                Issue.record("Diagnose ohne Modelldatei: \(diag) – Eingabe \(i)")
            }
            // The CSV reader alone, on raw random bytes too.
            let zufall = (0..<Int(rng.next() % 200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            _ = Kreislaufdateien.istUnterjaehrig(bytes: zufall, datei: "ist_unterjaehrig.csv")
            guard let m = e.modell else { continue }
            geladen += 1
            let r = Planungslauf.rechnen(m)
            _ = try? Abweichungsbericht.rechnen(m, prognose: r.szenario("status-quo"))
            _ = Rahmenvergleich.rechnen(r, Eckwerte.rechnen(r))
            for l in r.szenarien { _ = Langformat.rahmenzeilen(m, l) }
        }
        #expect(geladen > anzahl / 20)
    }
}
