import EckwertCore
import Foundation
import EckwertImport

/// `haushalt`: the input is a finance-system export. Its first byte picks one of the mapping files of
/// tools/fuzz/daten/haushalt and one of the model folders (NKF with data, or a Schleswig-Holstein starter model);
/// the rest is read, mapped, summed, merged with the model's data files and reconciled (dry run).
struct HaushaltZiel: Ziel {
    let staende = [
        modellstand("scenarios/importbeispiel/beispielstadt"), modellstand("tools/fuzz/daten/modell-sh"),
    ]
    /// Per model folder (its line scheme), the mappings read once.
    let zuordnungen: [[HaushaltZuordnung]]

    init() {
        let dateien = yamlDateien("tools/fuzz/daten/haushalt")
        zuordnungen = staende.map { s in
            dateien.map { d in
                switch HaushaltZuordnung.lesen(d.bytes, datei: d.name, kontenrahmen: s.kontenrahmen) {
                case .success(let z): return z
                case .failure(let e): fatalError("\(d.name) zu \(s.ordner): \(e.description)")
                }
            }
        }
    }

    func pruefen(_ d: [UInt8]) {
        guard let w = d.first else { return }
        let n = zuordnungen[0].count
        let s = Int(w) / n % staende.count
        importieren(Array(d.dropFirst()), zuordnungen[s][Int(w) % n], staende[s], d)
    }
}

/// `zuordnung`: the input is the mapping file of `import haushalt`. It is read against both model folders'
/// schemes; where it is accepted, the fixed small exports of tools/fuzz/daten/exporte are imported with it.
struct ZuordnungsZiel: Ziel {
    let staende = HaushaltZiel().staende
    let exporte = csvDateien("tools/fuzz/daten/exporte")

    func pruefen(_ d: [UInt8]) {
        for s in staende {
            switch HaushaltZuordnung.lesen(d, datei: "zuordnung.yaml", kontenrahmen: s.kontenrahmen) {
            case .failure(let e): mitOrt(e, d)
            case .success(let z): for e in exporte { importieren(e.bytes, z, s, d) }
            }
        }
    }
}

/// One dry-run import; an import that fails to reconcile is a finding (the reconciliation holds by construction:
/// every amount read is taken over or listed).
func importieren(_ export: [UInt8], _ z: HaushaltZuordnung, _ s: Modellstand, _ d: [UInt8]) {
    switch HaushaltImport.ausfuehren(export: export, datei: "export.csv", zuordnung: z, stand: s, probelauf: true) {
    case .failure(let e):
        if e.description.contains("Abstimmung stimmt nicht") { verletzt("Abstimmung: \(e.description)", d) }
        _ = e.description
    case .success(let b):
        if !b.stimmt || !b.geschrieben.isEmpty { verletzt("Bericht ohne Abstimmung oder mit Schreiben", d) }
        for n in b.export.nichtUebernommen where (n.ort.line ?? 0) < 1 {
            verletzt("nicht übernommene Zeile ohne Zeilennummer: \(n.grund)", d)
        }
        _ = b.text
    }
}

/// Every error of a mapping reader names the file (and a line where there is one).
func mitOrt(_ e: ModelError, _ d: [UInt8]) {
    for x in e.diagnostics where x.location == nil { verletzt("Meldung ohne Datei: \(x.message)", d) }
    _ = e.description
}

func csvDateien(_ ordner: String) -> [(name: String, bytes: [UInt8])] {
    let namen = (try? FileManager.default.contentsOfDirectory(atPath: ordner)) ?? []
    let csv = namen.filter { $0.hasSuffix(".csv") }.sorted()
    guard !csv.isEmpty else { fatalError("keine Exporte in \(ordner)") }
    return csv.map { ($0, datei(ordner + "/" + $0)) }
}

/// `bevoelkerung`: the input is a statistics-office table; its first byte picks one of the mapping files of
/// tools/fuzz/daten/bevoelkerung and whether the model's Sterbetafel is there (needed for an open top group below
/// 100). With the first byte ≥ 0xF0 the rest is instead read as age groups and counts for the splitting alone
/// (`Altersaufteilung`), so that extreme groups and counts are reached directly.
struct BevoelkerungsZiel: Ziel {
    let stand = modellstand("scenarios/importbeispiel/beispielstadt")
    let sterbetafel: Sterbetafel?
    let zuordnungen: [BevoelkerungZuordnung]

    init() {
        sterbetafel = BevoelkerungImport.sterbetafel(stand)
        if sterbetafel == nil { fatalError("Sterbetafel der Beispielstadt nicht lesbar") }
        zuordnungen = yamlDateien("tools/fuzz/daten/bevoelkerung").map { d in
            switch BevoelkerungZuordnung.lesen(d.bytes, datei: d.name) {
            case .success(let z): return z
            case .failure(let e): fatalError("\(d.name): \(e.description)")
            }
        }
    }

    func pruefen(_ d: [UInt8]) {
        guard let w = d.first else { return }
        if w >= 0xF0 { return aufteilung(Array(d.dropFirst()), mitTafel: w & 1 == 1, d) }
        let z = zuordnungen[Int(w) % zuordnungen.count]
        let tafel = (Int(w) / zuordnungen.count) % 2 == 0 ? sterbetafel : nil
        switch BevoelkerungImport.einspielen(
            Array(d.dropFirst()), datei: "tabelle.csv", z, stand, sterbetafel: tafel, probelauf: true)
        {
        case .failure(let e):
            if e.description.contains("stimmen nicht überein") { verletzt("Summen: \(e.description)", d) }
            _ = e.description
        case .success(let b):
            if !b.stimmt || !b.geschrieben.isEmpty { verletzt("Bericht ohne Summengleichheit oder mit Schreiben", d) }
            _ = b.text
        }
    }

    /// Groups from the bytes, 4 per group: width (0 = single year, bit 7 = open group, which ends the list),
    /// then a count of 24 bits, times 10^9 when bit 6 of the first byte is set.
    func aufteilung(_ b: [UInt8], mitTafel: Bool, _ d: [UInt8]) {
        var gruppen: [Altersspanne: Int] = [:]
        var von = 0
        var i = 0
        while i + 3 < b.count && von <= Alter.max {
            let breite = Int(b[i] & 0x3F) % 16
            var n = Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            if b[i] & 0x40 != 0 { n *= 1_000_000_000 }
            let offen = b[i] & 0x80 != 0
            let g = Altersspanne(von: von, bis: offen ? nil : von + breite)
            gruppen[g] = n
            i += 4
            if offen { break }
            von += breite + 1
        }
        let qx = mitTafel ? sterbetafel?.qx[0] : nil
        guard case .success(let (anzahl, _)) = Altersaufteilung.aufteilen(gruppen, qx: qx) else { return }
        if anzahl.count != Alter.count || anzahl.contains(where: { $0 < 0 }) { verletzt("Einzeljahre", d) }
        for (g, n) in gruppen {
            let summe = (g.von...(g.bis ?? Alter.max)).reduce(0) { $0 + anzahl[$1] }
            if summe != n { verletzt("Gruppe \(g): \(summe) statt \(n)", d) }
        }
    }
}
