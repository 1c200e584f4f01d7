import EckwertCore
import Foundation
import Testing
@testable import EckwertImport

/// The shipped import example (scenarios/importbeispiel): its reconciliation, checked against sums computed
/// here from the raw files in a second, simpler way.
@Suite struct ImportbeispielTests {
    static let beispiel = repoRoot + "/scenarios/importbeispiel"

    /// A copy of the example, so that the source tree is never written.
    static func kopie() throws -> String {
        let ziel = NSTemporaryDirectory() + "eckwert-importbeispiel-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: beispiel, toPath: ziel)
        return ziel
    }

    /// Cents of a German amount by plain text surgery (drop the dots, comma to point, Decimal).
    static func cent(_ s: String) -> Int? {
        let t = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        guard !t.isEmpty, let d = Decimal(string: t) else { return nil }
        return NSDecimalNumber(decimal: d * 100).intValue
    }

    @Test func haushaltStimmtAufDenCent() throws {
        let k = try Self.kopie()
        let b = try HaushaltImport.ausfuehren(
            export: k + "/export/haushalt_2025.csv",
            zuordnung: k + "/export/zuordnung_haushalt.yaml",
            modell: k + "/beispielstadt", probelauf: false
        ).get()
        #expect(b.export.kodierung.kodierung == .windows1252 && b.export.kodierung.erkannt)
        #expect(b.stimmt)
        // Second calculation: decode with Foundation's Windows-1252, split on ';', sum per Produktbereich.
        let data = try #require(FileManager.default.contents(atPath: k + "/export/haushalt_2025.csv"))
        let text = try #require(String(data: data, encoding: .windowsCP1252))
        let zeilen = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let kopf = zeilen[0].components(separatedBy: ";")
        let ist = try #require(kopf.firstIndex(of: "Ergebnis 2025"))
        let konto = try #require(kopf.firstIndex(of: "Sachkonto"))
        var export: [String: Int] = [:], nicht: [String: Int] = [:]
        for z in zeilen.dropFirst() {
            let f = z.components(separatedBy: ";")
            let pb = f[4].isEmpty ? "–" : f[4]
            guard let c = Self.cent(f[ist]) else { continue }
            export[pb, default: 0] += c
            if f[0].isEmpty || f[konto].hasPrefix("9") { nicht[pb, default: 0] += c }
        }
        for pb in ["31", "36", "–"] {
            let a = try #require(
                b.abstimmung.first {
                    $0.schluessel == Abstimmungsschluessel(art: .ist, jahr: 2025, bereich: pb)
                })
            #expect(a.export == export[pb] && a.nichtUebernommen == (nicht[pb] ?? 0))
            #expect(a.uebernommen == (export[pb] ?? 0) - (nicht[pb] ?? 0))
        }
        // What landed in ist.csv, summed back with the model's signs: Aufwand − Ertrag = the export's sum.
        let istCSV = try CSV.lesen(Array(lies(k + "/beispielstadt/ist.csv").utf8), datei: "ist.csv")
        var netto = 0
        for r in istCSV.rows where r.fields[2] != "faelle" {
            let c = try #require(Self.cent(r.fields[3].replacingOccurrences(of: ".", with: "")))
            netto += Kontenrahmen.nkf.zeile(r.fields[2])?.art == .ertrag ? -c : c
        }
        #expect(netto == (export["31"] ?? 0) + (export["36"] ?? 0) - (nicht["31"] ?? 0) - (nicht["36"] ?? 0))
        #expect(lies(k + "/beispielstadt/ist.csv").contains("2025;361001;faelle;1710\n"))
        // Rows not placed: the Kostenrechnung account (line 38, five values) and the row without product (101).
        #expect(b.export.nichtUebernommen.map { $0.ort.line ?? 0 } == [38, 38, 38, 38, 38, 101])
        #expect(b.neueProdukte == ["311101", "311102", "311201", "361002", "362001", "363002"])
        #expect(b.export.veWerte > 0)
    }

    @Test func bevoelkerungSummenJeSozialraum() throws {
        let k = try Self.kopie()
        let b = try BevoelkerungImport.ausfuehren(
            tabelle: k + "/statistik/bevoelkerung_ortsteile.csv",
            zuordnung: k + "/statistik/zuordnung_bevoelkerung.yaml",
            modell: k + "/beispielstadt", probelauf: false
        ).get()
        #expect(b.jahre == [2023, 2024, 2025] && b.stimmt && b.uebersprungen == 3)
        // Second calculation: the table's "Insgesamt" column per Ortsteil, summed by Sozialraum.
        let raum = [
            "011": "S1", "012": "S1", "021": "S2", "022": "S2", "023": "S2", "031": "S3", "032": "S3",
            "041": "S4", "042": "S4", "043": "S4",
        ]
        let text = lies(k + "/statistik/bevoelkerung_ortsteile.csv")
        var erwartet: [String: Int] = [:]
        for z in text.components(separatedBy: "\r\n").dropFirst() where z.hasPrefix("2025;") {
            let f = z.components(separatedBy: ";")
            guard let s = raum[f[1]], let n = Int(f[f.count - 1].replacingOccurrences(of: ".", with: "")) else {
                continue
            }
            erwartet[s, default: 0] += n
        }
        let geschrieben = try CSV.lesen(Array(lies(k + "/beispielstadt/bevoelkerung.csv").utf8), datei: "b")
        var datei: [String: Int] = [:]
        for r in geschrieben.rows { datei[r.fields[0], default: 0] += Int(r.fields[3]) ?? 0 }
        #expect(geschrieben.rows.count == 4 * 2 * 101)
        #expect(datei == erwartet)
        let summen2025 = b.summen.filter { $0.jahr == 2025 }.map(\.tabelle)
        #expect(summen2025 == ["S1", "S2", "S3", "S4"].map { erwartet[$0] ?? -1 })
    }
}
